// Tests ncv::multi_polynomial and the determinant against evaluation at random points, and the normal form.
#define BOOST_TEST_MODULE multi_polynomial
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <stdexcept>

#include <ncv/linear_algebra.hpp>
#include <ncv/multi_polynomial.hpp>
#include <ncv/rational.hpp>

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

BOOST_AUTO_TEST_CASE(determinants) {
    constexpr ncv::matrix<q, 3, 3> m({{2, 0, 1}, {1, 3, 2}, {1, 1, 1}});
    static_assert(ncv::determinant(m) == q(2 * (3 - 2) - 0 + 1 * (1 - 3)));
    BOOST_TEST(ncv::determinant(ncv::identity_matrix<q, 4>()) == q(1));
    const auto product = ncv::matrix_product(m, ncv::identity_matrix<q, 3>());
    BOOST_TEST((product == m));
}

BOOST_AUTO_TEST_SUITE_END()
