// Defines ncv::proof::agrees: a compile-time comparison of a computed value with a claim that, when it fails, names both values.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

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
/// The computed value of a differing entry, as numerator and denominator.
struct computed {
    /// The numerator.
    std::int64_t numerator;
    /// The denominator.
    std::int64_t denominator;
};
/// The claimed value of a differing entry, as numerator and denominator.
struct claimed {
    /// The numerator.
    std::int64_t numerator;
    /// The denominator.
    std::int64_t denominator;
};

/// Deliberately never defined: instantiating it is the error message.
template <fixed_string Claim, entry At, computed Computed, claimed Claimed>
struct claim_refuted;
/// Deliberately never defined: the number of Claim's refuted entries beyond those listed.
template <fixed_string Claim, std::size_t More>
struct claims_refuted_beyond;

namespace detail {

// Part of the trusted base, so it compares by its own means, not through the scalar's operator==
// (which the proofs check): a/b = c/d exactly when a·d = c·b, in 128 bits, where no product of
// two 64-bit integers overflows.
__extension__ using wide_integer = __int128;
consteval bool same_fraction(rational<std::int64_t> x, rational<std::int64_t> y) {
    return wide_integer(x.numerator()) * wide_integer(y.denominator()) ==
           wide_integer(y.numerator()) * wide_integer(x.denominator());
}

// The entries that differ, in order: how many, and where the first `listed` of them are.
inline constexpr std::size_t listed = 16;
struct disagreement_list {
    std::size_t count = 0;
    std::array<std::size_t, listed> at{};
};

template <const auto& Computed, const auto& Claimed>
consteval disagreement_list disagreements() {
    using computed_type = std::remove_cvref_t<decltype(Computed)>;
    using claimed_type = std::remove_cvref_t<decltype(Claimed)>;
    disagreement_list found;
    for (std::size_t k = 0; k < entry_count<computed_type>; ++k)
        if (!same_fraction(as_rational(entry_grid<computed_type>::at(Computed, k)),
                           as_rational(entry_grid<claimed_type>::at(Claimed, k)))) {
            if (found.count < listed) found.at[found.count] = k;
            ++found.count;
        }
    return found;
}

template <const auto& Computed, const auto& Claimed>
inline constexpr disagreement_list disagreements_of = disagreements<Computed, Claimed>();

template <const auto& Grid, std::size_t k, class Value>
consteval Value value_at() {
    const auto value = as_rational(entry_grid<std::remove_cvref_t<decltype(Grid)>>::at(Grid, k));
    return {value.numerator(), value.denominator()};
}

// One error naming entry k and both of its values (a variable template: g++ reports each
// instantiation that fails, where it stops at the first failing function in a fold).
template <fixed_string Claim, const auto& Computed, const auto& Claimed, std::size_t k,
          std::size_t cols = entry_grid<std::remove_cvref_t<decltype(Computed)>>::cols>
inline constexpr std::size_t refutation =
    sizeof(claim_refuted<Claim, entry{k / cols, k % cols}, value_at<Computed, k, computed>(), value_at<Claimed, k, claimed>()>);

// The count of refuted entries beyond those listed, as an error when there are any.
template <fixed_string Claim, std::size_t More>
inline constexpr std::size_t refuted_beyond = sizeof(claims_refuted_beyond<Claim, More>);
template <fixed_string Claim>
inline constexpr std::size_t refuted_beyond<Claim, 0> = 0;

}  // namespace detail

/// True when every entry of Computed equals the same entry of Claimed; otherwise one compile
/// error for each differing entry (up to 16 per claim, then one claims_refuted_beyond naming how
/// many more), each naming the claim, the entry and both values. Both arguments are references
/// to constants with static storage (namespace-scope constexpr variables).
template <fixed_string Claim, const auto& Computed, const auto& Claimed>
consteval bool agrees() {
    using computed_type = std::remove_cvref_t<decltype(Computed)>;
    using claimed_type = std::remove_cvref_t<decltype(Claimed)>;
    static_assert(entry_grid<computed_type>::rows == entry_grid<claimed_type>::rows &&
                      entry_grid<computed_type>::cols == entry_grid<claimed_type>::cols,
                  "ncv::proof::agrees: the computed value and the claim have different shapes");
    constexpr detail::disagreement_list wrong = detail::disagreements_of<Computed, Claimed>;
    if constexpr (wrong.count == 0) {
        return true;
    } else {
        constexpr std::size_t shown = wrong.count < detail::listed ? wrong.count : detail::listed;
        // Each error a declaration of its own: a compiler that gives up on one still reports the others.
        constexpr std::size_t beyond = detail::refuted_beyond<Claim, wrong.count - shown>;
        constexpr std::size_t sizes = []<std::size_t... I>(std::index_sequence<I...>) {
            return (detail::refutation<Claim, Computed, Claimed, detail::disagreements_of<Computed, Claimed>.at[I]> + ...);
        }(std::make_index_sequence<shown>{});
        return sizes + beyond == 0;
    }
}

}  // namespace ncv::proof
