// Tests ncv::polynomial: arithmetic against evaluation at many points, long division, the gcd, capacity.
#define BOOST_TEST_MODULE polynomial
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <stdexcept>

#include <ncv/number/polynomial.hpp>
#include <ncv/number/rational.hpp>

#include "random_polynomial.hpp"

using q = ncv::rational<std::int64_t>;
using poly = ncv::polynomial<q, 8>;

BOOST_AUTO_TEST_SUITE(polynomial)

BOOST_AUTO_TEST_CASE(polynomial_arithmetic_agrees_with_evaluation) {
    std::mt19937_64 engine(12);
    for (int trial = 0; trial < 300; ++trial) {
        const poly a = random_polynomial<poly>(engine, 3), b = random_polynomial<poly>(engine, 3);
        for (int x = -4; x <= 4; ++x) {
            const q t(x);
            BOOST_TEST((a + b)(t) == a(t) + b(t));
            BOOST_TEST((a - b)(t) == a(t) - b(t));
            BOOST_TEST((a * b)(t) == a(t) * b(t));
        }
        if (!b.is_zero()) {
            const auto [quotient, remainder] = divide(a, b);
            BOOST_TEST((quotient * b + remainder == a));
            BOOST_TEST(remainder.degree() < b.degree());
        }
    }
}

// gcd(a·c, b·c) is c made monic, times gcd(a, b): checked by dividing, not by reading back.
BOOST_AUTO_TEST_CASE(gcd_divides_both_and_keeps_common_factors) {
    std::mt19937_64 engine(21);
    for (int trial = 0; trial < 200; ++trial) {
        const poly a = random_polynomial<poly>(engine, 2), b = random_polynomial<poly>(engine, 2);
        const poly c = random_polynomial<poly>(engine, 1);
        if (a.is_zero() || b.is_zero() || c.is_zero()) continue;
        const poly g = gcd(a * c, b * c);
        BOOST_TEST(g.leading_coefficient() == q(1));
        BOOST_TEST(divide(a * c, g).remainder.is_zero());
        BOOST_TEST(divide(b * c, g).remainder.is_zero());
        BOOST_TEST(divide(g, c).remainder.is_zero(), "the common factor c divides the gcd");
    }
    BOOST_TEST((gcd(poly(), poly()) == poly()));
}

BOOST_AUTO_TEST_CASE(errors) {
    BOOST_CHECK_THROW((void)divide(poly::variable(), poly()), std::domain_error);
    poly big = poly::variable();
    for (int k = 0; k < 6; ++k) big = big * poly::variable();  // t^7 fits in 8 coefficients
    BOOST_CHECK_THROW((void)(big * poly::variable()), std::length_error);
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    constexpr poly square = (poly::variable() + poly(1)) * (poly::variable() - poly(1));
    static_assert(square(q(3)) == q(8));
    BOOST_TEST(square(q(3)) == (poly::variable() * poly::variable() - poly(1))(q(3)));
}

BOOST_AUTO_TEST_SUITE_END()
