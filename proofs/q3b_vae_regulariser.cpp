// Proves Q3(b) in numbers: the KL term pulls to the prior; without it, reconstruction pushes σ → 0 and cannot fix the latent scale.
#include <array>
#include <cstddef>
#include <stdexcept>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/gaussian_kl.hpp>
#include <ncv/number/log_expression.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/proof/agrees.hpp>

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;
using number = paper::number;

// ---- Q3b: KL(N(μ, σ²) ‖ N(0, 1)) = ½(μ² + s − 1 − log s), s = σ² > 0 (level 3) ----
// The program differentiates the KL as written (ncv::gaussian_kl_to_standard_normal, logarithm
// included): each partial derivative is N/s with a polynomial N, and s > 0, so the stationary
// points are the common roots of the two numerators. Both turn out affine, so the root is unique.

constexpr auto kl = ncv::gaussian_kl_to_standard_normal<number>();
using kl_poly = decltype(kl)::polynomial_type;
constexpr std::size_t mean = ncv::latent_mean, variance = ncv::latent_variance;
constexpr auto kl_by_mean = ncv::partial_derivative(kl, mean);
constexpr auto kl_by_variance = ncv::partial_derivative(kl, variance);

// The one root of a numerator that depends on x_v alone and is affine in it (throws otherwise).
constexpr number affine_root(const kl_poly& numerator, std::size_t v) {
    const std::size_t other = 1 - v;
    if (numerator.degree_in(v) != 1 || numerator.degree_in(other) != 0)
        throw std::logic_error("the numerator is not affine in one variable");
    return -numerator.coefficient_in(v, 0).coefficient({0, 0}) / numerator.coefficient_in(v, 1).coefficient({0, 0});
}

// ∂KL/∂s = 0 involves s alone; with that s, ∂KL/∂μ = 0 fixes μ.
constexpr number stationary_variance = affine_root(kl_by_variance.numerator, variance);
constexpr number stationary_mean = affine_root(kl_by_mean.numerator.substitute(variance, stationary_variance), mean);
static_assert(stationary_variance > number(0), "Q3b: the stationary point lies in the domain σ² > 0");
constexpr std::array<number, 2> kl_stationary_point{stationary_mean, stationary_variance};
static_assert(agrees<"Q3b.kl_stationary_point", kl_stationary_point, paper::q3b_kl_stationary_point>(),
              "Q3b: the KL term is stationary only at the prior, μ = 0 and σ² = 1");

// ---- The closed form above, derived from the two log-densities written as data ----
// KL(q ‖ p) = E_ε[log q(z) − log p(z)] with q = N(μ, σ²), p = N(0, 1), z = μ + σε, ε ~ N(0, 1),
// and log N(z; m, v) = −½ log(2π·v) − (z − m)²/(2v). Variables μ, σ, ε. The normalisers differ by
// −½ log(2π·σ²) + ½ log(2π·1) = −½ log(σ²/1): the log term. The quadratic parts are polynomials once
// (z − μ)² is divided by v = σ² exactly; E_ε replaces ε^k by its moments 1, 0, 1.
namespace derivation {

inline constexpr std::size_t m = 0, sd = 1, e = 2;
using poly3 = ncv::multi_polynomial<number, 3, 32>;
constexpr poly3 mu = poly3::variable(m), sigma = poly3::variable(sd), epsilon = poly3::variable(e);
constexpr poly3 z = mu + sigma * epsilon;
constexpr poly3 variance_q = sigma * sigma, variance_p = poly3(1);

// p / x_v², exactly: refused (a compile error) unless every term holds x_v at least squared.
constexpr poly3 divided_by_square(const poly3& p, std::size_t v) {
    if (!p.coefficient_in(v, 0).is_zero() || !p.coefficient_in(v, 1).is_zero())
        throw std::logic_error("not divisible by the square");
    poly3 quotient, power(1);
    for (unsigned k = 2; k <= p.degree_in(v); ++k) {
        quotient = quotient + p.coefficient_in(v, k) * power;
        power = power * poly3::variable(v);
    }
    return quotient;
}

constexpr poly3 half(number(1, 2));
// −(z − μ)²/(2σ²) + (z − 0)²/(2·1), then its expectation over ε.
constexpr poly3 log_ratio_quadratic = -(half * divided_by_square((z - mu) * (z - mu), sd)) + half * (z * z);
constexpr poly3 expected_quadratic = log_ratio_quadratic.expectation_over(e, std::array<number, 3>{1, 0, 1});
// The log term: coefficient −½, argument variance_q / variance_p.
constexpr number log_coefficient = number(-1, 2);
static_assert(variance_p == poly3(1), "p's variance is 1: the normalisers' ratio is variance_q itself");

// The library's closed form (in μ and s) is the derived one (in μ and σ, s = σ²): both are of degree
// at most 2 in μ and in s (the derived one holds only even powers of σ), so agreeing on a 4 x 4 grid
// of (μ, s) makes them the same polynomial; and the log terms are the same.
constexpr bool closed_form_is_derived() {
    if (kl.polynomial_part.degree_in(mean) > 2 || kl.polynomial_part.degree_in(variance) > 2) return false;
    if (expected_quadratic.degree_in(m) > 2 || expected_quadratic.degree_in(sd) > 4 || expected_quadratic.degree_in(e) != 0)
        return false;
    for (unsigned k = 1; k <= 3; k += 2)
        if (!expected_quadratic.coefficient_in(sd, k).is_zero()) return false;
    for (int i = -2; i <= 1; ++i)
        for (int j = 1; j <= 4; ++j) {
            const number at_mu(i), at_sigma(j, 3), at_s = at_sigma * at_sigma;
            if (!(kl.polynomial_part({at_mu, at_s}) == expected_quadratic({at_mu, at_sigma, number(0)}))) return false;
            if (!(kl.log_arguments[0]({at_mu, at_s}) == variance_q({at_mu, at_sigma, number(0)}))) return false;
        }
    return kl.log_coefficients[0] == kl_poly(log_coefficient);
}
static_assert(closed_form_is_derived(),
              "Q3b: the library's KL is E_q[log q − log p] of the two Gaussian log-densities: ½(μ² + s − 1) − ½ log s");

}  // namespace derivation

// A minimum: the Hessian, differentiated by the program, is positive definite there.
constexpr auto kl_hessian = [] {
    std::array<std::array<number, 2>, 2> h{};
    const std::array<decltype(kl_by_mean), 2> gradient{kl_by_mean, kl_by_variance};
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 2; ++j) h[i][j] = ncv::partial_derivative(gradient[i], j)(kl_stationary_point);
    return h;
}();
static_assert(kl_hessian[0][1] == kl_hessian[1][0], "Q3b: the KL's mixed second derivatives agree");
static_assert(kl_hessian[0][0] > number(0) && kl_hessian[0][0] * kl_hessian[1][1] - kl_hessian[0][1] * kl_hessian[1][0] > number(0),
              "Q3b: the KL's Hessian at the prior is positive definite: a minimum");
// The Hessian as an identity in μ and s, not only at the root: ∂²/∂μ² = 1, the mixed derivatives
// vanish, and ∂²/∂s² is a ratio of monomials c·s^k and d·s^l with c·d > 0, positive wherever s > 0.
// Positive definite on the whole domain: the KL is strictly convex there, so its one stationary
// point is its global minimum.
constexpr auto hessian_mean_mean = ncv::partial_derivative(kl_by_mean, mean);
constexpr auto hessian_mean_variance = ncv::partial_derivative(kl_by_mean, variance);
constexpr auto hessian_variance_mean = ncv::partial_derivative(kl_by_variance, mean);
constexpr auto hessian_variance_variance = ncv::partial_derivative(kl_by_variance, variance);
// The coefficient c when p = c·s^k for some k (p has no μ and one term), else 0.
constexpr number monomial_coefficient_in_variance(const kl_poly& p) {
    const unsigned k = p.degree_in(variance);
    kl_poly monomial(p.coefficient({0, k}));
    for (unsigned j = 0; j < k; ++j) monomial = monomial * kl_poly::variable(variance);
    return p.degree_in(mean) == 0 && p == monomial ? p.coefficient({0, k}) : number(0);
}
static_assert(hessian_mean_mean.numerator == hessian_mean_mean.denominator && !hessian_mean_mean.denominator.is_zero(),
              "Q3b: ∂²KL/∂μ² = 1 for all μ, s");
static_assert(hessian_mean_variance.numerator.is_zero() && hessian_variance_mean.numerator.is_zero(),
              "Q3b: the KL's mixed second derivatives vanish for all μ, s");
static_assert(monomial_coefficient_in_variance(hessian_variance_variance.numerator) *
                      monomial_coefficient_in_variance(hessian_variance_variance.denominator) >
                  number(0),
              "Q3b: ∂²KL/∂s² is a ratio of monomials in s of one sign: positive for every s > 0");

// And its value there is 0, without evaluating a logarithm: every log argument is 1 at the prior.
static_assert(kl.polynomial_part(kl_stationary_point) == number(0) && kl.log_arguments[0](kl_stationary_point) == number(1),
              "Q3b: KL(N(0, 1) ‖ N(0, 1)) = 0");

// ---- Q3b: the expected reconstruction error of a linear decoder (level 3) ----
// Variables: x, α, μ, β, σ, k, ε. With z = μ + σε and ε ~ N(0, 1), E[ε] = 0 and E[ε²] = 1.

inline constexpr std::size_t vars = 7;
using poly = ncv::multi_polynomial<number, vars, 64>;
constexpr poly variable(std::size_t v) { return poly::variable(v); }
constexpr poly x = variable(0), alpha = variable(1), mu = variable(2), beta = variable(3), sigma = variable(4),
               k = variable(5), epsilon = variable(6);

// E_ε[(x − g(μ + σε))²] for g(z) = αz + β, whatever polynomials stand for α, μ, σ.
constexpr poly expected_reconstruction(const poly& a, const poly& m, const poly& s) {
    const poly error = x - (a * (m + s * epsilon) + beta);
    return (error * error).expectation_over(6, std::array<number, 3>{1, 0, 1});
}

constexpr poly expected = expected_reconstruction(alpha, mu, sigma);
// E[·] = a (x − αμ − β)² + b α²σ²: b is the coefficient of α²σ², a that of x².
constexpr std::array<number, 2> identity_coefficients{expected.coefficient({2, 0, 0, 0, 0, 0, 0}),
                                                      expected.coefficient({0, 2, 0, 0, 2, 0, 0})};
static_assert(agrees<"Q3b.reconstruction_identity", identity_coefficients, paper::q3b_reconstruction_identity>(),
              "Q3b: E[(x − g(μ + σε))²] = (x − αμ − β)² + α²σ²");
constexpr poly mean_error = x - alpha * mu - beta;
static_assert(expected == poly(identity_coefficients[0]) * (mean_error * mean_error) +
                              poly(identity_coefficients[1]) * (alpha * alpha * sigma * sigma),
              "Q3b: the identity holds term by term, for all x, α, μ, β, σ");

// It grows with σ² at rate α² > 0 (α ≠ 0): all its dependence on σ is α²σ², so minimising
// reconstruction alone drives σ → 0.
static_assert(expected - expected_reconstruction(alpha, mu, poly(0)) == alpha * alpha * sigma * sigma,
              "Q3b: reconstruction error − its value at σ = 0 is exactly α²σ²");

// Unchanged under μ → kμ, σ → kσ, α → α/k: write α = kγ (γ in the slot of α) so no division is needed.
static_assert(expected_reconstruction(k * alpha, mu, sigma) == expected_reconstruction(alpha, k * mu, k * sigma),
              "Q3b: rescaling the latent code leaves reconstruction unchanged: only the KL term fixes the scale");

// The checks can fail: rescaling μ without σ changes the error.
static_assert(!(expected_reconstruction(k * alpha, mu, sigma) == expected_reconstruction(alpha, k * mu, sigma)),
              "Q3b: a partial rescaling does change the reconstruction error");

}  // namespace
