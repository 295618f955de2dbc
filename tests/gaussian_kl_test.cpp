// Tests the VAE regulariser: its derivatives against the calculus, its value against numerical integration of p·log(p/q).
#define BOOST_TEST_MODULE gaussian_kl
#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include <ncv/nn/gaussian_kl.hpp>
#include <ncv/number/log_expression.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;

namespace {
double to_double(const q& x) { return static_cast<double>(x.numerator()) / static_cast<double>(x.denominator()); }

// KL(N(μ, s) ‖ N(0, 1)) = ∫ p(z) log(p(z)/q(z)) dz by the trapezoidal rule over μ ± 12σ: the
// definition, with none of the closed form's algebra.
double kl_by_integration(double mu, double s) {
    const double sigma = std::sqrt(s), pi = std::acos(-1.0);
    const auto log_p = [&](double z) { return -0.5 * std::log(2 * pi * s) - (z - mu) * (z - mu) / (2 * s); };
    const auto log_q = [&](double z) { return -0.5 * std::log(2 * pi) - z * z / 2; };
    const int steps = 200'000;
    const double low = mu - 12 * sigma, width = 24 * sigma / steps;
    double sum = 0;
    for (int k = 0; k <= steps; ++k) {
        const double z = low + k * width;
        const double term = std::exp(log_p(z)) * (log_p(z) - log_q(z));
        sum += (k == 0 || k == steps) ? term / 2 : term;
    }
    return sum * width;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(gaussian_kl)

BOOST_AUTO_TEST_CASE(quotient_rule_agrees_with_differentiating_twice_by_hand) {
    // KL: ∂/∂s = ½(1 − 1/s), so ∂²/∂s² = 1/(2s²) and ∂²/∂μ∂s = 0; ∂²/∂μ² = 1.
    const auto kl = ncv::gaussian_kl_to_standard_normal<q>();
    for (int s = 1; s <= 20; ++s) {
        const std::array<q, 2> point{q(s - 7, 3), q(s, 4)};
        BOOST_TEST(ncv::partial_derivative(kl, 1)(point) == (q(1) - q(1) / point[1]) / q(2));
        BOOST_TEST(ncv::partial_derivative(kl, 0)(point) == point[0]);
        BOOST_TEST(ncv::partial_derivative(ncv::partial_derivative(kl, 1), 1)(point) == q(1) / (q(2) * point[1] * point[1]));
        BOOST_TEST(ncv::partial_derivative(ncv::partial_derivative(kl, 0), 1)(point) == q(0));
        BOOST_TEST(ncv::partial_derivative(ncv::partial_derivative(kl, 0), 0)(point) == q(1));
    }
}

BOOST_AUTO_TEST_CASE(value_equals_the_integral_of_p_log_p_over_q) {
    const auto kl = ncv::gaussian_kl_to_standard_normal<q>();
    for (const auto& [mu, s] : std::array<std::array<q, 2>, 6>{{{q(0), q(1)}, {q(1), q(1)}, {q(-3, 2), q(1, 4)},
                                                                {q(2), q(9, 4)}, {q(1, 3), q(5)}, {q(-1), q(1, 10)}}}) {
        const std::array<q, 2> point{mu, s};
        double value = to_double(kl.polynomial_part(point));
        for (std::size_t k = 0; k < kl.log_arguments.size(); ++k)
            value += to_double(kl.log_coefficients[k](point)) * std::log(to_double(kl.log_arguments[k](point)));
        BOOST_TEST(value == kl_by_integration(to_double(mu), to_double(s)), boost::test_tools::tolerance(1e-7));
    }
}

BOOST_AUTO_TEST_SUITE_END()
