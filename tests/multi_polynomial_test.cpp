// Tests ncv::multi_polynomial, the determinant and the adjugate against evaluation at random points, and the normal form.
#define BOOST_TEST_MODULE multi_polynomial
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <type_traits>

#include <ncv/array/linear_algebra.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;
using poly = ncv::multi_polynomial<q, 3, 64>;

BOOST_AUTO_TEST_SUITE(multi_polynomial)

BOOST_AUTO_TEST_CASE(arithmetic_agrees_with_evaluation) {
    const poly x = poly::variable(0), y = poly::variable(1), z = poly::variable(2);
    const poly p = x * x * y - poly(q(3, 2)) * z + poly(7);
    const poly r = (x - y) * (x + z) + y * y * y;
    std::mt19937_64 engine(21);
    std::uniform_int_distribution<int> value(-9, 9);
    for (int trial = 0; trial < 500; ++trial) {
        const std::array<q, 3> point{q(value(engine), 2), q(value(engine)), q(value(engine), 3)};
        BOOST_TEST((p + r)(point) == p(point) + r(point));
        BOOST_TEST((p - r)(point) == p(point) - r(point));
        BOOST_TEST((p * r)(point) == p(point) * r(point));
    }
}

BOOST_AUTO_TEST_CASE(normal_form_makes_identities_checkable) {
    const poly x = poly::variable(0), y = poly::variable(1);
    BOOST_TEST(((x + y) * (x + y) == x * x + poly(2) * x * y + y * y));
    BOOST_TEST(((x + y) * (x - y) - (x * x - y * y)).is_zero());
    BOOST_TEST(!((x + y) * (x + y) == x * x + y * y));
}

BOOST_AUTO_TEST_CASE(expectation_replaces_powers_by_moments) {
    const poly x = poly::variable(0), e = poly::variable(2);
    const poly p = (x + e) * (x + e);
    BOOST_TEST((p.expectation_over(2, std::array<q, 3>{1, 0, 1}) == x * x + poly(1)));
    BOOST_CHECK_THROW((void)(p * e).expectation_over(2, std::array<q, 3>{1, 0, 1}), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(capacity_is_enforced) {
    using small = ncv::multi_polynomial<q, 2, 3>;
    const small x = small::variable(0), y = small::variable(1);
    BOOST_CHECK_THROW((void)((x + y + small(1)) * (x + y)), std::length_error);
}

BOOST_AUTO_TEST_CASE(derivative_substitution_and_coefficients_agree_with_evaluation) {
    const poly x = poly::variable(0), y = poly::variable(1), z = poly::variable(2);
    std::mt19937_64 engine(5);
    std::uniform_int_distribution<int> value(-6, 6);
    for (int trial = 0; trial < 200; ++trial) {
        const auto random_quadratic = [&] {
            return poly(value(engine)) * x * x + poly(value(engine)) * x * y + poly(value(engine)) * z +
                   poly(value(engine)) * y * z * z + poly(value(engine));
        };
        const poly p = random_quadratic(), r = random_quadratic();
        // The product rule, and the derivative as an exact difference quotient of a polynomial
        // of degree ≤ 2 in x: p(x + 1) − p(x − 1) = 2·∂p/∂x.
        BOOST_TEST(((p * r).derivative(0) == p.derivative(0) * r + p * r.derivative(0)));
        const std::array<q, 3> point{q(value(engine), 2), q(value(engine)), q(value(engine), 3)};
        const std::array<q, 3> up{point[0] + q(1), point[1], point[2]}, down{point[0] - q(1), point[1], point[2]};
        BOOST_TEST(p(up) - p(down) == q(2) * p.derivative(0)(point));
        // x_v = c substituted, then evaluated, is evaluation at the point with x_v = c.
        const q c(value(engine), 5);
        const std::array<q, 3> at_c{point[0], c, point[2]};
        BOOST_TEST(p.substitute(1, c)(point) == p(at_c));
        // p = Σ_k coefficient_in(v, k)·x_v^k.
        poly rebuilt, power(1);
        for (unsigned k = 0; k <= p.degree_in(2); ++k, power = power * z) rebuilt = rebuilt + p.coefficient_in(2, k) * power;
        BOOST_TEST((rebuilt == p));
    }
    BOOST_TEST((x * x * y).degree_in(0) == 2u);
    BOOST_TEST(poly(3).degree_in(1) == 0u);
    BOOST_TEST((poly::monomial(q(4), {1, 0, 2}) == poly(4) * x * z * z));
}

// Exponents are packed eight to a word: a power is at most 255, and one beyond is an error,
// never a carry into the neighbouring variable's power.
BOOST_AUTO_TEST_CASE(powers_up_to_255_and_no_further) {
    using wide = ncv::multi_polynomial<q, 10, 8>;  // two words: x_7 ends the first, x_8 starts the second
    for (const std::size_t v : {std::size_t{0}, std::size_t{7}, std::size_t{8}, std::size_t{9}}) {
        std::array<unsigned, 10> e{};
        e[v] = 128;
        const wide p = wide::monomial(q(1), e);
        e[v] = 127;
        const wide r = wide::monomial(q(1), e);
        e[v] = 255;
        BOOST_TEST(((p * r) == wide::monomial(q(1), e)));
        BOOST_TEST((p * r).degree_in(v) == 255u);
        for (std::size_t other = 0; other < 10; ++other)
            if (other != v) BOOST_TEST((p * r).degree_in(other) == 0u);
        BOOST_CHECK_THROW((void)(p * p), std::overflow_error);
        BOOST_CHECK_THROW((void)(p * r * wide::variable(v)), std::overflow_error);
        BOOST_CHECK_THROW((void)(wide::variable(v) * (p * r)), std::overflow_error);  // either factor may be the large one
        e[v] = 256;
        BOOST_CHECK_THROW((void)wide::monomial(q(1), e), std::overflow_error);
    }
    // A power of 200 in one variable and 100 in its neighbour: both survive a product and a derivative.
    const wide x7 = wide::variable(7), x8 = wide::variable(8);
    wide p(1);
    for (int i = 0; i < 100; ++i) p = p * x7 * x7 * x8;
    BOOST_TEST(p.degree_in(7) == 200u);
    BOOST_TEST(p.degree_in(8) == 100u);
    BOOST_TEST((p.derivative(7).degree_in(7) == 199u));
    BOOST_TEST((p.derivative(7).coefficient(p.derivative(7)[0].powers()) == q(200)));
    BOOST_TEST(p.derivative(8).degree_in(8) == 99u);
}

BOOST_AUTO_TEST_SUITE_END()
