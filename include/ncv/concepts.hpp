// Defines the scalar concepts the generic algorithms ask for: a semiring-like scalar and a field.
#pragma once

#include <concepts>

namespace ncv {

// What a convolution needs of its scalar: value-initialisation gives the additive identity
// (`T{}` is zero), and `+` and `*` exist. Counting scalars, dual numbers and symbolic
// forms satisfy this, which is why algorithms ask for no more.
template <class T>
concept semiring_scalar = std::regular<T> && requires(const T& a, const T& b) {
    { a + b } -> std::convertible_to<T>;
    { a * b } -> std::convertible_to<T>;
};

// Adds subtraction and negation: what gradients and losses need.
template <class T>
concept ring_scalar = semiring_scalar<T> && requires(const T& a, const T& b) {
    { a - b } -> std::convertible_to<T>;
    { -a } -> std::convertible_to<T>;
};

// Adds exact division and construction from an integer: what SGD's step sizes need.
template <class T>
concept field = ring_scalar<T> && std::constructible_from<T, int> && requires(const T& a, const T& b) {
    { a / b } -> std::convertible_to<T>;
};

}  // namespace ncv
