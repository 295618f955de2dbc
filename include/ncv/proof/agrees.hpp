// Defines ncv::proof::agrees: a compile-time comparison of a computed value with a claim that, when it fails, names both values.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <ncv/proof/entries.hpp>
#include <ncv/proof/fixed_string.hpp>

namespace ncv::proof {

/// The template arguments of claim_refuted are what a reader of a failed proof sees:
///   claim_refuted<fixed_string<6>{"Q2a.B"}, entry{0, 2}, computed{0, 1}, claimed{1, 1}>
/// (a rational as numerator and denominator). g++ and clang++ both print them this way.
struct entry {
    /// The row, from 0.
    std::size_t row;
    /// The column, from 0.
    std::size_t col;
};
/// The computed value of the first differing entry, as numerator and denominator.
struct computed {
    /// The numerator.
    std::int64_t numerator;
    /// The denominator.
    std::int64_t denominator;
};
/// The claimed value of the first differing entry, as numerator and denominator.
struct claimed {
    /// The numerator.
    std::int64_t numerator;
    /// The denominator.
    std::int64_t denominator;
};

/// Deliberately never defined: instantiating it is the error message.
template <fixed_string Claim, entry At, computed Computed, claimed Claimed>
struct claim_refuted;

namespace detail {

// Part of the trusted base, so it compares by its own means, not through the scalar's operator==
// (which the proofs check): a/b = c/d exactly when a·d = c·b, in 128 bits, where no product of
// two 64-bit integers overflows.
__extension__ using wide_integer = __int128;
consteval bool same_fraction(rational<std::int64_t> x, rational<std::int64_t> y) {
    return wide_integer(x.numerator()) * wide_integer(y.denominator()) ==
           wide_integer(y.numerator()) * wide_integer(x.denominator());
}

template <const auto& Computed, const auto& Claimed>
consteval std::size_t first_disagreement() {
    using computed_type = std::remove_cvref_t<decltype(Computed)>;
    using claimed_type = std::remove_cvref_t<decltype(Claimed)>;
    for (std::size_t k = 0; k < entry_count<computed_type>; ++k)
        if (!same_fraction(as_rational(entry_grid<computed_type>::at(Computed, k)),
                           as_rational(entry_grid<claimed_type>::at(Claimed, k))))
            return k;
    return entry_count<computed_type>;
}

}  // namespace detail

/// True when every entry of Computed equals the same entry of Claimed; otherwise a compile
/// error naming the claim, the first differing entry and both values. Both arguments are
/// references to constants with static storage (namespace-scope constexpr variables).
template <fixed_string Claim, const auto& Computed, const auto& Claimed>
consteval bool agrees() {
    using computed_type = std::remove_cvref_t<decltype(Computed)>;
    using claimed_type = std::remove_cvref_t<decltype(Claimed)>;
    static_assert(entry_grid<computed_type>::rows == entry_grid<claimed_type>::rows &&
                      entry_grid<computed_type>::cols == entry_grid<claimed_type>::cols,
                  "ncv::proof::agrees: the computed value and the claim have different shapes");
    constexpr std::size_t k = detail::first_disagreement<Computed, Claimed>();
    if constexpr (k == entry_count<computed_type>) {
        return true;
    } else {
        constexpr auto value = as_rational(entry_grid<computed_type>::at(Computed, k));
        constexpr auto claim = as_rational(entry_grid<claimed_type>::at(Claimed, k));
        constexpr std::size_t cols = entry_grid<computed_type>::cols;
        return sizeof(claim_refuted<Claim, entry{k / cols, k % cols}, computed{value.numerator(), value.denominator()},
                                    claimed{claim.numerator(), claim.denominator()}>) == 0;
    }
}

}  // namespace ncv::proof
