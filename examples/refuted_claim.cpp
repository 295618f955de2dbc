// Example: how a refuted claim reads. Change one entry of `claimed` below and compile again.
#include <ncv/array/conv2d.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/proof/agrees.hpp>

using q = ncv::rational<>;

constexpr ncv::matrix<q, 3, 3> a({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
constexpr ncv::matrix<q, 2, 2> w({{1, 0}, {0, q(-1, 2)}});
constexpr auto b = ncv::cross_correlate(a, w);

// b₁₁ = 1·1 − 5/2 = −3/2, b₁₂ = 2 − 3 = −1, b₂₁ = 4 − 4 = 0, b₂₂ = 5 − 9/2 = 1/2.
constexpr ncv::matrix<q, 2, 2> claimed({{q(-3, 2), -1}, {0, q(1, 2)}});

// agrees<"id", computed, claimed>() is true when every entry agrees. When one does not, the
// compiler must instantiate the undefined template ncv::proof::claim_refuted, and prints its
// arguments: the claim's id, the first differing entry (row and column from 0), the computed
// and the claimed value as numerator and denominator. With b₂₂ claimed as 1/3, g++ says:
//   error: invalid application of 'sizeof' to incomplete type 'ncv::proof::claim_refuted<
//     ncv::fixed_string<10>{"example.B"}, ncv::proof::entry{1, 1}, ncv::proof::computed{1, 2},
//     ncv::proof::claimed{1, 3}>'
// and clang++: implicit instantiation of undefined template 'ncv::proof::claim_refuted<...>'.
// The "required from here" lines below it point at this static_assert.
static_assert(ncv::proof::agrees<"example.B", b, claimed>(), "B = A ⋆ W");

int main() { return 0; }
