// Proves Q3(c) in numbers: the paper's discriminator loss is optimal at D* = p_g/(p_data+p_g) (wrong labels); the fix gives p_data/(p_data+p_g).
//
// At a point x with a = p_data(x) and b = p_g(x), the paper's loss is ℓ(D) = −a log(1−D) − b log D
// (ncv::discriminator_pointwise_loss writes it, logarithms included). The program differentiates
// it (d log f = f′/f): ℓ′ = N/Π f_k with polynomials N and Π f_k in a, b, D. It then checks that
// every log argument f_k is positive on 0 < D < 1 (so the sign of ℓ′ is the sign of N there), that
// N is affine in D with a slope that is positive for a, b > 0, and solves N = 0: ℓ′ goes from − to
// + through that one root, the unique minimiser. No logarithm is ever evaluated.
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/gan_loss.hpp>
#include <ncv/number/log_expression.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/proof/agrees.hpp>

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::discriminator_loss;
using ncv::proof::agrees;
using number = paper::number;
using poly = ncv::multi_polynomial<number, 3, 16>;  // in a = p_data(x), b = p_g(x), D

constexpr poly a = poly::variable(ncv::data_density);
constexpr poly b = poly::variable(ncv::generator_density);
constexpr std::size_t D = ncv::discriminator_output;

constexpr auto pointwise_loss(discriminator_loss loss) { return ncv::discriminator_pointwise_loss<number>(loss); }

// ℓ′(D) = N/Π f_k, differentiated by the program from the loss as written.
constexpr auto slope(discriminator_loss loss) { return ncv::partial_derivative(pointwise_loss(loss), D); }

// An argument of a logarithm that depends on D alone, affine, and ≥ 0 at both ends of [0, 1]
// (not 0 at both) is positive on the open interval.
constexpr bool positive_on_open_unit_interval(const poly& f) {
    if (f.degree_in(D) > 1 || f.degree_in(ncv::data_density) != 0 || f.degree_in(ncv::generator_density) != 0)
        return false;
    const number at_0 = f({0, 0, 0}), at_1 = f({0, 0, 1});
    return at_0 >= number(0) && at_1 >= number(0) && !(at_0 == number(0) && at_1 == number(0));
}

// The unique minimiser D* = (α·a + β·b)/(a + b), returned as (α, β), from ℓ′ = (N₀ + N₁·D)/Π f_k.
template <discriminator_loss Loss>
constexpr std::array<number, 2> optimum() {
    for (const poly& f : pointwise_loss(Loss).log_arguments)
        if (!positive_on_open_unit_interval(f)) throw std::logic_error("a logarithm's argument is not positive on (0, 1)");
    const poly numerator = slope(Loss).numerator;
    if (numerator.degree_in(D) != 1) throw std::logic_error("the numerator of ℓ′ is not affine in D");
    const poly n0 = numerator.coefficient_in(D, 0), n1 = numerator.coefficient_in(D, 1);
    // N₁ = λ(a + b) with λ > 0: positive wherever a, b ≥ 0 and a + b > 0, so N rises through its root.
    const number lambda = n1.coefficient({1, 0, 0});
    if (!(lambda > number(0)) || !(n1 == poly(lambda) * (a + b)))
        throw std::logic_error("the slope of ℓ′'s numerator is not a positive multiple of a + b");
    const number n0_a = n0.coefficient({1, 0, 0}), n0_b = n0.coefficient({0, 1, 0});
    if (!(n0 == poly(n0_a) * a + poly(n0_b) * b)) throw std::logic_error("ℓ′'s numerator at D = 0 is not linear in a, b");
    return {-n0_a / lambda, -n0_b / lambda};
}

// ---- Q3c: the optimal discriminators, for all a, b (level 3) ----

constexpr auto given_optimum = optimum<discriminator_loss::given>();
constexpr auto corrected_optimum = optimum<discriminator_loss::corrected>();
static_assert(agrees<"Q3c.given_optimum", given_optimum, paper::q3c_given_optimum>(),
              "Q3c: the paper's loss is minimised at D* = p_g/(p_data + p_g): it rewards the wrong labels");
static_assert(agrees<"Q3c.corrected_optimum", corrected_optimum, paper::q3c_corrected_optimum>(),
              "Q3c: the corrected loss is minimised at D* = p_data/(p_data + p_g)");

// ---- Q3c: on generated discrete distributions (level 2) ----
// p_data and p_g over four points, rational probabilities summing to 1. At every point with
// a, b > 0 the program's ℓ′ vanishes at the library's optimal_discriminator, and its ℓ″ (the
// derivative of the fraction) is positive there and equals the library's curvature; the library's
// slope equals the program's ℓ′ at nine points of (0, 1). Where b = 0 (only real data), the
// paper's ℓ′ > 0 on (0, 1) drives D to 0 and the corrected ℓ′ < 0 drives D to 1.

constexpr bool distributions_hold() {
    const auto given = slope(discriminator_loss::given), corrected = slope(discriminator_loss::corrected);
    const auto given_curvature = ncv::partial_derivative(given, D), corrected_curvature = ncv::partial_derivative(corrected, D);
    for (std::int64_t seed = 1; seed <= 40; ++seed) {
        std::array<number, 4> p_data{}, p_g{};
        number total_data(0), total_g(0);
        for (std::size_t k = 0; k < 4; ++k) {
            const auto kk = static_cast<std::int64_t>(k);
            p_data[k] = number((seed * (kk + 3)) % 7 + (k == 0 ? 1 : 0));
            p_g[k] = number((seed * (2 * kk + 1)) % 5);
            total_data += p_data[k];
            total_g += p_g[k];
        }
        if (total_g == number(0)) continue;
        for (std::size_t k = 0; k < 4; ++k) {
            const number x = p_data[k] / total_data, y = p_g[k] / total_g;
            for (std::int64_t step = 1; step < 10; ++step) {
                const number d(step, 10);
                const number given_slope = given({x, y, d}), corrected_slope = corrected({x, y, d});
                if (ncv::discriminator_loss_slope(discriminator_loss::given, x, y, d) != given_slope ||
                    ncv::discriminator_loss_slope(discriminator_loss::corrected, x, y, d) != corrected_slope)
                    return false;
                if (y == number(0) && x > number(0) && !(given_slope > number(0) && corrected_slope < number(0)))
                    return false;
            }
            if (x > number(0) && y > number(0)) {
                const number d_given = ncv::optimal_discriminator(discriminator_loss::given, x, y);
                const number d_corrected = ncv::optimal_discriminator(discriminator_loss::corrected, x, y);
                if (given({x, y, d_given}) != number(0) || corrected({x, y, d_corrected}) != number(0)) return false;
                const number curvature = given_curvature({x, y, d_given}), curvature_corrected = corrected_curvature({x, y, d_corrected});
                if (!(curvature > number(0)) || curvature != ncv::discriminator_loss_curvature(discriminator_loss::given, x, y, d_given))
                    return false;
                if (!(curvature_corrected > number(0)) ||
                    curvature_corrected != ncv::discriminator_loss_curvature(discriminator_loss::corrected, x, y, d_corrected))
                    return false;
            }
        }
    }
    return true;
}
static_assert(distributions_hold(),
              "Q3c (level 2): the library's optima, slopes and curvature agree with the program's derivative "
              "on 40 distributions");

}  // namespace
