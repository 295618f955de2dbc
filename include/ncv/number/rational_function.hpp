// Defines ncv::rational_function<T>: a quotient of polynomials in t, kept in lowest terms with a monic denominator.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <stdexcept>

#include <ncv/number/concepts.hpp>
#include <ncv/number/polynomial.hpp>

namespace ncv {

/// Used as SGD's scalar, it turns one step of the unchanged update into an identity in t:
/// an equality of rational functions holds for every t where both sides are defined, which is
/// what the induction step of Q1b needs. It is a field, so generic algorithms accept it.
template <field T, std::size_t Capacity = 8>
class rational_function {
public:
    /// The polynomial type of numerator and denominator.
    using polynomial_type = polynomial<T, Capacity>;

    constexpr rational_function() : denominator_(T(1)) {}
    /// The constant c.
    constexpr rational_function(const T& constant) : numerator_(constant), denominator_(T(1)) {}  // NOLINT
    /// The constant c.
    constexpr rational_function(int constant) : rational_function(T(constant)) {}               // NOLINT
    /// The polynomial p, over 1.
    constexpr rational_function(const polynomial_type& p) : numerator_(p), denominator_(T(1)) {}  // NOLINT

    /// Throws std::domain_error for a zero denominator.
    constexpr rational_function(const polynomial_type& numerator, const polynomial_type& denominator)
        : numerator_(numerator), denominator_(denominator) {
        if (denominator_.is_zero()) throw std::domain_error("ncv::rational_function: zero denominator");
        normalise();
    }

    /// The variable t.
    [[nodiscard]] static constexpr rational_function variable() { return rational_function(polynomial_type::variable()); }

    /// The numerator.
    [[nodiscard]] constexpr const polynomial_type& numerator() const noexcept { return numerator_; }
    /// The denominator.
    [[nodiscard]] constexpr const polynomial_type& denominator() const noexcept { return denominator_; }

    /// The value at t; throws std::domain_error where the denominator vanishes.
    [[nodiscard]] constexpr T operator()(const T& t) const {
        const T d = denominator_(t);
        if (d == T(0)) throw std::domain_error("ncv::rational_function: evaluated at a pole");
        return numerator_(t) / d;
    }

    /// a + b over the product of the denominators.
    [[nodiscard]] friend constexpr rational_function operator+(const rational_function& a, const rational_function& b) {
        return rational_function(a.numerator_ * b.denominator_ + b.numerator_ * a.denominator_, a.denominator_ * b.denominator_);
    }
    /// a − b over the product of the denominators.
    [[nodiscard]] friend constexpr rational_function operator-(const rational_function& a, const rational_function& b) {
        return rational_function(a.numerator_ * b.denominator_ - b.numerator_ * a.denominator_, a.denominator_ * b.denominator_);
    }
    /// −a.
    [[nodiscard]] friend constexpr rational_function operator-(const rational_function& a) {
        return rational_function(-a.numerator_, a.denominator_);
    }
    /// a · b.
    [[nodiscard]] friend constexpr rational_function operator*(const rational_function& a, const rational_function& b) {
        return rational_function(a.numerator_ * b.numerator_, a.denominator_ * b.denominator_);
    }
    /// Throws std::domain_error when dividing by the zero function.
    [[nodiscard]] friend constexpr rational_function operator/(const rational_function& a, const rational_function& b) {
        if (b.numerator_.is_zero()) throw std::domain_error("ncv::rational_function: division by zero");
        return rational_function(a.numerator_ * b.denominator_, a.denominator_ * b.numerator_);
    }

    /// Cross-multiplied, so it does not depend on the normal form: p/q = r/s iff p·s = r·q.
    [[nodiscard]] friend constexpr bool operator==(const rational_function& a, const rational_function& b) {
        return a.numerator_ * b.denominator_ == b.numerator_ * a.denominator_;
    }

private:
    // Lowest terms (divide by the gcd) and a monic denominator: the unique normal form, which
    // also keeps degrees small through long chains of operations.
    constexpr void normalise() {
        if (numerator_.is_zero()) {
            denominator_ = polynomial_type(T(1));
            return;
        }
        const auto common = gcd(numerator_, denominator_);
        numerator_ = divide(numerator_, common).quotient;
        denominator_ = divide(denominator_, common).quotient;
        const polynomial_type lead(denominator_.leading_coefficient());
        numerator_ = divide(numerator_, lead).quotient;
        denominator_ = divide(denominator_, lead).quotient;
    }

    polynomial_type numerator_;
    polynomial_type denominator_;
};

}  // namespace ncv
