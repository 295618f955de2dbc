// Defines the integer arithmetic under ncv::rational: built-in integers are overflow-checked, others are trusted.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <concepts>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

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

/// −a in one call, not 0 − a through checked_sub: each call costs g++ 12's constant evaluator
/// an entry and the copies of its arguments, and negation is in every rational subtraction.
template <class Int>
[[nodiscard]] constexpr Int checked_neg(const Int& a) {
    if constexpr (std::integral<Int>) {
        Int result{};
        if (__builtin_sub_overflow(Int(0), a, &result)) overflow("negation");
        return result;
    } else {
        return Int(-a);
    }
}

template <class Int>
[[nodiscard]] constexpr Int abs_value(const Int& a) {
    return a < Int(0) ? checked_neg(a) : a;
}

/// Run time, built-in integers: one division first, then Stein's binary algorithm. The division
/// ends at once what rational arithmetic meets often (one operand a multiple of the other, as the
/// denominators of w and η·(w − x) in an SGD step are) and leaves two numbers of the smaller size;
/// each binary step halves at least one of them without a division, and is written so that the
/// next shift does not wait on the comparison (min and |a − b| from the same two values).
/// Always inlined, as gcd is, into the rational operation that asks: g++ 12 leaves both as calls
/// in ncv sgd's loop (tools/bench/sgd_vs_fraction.py).
template <std::unsigned_integral U>
[[nodiscard, gnu::always_inline]] constexpr U binary_gcd(U a, U b) {
    if (a < b) std::swap(a, b);
    if (b == 0) return a;
    a %= b;
    if (a == 0) return b;
    const int shift = __builtin_ctzll(a | b);  // the power of 2 both share
    a >>= __builtin_ctzll(a);
    b >>= __builtin_ctzll(b);
    while (a != b) {  // both odd: their difference is even and not 0
        const U wrapped = a - b;  // |a − b| or its two's complement: the same trailing zeros
        const int zeros = __builtin_ctzll(wrapped);
        const U difference = a > b ? wrapped : b - a;
        b = a < b ? a : b;
        a = difference >> zeros;
    }
    return a << shift;
}

/// Euclid's algorithm in constant evaluation (where a division is one step of the evaluator, and
/// class integers need it anyway); binary_gcd for built-in integers at run time, where it is about
/// twice as fast as libstdc++'s std::gcd (tools/bench/sgd_scalars.cpp). Euclid takes two
/// remainders a turn, each into the operand it replaces: a temporary is a new local every turn in
/// clang's evaluator (benchmark "compile time of the proofs").
template <class Int>
[[nodiscard, gnu::always_inline]] constexpr Int gcd(Int a, Int b) {
    if constexpr (std::integral<Int>) {
        // Builtins, not checked_neg and std::is_constant_evaluated(): each call is a step of the
        // constant evaluator, and every rational operation asks for a gcd or two.
        if (a < 0 && __builtin_sub_overflow(Int(0), a, &a)) overflow("negation");
        if (b < 0 && __builtin_sub_overflow(Int(0), b, &b)) overflow("negation");
        using U = std::make_unsigned_t<Int>;
        if (!__builtin_is_constant_evaluated()) return static_cast<Int>(binary_gcd(static_cast<U>(a), static_cast<U>(b)));
    } else {
        if (a < Int(0)) a = Int(-a);
        if (b < Int(0)) b = Int(-b);
    }
    if (b == Int(0)) return a;
    for (;;) {
        a = Int(a % b);
        if (a == Int(0)) return b;
        b = Int(b % a);
        if (b == Int(0)) return a;
    }
}

}  // namespace ncv::detail
