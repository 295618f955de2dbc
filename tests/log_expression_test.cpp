// Tests ncv::log_expression's derivative against the rule d(c·log f) = c·f′/f evaluated directly, and the losses written with it.
#define BOOST_TEST_MODULE log_expression
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdint>
#include <random>
#include <stdexcept>

#include <boost/multiprecision/cpp_int.hpp>

#include <ncv/nn/gan_loss.hpp>
#include <ncv/nn/gaussian_kl.hpp>
#include <ncv/number/log_expression.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;
using poly = ncv::multi_polynomial<q, 2, 32>;
using big = boost::multiprecision::cpp_rational;

BOOST_AUTO_TEST_SUITE(log_expression)

// ∂/∂x_v of Σ c_k log f_k + g at a point, term by term: Σ c_k(p)·f_k′(p)/f_k(p) + g′(p), where
// f_k′ is the exact derivative of a polynomial that is affine in each variable, taken as a
// difference f(p + e_v) − f(p).
BOOST_AUTO_TEST_CASE(derivative_is_the_sum_of_c_f_prime_over_f_at_random_points) {
    std::mt19937_64 engine(17);
    std::uniform_int_distribution<int> value(-5, 5);
    const poly x = poly::variable(0), y = poly::variable(1);
    for (int trial = 0; trial < 300; ++trial) {
        const auto affine = [&] { return poly(value(engine)) + poly(value(engine)) * x + poly(value(engine)) * y; };
        // c_k free of x (the variable differentiated); f_k and g affine in x and y.
        const ncv::log_expression<q, 2, 32, 2> e{{poly(value(engine)) * y, poly(value(engine))}, {affine(), affine()},
                                                 affine() * affine()};
        const auto d = ncv::partial_derivative(e, 0);
        const std::array<q, 2> point{q(value(engine), 3), q(value(engine), 2)};
        std::array<q, 2> moved = point;
        moved[0] += q(1);
        q expected = e.polynomial_part.derivative(0)(point);
        bool pole = false;
        for (std::size_t k = 0; k < 2; ++k) {
            const q f = e.log_arguments[k](point);
            if (f == q(0)) pole = true;
            else expected += e.log_coefficients[k](point) * (e.log_arguments[k](moved) - f) / f;
        }
        if (pole) {
            BOOST_CHECK_THROW((void)d(point), std::domain_error);
        } else {
            BOOST_TEST(d(point) == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_coefficient_that_depends_on_the_variable_is_refused) {
    const poly x = poly::variable(0);
    const ncv::log_expression<q, 2, 32, 1> e{{x}, {x + poly(1)}, {}};
    BOOST_CHECK_THROW((void)ncv::partial_derivative(e, 0), std::domain_error);
    BOOST_CHECK_NO_THROW((void)ncv::partial_derivative(e, 1));
}

// The run-time path, unbounded: the derivative of the written-out GAN loss equals the library's
// slope function, and the slope worked out here by calculus (d/dD of −a log(1 − D) − b log D is
// a/(1 − D) − b/D; of −a log D − b log(1 − D), −a/D + b/(1 − D)), on 1,000 random points
// (cpp_rational).
BOOST_AUTO_TEST_CASE(gan_loss_derivative_equals_the_slope_function_on_random_points) {
    std::mt19937_64 engine(29);
    std::uniform_int_distribution<int> numerator(1, 1000), denominator(1, 1000);
    for (const auto loss : {ncv::discriminator_loss::given, ncv::discriminator_loss::corrected}) {
        const auto slope = ncv::partial_derivative(ncv::discriminator_pointwise_loss<big>(loss), ncv::discriminator_output);
        for (int trial = 0; trial < 500; ++trial) {
            const big a(numerator(engine), denominator(engine)), b(numerator(engine), denominator(engine));
            const int d_den = denominator(engine) + 1;
            const big d(std::uniform_int_distribution<int>(1, d_den - 1)(engine), d_den);
            const big by_calculus = loss == ncv::discriminator_loss::given ? a / (big(1) - d) - b / d : -a / d + b / (big(1) - d);
            BOOST_TEST(slope({a, b, d}) == by_calculus);
            BOOST_TEST(ncv::discriminator_loss_slope(loss, a, b, d) == by_calculus);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
