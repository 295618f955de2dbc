// Defines ncv::checked_integer: a built-in integer whose +, − and × throw std::overflow_error instead of wrapping.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <compare>
#include <concepts>
#include <utility>

#include <ncv/number/detail/checked_arithmetic.hpp>

namespace ncv {

/// The fastest exact scalar for integer data: one machine word, no gcd, no denominator. It is a
/// ring (no division: the quotient of two integers is not one), so it models unital_ring and not
/// field; an overflow throws (a compile error in constant evaluation), so a result is exact or
/// there is none. A caller with data that may outgrow it restarts on an unbounded type.
template <std::signed_integral Int>
class checked_integer {
public:
    constexpr checked_integer() = default;
    template <std::integral I>
    /// From any integer; throws std::overflow_error if the value does not fit Int.
    constexpr checked_integer(I value) : value_(narrowed(value)) {}  // NOLINT(google-explicit-constructor)

    /// The value.
    [[nodiscard]] constexpr Int value() const noexcept { return value_; }

    /// a + b; throws std::overflow_error instead of wrapping.
    [[nodiscard]] friend constexpr checked_integer operator+(checked_integer a, checked_integer b) {
        return from(detail::checked_add(a.value_, b.value_));
    }
    /// a − b; throws std::overflow_error instead of wrapping.
    [[nodiscard]] friend constexpr checked_integer operator-(checked_integer a, checked_integer b) {
        return from(detail::checked_sub(a.value_, b.value_));
    }
    /// a · b; throws std::overflow_error instead of wrapping.
    [[nodiscard]] friend constexpr checked_integer operator*(checked_integer a, checked_integer b) {
        return from(detail::checked_mul(a.value_, b.value_));
    }
    /// −a; throws std::overflow_error for the most negative value.
    [[nodiscard]] friend constexpr checked_integer operator-(checked_integer a) { return from(detail::checked_neg(a.value_)); }

    /// Equal values.
    friend constexpr bool operator==(checked_integer, checked_integer) = default;
    /// Ordered as the values are.
    friend constexpr std::strong_ordering operator<=>(checked_integer, checked_integer) = default;

private:
    template <std::integral I>
    [[nodiscard]] static constexpr Int narrowed(I value) {
        if (!std::in_range<Int>(value)) detail::overflow("conversion");
        return static_cast<Int>(value);
    }
    [[nodiscard]] static constexpr checked_integer from(Int value) {
        checked_integer c;
        c.value_ = value;
        return c;
    }

    Int value_ = 0;
};

}  // namespace ncv
