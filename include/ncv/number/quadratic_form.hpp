// Defines ncv::quadratic_form<T, N>: a homogeneous polynomial of degree 2 in N symbols, for identities such as Q1a's.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <cstddef>

#include <ncv/number/concepts.hpp>
#include <ncv/number/detail/plain_array.hpp>
#include <ncv/number/linear_form.hpp>

namespace ncv {

/// Σ_{i≤j} c_ij s_i s_j, stored by the pair (i ≤ j) so that s_i s_j and s_j s_i are one term:
/// two forms are equal as polynomials exactly when their coefficients are equal.
template <ring_scalar T, std::size_t N>
class quadratic_form {
public:
    constexpr quadratic_form() = default;

    /// The coefficient of x_i x_j (i ≤ j; unchecked).
    [[nodiscard]] constexpr const T& coefficient(std::size_t i, std::size_t j) const {
        return i <= j ? coefficients_.values[i * N + j] : coefficients_.values[j * N + i];
    }

    /// Adds c to the coefficient of s_i s_j (the same term as s_j s_i).
    constexpr void add_term(std::size_t i, std::size_t j, const T& c) {
        T& entry = i <= j ? coefficients_.values[i * N + j] : coefficients_.values[j * N + i];
        entry = entry + c;
    }

    /// Coefficient-wise sum.
    [[nodiscard]] friend constexpr quadratic_form operator+(const quadratic_form& a, const quadratic_form& b) {
        quadratic_form r;
        for (std::size_t k = 0; k < N * N; ++k) r.coefficients_.values[k] = a.coefficients_.values[k] + b.coefficients_.values[k];
        return r;
    }
    /// Coefficient-wise difference.
    [[nodiscard]] friend constexpr quadratic_form operator-(const quadratic_form& a, const quadratic_form& b) {
        quadratic_form r;
        for (std::size_t k = 0; k < N * N; ++k) r.coefficients_.values[k] = a.coefficients_.values[k] - b.coefficients_.values[k];
        return r;
    }
    /// Every coefficient times s.
    [[nodiscard]] friend constexpr quadratic_form operator*(const T& s, const quadratic_form& a) {
        quadratic_form r;
        for (std::size_t k = 0; k < N * N; ++k) r.coefficients_.values[k] = s * a.coefficients_.values[k];
        return r;
    }

    /// Equal when every coefficient is.
    [[nodiscard]] friend constexpr bool operator==(const quadratic_form&, const quadratic_form&) = default;

    /// ∂/∂s_k: the linear form Σ_j c_kj s_j, with the square term c_kk s_k² giving 2 c_kk s_k.
    [[nodiscard]] constexpr linear_form<T, N> partial_derivative(std::size_t k) const {
        std::array<T, N> coefficients{};
        for (std::size_t j = 0; j < N; ++j)
            coefficients[j] = j == k ? coefficient(k, k) + coefficient(k, k) : coefficient(k, j);
        return linear_form<T, N>::from_coefficients(coefficients);
    }

    /// The value at a point (one number per symbol).
    [[nodiscard]] constexpr T operator()(const std::array<T, N>& point) const {
        T value{};
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = i; j < N; ++j) value = value + coefficients_.values[i * N + j] * point[i] * point[j];
        return value;
    }

private:
    // Only entries i ≤ j are used. Not `{}`: g++ 12 may reuse a `{}` that a constant evaluation changed
    // (tests/default_values_test.cpp).
    detail::plain_array<T, N * N> coefficients_ = detail::plain_array<T, N * N>();
};

/// The product of two linear forms (a namespace-scope operator, so that ADL on linear_form finds it).
template <ring_scalar T, std::size_t N>
[[nodiscard]] constexpr quadratic_form<T, N> operator*(const linear_form<T, N>& a, const linear_form<T, N>& b) {
    quadratic_form<T, N> q;
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < N; ++j) q.add_term(i, j, a.coefficient(i) * b.coefficient(j));
    return q;
}

}  // namespace ncv
