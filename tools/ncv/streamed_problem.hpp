// Defines the reading of a JSON problem of integer matrices and lists without a DOM: numbers go straight into them.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include <ncv/array/matrix.hpp>
#include <ncv/number/checked_integer.hpp>

namespace ncv::tool {

// A JSON object whose members are matrices of 64-bit integers (the names in `matrices`), lists
// of them (the names in `lists`; a name in both is what its first element says) or scalars
// (integers and strings), read by a SAX pass: a 2000x2000 matrix costs its 8 bytes per entry,
// not a DOM of 16-byte values. It reads only that well-formed subset: anything else (a fraction,
// a string in a matrix or list, a ragged or empty row, an empty list, a list mixing numbers and
// rows, an unknown or repeated member, bad JSON, a number beyond 64 bits) gives nullopt, and the
// caller reads the text with the DOM reader, which accepts the rest and names the field of
// every error.
struct streamed_problem {
    std::map<std::string, dyn_matrix<checked_integer<std::int64_t>>> matrices;
    std::map<std::string, std::vector<checked_integer<std::int64_t>>> lists;
    boost::json::object scalars;  // the other members, integers and strings only
};

// Where the numbers of one list go instead of into `lists`: handed over a chunk at a time while
// the text is read, so a list of a million numbers is never held. `consume` sees the members read
// before the list (`so_far`) and whether this chunk ends the list, and returns false to stop the
// reading, which then gives nullopt. A member of that name that turns out to be a matrix is read
// into `matrices` as usual.
struct list_sink {
    std::string name;
    std::function<bool(std::span<const checked_integer<std::int64_t>> chunk, const streamed_problem& so_far, bool last)>
        consume;
};

[[nodiscard]] std::optional<streamed_problem> read_streamed_problem(std::string_view text,
                                                                    const std::vector<std::string>& matrices,
                                                                    const std::vector<std::string>& lists,
                                                                    const std::vector<std::string>& scalars,
                                                                    const list_sink* sink = nullptr);

}  // namespace ncv::tool
