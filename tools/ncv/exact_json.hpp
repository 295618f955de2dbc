// Defines the reading and writing of exact numbers and matrices as JSON for the ncv command.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include <ncv/array/matrix.hpp>

#include "exact_grid.hpp"
#include "exact_number.hpp"
#include "input_error.hpp"

namespace ncv::tool {

// Parses the whole text as one JSON value; malformed JSON is an input_error naming `source`.
[[nodiscard]] boost::json::value parse_json(std::string_view text, const std::string& source);

// A JSON integer, or a string holding an integer, p/q or a decimal ("-7/2", "0.25").
// A JSON number with a fraction or exponent is refused: binary floating point is not exact.
[[nodiscard]] exact read_number(const boost::json::value& value, const std::string& field);

// As scalar S (exact, or ncv::rational<std::int64_t>, which throws std::overflow_error for a
// number beyond 64 bits), naming the field only when there is an error: building a field name
// for each of a million numbers would cost more than reading them. A JSON integer, and on
// 64-bit rationals a string, go straight to S, without a cpp_rational.
template <class S, class FieldName>
[[nodiscard]] S read_number_as(const boost::json::value& value, FieldName field) {
    if (value.is_int64()) return S(value.get_int64());
    if constexpr (std::same_as<S, rational<std::int64_t>>) {
        if (value.is_string()) {
            try {
                return parse_rational<std::int64_t>(value.get_string());
            } catch (const std::logic_error&) {
                // not a number, or a zero denominator: read_number below says which, naming the field
            }
        }
    }
    return from_exact<S>(read_number(value, field()));
}

// "3x5": a shape as the error messages write it.
[[nodiscard]] inline std::string shape_text(std::size_t rows, std::size_t cols) {
    return std::to_string(rows) + "x" + std::to_string(cols);
}

// A non-empty, rectangular list of rows of numbers (S: exact or ncv::rational<std::int64_t>).
template <class S>
[[nodiscard]] dyn_matrix<S> read_matrix_as(const boost::json::value& value, const std::string& field);
[[nodiscard]] dyn_matrix<exact> read_matrix(const boost::json::value& value, const std::string& field);

// A list of numbers (at least one).
[[nodiscard]] std::vector<exact> read_vector(const boost::json::value& value, const std::string& field);

// A JSON integer that is at least `minimum`.
[[nodiscard]] std::size_t read_count(const boost::json::value& value, const std::string& field, std::size_t minimum);

// The members must all be among `known` (and the `answers` a subcommand also reads): a misspelt
// field is an error, not ignored, and the message lists both.
void require_known_fields(const std::vector<std::string>& members, std::span<const std::string_view> known,
                          const std::string& where, std::span<const std::string_view> answers = {});

// An integer as a JSON integer when it fits in 64 bits, anything else as a "p/q" (or digits) string.
[[nodiscard]] boost::json::value write_number(const exact& value);

template <matrix_like M>
[[nodiscard]] boost::json::value write_matrix(const M& m) {
    boost::json::array rows;
    for (std::size_t i = 0; i < m.rows(); ++i) {
        boost::json::array row;
        for (std::size_t j = 0; j < m.cols(); ++j) row.push_back(write_number(exact(m(i, j))));
        rows.push_back(std::move(row));
    }
    return rows;
}

[[nodiscard]] boost::json::value write_vector(const std::vector<exact>& values);

// A number, a list of numbers or a matrix, as the grid of its entries; and back.
[[nodiscard]] exact_grid read_grid(const boost::json::value& value, const std::string& field);
[[nodiscard]] boost::json::value write_grid(const exact_grid& grid);

// Pairs of an id and a grid (an answer key) as a JSON object, in their order.
template <class Pairs>
[[nodiscard]] boost::json::object write_grids(const Pairs& by_id) {
    boost::json::object object;
    for (const auto& [id, grid] : by_id) object[id] = write_grid(grid);
    return object;
}

}  // namespace ncv::tool
