// Tests ncv::tape (backpropagation) against dual numbers on random expressions and on the tiny network; and quadratic_form.
#define BOOST_TEST_MODULE tape
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <stdexcept>

#include <ncv/nn/tape.hpp>
#include <ncv/nn/tiny_network.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/quadratic_form.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;

namespace {
// f(x, y, z) = relu(x·y − z)·(x + z) − y·y, written once for every scalar.
template <class S>
S expression(const S& x, const S& y, const S& z) {
    using ncv::relu;  // unqualified, so a tape var's relu is found by argument-dependent lookup
    return relu(x * y - z) * (x + z) - y * y;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(tape)

BOOST_AUTO_TEST_CASE(backpropagation_equals_forward_mode_on_random_points) {
    std::mt19937_64 engine(77);
    std::uniform_int_distribution<int> value(-20, 20), denominator(1, 6);
    for (int trial = 0; trial < 500; ++trial) {
        const q x(value(engine), denominator(engine)), y(value(engine), denominator(engine)), z(value(engine), denominator(engine));
        ncv::tape<q, 64> t;
        const auto vx = t.leaf(x), vy = t.leaf(y), vz = t.leaf(z);
        const auto out = expression(vx, vy, vz);
        t.backward(out);
        using d = ncv::dual<q>;
        BOOST_TEST(out.value() == expression(x, y, z));
        BOOST_TEST(vx.adjoint() == expression(d::variable(x), d(y), d(z)).derivative);
        BOOST_TEST(vy.adjoint() == expression(d(x), d::variable(y), d(z)).derivative);
        BOOST_TEST(vz.adjoint() == expression(d(x), d(y), d::variable(z)).derivative);
        // And by hand: with r = x·y − z and s = x + z, f = relu(r)·s − y², so where r > 0
        // ∂f/∂x = y·s + r, ∂f/∂y = x·s − 2y, ∂f/∂z = r − s, and elsewhere 0, −2y, 0.
        const q r = x * y - z, s = x + z;
        const bool on = q(0) < r;
        BOOST_TEST(vx.adjoint() == (on ? y * s + r : q(0)));
        BOOST_TEST(vy.adjoint() == (on ? x * s : q(0)) - q(2) * y);
        BOOST_TEST(vz.adjoint() == (on ? r - s : q(0)));
    }
}

BOOST_AUTO_TEST_CASE(capacity_is_enforced) {
    ncv::tape<q, 3> t;
    const auto a = t.leaf(q(1));
    const auto b = t.leaf(q(2));
    (void)(a + b);
    BOOST_CHECK_THROW((void)(a * b), std::length_error);
}

BOOST_AUTO_TEST_SUITE_END()
