// Proves Q1(b): the SGD iterates w⁽¹⁾, w⁽²⁾, w⁽³⁾, the formula w⁽ᵗ⁾ = (1/t) Σ_{i≤t} x⁽ⁱ⁾ for every t by induction, and w⁽ⁿ⁾ = w*.
#include <array>
#include <cstddef>
#include <cstdint>

#include <ncv/exam/summer2023.hpp>
#include <ncv/linear_form.hpp>
#include <ncv/proof/agree.hpp>
#include <ncv/rational_function.hpp>
#include <ncv/sgd.hpp>

#include "q1_step_rule.hpp"

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;
using number = paper::number;

using ncv::proofs::paper_rule;

template <std::size_t N>
using form = ncv::linear_form<number, N>;

// x⁽¹⁾…x⁽ᴺ⁾ as symbols: running SGD on them gives each iterate for all data at once.
template <std::size_t N>
constexpr std::array<form<N>, N> data_symbols() {
    std::array<form<N>, N> symbols;
    for (std::size_t i = 0; i < N; ++i) symbols[i] = form<N>::symbol(i);
    return symbols;
}

// w⁽ᵀ⁾ as its coefficients of x⁽¹⁾…x⁽ᵀ⁾, from the unchanged generic sgd.
template <std::size_t T>
constexpr std::array<number, T> symbolic_iterate() {
    return ncv::sgd_final<number>(data_symbols<T>(), form<T>{}, T, paper_rule).coefficients();
}

// ---- Q1b: the three iterates the paper computes, for all data (level 3) ----

constexpr auto w1 = symbolic_iterate<1>();
constexpr auto w2 = symbolic_iterate<2>();
constexpr auto w3 = symbolic_iterate<3>();
static_assert(agrees<"Q1b.w1", w1, paper::q1b_w1>(), "Q1b: w(1) = x(1)");
static_assert(agrees<"Q1b.w2", w2, paper::q1b_w2>(), "Q1b: w(2) = (x(1) + x(2))/2");
static_assert(agrees<"Q1b.w3", w3, paper::q1b_w3>(), "Q1b: w(3) = (x(1) + x(2) + x(3))/3");

// ---- Q1b: the general formula for every t ≤ N, for all data (level 3) ----

inline constexpr std::size_t symbolic_steps = 64;

// The c for which every iterate w⁽ᵗ⁾, t ≤ N, is (c/t) Σ_{i≤t} x⁽ⁱ⁾; 0 if no single c fits them all.
constexpr number implied_general_scale() {
    number scale(0);
    bool consistent = true;
    (void)ncv::sgd<number>(
        data_symbols<symbolic_steps>(), form<symbolic_steps>{}, symbolic_steps,
        [&](std::size_t t, const form<symbolic_steps>& w) {
            const number c = w.coefficient(0) * number(static_cast<std::int64_t>(t));
            if (t == 1) scale = c;
            for (std::size_t i = 0; i < symbolic_steps; ++i)
                consistent = consistent && w.coefficient(i) == (i < t ? scale / number(static_cast<std::int64_t>(t)) : number(0));
        },
        paper_rule);
    return consistent ? scale : number(0);
}
constexpr number general_scale = implied_general_scale();
static_assert(agrees<"Q1b.general", general_scale, paper::q1b_general>(),
              "Q1b: w(t) = (1/t) Σ x(i) for every t ≤ 64, for all data");

// ---- Q1b: the induction itself, for every t ≥ 2 (level 4) ----
// Hypothesis: w⁽ᵗ⁻¹⁾ = (c/(t−1)) S with S = x⁽¹⁾ + … + x⁽ᵗ⁻¹⁾. One step of the same sgd_step,
// with a scalar that is a rational function of t, must give (c/t)(S + x⁽ᵗ⁾) identically in t.

using rf = ncv::rational_function<number, 4>;  // degrees stay below 4 in one step
using induction_form = ncv::linear_form<rf, 2>;  // symbols: S, x⁽ᵗ⁾

constexpr bool induction_step_holds(ncv::harmonic_step_rule rule, number c) {
    const rf t = rf::variable();
    const induction_form sum = induction_form::symbol(0);
    const induction_form newest = induction_form::symbol(1);
    const induction_form hypothesis = (rf(c) / (t - rf(1))) * sum;
    const induction_form next = ncv::sgd_step(hypothesis, newest, rule(t - rf(1)));  // step t−1 → t uses η_{t−1}
    return next == (rf(c) / t) * (sum + newest);
}

static_assert(induction_step_holds(paper_rule, paper::q1b_general),
              "Q1b (level 4): if w(t-1) = S/(t-1) then w(t) = (S + x(t))/t, as an identity in t");
static_assert(symbolic_iterate<1>()[0] == paper::q1b_general,
              "Q1b (level 4): base case w(1) = x(1); with the step, the formula holds for every n >= 1");

// The identity is not vacuous: other step rules break it.
static_assert(!induction_step_holds(ncv::harmonic_step_rule{1, 0}, paper::q1b_general),
              "Q1b: η_t = 1/t breaks the induction step");
static_assert(!induction_step_holds(ncv::harmonic_step_rule{1, 2}, paper::q1b_general),
              "Q1b: η_t = 1/(t+2) breaks the induction step");
static_assert(!induction_step_holds(paper_rule, number(2)), "Q1b: a wrong scale c breaks the induction step");

// ---- Q1b: the step rule (level 4) ----
// Within η_t = a/(t + b), the running means fix the rule: the newest of t+1 points weighs
// 1/(t+1), so η_0 = 1 and η_1 = 1/2, whence b = η_1/(η_0 − η_1) and a = η_0 b.
constexpr std::array<number, 2> running_mean_rule = [] {
    const number eta0 = (number(1) / number(1));  // weight of x(1) in the mean of one point
    const number eta1 = (number(1) / number(2));  // weight of x(2) in the mean of two points
    const number b = eta1 / (eta0 - eta1);
    return std::array<number, 2>{eta0 * b, b};
}();
static_assert(agrees<"Q1b.step_rule", running_mean_rule, paper::q1b_step_rule>(),
              "Q1b: η_t = 1/(t+1) is the rule whose iterates are running means");

}  // namespace
