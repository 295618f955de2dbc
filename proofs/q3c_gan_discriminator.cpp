// Proves Q3(c) in numbers: the paper's discriminator loss is optimal at D* = p_g/(p_data+p_g) (wrong labels); the fix gives p_data/(p_data+p_g).
//
// At a point x with a = p_data(x) and b = p_g(x), the paper's loss is ℓ(D) = −a log(1−D) − b log D.
// Its derivative a/(1−D) − b/D is rational: no logarithm is evaluated. Multiplied by D(1−D) > 0
// it is N(D) = a·D − b·(1 − D), affine in D, whose slope a + b is positive: N changes sign once,
// from − to +, so its root is the unique minimiser in (0, 1). The corrected loss
// −a log D − b log(1−D) gives N(D) = −a·(1 − D) + b·D the same way.
#include <array>
#include <cstddef>
#include <cstdint>

#include <ncv/exam/summer2023.hpp>
#include <ncv/gan_loss.hpp>
#include <ncv/linear_form.hpp>
#include <ncv/proof/agree.hpp>
#include <ncv/rational.hpp>

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;
using number = paper::number;
using form = ncv::linear_form<number, 2>;  // symbols a = p_data(x), b = p_g(x)

constexpr form a = form::symbol(0);
constexpr form b = form::symbol(1);

// D(1−D) · ∂ℓ/∂D for each loss, for all a and b at once.
constexpr form given_numerator(const number& d) { return d * a - (number(1) - d) * b; }
constexpr form corrected_numerator(const number& d) { return number(-1) * ((number(1) - d) * a) + d * b; }

// N(D) = c0 + c1·D; the optimum is −c0/c1. Returns −c0's coefficients of (a, b), after checking
// that N is affine (N(2) − N(1) = N(1) − N(0)) and that its slope c1 is a + b.
template <form (*N)(const number&)>
constexpr std::array<number, 2> optimum_numerator() {
    const form c0 = N(number(0));
    const form c1 = N(number(1)) - c0;
    if (!(N(number(2)) - N(number(1)) == c1)) throw "not affine in D";
    if (!(c1 == a + b)) throw "the slope is not a + b";
    return {-c0.coefficient(0), -c0.coefficient(1)};
}

// ---- Q3c: the optimal discriminators, for all a, b (level 3) ----

constexpr auto given_optimum = optimum_numerator<given_numerator>();
constexpr auto corrected_optimum = optimum_numerator<corrected_numerator>();
static_assert(agrees<"Q3c.given_optimum", given_optimum, paper::q3c_given_optimum>(),
              "Q3c: the paper's loss is minimised at D* = p_g/(p_data + p_g): it rewards the wrong labels");
static_assert(agrees<"Q3c.corrected_optimum", corrected_optimum, paper::q3c_corrected_optimum>(),
              "Q3c: the corrected loss is minimised at D* = p_data/(p_data + p_g)");

// ---- Q3c: on generated discrete distributions (level 2) ----
// p_data and p_g over four points, rational probabilities summing to 1. At every point with
// a, b > 0: ℓ'(D*) = 0 exactly and ℓ''(D*) = a/(1−D*)² + b/D*² > 0. Where b = 0 (only real
// data), the paper's ℓ' = a/(1−D) > 0 on (0, 1): it drives D to 0; the corrected ℓ' = −a/D < 0
// drives D to 1.

constexpr number given_slope(const number& p_data, const number& p_g, const number& d) {
    return ncv::discriminator_loss_slope(ncv::discriminator_loss::given, p_data, p_g, d);
}
constexpr number corrected_slope(const number& p_data, const number& p_g, const number& d) {
    return ncv::discriminator_loss_slope(ncv::discriminator_loss::corrected, p_data, p_g, d);
}

constexpr bool distributions_hold() {
    for (std::int64_t seed = 1; seed <= 40; ++seed) {
        std::array<number, 4> p_data{}, p_g{};
        number total_data(0), total_g(0);
        for (std::int64_t k = 0; k < 4; ++k) {
            p_data[static_cast<std::size_t>(k)] = number((seed * (k + 3)) % 7 + (k == 0 ? 1 : 0));
            p_g[static_cast<std::size_t>(k)] = number((seed * (2 * k + 1)) % 5);
            total_data += p_data[static_cast<std::size_t>(k)];
            total_g += p_g[static_cast<std::size_t>(k)];
        }
        if (total_g == number(0)) continue;
        for (std::size_t k = 0; k < 4; ++k) {
            const number x = p_data[k] / total_data, y = p_g[k] / total_g;
            if (x > number(0) && y > number(0)) {
                const number d_given = ncv::optimal_discriminator(ncv::discriminator_loss::given, x, y);
                const number d_corrected = ncv::optimal_discriminator(ncv::discriminator_loss::corrected, x, y);
                if (given_slope(x, y, d_given) != number(0) || corrected_slope(x, y, d_corrected) != number(0)) return false;
                if (!(ncv::discriminator_loss_curvature(x, y, d_given) > number(0))) return false;
                if (d_given + d_corrected != number(1)) return false;  // the labels, swapped
            } else if (x > number(0)) {  // only real data here
                for (std::int64_t step = 1; step < 10; ++step) {
                    const number d(step, 10);
                    if (!(given_slope(x, y, d) > number(0)) || !(corrected_slope(x, y, d) < number(0))) return false;
                }
            }
        }
    }
    return true;
}
static_assert(distributions_hold(), "Q3c (level 2): optima, curvature and the pull on real-only points, on 40 distributions");

// The checks can fail: the slope at the wrong candidate is not zero.
static_assert(given_slope(number(1, 3), number(2, 3), number(1, 3)) != number(0),
              "Q3c: p_data/(p_data + p_g) does not minimise the paper's loss");

}  // namespace
