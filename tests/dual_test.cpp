// Tests ncv::dual: derivatives of polynomials and quotients against hand-computed values.
#define BOOST_TEST_MODULE dual
#include <boost/test/unit_test.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>
#include <random>

#include <ncv/number/dual.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;
using d = ncv::dual<q>;

BOOST_AUTO_TEST_SUITE(dual)

BOOST_AUTO_TEST_CASE(polynomial_derivatives) {
    // f(x) = 3x³ − 2x + 5, f'(x) = 9x² − 2, at random rational points.
    std::mt19937_64 engine(5);
    std::uniform_int_distribution<int> numerator(-30, 30), denominator(1, 9);
    for (int i = 0; i < 500; ++i) {
        const q x0(numerator(engine), denominator(engine));
        const d x = d::variable(x0);
        const d f = d(q(3)) * x * x * x - d(q(2)) * x + d(q(5));
        BOOST_TEST(f.value == q(3) * x0 * x0 * x0 - q(2) * x0 + q(5));
        BOOST_TEST(f.derivative == q(9) * x0 * x0 - q(2));
    }
}

BOOST_AUTO_TEST_CASE(quotient_rule) {
    // g(x) = 1 / (1 + x²), g'(x) = −2x / (1 + x²)².
    const q x0(1, 2);
    const d g = d(q(1)) / (d(q(1)) + d::variable(x0) * d::variable(x0));
    BOOST_TEST(g.value == q(4, 5));
    BOOST_TEST(g.derivative == q(-16, 25));
}

BOOST_AUTO_TEST_CASE(constants_have_no_derivative) {
    constexpr d c(q(7));
    static_assert(c.derivative == q(0));
    constexpr d product = c * d::variable(q(2));
    static_assert(product.derivative == q(7));
    BOOST_TEST((-product).derivative == q(-7));
}

// A plain T on either side acts as the constant d(t): every mixed operation equals the
// operation with the constant lifted (derivative 0), on random values and derivatives.
BOOST_AUTO_TEST_CASE(a_plain_value_mixes_as_a_constant) {
    std::mt19937_64 engine(17);
    std::uniform_int_distribution<int> numerator(-20, 20), denominator(1, 7);
    const auto draw = [&] { return q(numerator(engine), denominator(engine)); };
    for (int i = 0; i < 300; ++i) {
        const d x(draw(), draw());
        q t = draw();
        if (t == q(0)) t = q(1, 3);
        const d c(t);
        BOOST_TEST((c.derivative == q(0) && c.value == t));
        BOOST_TEST((x + t == x + c));
        BOOST_TEST((t + x == c + x));
        BOOST_TEST((x - t == x - c));
        BOOST_TEST((t - x == c - x));
        BOOST_TEST((x * t == x * c));
        BOOST_TEST((t * x == c * x));
        BOOST_TEST((x / t == x / c));
    }
}

// Built with parentheses like a class with constructors, and at compile time.
BOOST_AUTO_TEST_CASE(parenthesised_construction) {
    constexpr d constant(q(5));
    constexpr d pair(q(2), q(3));
    static_assert(constant.value == q(5) && constant.derivative == q(0));
    static_assert(pair.value == q(2) && pair.derivative == q(3));
    static_assert(d::variable(q(4)) == d(q(4), q(1)));
    static_assert(d() == d(q(0), q(0)));
    BOOST_TEST((d(1) == d(q(1))), "d(1) is the constant 1, as unital_ring asks");
}

BOOST_AUTO_TEST_CASE(works_over_unbounded_rationals) {
    using big = boost::multiprecision::cpp_rational;
    const auto x = ncv::dual<big>::variable(big(1, 3));
    const auto f = x * x * x;
    BOOST_TEST(f.derivative == big(1, 3));
}

BOOST_AUTO_TEST_SUITE_END()
