// Defines how every subcommand names an entry of an answer: counting from 1, as the paper's w11, written dW(1,2).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ncv::tool {

// The convention as each --help states it.
inline constexpr std::string_view entry_naming =
    "entries of answers count from 1, as the paper's w11: B(1,2) is row 1, column 2 of B, iterates(3,2) coordinate 2\n"
    "  of w(3); an input error names its field by JSON path instead, from 0 and labelled: A[0][1] (JSON path)";

// Row i, column j (from 0) of the answer `id`, named from 1: dW(1,2).
[[nodiscard]] inline std::string entry_name(std::string_view id, std::size_t i, std::size_t j) {
    return std::string(id) + "(" + std::to_string(i + 1) + "," + std::to_string(j + 1) + ")";
}

// Element k (from 0) of a list `id`, named from 1: final(2).
[[nodiscard]] inline std::string entry_name(std::string_view id, std::size_t k) {
    return std::string(id) + "(" + std::to_string(k + 1) + ")";
}

// The row and column (from 0) that `text` names as entry_name writes them, id(i,j) with i, j ≥ 1
// (spaces allowed after the comma); nullopt for anything else.
[[nodiscard]] inline std::optional<std::pair<std::size_t, std::size_t>> parse_entry_name(std::string_view text,
                                                                                       std::string_view id) {
    if (text.size() < id.size() + 5 || text.substr(0, id.size()) != id || text[id.size()] != '(' || text.back() != ')')
        return std::nullopt;
    const std::string_view inside = text.substr(id.size() + 1, text.size() - id.size() - 2);
    const std::size_t comma = inside.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    std::string_view row = inside.substr(0, comma), col = inside.substr(comma + 1);
    while (!col.empty() && col.front() == ' ') col.remove_prefix(1);
    const auto number = [](std::string_view digits) -> std::optional<std::size_t> {
        if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos ||
            digits.front() == '0')
            return std::nullopt;
        return std::stoul(std::string(digits));
    };
    const auto i = number(row), j = number(col);
    if (!i || !j) return std::nullopt;
    return std::pair{*i - 1, *j - 1};
}

}  // namespace ncv::tool
