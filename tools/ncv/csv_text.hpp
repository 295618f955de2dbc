// Defines CSV as RFC 4180 writes it: quoted cells with "" for a quote, commas and line breaks inside quotes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "input_error.hpp"

namespace ncv::tool {

// One record and the line it starts on (from 1).
struct csv_record {
    std::size_t line = 0;
    std::vector<std::string> cells;
};

// The records of `text`; a blank line is no record, a CR before LF is dropped. A quote left open
// is an input_error naming `source` and the line it opened on.
[[nodiscard]] inline std::vector<csv_record> read_csv(std::string_view text, const std::string& source) {
    std::vector<csv_record> records;
    csv_record record{1, {}};
    std::string cell;
    std::size_t line = 1, quote_line = 0;
    bool quoted = false, any = false;
    const auto end_record = [&] {
        if (any || !cell.empty() || !record.cells.empty()) {
            record.cells.push_back(cell);
            records.push_back(record);
        }
        record = {line, {}};
        cell.clear();
        any = false;
    };
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (quoted) {
            if (c == '"' && k + 1 < text.size() && text[k + 1] == '"') {
                cell += '"';
                ++k;
            } else if (c == '"') {
                quoted = false;
            } else {
                line += c == '\n';
                cell += c;
            }
        } else if (c == '"') {
            quoted = any = true;
            quote_line = line;
        } else if (c == ',') {
            record.cells.push_back(cell);
            cell.clear();
            any = true;
        } else if (c == '\n' || (c == '\r' && k + 1 < text.size() && text[k + 1] == '\n')) {
            if (c == '\r') ++k;
            ++line;
            end_record();
        } else {
            cell += c;
        }
    }
    if (quoted) throw input_error(source, "line " + std::to_string(quote_line) + ": a quoted cell is not closed");
    end_record();
    return records;
}

// A cell as CSV writes it: quoted (with "" for a quote) when it holds a comma, a quote or a line break.
[[nodiscard]] inline std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace ncv::tool
