// Implements the one reader of JSON input: a boost::json::basic_parser handler that types integer members and builds the rest.
#include "problem_document.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

#include <boost/json/basic_parser_impl.hpp>

#include "huge_pages.hpp"
#include "input_error.hpp"

namespace ncv::tool {

namespace {

using integer = checked_integer<std::int64_t>;

class problem_handler {
public:
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);

    problem_handler(const std::vector<std::string>& matrices, const std::vector<std::string>& lists, std::size_t text_size,
                    const list_sink* sink, bool decimals_as_text)
        : matrix_names_(matrices), list_names_(lists), most_numbers_(text_size / 2 + 1), sink_(sink),
          decimals_as_text_(decimals_as_text) {}

    problem_document result;
    std::string duplicate;  // a key given twice, with the keys of the objects around it
    std::string float_at, float_text;  // the first JSON number with a fraction or exponent: its path and text
    bool sink_abandoned = false;

    bool on_document_begin(boost::json::error_code&) {
        stack_.reset();
        return true;
    }
    bool on_document_end(boost::json::error_code&) {
        if (whole_dom_) result.whole = stack_.release();
        return true;
    }
    bool on_object_begin(boost::json::error_code& ec) {
        element_begins();
        scopes_.push_back({true, {}, {}});
        if (depth_ == 0 && !whole_dom_) {
            depth_ = 1;  // the problem itself
            return true;
        }
        if (!value_begins(ec)) return false;
        ++depth_;
        return true;
    }
    bool on_object_end(std::size_t n, boost::json::error_code&) {
        scopes_.pop_back();
        if (depth_ == 1 && !whole_dom_) {
            depth_ = 0;
            return true;
        }
        stack_.push_object(n);
        return value_ends();
    }
    bool on_array_begin(boost::json::error_code& ec) {
        element_begins();
        scopes_.push_back({false, {}, {}});
        if (depth_ == 1 && !whole_dom_ && (is_matrix(current_) || is_list(current_))) {
            typed_ = true;
            entries_.clear();
            handed_over_ = 0;
            sinking_ = sink_ != nullptr && current_ == sink_->name;
            if (sinking_) entries_.reserve(sink_chunk);  // reserve_all() if a matrix after all
            else reserve_all();
            rows_ = cols_ = row_length_ = 0;
            shape_ = shape::undecided;
            depth_ = 2;
            return true;
        }
        if (typed_ && depth_ == 2 && shape_ != shape::list && is_matrix(current_)) {  // the first element decides
            if (sinking_) {
                if (!no_longer_sinking(ec)) return false;
                reserve_all();
            }
            shape_ = shape::matrix;
            row_length_ = 0;
            depth_ = 3;
            return true;
        }
        if (!value_begins(ec)) return false;
        ++depth_;
        return true;
    }
    bool on_array_end(std::size_t n, boost::json::error_code& ec) {
        scopes_.pop_back();
        if (typed_ && depth_ == 3) {  // a row: not empty, as long as the first
            if (row_length_ > 0 && (rows_ == 0 || row_length_ == cols_)) {
                cols_ = row_length_;
                ++rows_;
                depth_ = 2;
                return true;
            }
            if (!to_dom(ec)) return false;
        } else if (typed_ && depth_ == 2) {  // the member ends
            if (shape_ == shape::list) return end_list(ec);
            if (rows_ > 0) return end_matrix();
            if (!to_dom(ec)) return false;  // [] is neither a matrix nor a list
        }
        stack_.push_array(n);
        return value_ends();
    }
    bool on_int64(std::int64_t value, boost::json::string_view, boost::json::error_code& ec) {
        element_begins();
        if (typed_ && depth_ == 3) {
            entries_.push_back(integer(value));
            ++row_length_;
            return true;
        }
        if (typed_ && depth_ == 2 && (shape_ == shape::list || (shape_ == shape::undecided && is_list(current_)))) {
            shape_ = shape::list;
            entries_.push_back(integer(value));
            return !sinking_ || entries_.size() < sink_chunk || hand_over(false, ec);
        }
        if (!value_begins(ec)) return false;
        stack_.push_int64(value);
        return scalar_ends();
    }
    bool on_uint64(std::uint64_t value, boost::json::string_view, boost::json::error_code& ec) {
        element_begins();
        number_text_.clear();
        if (!value_begins(ec)) return false;
        stack_.push_uint64(value);
        return scalar_ends();
    }
    // Binary floating point is not exact: refused wherever it is, as written, before any field is read.
    // Or, when asked, kept as the decimal the text wrote (a string, read exactly): 0.25 is "0.25".
    bool on_double(double, boost::json::string_view s, boost::json::error_code& ec) {
        element_begins();
        if (decimals_as_text_) {
            if (!value_begins(ec)) return false;
            stack_.push_string(number_text_ + std::string(s));
            number_text_.clear();
            return scalar_ends();
        }
        float_at = element_path();
        float_text = number_text_ + std::string(s);
        ec = boost::json::error::syntax;
        return false;
    }
    bool on_bool(bool value, boost::json::error_code& ec) {
        element_begins();
        if (!value_begins(ec)) return false;
        stack_.push_bool(value);
        return scalar_ends();
    }
    bool on_null(boost::json::error_code& ec) {
        element_begins();
        if (!value_begins(ec)) return false;
        stack_.push_null();
        return scalar_ends();
    }
    bool on_string_part(boost::json::string_view s, std::size_t, boost::json::error_code& ec) {
        if (!in_string_) element_begins();
        if (!in_string_ && !value_begins(ec)) return false;
        in_string_ = true;
        stack_.push_chars(s);
        return true;
    }
    bool on_string(boost::json::string_view s, std::size_t, boost::json::error_code& ec) {
        if (!in_string_) element_begins();
        if (!in_string_ && !value_begins(ec)) return false;
        in_string_ = false;
        stack_.push_string(s);
        return scalar_ends();
    }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::json::error_code&) {
        key_.append(s.data(), s.size());
        if (depth_ > 1 || whole_dom_) stack_.push_chars(s);
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t, boost::json::error_code& ec) {
        key_.append(s.data(), s.size());
        auto& scope = scopes_.back();
        if (std::find(scope.keys.begin(), scope.keys.end(), key_) != scope.keys.end()) {
            duplicate = path() + key_;
            ec = boost::json::error::syntax;
            return false;
        }
        scope.keys.push_back(key_);
        scope.current = key_;
        if (depth_ > 1 || whole_dom_) {
            stack_.push_key(s);
        } else {
            current_ = key_;
            result.names.push_back(key_);
        }
        key_.clear();
        return true;
    }
    bool on_number_part(boost::json::string_view s, boost::json::error_code&) {
        number_text_.append(s.data(), s.size());  // only a number split across writes; the reader makes one
        return true;
    }
    bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }

private:
    // Numbers handed to the sink at a time: 32 KB, which stay in the cache, and the calls are few.
    static constexpr std::size_t sink_chunk = 4096;

    // A value other than a typed number or row begins: the first of the document (which then is
    // not an object), of a member (a DOM one), or inside a typed member, which becomes a DOM one.
    bool value_begins(boost::json::error_code& ec) {
        if (depth_ == 0) {
            whole_dom_ = true;
            return true;
        }
        if (typed_) return to_dom(ec);
        if (depth_ == 1 && !whole_dom_) stack_.reset();
        return true;
    }
    // A value that is not a container ended: a whole member, when it is one.
    bool scalar_ends() {
        if (depth_ == 1 && !whole_dom_) result.values[current_] = stack_.release();
        return true;
    }
    // A container ended (already pushed): a whole member, when it is one.
    bool value_ends() {
        --depth_;
        if (depth_ == 1 && !whole_dom_) result.values[current_] = stack_.release();
        return true;
    }

    // The typed member turns out not to qualify: its numbers so far go on the DOM stack as the
    // parser would have pushed them (whole rows as arrays, the open row's numbers as values).
    // A list whose chunks were handed over cannot be replayed: the reading stops, to be done
    // again without the sink.
    bool to_dom(boost::json::error_code& ec) {
        if (sinking_ && !no_longer_sinking(ec)) return false;
        typed_ = false;
        stack_.reset();
        std::size_t k = 0;
        if (shape_ == shape::matrix) {
            for (std::size_t r = 0; r < rows_; ++r) {
                for (std::size_t c = 0; c < cols_; ++c) stack_.push_int64(entries_[k++].value());
                stack_.push_array(cols_);
            }
        }
        for (; k < entries_.size(); ++k) stack_.push_int64(entries_[k].value());
        entries_ = {};
        return true;
    }
    bool no_longer_sinking(boost::json::error_code& ec) {
        sinking_ = false;
        if (handed_over_ == 0) return true;
        sink_abandoned = true;
        ec = boost::json::error::syntax;
        return false;
    }
    bool end_list(boost::json::error_code& ec) {
        typed_ = false;
        depth_ = 1;
        if (sinking_) return hand_over(true, ec);
        result.lists.insert_or_assign(current_, std::move(entries_));
        entries_ = {};
        return true;
    }
    bool end_matrix() {
        typed_ = false;
        depth_ = 1;
        dyn_matrix<integer> m(rows_, cols_);
        std::copy(entries_.begin(), entries_.end(), m.data());
        entries_ = {};
        result.matrices.insert_or_assign(current_, std::move(m));
        return true;
    }
    bool hand_over(bool last, boost::json::error_code& ec) {
        if (!entries_.empty()) {
            if (!sink_->consume(entries_, result, last)) {
                sink_abandoned = true;
                ec = boost::json::error::syntax;
                return false;
            }
            handed_over_ += entries_.size();
        }
        entries_.clear();
        if (last) sinking_ = false;
        return true;
    }
    // `text_size` bounds how many numbers there can be (each takes at least two characters but
    // the last), so one reservation of that many is never outgrown: the vector is not copied as
    // it grows, and the pages of the reservation that no number reaches are never touched.
    void reserve_all() {
        entries_.reserve(most_numbers_);
        prefer_huge_pages(entries_.data(), entries_.capacity() * sizeof(entries_[0]));
    }
    static bool among(const std::vector<std::string>& names, const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    }
    bool is_matrix(const std::string& name) const { return among(matrix_names_, name); }
    bool is_list(const std::string& name) const { return among(list_names_, name); }
    std::string path() const {
        std::string p;
        for (std::size_t k = 0; k + 1 < scopes_.size(); ++k)
            if (scopes_[k].object) p += scopes_[k].current + ".";
        return p;
    }
    // A value begins inside the innermost container: in an array, it is the next element.
    void element_begins() {
        if (!scopes_.empty() && !scopes_.back().object) ++scopes_.back().elements;
    }
    // The JSON path of the value being read, as input errors name fields: x[0][1], a.b.
    std::string element_path() const {
        std::string p;
        for (const auto& s : scopes_)
            p += s.object ? (p.empty() ? "" : ".") + s.current : "[" + std::to_string(s.elements - 1) + "]";
        return scopes_.empty() || !scopes_.front().object ? "input" + p : p;
    }

    // A member that may be a matrix or a list is the one its first element says.
    enum class shape { undecided, matrix, list };
    struct scope {
        bool object;
        std::vector<std::string> keys;  // objects here have a handful of keys: a list is enough
        std::string current;
        std::size_t elements = 0;  // an array's elements begun so far
    };

    const std::vector<std::string>& matrix_names_;
    const std::vector<std::string>& list_names_;
    std::size_t most_numbers_;
    const list_sink* sink_;
    boost::json::value_stack stack_;
    std::vector<scope> scopes_;
    std::string key_, current_;
    int depth_ = 0;            // 0 outside the document, 1 in the problem's object, more inside a member
    bool whole_dom_ = false;   // the document is not an object: all of it goes on the stack
    bool typed_ = false;       // the member being read is stored typed so far
    bool sinking_ = false;     // ... and is the sink's list
    bool in_string_ = false;
    std::string number_text_;
    bool decimals_as_text_ = false;
    shape shape_ = shape::undecided;
    std::vector<integer> entries_;
    std::size_t rows_ = 0, cols_ = 0, row_length_ = 0, handed_over_ = 0;
};

std::string line_and_column(std::string_view text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t k = 0; k < offset && k < text.size(); ++k) {
        if (text[k] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) {  // count characters, not UTF-8 bytes
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// One pass; nullopt when the sink stopped it (or could not be kept).
std::optional<problem_document> read_once(std::string_view text, const std::string& source,
                                          const std::vector<std::string>& matrices, const std::vector<std::string>& lists,
                                          const list_sink* sink, bool decimals_as_text = false) {
    constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";  // UTF-8's, which some editors write: accepted
    if (text.substr(0, byte_order_mark.size()) == byte_order_mark) text.remove_prefix(byte_order_mark.size());
    boost::json::basic_parser<problem_handler> parser(boost::json::parse_options{}, matrices, lists, text.size(), sink,
                                                      decimals_as_text);
    boost::json::error_code error;
    const std::size_t read = parser.write_some(false, text.data(), text.size(), error);
    auto& handler = parser.handler();
    if (handler.sink_abandoned) return std::nullopt;
    if (!handler.duplicate.empty())
        throw input_error(handler.duplicate, "appears twice in the same object (at " + line_and_column(text, read) +
                                                 "): give each field once");
    if (!handler.float_at.empty())
        throw float_in_json(handler.float_at,
                          "a JSON number with a fraction or an exponent, or too large for 64 bits, is binary floating point (here " +
                              handler.float_text + ", at " + line_and_column(text, read) +
                              "), which is not exact: write it as a string, e.g. \"7/2\", \"0.25\" or \"12345678901234567890123\"");
    if (error) throw input_error(source, "malformed JSON at " + line_and_column(text, read) + ": " + error.message());
    // write_some stops after one document: anything but whitespace after it is refused.
    if (text.substr(read).find_first_not_of(" \t\r\n") != std::string_view::npos)
        throw input_error(source, "malformed JSON: " + boost::json::make_error_code(boost::json::error::extra_data).message());
    return std::move(handler.result);
}

}  // namespace

problem_document read_problem(std::string_view text, const std::string& source, const std::vector<std::string>& matrices,
                              const std::vector<std::string>& lists) {
    return *read_once(text, source, matrices, lists, nullptr);
}

sunk_document read_problem(std::string_view text, const std::string& source, const std::vector<std::string>& matrices,
                           const std::vector<std::string>& lists, const list_sink& sink) {
    if (auto document = read_once(text, source, matrices, lists, &sink)) return {std::move(*document), true};
    return {read_problem(text, source, matrices, lists), false};
}

boost::json::value read_with_decimals(std::string_view text, const std::string& source) {
    return to_value(*read_once(text, source, {}, {}, nullptr, true));
}

problem_document document_of(const boost::json::value& value) {
    problem_document document;
    if (!value.is_object()) {
        document.whole = value;
        return document;
    }
    document.values = value.get_object();
    for (const auto& member : document.values) document.names.emplace_back(member.key());
    return document;
}

boost::json::value to_value(problem_document document) {
    if (document.whole) return std::move(*document.whole);
    boost::json::object object;
    for (const auto& name : document.names) {
        if (const auto m = document.matrices.find(name); m != document.matrices.end()) {
            boost::json::array rows;
            for (std::size_t i = 0; i < m->second.rows(); ++i) {
                boost::json::array row;
                for (std::size_t j = 0; j < m->second.cols(); ++j) row.push_back(m->second(i, j).value());
                rows.push_back(std::move(row));
            }
            object[name] = std::move(rows);
        } else if (const auto l = document.lists.find(name); l != document.lists.end()) {
            boost::json::array items;
            for (const auto& x : l->second) items.push_back(x.value());
            object[name] = std::move(items);
        } else {
            object[name] = std::move(document.values.at(name));
        }
    }
    return object;
}

}  // namespace ncv::tool
