// Implements the DOM-free reader of integer problems: a boost::json::basic_parser handler that fills matrices and lists.
#include "streamed_problem.hpp"

#include <algorithm>
#include <cstddef>

#include <boost/json/basic_parser_impl.hpp>

#include "huge_pages.hpp"

namespace ncv::tool {

namespace {

// Every event outside the subset sets `gave_up` and stops the parser.
class problem_handler {
public:
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);

    problem_handler(const std::vector<std::string>& matrices, const std::vector<std::string>& lists,
                    const std::vector<std::string>& scalars, std::size_t text_size, const list_sink* sink)
        : matrix_names_(matrices), list_names_(lists), scalar_names_(scalars), most_numbers_(text_size / 2 + 1),
          sink_(sink) {}

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
        const bool known = is_matrix(key_) || is_list(key_) || is_scalar(key_);
        if (!known || std::count(seen_.begin(), seen_.end(), key_) > 0) return give_up(ec);
        seen_.push_back(key_);
        current_ = key_;
        key_.clear();
        return true;
    }
    bool on_array_begin(boost::json::error_code& ec) {
        if (depth_ == 1 && (is_matrix(current_) || is_list(current_))) {
            entries_.clear();
            sinking_ = sink_ != nullptr && current_ == sink_->name;
            if (sinking_) entries_.reserve(sink_chunk);  // reserve_all() if a matrix after all
            else reserve_all();
            rows_ = cols_ = 0;
            shape_ = shape::undecided;
            depth_ = 2;
            return true;
        }
        if (depth_ == 2 && shape_ != shape::list && is_matrix(current_)) {  // the first element decides
            if (sinking_ && shape_ == shape::undecided) {
                sinking_ = false;
                reserve_all();
            }
            shape_ = shape::matrix;
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
        depth_ = 1;
        if (shape_ == shape::list && sinking_) return hand_over(true, ec);
        if (shape_ == shape::list) {
            result.lists.insert_or_assign(current_, std::move(entries_));
            entries_ = {};
            return true;
        }
        if (rows_ == 0) return give_up(ec);  // a matrix has a row, a list an element
        dyn_matrix<checked_integer<std::int64_t>> m(rows_, cols_);
        std::copy(entries_.begin(), entries_.end(), m.data());
        entries_ = {};
        result.matrices.insert_or_assign(current_, std::move(m));
        return true;
    }
    bool on_int64(std::int64_t value, boost::json::string_view, boost::json::error_code& ec) {
        if (depth_ == 3) {
            entries_.push_back(value);
            ++row_length_;
            return true;
        }
        if (depth_ == 2 && (shape_ == shape::list || (shape_ == shape::undecided && is_list(current_)))) {
            shape_ = shape::list;
            entries_.push_back(value);
            return !sinking_ || entries_.size() < sink_chunk || hand_over(false, ec);
        }
        if (depth_ == 1 && is_scalar(current_)) {
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
        if (depth_ != 1 || !is_scalar(current_)) return give_up(ec);
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
    // Numbers handed to the sink at a time: 32 KB, which stay in the cache, and the calls are few.
    static constexpr std::size_t sink_chunk = 4096;

    bool give_up(boost::json::error_code& ec) {
        ec = boost::json::error::syntax;
        return false;
    }
    // `text_size` bounds how many numbers there can be (each takes at least two characters but
    // the last), so one reservation of that many is never outgrown: the vector is not copied as
    // it grows, and the pages of the reservation that no number reaches are never touched.
    void reserve_all() {
        entries_.reserve(most_numbers_);
        prefer_huge_pages(entries_.data(), entries_.capacity() * sizeof(entries_[0]));
    }
    bool hand_over(bool last, boost::json::error_code& ec) {
        if (!entries_.empty() && !sink_->consume(entries_, result, last)) return give_up(ec);
        entries_.clear();
        return true;
    }
    static bool among(const std::vector<std::string>& names, const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    }
    bool is_matrix(const std::string& name) const { return among(matrix_names_, name); }
    bool is_list(const std::string& name) const { return among(list_names_, name); }
    bool is_scalar(const std::string& name) const { return among(scalar_names_, name); }

    // A member that may be a matrix or a list is the one its first element says.
    enum class shape { undecided, matrix, list };

    const std::vector<std::string>& matrix_names_;
    const std::vector<std::string>& list_names_;
    const std::vector<std::string>& scalar_names_;
    shape shape_ = shape::undecided;
    std::size_t most_numbers_;
    const list_sink* sink_;
    bool sinking_ = false;  // the member being read is the sink's list
    std::vector<std::string> seen_;
    std::string key_, current_, string_;
    int depth_ = 0;
    std::vector<checked_integer<std::int64_t>> entries_;
    std::size_t rows_ = 0, cols_ = 0, row_length_ = 0;
};

}  // namespace

std::optional<streamed_problem> read_streamed_problem(std::string_view text, const std::vector<std::string>& matrices,
                                                      const std::vector<std::string>& lists,
                                                      const std::vector<std::string>& scalars, const list_sink* sink) {
    boost::json::basic_parser<problem_handler> parser(boost::json::parse_options{}, matrices, lists, scalars, text.size(),
                                                      sink);
    boost::json::error_code error;
    const std::size_t read = parser.write_some(false, text.data(), text.size(), error);
    // write_some stops after one document: anything but whitespace after it is for the DOM
    // reader to refuse.
    if (error || !parser.done() || text.substr(read).find_first_not_of(" \t\r\n") != std::string_view::npos)
        return std::nullopt;
    return std::move(parser.handler().result);
}

}  // namespace ncv::tool
