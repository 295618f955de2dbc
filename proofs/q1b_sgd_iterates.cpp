// Proves Q1(b): the SGD iterates w⁽¹⁾, w⁽²⁾, w⁽³⁾, the formula w⁽ᵗ⁾ = (1/t) Σ_{i≤t} x⁽ⁱ⁾ for every t by induction, and w⁽ⁿ⁾ = w*.
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/polynomial.hpp>
#include <ncv/number/rational_function.hpp>
#include <ncv/proof/agrees.hpp>

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

// ---- Q1b: the step rule, derived from what SGD must produce (level 4) ----
// Which η_t makes the unchanged sgd_step carry the mean of x⁽¹⁾…x⁽ᵗ⁾ to the mean of x⁽¹⁾…x⁽ᵗ⁺¹⁾?
// The step runs with η as a symbol (a polynomial in η), for all data (linear forms): each
// coefficient of the result must equal the mean's, an equation affine in η, and all of them must
// have the same root. Two such roots fix a and b in η_t = a/(t + b); the rule must then give
// every later root too. The induction above shows that this rule makes running means for every t.

inline constexpr std::size_t rule_points = 16;
using eta_polynomial = ncv::polynomial<number, 3>;
using eta_form = ncv::linear_form<eta_polynomial, rule_points>;

constexpr eta_form running_mean(std::size_t t) {  // (1/t) Σ_{i≤t} x⁽ⁱ⁾, and w⁽⁰⁾ = 0 for t = 0
    std::array<eta_polynomial, rule_points> coefficients{};
    for (std::size_t i = 0; i < t; ++i) coefficients[i] = eta_polynomial(number(1) / number(static_cast<std::int64_t>(t)));
    return eta_form::from_coefficients(coefficients);
}

constexpr number step_making_running_means(std::size_t t) {
    const eta_form next = ncv::sgd_step(running_mean(t), eta_form::symbol(t), eta_polynomial::variable());
    const eta_form mean = running_mean(t + 1);
    number root(0);
    bool found = false;
    for (std::size_t i = 0; i < rule_points; ++i) {
        const eta_polynomial equation = next.coefficient(i) - mean.coefficient(i);
        if (equation.is_zero()) continue;
        if (equation.degree() != 1) throw std::logic_error("the step's coefficient is not affine in η");
        const number candidate = -equation.coefficient(0) / equation.coefficient(1);
        if (found && candidate != root) throw std::logic_error("no single step size gives the next running mean");
        root = candidate;
        found = true;
    }
    if (!found) throw std::logic_error("every step size gives the next running mean");
    return root;
}

constexpr std::array<number, 2> derived_step_rule = [] {
    const number eta0 = step_making_running_means(0), eta1 = step_making_running_means(1);
    const number b = eta1 / (eta0 - eta1);  // η_0 = a/b and η_1 = a/(1 + b)
    const number a = eta0 * b;
    for (std::size_t t = 2; t + 1 < rule_points; ++t)
        if (step_making_running_means(t) != a / (number(static_cast<std::int64_t>(t)) + b))
            throw std::logic_error("no rule η_t = a/(t + b) gives running means");
    return std::array<number, 2>{a, b};
}();
static_assert(agrees<"Q1b.step_rule", derived_step_rule, paper::q1b_step_rule>(),
              "Q1b: η_t = 1/(t+1) is the rule whose iterates are running means");

}  // namespace
