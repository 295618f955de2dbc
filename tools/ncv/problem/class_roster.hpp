// Defines a class's answers as `ncv check --class` reads them: one student per CSV row or JSON line, each read on its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

namespace ncv::tool {

// What a refused JSON float's message adds: how `ncv check` grades decimals instead.
inline constexpr std::string_view decimals_hint = "or let ncv check grade decimals within a tolerance: --tolerance 0.0001";

// One student: where the row is (its line in the file), the id, the variant when the row names
// one, the answers (answer id -> JSON value, numbers as the strings written), or why the row
// could not be read (then nothing else is meant).
struct student_row {
    std::size_t line = 0;
    std::string id;
    std::optional<std::uint64_t> variant;
    boost::json::object answers;
    std::string error;
};

// The students, and the answer ids in the order the file first gives them.
struct class_roster {
    std::vector<std::string> answer_ids;
    std::vector<student_row> rows;
};

// JSON lines when the first character that is not a space is {, else CSV with a header row
// holding an `id` column, perhaps a `variant` column, and one column per answer id. A CSV cell
// is a number ("-10/3", "0.25"), numbers separated by spaces or commas (a list), rows of them
// separated by semicolons (a matrix: "1 2; 3 4"), or a JSON array; an empty cell is no answer.
// A JSON line is an object {"id": ..., "variant": ..., answer id: value, ...}; `decimals` keeps
// its JSON numbers with a fraction (0.5) as the decimals written, else such a number makes the
// row bad. Throws input_error only for a file with no header or no id column; a bad row is kept
// with its error and the others are read.
[[nodiscard]] class_roster read_class_roster(std::string_view text, const std::string& source, bool decimals);

}  // namespace ncv::tool
