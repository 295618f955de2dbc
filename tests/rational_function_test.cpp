// Tests ncv::rational_function: arithmetic against evaluation at many points, normal form, errors.
#define BOOST_TEST_MODULE rational_function
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <stdexcept>

#include <ncv/number/polynomial.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/number/rational_function.hpp>

#include "random_polynomial.hpp"

using q = ncv::rational<std::int64_t>;
using poly = ncv::polynomial<q, 8>;
using rf = ncv::rational_function<q, 8>;


BOOST_AUTO_TEST_SUITE(rational_function)

BOOST_AUTO_TEST_CASE(rational_functions_agree_with_evaluation) {
    std::mt19937_64 engine(13);
    for (int trial = 0; trial < 200; ++trial) {
        const poly n1 = random_polynomial<poly>(engine, 2), d1 = random_polynomial<poly>(engine, 1), n2 = random_polynomial<poly>(engine, 2), d2 = random_polynomial<poly>(engine, 1);
        if (d1.is_zero() || d2.is_zero()) continue;
        const rf a(n1, d1), b(n2, d2);
        for (int x = -6; x <= 6; ++x) {
            const q t(x, 7);  // avoid the integer poles of the random denominators
            if (d1(t) == q(0) || d2(t) == q(0)) continue;
            BOOST_TEST((a + b)(t) == a(t) + b(t));
            BOOST_TEST((a * b)(t) == a(t) * b(t));
            if (!n2.is_zero() && n2(t) != q(0)) BOOST_TEST((a / b)(t) == a(t) / b(t));
        }
    }
}

BOOST_AUTO_TEST_CASE(normal_form_and_identities) {
    const rf t = rf::variable();
    const rf x = (t * t - rf(1)) / (t - rf(1));  // = t + 1 once reduced
    BOOST_TEST(x.denominator().degree() == 0);
    BOOST_TEST((x == t + rf(1)));
    BOOST_TEST((rf(1) / t - rf(1) / (t + rf(1)) == rf(1) / (t * (t + rf(1)))));
    BOOST_TEST(!(rf(1) / t == rf(1) / (t + rf(1))));
}

BOOST_AUTO_TEST_CASE(errors) {
    const rf t = rf::variable();
    BOOST_CHECK_THROW((void)(rf(1) / (t - t)), std::domain_error);
    BOOST_CHECK_THROW((void)(rf(1) / t)(q(0)), std::domain_error);
    poly big = poly::variable();
    for (int k = 0; k < 6; ++k) big = big * poly::variable();  // t^7 still fits
    BOOST_CHECK_THROW((void)(big * poly::variable()), std::length_error);
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    constexpr q compile_time = (rf(1) / (rf::variable() + rf(1)))(q(3));
    const q run_time = (rf(1) / (rf::variable() + rf(1)))(q(3));
    BOOST_TEST(compile_time == run_time);
    BOOST_TEST(compile_time == q(1, 4));
}

BOOST_AUTO_TEST_SUITE_END()
