// Compile-time tests of the proof helpers: entry grids, fixed strings, agrees, and the claim mutation hook.
// Nothing runs: this file compiles only if every assertion holds, and it is built by `meson test`.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <ncv/array/matrix.hpp>
#include <ncv/exam/claim.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/proof/agrees.hpp>
#include <ncv/proof/entries.hpp>
#include <ncv/proof/fixed_string.hpp>

// The hook a claim mutant uses: raise entry 1 of the claim "T.raised" by one.
template <>
struct ncv::exam::claim_mutation<void> {
    static constexpr std::string_view claim = "T.raised";
    static constexpr std::size_t entry = 1;
};

namespace {

using q = ncv::rational<std::int64_t>;

// ---- entry grids: a scalar is 1x1, a matrix row-major, an array one row ----
static_assert(ncv::entry_grid<q>::rows == 1 && ncv::entry_grid<q>::cols == 1 && ncv::entry_count<q> == 1);
static_assert(ncv::entry_grid<ncv::matrix<q, 2, 3>>::rows == 2 && ncv::entry_grid<ncv::matrix<q, 2, 3>>::cols == 3);
static_assert(ncv::entry_grid<std::array<int, 4>>::rows == 1 && ncv::entry_count<std::array<int, 4>> == 4);
constexpr ncv::matrix<q, 2, 3> m({{1, 2, 3}, {4, 5, q(6, 7)}});
static_assert(ncv::entry_grid<ncv::matrix<q, 2, 3>>::at(m, 5) == q(6, 7) && ncv::entry_grid<ncv::matrix<q, 2, 3>>::at(m, 3) == q(4));
static_assert(ncv::as_rational(7) == q(7) && ncv::as_rational(q(-1, 3)) == q(-1, 3));
static_assert(ncv::exact_number<int> && ncv::exact_number<q> && !ncv::exact_number<double>);

// ---- fixed strings carry their text into template arguments ----
static_assert(ncv::fixed_string("Q2a.B").view() == "Q2a.B");
static_assert(ncv::fixed_string("").view().empty());

// ---- agrees: true on equal values (a disagreement is a compile error, tested by the claim mutants) ----
constexpr ncv::matrix<q, 2, 3> same = m;
constexpr std::array<int, 2> integers{3, 4};
constexpr std::array<q, 2> rationals{q(3), q(4)};
static_assert(ncv::proof::agrees<"T.same", m, same>());
static_assert(ncv::proof::agrees<"T.mixed", integers, rationals>(), "entries compare as rationals, whatever their type");

// ---- the comparison inside agrees: its own cross-multiplication, unequal values that share a part ----
using ncv::proof::detail::same_fraction;
static_assert(same_fraction(q(3, 4), q(3, 4)) && same_fraction(q(-5), q(-5)));
static_assert(!same_fraction(q(1, 2), q(1, 3)), "equal numerators");
static_assert(!same_fraction(q(1, 3), q(2, 3)), "equal denominators");
static_assert(!same_fraction(q(-1, 2), q(1, 2)), "opposite signs");
static_assert(!same_fraction(q(INT64_MAX), q(INT64_MAX - 1)), "products beyond 64 bits");
static_assert(!same_fraction(q(1, INT64_MAX), q(1, INT64_MAX - 1)));

// ---- claims: unchanged, except the one entry a mutant names ----
static_assert(ncv::exam::claim<"T.kept">(std::array<int, 3>{1, 2, 3}) == std::array<int, 3>{1, 2, 3});
static_assert(ncv::exam::claim<"T.raised">(std::array<int, 3>{1, 2, 3}) == std::array<int, 3>{1, 3, 3});

}  // namespace
