// Defines ncv::sgd: stochastic gradient descent on C(w) = 1/(2n) Σ‖w − x⁽ⁱ⁾‖², generic over the scalar and the vector type.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <concepts>
#include <cstddef>
#include <stdexcept>

#include <ncv/number/concepts.hpp>
#include <ncv/number/detail/checked_arithmetic.hpp>
#include <ncv/number/rational.hpp>

namespace ncv {

/// What SGD needs of its "vector": a vector space over the scalar S. Numbers (d = 1), d x 1
/// matrices, linear forms over symbols: all qualify.
template <class V, class S>
concept vector_space_over = std::copyable<V> && requires(const V& v, const V& u, const S& s) {
    { v + u } -> std::convertible_to<V>;
    { v - u } -> std::convertible_to<V>;
    { s * v } -> std::convertible_to<V>;
};

/// η_t = a / (t + b), the family the paper's rule belongs to (a = b = 1: η_t = 1/(t+1)).
/// t is passed as a scalar, so the rule can be evaluated on a symbolic t as well. a and b are
/// taken as they are (as step indices are, in step_size): never cut to an int, so a rule that
/// starts late (b = 10⁶ + 1, for the points after the first million) is the rule asked for.
struct harmonic_step_rule {
    /// a in η_t = a/(t + b).
    long long numerator = 1;
    /// b in η_t = a/(t + b).
    long long offset = 1;

    template <field S>
    /// η at a step t given as a scalar (possibly a symbol): S(a)/(t + S(b)).
    [[nodiscard]] constexpr S operator()(const S& t) const {
        return S(numerator) / (t + S(offset));
    }

    /// The same at a step index t, as sgd asks for it: a/(t + b), with t + b computed in integers;
    /// throws std::overflow_error if t + b exceeds the largest long long.
    // One construction and one gcd where the scalar is a rational whose integer holds every long
    // long, and the sum checked in place rather than through checked_add: each construction, sum
    // and call is a step of g++'s constant evaluator at every SGD step (tools/bench/lean_rational.py).
    template <field S>
    [[nodiscard]] constexpr S at_step(std::size_t t) const {
        long long denominator = 0;
        if (__builtin_add_overflow(t, offset, &denominator)) detail::overflow("addition");
        if constexpr (rational_number<S>) {
            using Int = typename S::integer_type;
            if constexpr (detail::holds_every_value_of<Int, long long>()) return S(Int(numerator), Int(denominator));
        }
        return S(numerator) / S(denominator);
    }
};

/// i_t = t + 1 (1-based): the paper's order, each point once.
struct in_order {
    /// The 1-based index of the point step t (from 0) takes.
    [[nodiscard]] constexpr std::size_t operator()(std::size_t t) const noexcept { return t + 1; }
};

/// η_t from a rule: a rule of the scalar (η(t) with t as an S, so it can be symbolic) or a
/// rule of the step index (η(t) with t a std::size_t, e.g. a user's list of step sizes). A rule
/// that offers at_step<S>(t) (as harmonic_step_rule does) is asked that way.
template <class S, class StepRule>
[[nodiscard]] constexpr S step_size(const StepRule& eta, std::size_t t) {
    if constexpr (requires { eta.template at_step<S>(t); }) return eta.template at_step<S>(t);
    else if constexpr (std::invocable<const StepRule&, const S&>) return eta(S(static_cast<long long>(t)));
    else return S(eta(t));
}

/// One step: ∇C_i(w) = w − x⁽ⁱ⁾, so w ← w − η (w − x⁽ⁱ⁾). Every proof and tool runs this function.
template <class S, vector_space_over<S> V>
[[nodiscard]] constexpr V sgd_step(const V& w, const V& x, const S& eta) {
    return w - eta * (w - x);
}

/// The visitor sgd_final passes: none, so no call after each step (a step of g++'s evaluator).
struct no_visit {};

/// Runs `steps` steps from w0 on data[0..n−1] (x⁽¹⁾ = data[0]); calls visit(t, w⁽ᵗ⁾) after each
/// step t = 1..steps, and returns the last iterate. Throws std::out_of_range if the order picks
/// a point that is not there.
template <field S, class Data, class V, class StepRule = harmonic_step_rule, class Order = in_order, class Visit>
    requires vector_space_over<V, S>
constexpr V sgd(const Data& data, V w0, std::size_t steps, Visit visit, StepRule eta = {}, Order order = {}) {
    V w = w0;
    const std::size_t n = std::size(data);
    for (std::size_t t = 0; t < steps; ++t) {
        const std::size_t i = order(t);
        if (i < 1 || i > n) throw std::out_of_range("ncv::sgd: the order picked a point that does not exist");
        w = sgd_step(w, V(data[i - 1]), step_size<S>(eta, t));
        if constexpr (!std::same_as<Visit, no_visit>) visit(t + 1, w);
    }
    return w;
}

/// The same, keeping only the last iterate.
template <field S, class Data, class V, class StepRule = harmonic_step_rule, class Order = in_order>
    requires vector_space_over<V, S>
[[nodiscard]] constexpr V sgd_final(const Data& data, V w0, std::size_t steps, StepRule eta = {}, Order order = {}) {
    return sgd<S>(data, w0, steps, no_visit{}, eta, order);
}

}  // namespace ncv
