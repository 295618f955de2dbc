// Defines ncv::tool::problem_document: a JSON problem read in one SAX pass, integer matrices and lists typed, the rest as DOM values.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include <ncv/array/matrix.hpp>
#include <ncv/number/checked_integer.hpp>

#include "input_error.hpp"

namespace ncv::tool {

// The members of a problem (a JSON object), each either typed or a DOM value: a member named as a
// matrix or a list whose numbers are all 64-bit integers (rows not empty and of one length, a list
// not empty) is stored typed, at 8 bytes per number rather than a 16-byte DOM value each; any
// other member is kept as boost::json builds it. The readers of each problem take their fields
// from either, with the same checks and the same messages.
struct problem_document {
    std::vector<std::string> names;  // every member, in the order of the text
    std::map<std::string, dyn_matrix<checked_integer<std::int64_t>>> matrices;
    std::map<std::string, std::vector<checked_integer<std::int64_t>>> lists;
    boost::json::object values;                 // the other members
    std::optional<boost::json::value> whole;    // the whole input, when it is not an object

    [[nodiscard]] bool contains(const std::string& name) const {
        return matrices.contains(name) || lists.contains(name) || values.contains(name);
    }
    [[nodiscard]] const boost::json::value* value(const std::string& name) const { return values.if_contains(name); }
};

// Where the numbers of one list go instead of into `lists`: handed over a chunk at a time while
// the text is read, so a list of a million numbers is never held. `consume` sees the members read
// before the list (`so_far`) and whether this chunk ends the list, and returns false to stop. A
// member of that name that is a matrix is stored as usual.
struct list_sink {
    std::string name;
    std::function<bool(std::span<const checked_integer<std::int64_t>> chunk, const problem_document& so_far, bool last)>
        consume;
};

// What a read with a sink found: the document, and whether the sink saw the whole list (false:
// it stopped, or the list held something other than integers after a chunk was handed over, so
// the document was read again without the sink and holds the list itself).
struct sunk_document {
    problem_document document;
    bool sink_completed = false;
};

// A JSON number with a fraction or an exponent, refused where it stands: binary floating point is
// not exact. The field and the reason kept apart, so that a command can say how it allows decimals.
class float_in_json : public input_error {
public:
    float_in_json(std::string field, std::string problem) : input_error(field, problem), field(std::move(field)), problem(std::move(problem)) {}
    std::string field, problem;
};

// Reads `text` (a leading UTF-8 byte order mark is skipped): the members named in `matrices` and
// `lists` typed where they qualify. Malformed JSON, anything after the document, or a key twice
// in one object (which a DOM would keep silently, the last one winning) is an input_error naming
// `source` (or the key), with the line and column.
[[nodiscard]] problem_document read_problem(std::string_view text, const std::string& source,
                                            const std::vector<std::string>& matrices = {},
                                            const std::vector<std::string>& lists = {});
[[nodiscard]] sunk_document read_problem(std::string_view text, const std::string& source,
                                         const std::vector<std::string>& matrices, const std::vector<std::string>& lists,
                                         const list_sink& sink);

// The document as one DOM value, as parse_json reads it, except that a JSON number with a
// fraction or an exponent is kept as the string the text wrote ("-3.3333"), read exactly later.
[[nodiscard]] boost::json::value read_with_decimals(std::string_view text, const std::string& source);

// A DOM value as a problem document, every member a value.
[[nodiscard]] problem_document document_of(const boost::json::value& value);

// The whole document as one DOM value.
[[nodiscard]] boost::json::value to_value(problem_document document);

}  // namespace ncv::tool
