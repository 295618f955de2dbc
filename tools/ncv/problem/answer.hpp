// Defines the typed answers of the tools: numbers and matrices on the scalar that computed them.
#pragma once

#include <cstdint>
#include <variant>

#include <ncv/array/matrix.hpp>
#include <ncv/number/checked_integer.hpp>
#include <ncv/number/rational.hpp>

#include "exact_number.hpp"

namespace ncv::tool {

// The scalar tiers, fastest first: 64-bit integers (one word, no gcd), 64-bit rationals, and
// cpp_rational, which never overflows.
using integer64 = checked_integer<std::int64_t>;
using rational64 = rational<std::int64_t>;

// A number or a matrix of an answer on the fastest tier that sufficed for it: converting a
// million entries to cpp_rational only to print them would cost more than computing them.
using answer_number = std::variant<integer64, rational64, exact>;
using answer_matrix = std::variant<dyn_matrix<integer64>, dyn_matrix<rational64>, dyn_matrix<exact>>;

[[nodiscard]] inline exact to_exact(const answer_number& x) {
    return std::visit([](const auto& value) { return to_exact(value); }, x);
}
[[nodiscard]] inline dyn_matrix<exact> to_exact_matrix(const answer_matrix& m) {
    return std::visit([](const auto& matrix) { return to_exact_matrix(matrix); }, m);
}

}  // namespace ncv::tool
