// Proves Q1(a): ∇C(w) = w − mean, the minimiser w* = (1/n) Σ x⁽ⁱ⁾, and C(w) = C(w*) + ½‖w − w*‖² for all w and all data.
//
// Coordinates of C separate (‖v‖² = Σ_j v_j²), so one coordinate proves the statement in every
// dimension d: the symbols are w and x⁽¹⁾…x⁽ⁿ⁾ of one coordinate.
#include <array>
#include <cstddef>
#include <cstdint>

#include <boost/hana/all_of.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/range.hpp>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/quadratic_form.hpp>
#include <ncv/proof/agrees.hpp>

#include "q1_step_rule.hpp"

namespace {

namespace hana = boost::hana;
namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;
using number = paper::number;

// Symbol 0 is w, symbols 1..n are x⁽¹⁾…x⁽ⁿ⁾.
template <std::size_t N>
using form = ncv::linear_form<number, N + 1>;
template <std::size_t N>
using quadratic = ncv::quadratic_form<number, N + 1>;

template <std::size_t N>
constexpr form<N> x(std::size_t i) {  // x⁽ⁱ⁾, 1-based
    return form<N>::symbol(i);
}

template <std::size_t N>
constexpr number inverse_n = number(1, static_cast<std::int64_t>(N));

// C(v) = 1/(2n) Σ (v − x⁽ⁱ⁾)² for any linear form v.
template <std::size_t N>
constexpr quadratic<N> cost_at(const form<N>& v) {
    quadratic<N> sum;
    for (std::size_t i = 1; i <= N; ++i) sum = sum + (v - x<N>(i)) * (v - x<N>(i));
    return (inverse_n<N> / number(2)) * sum;
}

// ∇C(w) = ∂C/∂w, differentiated from C itself.
template <std::size_t N>
constexpr form<N> gradient() {
    return cost_at<N>(form<N>::symbol(0)).partial_derivative(0);
}

// The unique zero of the gradient, g_0 w + Σ g_i x⁽ⁱ⁾ = 0, solved for w.
template <std::size_t N>
constexpr form<N> stationary_point() {
    const form<N> g = gradient<N>();
    std::array<number, N + 1> coefficients{};
    for (std::size_t i = 1; i <= N; ++i) coefficients[i] = -g.coefficient(i) / g.coefficient(0);
    return form<N>::from_coefficients(coefficients);
}

// The claimed minimiser w* = (c/n) Σ x⁽ⁱ⁾.
template <std::size_t N>
constexpr form<N> claimed_minimiser() {
    form<N> sum;
    for (std::size_t i = 1; i <= N; ++i) sum = sum + x<N>(i);
    return (paper::q1a_minimiser * inverse_n<N>)*sum;
}

// ---- Q1a on three points: what the paper writes, with the values named on failure (level 3) ----

inline constexpr std::size_t n3 = 3;
// ∇C(w) = a·w − (b/n) Σ x⁽ⁱ⁾: a is the coefficient of w, b is −n × the coefficient of each x⁽ⁱ⁾.
constexpr std::array<number, 2> gradient_coefficients{gradient<n3>().coefficient(0),
                                                      -gradient<n3>().coefficient(1) * number(n3)};
static_assert(agrees<"Q1a.gradient", gradient_coefficients, paper::q1a_gradient>(), "Q1a: ∇C(w) = w − (1/n) Σ x(i)");
constexpr number minimiser_scale = stationary_point<n3>().coefficient(1) * number(n3);
static_assert(agrees<"Q1a.minimiser", minimiser_scale, paper::q1a_minimiser>(),
              "Q1a: the gradient vanishes exactly at w* = (1/n) Σ x(i)");

// ---- Q1a for every size n = 1..8, for all w and all data (level 3) ----

// w is a parameter, not a local: clang folds a condition over const locals while it checks the
// function, which ran the check once more (benchmark "compile time of the proofs").
template <std::size_t N>
constexpr bool minimiser_holds(const form<N>& w) {
    const form<N> w_star = claimed_minimiser<N>();
    // The gradient is w − w*, for all w and all data.
    const form<N> g = gradient<N>();
    if (!(g == w - w_star)) return false;
    // C(w) = C(w*) + ½ (w − w*)²: C(w) − C(w*) is a square, ≥ 0 and zero only at w = w*,
    // so w* is the unique global minimiser.
    if (!(cost_at<N>(w) == cost_at<N>(w_star) + number(1, 2) * ((w - w_star) * (w - w_star)))) return false;
    // SGD with the paper's rule ends at w* (Q1b's "hence w⁽ⁿ⁾ = w*").
    std::array<form<N>, N> data;
    for (std::size_t i = 0; i < N; ++i) data[i] = x<N>(i + 1);
    return ncv::sgd_final<number>(data, form<N>{}, N, ncv::proofs::paper_rule) == w_star;
}

// One constant per n: the assertion is false if any n fails.
static_assert(hana::all_of(hana::range_c<std::size_t, 1, 9>, [](auto n) { return hana::bool_c<minimiser_holds<n()>(form<n()>::symbol(0))>; }),
              "Q1a (level 3): the minimiser identity holds for every n = 1..8");

// The identity can fail: a point other than the mean does not satisfy it.
constexpr bool shifted_point_satisfies_identity(const form<3>& w) {
    const form<3> shifted = claimed_minimiser<3>() + x<3>(1);
    return cost_at<3>(w) == cost_at<3>(shifted) + number(1, 2) * ((w - shifted) * (w - shifted));
}
static_assert(!shifted_point_satisfies_identity(form<3>::symbol(0)), "Q1a: the identity singles out the mean");

}  // namespace
