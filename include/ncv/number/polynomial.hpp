// Defines ncv::polynomial<T, Capacity>: a polynomial in one variable t with exact coefficients and a fixed maximum size.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <cstddef>
#include <stdexcept>

#include <ncv/number/concepts.hpp>
#include <ncv/number/detail/plain_array.hpp>

namespace ncv {

/// Coefficients c0 + c1 t + … + c_{Capacity−1} t^{Capacity−1}. A fixed capacity keeps it a
/// literal type without allocation; a result that would not fit throws std::length_error,
/// which in a proof is a compile error rather than a silently truncated polynomial.
template <unital_ring T, std::size_t Capacity = 8>
class polynomial {
public:
    /// The coefficient type.
    using coefficient_type = T;
    /// Capacity: the polynomial holds degrees below it.
    [[nodiscard]] static constexpr std::size_t capacity() noexcept { return Capacity; }

    constexpr polynomial() = default;  ///< zero
    /// The constant polynomial c.
    constexpr polynomial(const T& constant) { coefficients_.values[0] = constant; }  // NOLINT(google-explicit-constructor)
    /// The constant polynomial c.
    constexpr polynomial(int constant) : polynomial(T(constant)) {}          // NOLINT(google-explicit-constructor)

    /// The variable t itself.
    [[nodiscard]] static constexpr polynomial variable() {
        polynomial p;
        p.coefficients_.values[1] = T(1);
        return p;
    }

    /// Σ c_k t^k from the coefficients, constant first.
    [[nodiscard]] static constexpr polynomial from_coefficients(const std::array<T, Capacity>& coefficients) {
        polynomial p;
        for (std::size_t k = 0; k < Capacity; ++k) p.coefficients_.values[k] = coefficients[k];
        return p;
    }

    /// The coefficient of t^k (k < Capacity; unchecked).
    [[nodiscard]] constexpr const T& coefficient(std::size_t k) const { return coefficients_.values[k]; }

    /// −1 for the zero polynomial.
    [[nodiscard]] constexpr int degree() const {
        for (std::size_t k = Capacity; k-- > 0;)
            if (!(coefficients_.values[k] == T(0))) return static_cast<int>(k);
        return -1;
    }
    /// True for the zero polynomial.
    [[nodiscard]] constexpr bool is_zero() const { return degree() < 0; }
    /// The coefficient of the highest power (0 for the zero polynomial).
    [[nodiscard]] constexpr T leading_coefficient() const { return is_zero() ? T(0) : coefficients_.values[static_cast<std::size_t>(degree())]; }

    /// The value at t (Horner's rule).
    [[nodiscard]] constexpr T operator()(const T& t) const {  // Horner
        T value(0);
        for (std::size_t k = Capacity; k-- > 0;) value = value * t + coefficients_.values[k];
        return value;
    }

    /// Coefficient-wise sum.
    [[nodiscard]] friend constexpr polynomial operator+(const polynomial& a, const polynomial& b) {
        polynomial r;
        for (std::size_t k = 0; k < Capacity; ++k) r.coefficients_.values[k] = a.coefficients_.values[k] + b.coefficients_.values[k];
        return r;
    }
    /// Coefficient-wise difference.
    [[nodiscard]] friend constexpr polynomial operator-(const polynomial& a, const polynomial& b) {
        polynomial r;
        for (std::size_t k = 0; k < Capacity; ++k) r.coefficients_.values[k] = a.coefficients_.values[k] - b.coefficients_.values[k];
        return r;
    }
    /// Every coefficient negated.
    [[nodiscard]] friend constexpr polynomial operator-(const polynomial& a) { return polynomial() - a; }

    /// a · b; throws std::length_error if the degree reaches Capacity.
    [[nodiscard]] friend constexpr polynomial operator*(const polynomial& a, const polynomial& b) {
        if (a.is_zero() || b.is_zero()) return polynomial();
        if (static_cast<std::size_t>(a.degree() + b.degree()) >= Capacity)
            throw std::length_error("ncv::polynomial: the product's degree exceeds the capacity");
        polynomial r;
        for (std::size_t i = 0; i <= static_cast<std::size_t>(a.degree()); ++i)
            for (std::size_t j = 0; j <= static_cast<std::size_t>(b.degree()); ++j)
                r.coefficients_.values[i + j] = r.coefficients_.values[i + j] + a.coefficients_.values[i] * b.coefficients_.values[j];
        return r;
    }

    /// Polynomial long division over a field: a = quotient·b + remainder, deg remainder < deg b.
    struct division;
    /// a = q·b + r with deg r < deg b (needs division in T); throws std::domain_error for b = 0.
    [[nodiscard]] friend constexpr division divide(const polynomial& a, const polynomial& b)
        requires field<T>
    {
        if (b.is_zero()) throw std::domain_error("ncv::polynomial: division by the zero polynomial");
        polynomial quotient;
        polynomial remainder = a;
        const int db = b.degree();
        while (remainder.degree() >= db) {
            const auto shift = static_cast<std::size_t>(remainder.degree() - db);
            polynomial term;
            term.coefficients_.values[shift] = remainder.leading_coefficient() / b.leading_coefficient();
            quotient = quotient + term;
            remainder = remainder - term * b;
        }
        return {quotient, remainder};
    }

    /// Equal when every coefficient is.
    [[nodiscard]] friend constexpr bool operator==(const polynomial&, const polynomial&) = default;

private:
    // Not `{}`: g++ 12 may reuse a `{}` that a constant evaluation changed (tests/default_values_test.cpp).
    detail::plain_array<T, Capacity> coefficients_ = detail::plain_array<T, Capacity>();
};

/// What divide returns: a = quotient · b + remainder.
template <unital_ring T, std::size_t Capacity>
struct polynomial<T, Capacity>::division {
    /// q.
    polynomial quotient;
    /// r, of degree below b's.
    polynomial remainder;
};

/// The monic greatest common divisor (Euclid's algorithm over a field); gcd(0, 0) = 0.
template <field T, std::size_t Capacity>
[[nodiscard]] constexpr polynomial<T, Capacity> gcd(polynomial<T, Capacity> a, polynomial<T, Capacity> b) {
    while (!b.is_zero()) {
        auto r = divide(a, b).remainder;
        a = b;
        b = r;
    }
    if (a.is_zero()) return a;
    return divide(a, polynomial<T, Capacity>(a.leading_coefficient())).quotient;
}

}  // namespace ncv
