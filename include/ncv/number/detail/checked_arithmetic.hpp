// Defines the integer arithmetic under ncv::rational: built-in integers are overflow-checked, others are trusted.
#pragma once

#include <concepts>
#include <numeric>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace ncv::detail {

// Built-in integers wrap (or are undefined) on overflow at run time; the compiler
// builtins detect it, in constant evaluation as well, and we turn it into an
// exception, which is a compile error when it happens inside a constant expression.
// Any other integer type (Boost.Multiprecision checked or unbounded) is trusted to
// throw or grow on its own.

[[noreturn]] inline void overflow(const char* operation) {
    throw std::overflow_error(std::string("ncv: integer overflow in ") + operation);
}

template <class Int>
[[nodiscard]] constexpr Int checked_add(const Int& a, const Int& b) {
    if constexpr (std::integral<Int>) {
        Int result{};
        if (__builtin_add_overflow(a, b, &result)) overflow("addition");
        return result;
    } else {
        return Int(a + b);
    }
}

template <class Int>
[[nodiscard]] constexpr Int checked_sub(const Int& a, const Int& b) {
    if constexpr (std::integral<Int>) {
        Int result{};
        if (__builtin_sub_overflow(a, b, &result)) overflow("subtraction");
        return result;
    } else {
        return Int(a - b);
    }
}

template <class Int>
[[nodiscard]] constexpr Int checked_mul(const Int& a, const Int& b) {
    if constexpr (std::integral<Int>) {
        Int result{};
        if (__builtin_mul_overflow(a, b, &result)) overflow("multiplication");
        return result;
    } else {
        return Int(a * b);
    }
}

template <class Int>
[[nodiscard]] constexpr Int checked_neg(const Int& a) {
    return checked_sub(Int(0), a);
}

template <class Int>
[[nodiscard]] constexpr Int abs_value(const Int& a) {
    return a < Int(0) ? checked_neg(a) : a;
}

// Euclid's algorithm, except for built-in integers at run time, where std::gcd (binary) is
// faster. In constant evaluation Euclid is: libstdc++'s binary gcd costs g++'s evaluator about
// three times as much per call (tools/bench/lean_rational.py), and class integers need it anyway.
template <class Int>
[[nodiscard]] constexpr Int gcd(Int a, Int b) {
    a = abs_value(a);
    b = abs_value(b);
    if constexpr (std::integral<Int>)
        if (!std::is_constant_evaluated()) return std::gcd(a, b);
    while (b != Int(0)) {
        Int remainder = Int(a % b);
        a = b;
        b = remainder;
    }
    return a;
}

}  // namespace ncv::detail
