// Defines ncv::linear_form<T, N>: a formal linear combination of N symbols (x⁽¹⁾…x⁽ᴺ⁾ or any others) with coefficients in T.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <cstddef>
#include <stdexcept>

#include <ncv/number/concepts.hpp>
#include <ncv/number/detail/plain_array.hpp>

namespace ncv {

/// A vector space whose elements stand for "every possible data": running SGD on linear forms
/// of the symbols x⁽¹⁾…x⁽ⁿ⁾ gives each iterate as a combination of the data points, which is
/// the iterate for all data at once. Fixed capacity, no allocation, so it lives in constants.
template <ring_scalar T, std::size_t N>
class linear_form {
public:
    /// The coefficient type.
    using scalar_type = T;

    constexpr linear_form() = default;  ///< the zero form

    /// The symbol with 0-based index i (x⁽ⁱ⁺¹⁾ when the symbols are data points).
    [[nodiscard]] static constexpr linear_form symbol(std::size_t i) {
        if (i >= N) throw std::out_of_range("ncv::linear_form: symbol index beyond the form's capacity");
        linear_form f;
        f.coefficients_.values[i] = T(1);
        return f;
    }

    /// From coefficients: {c0, c1, …} stands for c0·s0 + c1·s1 + …
    [[nodiscard]] static constexpr linear_form from_coefficients(const std::array<T, N>& coefficients) {
        linear_form f;
        for (std::size_t i = 0; i < N; ++i) f.coefficients_.values[i] = coefficients[i];
        return f;
    }

    /// N, the number of symbols.
    [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }
    /// The coefficient of x_i (i < N; unchecked).
    [[nodiscard]] constexpr const T& coefficient(std::size_t i) const { return coefficients_.values[i]; }
    /// A copy (the form keeps its coefficients in a plain array).
    [[nodiscard]] constexpr std::array<T, N> coefficients() const {
        std::array<T, N> copy;
        for (std::size_t i = 0; i < N; ++i) copy[i] = coefficients_.values[i];
        return copy;
    }

    /// Coefficient-wise sum.
    [[nodiscard]] friend constexpr linear_form operator+(const linear_form& a, const linear_form& b) {
        linear_form r;
        for (std::size_t i = 0; i < N; ++i) r.coefficients_.values[i] = a.coefficients_.values[i] + b.coefficients_.values[i];
        return r;
    }
    /// Coefficient-wise difference.
    [[nodiscard]] friend constexpr linear_form operator-(const linear_form& a, const linear_form& b) {
        linear_form r;
        for (std::size_t i = 0; i < N; ++i) r.coefficients_.values[i] = a.coefficients_.values[i] - b.coefficients_.values[i];
        return r;
    }
    /// Every coefficient negated.
    [[nodiscard]] friend constexpr linear_form operator-(const linear_form& a) { return linear_form() - a; }
    /// Every coefficient times s.
    [[nodiscard]] friend constexpr linear_form operator*(const T& s, const linear_form& a) {
        linear_form r;
        for (std::size_t i = 0; i < N; ++i) r.coefficients_.values[i] = s * a.coefficients_.values[i];
        return r;
    }

    /// Coefficient by coefficient; for coefficients that are rational functions this is their
    /// own (cross-multiplied) equality, so the identity holds for every value of the variable.
    [[nodiscard]] friend constexpr bool operator==(const linear_form& a, const linear_form& b) {
        for (std::size_t i = 0; i < N; ++i)
            if (!(a.coefficients_.values[i] == b.coefficients_.values[i])) return false;
        return true;
    }

private:
    // Not `{}`: g++ 12 may reuse a `{}` that a constant evaluation changed (tests/default_values_test.cpp).
    detail::plain_array<T, N> coefficients_ = detail::plain_array<T, N>();
};

}  // namespace ncv
