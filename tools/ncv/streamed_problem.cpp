// Implements the DOM-free reader of integer problems: a boost::json::basic_parser handler that fills matrices.
#include "streamed_problem.hpp"

#include <algorithm>
#include <cstddef>

#include <boost/json/basic_parser_impl.hpp>

namespace ncv::tool {

namespace {

// Every event outside the subset sets `gave_up` and stops the parser.
class problem_handler {
public:
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);

    problem_handler(const std::vector<std::string>& matrices, const std::vector<std::string>& scalars)
        : matrix_names_(matrices), scalar_names_(scalars) {}

    bool on_document_begin(boost::json::error_code&) { return true; }
    bool on_document_end(boost::json::error_code&) { return true; }
    bool on_object_begin(boost::json::error_code& ec) {
        if (depth_ != 0) return give_up(ec);
        depth_ = 1;
        return true;
    }
    bool on_object_end(std::size_t, boost::json::error_code&) {
        depth_ = 0;
        return true;
    }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
        key_.append(s.data(), s.size());
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code& ec) {
        key_.append(s.data(), s.size());
        const bool known = std::count(matrix_names_.begin(), matrix_names_.end(), key_) +
                               std::count(scalar_names_.begin(), scalar_names_.end(), key_) >
                           0;
        if (!known || std::count(seen_.begin(), seen_.end(), key_) > 0) return give_up(ec);
        seen_.push_back(key_);
        current_ = key_;
        key_.clear();
        return true;
    }
    bool on_array_begin(boost::json::error_code& ec) {
        if (depth_ == 1 && std::count(matrix_names_.begin(), matrix_names_.end(), current_) > 0) {
            entries_.clear();
            rows_ = cols_ = 0;
            depth_ = 2;
            return true;
        }
        if (depth_ == 2) {
            row_length_ = 0;
            depth_ = 3;
            return true;
        }
        return give_up(ec);
    }
    bool on_array_end(std::size_t, boost::json::error_code& ec) {
        if (depth_ == 3) {  // a row: not empty, as long as the first
            if (row_length_ == 0 || (rows_ > 0 && row_length_ != cols_)) return give_up(ec);
            cols_ = row_length_;
            ++rows_;
            depth_ = 2;
            return true;
        }
        if (rows_ == 0) return give_up(ec);  // a matrix has a row
        dyn_matrix<checked_integer<std::int64_t>> m(rows_, cols_);
        std::copy(entries_.begin(), entries_.end(), m.data());
        entries_ = {};
        result.matrices.insert_or_assign(current_, std::move(m));
        depth_ = 1;
        return true;
    }
    bool on_int64(std::int64_t value, boost::json::string_view, boost::json::error_code& ec) {
        if (depth_ == 3) {
            entries_.push_back(value);
            ++row_length_;
            return true;
        }
        if (depth_ == 1 && std::count(scalar_names_.begin(), scalar_names_.end(), current_) > 0) {
            result.scalars[current_] = value;
            return true;
        }
        return give_up(ec);
    }
    bool on_string_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
        string_.append(s.data(), s.size());
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t, boost::json::error_code& ec) {
        string_.append(s.data(), s.size());
        if (depth_ != 1 || std::count(scalar_names_.begin(), scalar_names_.end(), current_) == 0) return give_up(ec);
        result.scalars[current_] = boost::json::string(string_);
        string_.clear();
        return true;
    }
    bool on_number_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_uint64(std::uint64_t, boost::json::string_view, boost::json::error_code& ec) { return give_up(ec); }
    bool on_double(double, boost::json::string_view, boost::json::error_code& ec) { return give_up(ec); }
    bool on_bool(bool, boost::json::error_code& ec) { return give_up(ec); }
    bool on_null(boost::json::error_code& ec) { return give_up(ec); }
    bool on_comment_part(boost::json::string_view, boost::json::error_code& ec) { return give_up(ec); }
    bool on_comment(boost::json::string_view, boost::json::error_code& ec) { return give_up(ec); }

    streamed_problem result;

private:
    bool give_up(boost::json::error_code& ec) {
        ec = boost::json::error::syntax;
        return false;
    }

    const std::vector<std::string>& matrix_names_;
    const std::vector<std::string>& scalar_names_;
    std::vector<std::string> seen_;
    std::string key_, current_, string_;
    int depth_ = 0;
    std::vector<checked_integer<std::int64_t>> entries_;
    std::size_t rows_ = 0, cols_ = 0, row_length_ = 0;
};

}  // namespace

std::optional<streamed_problem> read_streamed_problem(std::string_view text, const std::vector<std::string>& matrices,
                                                      const std::vector<std::string>& scalars) {
    boost::json::basic_parser<problem_handler> parser(boost::json::parse_options{}, matrices, scalars);
    boost::json::error_code error;
    const std::size_t read = parser.write_some(false, text.data(), text.size(), error);
    // write_some stops after one document: anything but whitespace after it is for the DOM
    // reader to refuse.
    if (error || !parser.done() || text.substr(read).find_first_not_of(" \t\r\n") != std::string_view::npos)
        return std::nullopt;
    return std::move(parser.handler().result);
}

}  // namespace ncv::tool
