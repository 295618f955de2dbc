// Proves the rules of differentiation the other proofs rely on (sums, products, powers, the quotient rule, the log rule) against exact difference quotients.
#include <array>
#include <cstddef>
#include <cstdint>

#include <ncv/number/log_expression.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/rational.hpp>

#include "law.hpp"

namespace {

using q = ncv::rational<std::int64_t>;
using trusted::holds;
using trusted::law;
using trusted::same_value;

// For f polynomial in the step h along x_v, the difference quotient Δ(h) = (f(x + h·e_v) − f(x))/h
// is a polynomial in h of lower degree, so ∂f/∂x_v (x) = Δ(0) is found exactly from Δ(1), …, Δ(K)
// by Lagrange's formula once K exceeds that degree: from values of f alone, with no rule of
// differentiation. The quotient and log rules are reduced to that: (N/D)′ = M(0)/D² with
// M(h) = (N(x + h)·D(x) − N(x)·D(x + h))/h, and (Σ c_k log f_k)′ = P′/P − Q′/Q with
// P = Π_{c_k > 0} f_k^{c_k}, Q = Π_{c_k < 0} f_k^{−c_k}, both polynomials.

using dpoly = ncv::multi_polynomial<q, 2, 32>;
using point2 = std::array<q, 2>;


// The k-th of a fixed sequence of numbers in [lo, hi] (splitmix64's output function).
constexpr std::int64_t draw(std::size_t k, std::int64_t lo, std::int64_t hi) {
    std::uint64_t z = 0x9e3779b97f4a7c15ULL * (k + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return lo + static_cast<std::int64_t>(z % static_cast<std::uint64_t>(hi - lo + 1));
}

// x^a y^b for a, b ≤ 2.
constexpr std::array<dpoly, 9> small_monomials() {
    const dpoly x = dpoly::variable(0), y = dpoly::variable(1), one(q(1));
    return {one, x, x * x, y, x * y, x * x * y, y * y, x * y * y, x * x * y * y};
}
inline constexpr std::array<dpoly, 9> monomials = small_monomials();

// Case k: Σ c_ab x^a y^b over a, b ≤ 2 (a, b ≤ 1 when `linear_in_each`), each c_ab in [−3, 3].
constexpr dpoly generated(std::size_t k, bool linear_in_each = false) {
    constexpr std::array<std::size_t, 4> bilinear{0, 1, 3, 4};  // 1, x, y, xy
    dpoly p;
    for (std::size_t m = 0; m < (linear_in_each ? bilinear.size() : monomials.size()); ++m)
        p = p + dpoly(q(draw(16 * k + m, -3, 3))) * monomials[linear_in_each ? bilinear[m] : m];
    return p;
}

inline constexpr std::array<point2, 4> points{{{q(1, 2), q(-1)}, {q(2), q(3, 2)}, {q(-3), q(0)}, {q(0), q(-1, 3)}}};

constexpr point2 stepped(point2 x, std::size_t v, std::size_t h) {
    x[v] = x[v] + q(static_cast<std::int64_t>(h));
    return x;
}

// Δ(0) from Δ(1..K) by Lagrange's formula, Σ_j Δ(j) Π_{m≠j} (0 − m)/(j − m), with Δ(j) =
// (f(x + j·e_v) − f(x))/j: as weights of the values, Σ_j w_j·f(x + j·e_v) − (Σ_j w_j)·f(x), where
// w_j = Π_{m≠j} (0 − m)/(j − m) / j. The weights depend on K alone, so they are computed once.
template <std::size_t K>
constexpr std::array<q, K + 1> quotient_weights() {
    std::array<q, K + 1> w{};  // w[j] for j = 1..K, and w[0] = −Σ_j w_j, the weight of f(x)
    for (std::size_t j = 1; j <= K; ++j) {
        q weight(1);
        for (std::size_t m = 1; m <= K; ++m)
            if (m != j) weight = weight * q(-static_cast<std::int64_t>(m), static_cast<std::int64_t>(j) - static_cast<std::int64_t>(m));
        w[j] = weight / q(static_cast<std::int64_t>(j));
        w[0] = w[0] - w[j];
    }
    return w;
}
template <std::size_t K>
inline constexpr std::array<q, K + 1> weights = quotient_weights<K>();

// ∂f/∂x_v from `at(h)` = f(x + h·e_v), h = 0..K.
template <std::size_t K, class Value>
constexpr q derivative_by_quotients(Value at) {
    q total = weights<K>[0] * at(0);
    for (std::size_t j = 1; j <= K; ++j) total = total + weights<K>[j] * at(j);
    return total;
}

// Sums, products and powers: every term of 24 generated polynomials, at 4 points, along x and y.
consteval std::size_t polynomial_derivatives() {
    for (std::size_t k = 0; k < 24; ++k) {
        const dpoly p = generated(k);
        for (std::size_t i = 0; i < points.size(); ++i) {
            const q at_point = p(points[i]);  // f(x), the same along x and y: computed once
            for (std::size_t v = 0; v < 2; ++v)
                if (!same_value(p.derivative(v)(points[i]), derivative_by_quotients<3>([&](std::size_t h) {
                        return h == 0 ? at_point : p(stepped(points[i], v, h));
                    })))
                    return (k * points.size() + i) * 2 + v;
        }
    }
    return holds;
}
static_assert(law<"multi_polynomial::derivative against difference quotients", polynomial_derivatives()>());

// The quotient rule: 6 generated N/D, at the points where D is not 0.
consteval std::size_t quotient_rule() {
    for (std::size_t k = 0; k < 6; ++k) {
        const ncv::polynomial_fraction<q, 2, 32> f{generated(100 + k), generated(200 + k)};
        const std::array<ncv::polynomial_fraction<q, 2, 32>, 2> derivative{ncv::partial_derivative(f, 0),
                                                                           ncv::partial_derivative(f, 1)};
        for (std::size_t i = 0; i < points.size(); ++i) {
            const point2 x = points[i];
            const q d = f.denominator(x);
            if (same_value(d, q(0))) continue;
            const q n = f.numerator(x);
            for (std::size_t v = 0; v < 2; ++v) {
                const q m0 = derivative_by_quotients<4>([&](std::size_t h) {
                    return f.numerator(stepped(x, v, h)) * d - n * f.denominator(stepped(x, v, h));
                });
                if (!same_value(derivative[v](x), m0 / (d * d))) return (k * points.size() + i) * 2 + v;
            }
        }
    }
    return holds;
}
static_assert(law<"polynomial_fraction: the quotient rule against difference quotients", quotient_rule()>());

// The log rule: 8 generated c₁ log f₁ + c₂ log f₂ + g (c_k in ±1, ±2; f_k of degree 1 in each
// variable), at the points where no f_k is 0.
consteval std::size_t log_rule() {
    constexpr std::array<std::int64_t, 4> coefficients{-2, -1, 1, 2};
    for (std::size_t k = 0; k < 8; ++k) {
        const std::array<std::int64_t, 2> c{coefficients[static_cast<std::size_t>(draw(300 + k, 0, 3))],
                                            coefficients[static_cast<std::size_t>(draw(400 + k, 0, 3))]};
        const ncv::log_expression<q, 2, 32, 2> e{{dpoly(q(c[0])), dpoly(q(c[1]))}, {generated(500 + k, true), generated(600 + k, true)},
                                                 generated(700 + k)};
        const std::array<ncv::polynomial_fraction<q, 2, 32>, 2> derivative{ncv::partial_derivative(e, 0),
                                                                           ncv::partial_derivative(e, 1)};
        for (std::size_t i = 0; i < points.size(); ++i) {
            const point2 x = points[i];
            if (same_value(e.log_arguments[0](x), q(0)) || same_value(e.log_arguments[1](x), q(0))) continue;
            for (std::size_t v = 0; v < 2; ++v) {
                std::array<std::array<q, 6>, 2> argument{};  // f_a(x + h·e_v), h = 0..5
                for (std::size_t a = 0; a < 2; ++a)
                    for (std::size_t h = 0; h < 6; ++h) argument[a][h] = e.log_arguments[a](stepped(x, v, h));
                // P (or Q) at x + h·e_v: the product of the arguments raised to the positive (negative) c_k.
                const auto power_product = [&](std::size_t h, bool positive) {
                    q value(1);
                    for (std::size_t a = 0; a < 2; ++a)
                        for (std::int64_t r = 0; r < (positive ? c[a] : -c[a]); ++r) value = value * argument[a][h];
                    return value;
                };
                const auto p_at = [&](std::size_t h) { return power_product(h, true); };
                const auto q_at = [&](std::size_t h) { return power_product(h, false); };
                // P and Q have degree at most 2 + 2 in the step: five quotients fix their derivatives.
                const q expected = derivative_by_quotients<5>(p_at) / p_at(0) - derivative_by_quotients<5>(q_at) / q_at(0) +
                                   derivative_by_quotients<3>([&](std::size_t h) { return e.polynomial_part(stepped(x, v, h)); });
                if (!same_value(derivative[v](x), expected)) return (k * points.size() + i) * 2 + v;
            }
        }
    }
    return holds;
}
static_assert(law<"log_expression: the log rule against difference quotients", log_rule()>());

}  // namespace
