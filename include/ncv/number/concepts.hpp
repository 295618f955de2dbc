// Defines the scalar concepts the generic algorithms ask for: semiring, ring, unital ring, ring with division, field.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <concepts>
#include <limits>

namespace ncv {

/// What a convolution needs of its scalar: value-initialisation gives the additive identity
/// (`T{}` is zero), and `+` and `*` exist. Counting scalars, dual numbers and symbolic
/// forms satisfy this, which is why algorithms ask for no more.
template <class T>
concept semiring_scalar = std::regular<T> && requires(const T& a, const T& b) {
    { a + b } -> std::convertible_to<T>;
    { a * b } -> std::convertible_to<T>;
};

/// Adds subtraction and negation: what gradients and losses need.
template <class T>
concept ring_scalar = semiring_scalar<T> && requires(const T& a, const T& b) {
    { a - b } -> std::convertible_to<T>;
    { -a } -> std::convertible_to<T>;
};

/// Adds the integers: T(0), T(1), T(k) exist. What polynomials, determinants and tapes need.
template <class T>
concept unital_ring = ring_scalar<T> && std::constructible_from<T, int>;

/// Adds a `/` that may truncate (the integers have one): an algorithm that asks only for this
/// must check that each quotient it takes is exact, as the central difference does.
template <class T>
concept ring_with_division = unital_ring<T> && requires(const T& a, const T& b) {
    { a / b } -> std::convertible_to<T>;
};

/// Exact division: what SGD's step sizes need. A type that says it is an integer
/// (std::numeric_limits<T>::is_integer: int, std::int64_t, boost::multiprecision::cpp_int) has a
/// `/` that truncates, so it is not a field: 1/(t+1) would silently become 0.
template <class T>
concept field = ring_with_division<T> && !std::numeric_limits<T>::is_integer;

}  // namespace ncv
