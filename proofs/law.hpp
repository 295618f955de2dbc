// Defines how a check of the trusted base fails: law_broken<"law", case>, naming the first generated case that breaks a law.
#pragma once

#include <cstddef>

#include <ncv/proof/fixed_string.hpp>

namespace trusted {

// The parts of a fraction cross-multiplied in twice the width: no product of 64-bit parts overflows.
__extension__ using wide = __int128;

// a = b for two fractions, by cross-multiplying their parts, not through the scalar's operator==.
template <class Fraction>
constexpr bool same_value(const Fraction& a, const Fraction& b) {
    return wide(a.numerator()) * b.denominator() == wide(b.numerator()) * a.denominator();
}

template <ncv::fixed_string Law, std::size_t Case>
struct law_broken;  // deliberately never defined: instantiating it is the error message

inline constexpr std::size_t holds = static_cast<std::size_t>(-1);

// static_assert(law<"what", check()>()): check() returns holds, or the index of the first case
// that breaks the law, which the failure then names.
template <ncv::fixed_string Law, std::size_t FirstFailure>
consteval bool law() {
    if constexpr (FirstFailure == holds) return true;
    else return sizeof(law_broken<Law, FirstFailure>) == 0;
}

}  // namespace trusted
