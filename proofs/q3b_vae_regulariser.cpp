// Proves Q3(b) in numbers: the KL term pulls to the prior; without it, reconstruction pushes σ → 0 and cannot fix the latent scale.
#include <array>
#include <cstddef>

#include <ncv/dual.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/multi_polynomial.hpp>
#include <ncv/proof/agree.hpp>
#include <ncv/rational_function.hpp>

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;
using number = paper::number;

// ---- Q3b: KL(N(μ, σ²) ‖ N(0, 1)) = ½(μ² + s − 1 − ln s), s = σ² (level 3) ----
// Its partial derivatives are rational: ∂/∂μ = μ, ∂/∂s = ½(1 − 1/s). Each is a rational
// function of one variable whose numerator is affine; its root is the stationary point.

template <class S>
constexpr S kl_slope_in_s(const S& s) {
    return (S(1) - S(1) / s) / S(2);
}

using rf = ncv::rational_function<number, 4>;
constexpr number affine_root(const rf& f) {  // the root of the numerator c0 + c1 t
    if (f.numerator().degree() != 1) throw "the numerator is not affine";
    return -f.numerator().coefficient(0) / f.numerator().coefficient(1);
}

constexpr std::array<number, 2> kl_stationary_point{affine_root(rf::variable()),  // ∂/∂μ = μ
                                                    affine_root(kl_slope_in_s(rf::variable()))};
static_assert(agrees<"Q3b.kl_stationary_point", kl_stationary_point, paper::q3b_kl_stationary_point>(),
              "Q3b: the KL term is stationary only at the prior, μ = 0 and σ² = 1");

// A minimum: the Hessian there is diag(1, ½) (∂²/∂μ² = 1, ∂²/∂s² = 1/(2s²), no cross term).
constexpr number kl_curvature_in_s =
    kl_slope_in_s(ncv::dual<number>::variable(kl_stationary_point[1])).derivative;
static_assert(kl_curvature_in_s == number(1, 2), "Q3b: ∂²KL/∂(σ²)² = 1/2 > 0 at the prior, and ∂²KL/∂μ² = 1: a minimum");

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
