// Implements the class roster: CSV or JSON lines, each row read alone so that one bad row costs only itself.
#include "problem/class_roster.hpp"

#include <algorithm>
#include <sstream>

#include "csv_text.hpp"
#include "exact_json.hpp"
#include "exam_instance.hpp"
#include "input_error.hpp"
#include "problem_document.hpp"

namespace ncv::tool {

namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t"), last = s.find_last_not_of(" \t");
    return first == std::string::npos ? "" : s.substr(first, last - first + 1);
}

std::vector<std::string> split(const std::string& s, const std::string& separators) {
    std::vector<std::string> parts;
    std::string part;
    for (const char c : s + separators.substr(0, 1)) {
        if (separators.find(c) == std::string::npos) {
            part += c;
        } else if (!trimmed(part).empty()) {
            parts.push_back(trimmed(part));
            part.clear();
        } else {
            part.clear();
        }
    }
    return parts;
}

// A CSV cell as a JSON value: a JSON array as written, "1 2; 3 4" as rows, "1 2" as a list, else one number.
boost::json::value cell_value(const std::string& cell, const std::string& column, bool decimals) {
    if (cell.front() == '[') return decimals ? read_with_decimals(cell, column) : parse_json(cell, column);
    const auto numbers = [](const std::string& s) {
        boost::json::array list;
        for (const auto& n : split(s, " ,\t")) list.emplace_back(n);
        return list;
    };
    if (cell.find(';') != std::string::npos) {
        boost::json::array rows;
        for (const auto& row : split(cell, ";")) rows.emplace_back(numbers(row));
        return rows;
    }
    const auto list = numbers(cell);
    if (list.size() > 1) return list;
    return boost::json::string(cell);
}

std::uint64_t variant_seed(const std::string& text) {
    try {
        return parse_seed(text);
    } catch (const input_error&) {
        throw input_error("variant", "'" + text + "' is not a variant's seed (a non-negative whole number below 2^64)");
    }
}

std::string id_text(const boost::json::value& id) {
    if (id.is_string()) return std::string(id.get_string());
    if (id.is_int64() || id.is_uint64()) return boost::json::serialize(id);
    throw input_error("id", "expected a string or a whole number");
}

class_roster read_csv_roster(std::string_view text, const std::string& source, bool decimals) {
    const auto records = read_csv(text, source);
    if (records.empty()) throw input_error(source, "empty: expected a header row with an id column");
    const auto& header = records.front().cells;
    std::vector<std::string> columns;
    for (const auto& h : header) columns.push_back(trimmed(h));
    const auto id_column = std::find(columns.begin(), columns.end(), "id") - columns.begin();
    if (static_cast<std::size_t>(id_column) == columns.size())
        throw input_error(source, "line 1: the header has no id column (it has: " + [&] {
            std::string list;
            for (const auto& c : columns) list += (list.empty() ? "" : ", ") + c;
            return list;
        }() + ")");
    class_roster roster;
    for (const auto& c : columns)
        if (c != "id" && c != "variant" && !c.empty()) roster.answer_ids.push_back(c);
    for (std::size_t r = 1; r < records.size(); ++r) {
        student_row row{records[r].line, "", std::nullopt, {}, ""};
        try {
            const auto& cells = records[r].cells;
            if (cells.size() != columns.size())
                throw input_error("line " + std::to_string(row.line), std::to_string(cells.size()) + " cells, but the header has " +
                                                                          std::to_string(columns.size()));
            row.id = trimmed(cells[static_cast<std::size_t>(id_column)]);
            if (row.id.empty()) throw input_error("id", "empty");
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const std::string cell = trimmed(cells[c]);
                if (c == static_cast<std::size_t>(id_column) || cell.empty() || columns[c].empty()) continue;
                if (columns[c] == "variant") row.variant = variant_seed(cell);
                else row.answers[columns[c]] = cell_value(cell, columns[c], decimals);
            }
        } catch (const input_error& e) {
            row.error = e.what();
        }
        roster.rows.push_back(std::move(row));
    }
    return roster;
}

class_roster read_json_lines(std::string_view text, const std::string& source, bool decimals) {
    class_roster roster;
    std::size_t line = 0, start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view content = text.substr(start, end - start);
        ++line;
        start = end + 1;
        if (content.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        student_row row{line, "", std::nullopt, {}, ""};
        try {
            const std::string name = source + " line " + std::to_string(line);
            const auto value = decimals ? read_with_decimals(content, name) : parse_json(content, name);
            if (!value.is_object()) throw input_error(name, "expected a JSON object with an id and the answers");
            for (const auto& member : value.get_object()) {
                const std::string key(member.key());
                if (key == "id") row.id = id_text(member.value());
                else if (key == "variant") row.variant = variant_seed(member.value().is_string() ? std::string(member.value().get_string())
                                                                                                 : boost::json::serialize(member.value()));
                else {
                    row.answers[key] = member.value();
                    if (std::find(roster.answer_ids.begin(), roster.answer_ids.end(), key) == roster.answer_ids.end())
                        roster.answer_ids.push_back(key);
                }
            }
            if (row.id.empty()) throw input_error("id", "missing: each line names its student");
        } catch (const float_in_json& e) {
            row.error = input_error(e.field, e.problem + "; " + std::string(decimals_hint)).what();
        } catch (const input_error& e) {
            row.error = e.what();
        }
        roster.rows.push_back(std::move(row));
    }
    return roster;
}

}  // namespace

class_roster read_class_roster(std::string_view text, const std::string& source, bool decimals) {
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string_view::npos && text[first] == '{') return read_json_lines(text, source, decimals);
    return read_csv_roster(text, source, decimals);
}

}  // namespace ncv::tool
