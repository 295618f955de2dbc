// Defines ncv::dual<T>: forward-mode automatic differentiation, a value and its derivative carried together.
#pragma once

#include <ncv/number/concepts.hpp>

namespace ncv {

// Running an unchanged generic algorithm on dual numbers, with the derivative part of one
// input set to 1, yields the derivative of its output with respect to that input: a
// derivative computed independently of any hand-derived chain rule.
template <ring_scalar T>
struct dual {
    T value{};
    T derivative{};

    constexpr dual() = default;
    constexpr dual(T v) : value(static_cast<T&&>(v)) {}  // NOLINT(google-explicit-constructor): a constant
    constexpr dual(T v, T d) : value(static_cast<T&&>(v)), derivative(static_cast<T&&>(d)) {}

    // The variable being differentiated by: derivative 1.
    [[nodiscard]] static constexpr dual variable(T v) { return dual(static_cast<T&&>(v), T(1)); }

    [[nodiscard]] friend constexpr dual operator+(const dual& a, const dual& b) {
        return dual(T(a.value + b.value), T(a.derivative + b.derivative));
    }
    [[nodiscard]] friend constexpr dual operator-(const dual& a, const dual& b) {
        return dual(T(a.value - b.value), T(a.derivative - b.derivative));
    }
    [[nodiscard]] friend constexpr dual operator-(const dual& a) { return dual(T(-a.value), T(-a.derivative)); }
    // (uv)' = u'v + uv'
    [[nodiscard]] friend constexpr dual operator*(const dual& a, const dual& b) {
        return dual(T(a.value * b.value), T(a.derivative * b.value + a.value * b.derivative));
    }
    // (u/v)' = (u'v − uv') / v²
    [[nodiscard]] friend constexpr dual operator/(const dual& a, const dual& b)
        requires field<T>
    {
        return dual(T(a.value / b.value), T((a.derivative * b.value - a.value * b.derivative) / (b.value * b.value)));
    }

    friend constexpr bool operator==(const dual&, const dual&) = default;
};

}  // namespace ncv
