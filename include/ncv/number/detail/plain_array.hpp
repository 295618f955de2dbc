// Defines ncv::detail::plain_array<T, N>: a built-in array in a struct, the storage of the fixed-size containers.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>

namespace ncv::detail {

/// std::array would do, but reading its elements goes through operator[], a function call, and
/// g++ 12's constant evaluator pays for every call (binding, lookup, a copy of the arguments):
/// on the proofs' polynomials the calls cost more than the arithmetic. Indexing `values` directly
/// is one step. Copyable, comparable element by element, and value-initialised by
/// `plain_array<T, N>()` (the containers use that form, not `{}`, which g++ 12 may reuse after a
/// constant evaluation changed it: tests/default_values_test.cpp).
template <class T, std::size_t N>
struct plain_array {
    T values[N];

    [[nodiscard]] friend constexpr bool operator==(const plain_array&, const plain_array&) = default;
};

/// No elements (a built-in array cannot be empty; std::array<T, 0> can): e.g. the packed exponents
/// of a polynomial in no variables. Code that indexes it compiles and never runs.
template <class T>
struct plain_array<T, 0> {
    static constexpr T* values = nullptr;

    [[nodiscard]] friend constexpr bool operator==(const plain_array&, const plain_array&) = default;
};

}  // namespace ncv::detail
