// Defines ncv::log_expression (Σ c_k·log f_k + g over polynomials) and its formal derivative, an ncv::polynomial_fraction.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <cstddef>
#include <stdexcept>

#include <ncv/number/multi_polynomial.hpp>

namespace ncv {

/// N/D with polynomial numerator and denominator: what differentiating a logarithm leaves.
/// Kept as a pair, not reduced: the proofs reason about N and D separately (the sign of D on a
/// domain, the roots of N), and equality of fractions is decided by cross-multiplying.
template <class T, std::size_t Vars, std::size_t Capacity>
struct polynomial_fraction {
    /// The polynomial type of both parts.
    using polynomial_type = multi_polynomial<T, Vars, Capacity>;
    /// The numerator.
    polynomial_type numerator;
    /// The denominator (1 unless given).
    polynomial_type denominator = polynomial_type(1);

    /// The value at a point; throws std::domain_error where the denominator vanishes.
    [[nodiscard]] constexpr T operator()(const std::array<T, Vars>& point) const {
        const T d = denominator(point);
        if (d == T(0)) throw std::domain_error("ncv::polynomial_fraction: evaluated at a pole");
        return numerator(point) / d;
    }

    /// Equal as fractions: a.numerator · b.denominator = b.numerator · a.denominator.
    [[nodiscard]] friend constexpr bool operator==(const polynomial_fraction& a, const polynomial_fraction& b) {
        return a.numerator * b.denominator == b.numerator * a.denominator;
    }
};

/// The quotient rule: ∂(N/D)/∂x_v = (N'·D − N·D') / D².
template <class T, std::size_t Vars, std::size_t Capacity>
[[nodiscard]] constexpr polynomial_fraction<T, Vars, Capacity> partial_derivative(
    const polynomial_fraction<T, Vars, Capacity>& f, std::size_t v) {
    return {f.numerator.derivative(v) * f.denominator - f.numerator * f.denominator.derivative(v),
            f.denominator * f.denominator};
}

/// Σ_k c_k·log f_k + g: a loss that holds logarithms, written as data so that a program can
/// differentiate it. The logarithms themselves are never evaluated.
template <class T, std::size_t Vars, std::size_t Capacity, std::size_t Logs>
struct log_expression {
    /// The polynomial type of the terms and arguments.
    using polynomial_type = multi_polynomial<T, Vars, Capacity>;

    /// Not `{}`: g++ 12 may reuse a `{}` that a constant evaluation changed (tests/default_values_test.cpp).
    std::array<polynomial_type, Logs> log_coefficients = std::array<polynomial_type, Logs>();  ///< c_k
    std::array<polynomial_type, Logs> log_arguments = std::array<polynomial_type, Logs>();     ///< f_k
    polynomial_type polynomial_part{};  ///< g
};

/// ∂/∂x_v by d(c·log f) = c·f′/f over the common denominator Π_k f_k:
///   (Σ_k c_k f_k′ Π_{j≠k} f_j + g′ Π_j f_j) / Π_j f_j.
/// Throws std::domain_error if a coefficient c_k depends on x_v: the derivative would then still
/// hold a logarithm (c_k′·log f_k), and would not be a fraction of polynomials.
template <class T, std::size_t Vars, std::size_t Capacity, std::size_t Logs>
[[nodiscard]] constexpr polynomial_fraction<T, Vars, Capacity> partial_derivative(
    const log_expression<T, Vars, Capacity, Logs>& e, std::size_t v) {
    using polynomial_type = multi_polynomial<T, Vars, Capacity>;
    polynomial_type denominator(1);
    for (const auto& argument : e.log_arguments) denominator = denominator * argument;
    polynomial_type numerator = e.polynomial_part.derivative(v) * denominator;
    for (std::size_t k = 0; k < Logs; ++k) {
        if (!e.log_coefficients[k].derivative(v).is_zero())
            throw std::domain_error("ncv::log_expression: a logarithm's coefficient depends on the variable");
        polynomial_type term = e.log_coefficients[k] * e.log_arguments[k].derivative(v);
        for (std::size_t j = 0; j < Logs; ++j)
            if (j != k) term = term * e.log_arguments[j];
        numerator = numerator + term;
    }
    return {numerator, denominator};
}

}  // namespace ncv
