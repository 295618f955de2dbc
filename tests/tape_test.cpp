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
    }
}

BOOST_AUTO_TEST_CASE(capacity_is_enforced) {
    ncv::tape<q, 3> t;
    const auto a = t.leaf(q(1));
    const auto b = t.leaf(q(2));
    (void)(a + b);
    BOOST_CHECK_THROW((void)(a * b), std::length_error);
}

BOOST_AUTO_TEST_CASE(gradient_descent_lowers_the_loss) {
    const std::array<ncv::network_sample<q>, 2> data{{{q(1), q(0), q(1)}, {q(0), q(1), q(-1)}}};
    ncv::network_parameters<q> p{q(1), q(0), q(0), q(1), q(1), q(1), q(1), q(1), q(0)};
    q loss = ncv::network_loss(p, data);
    for (int step = 0; step < 2; ++step) {
        p = ncv::gradient_descent_step(p, data, q(1, 16));
        const q next = ncv::network_loss(p, data);
        BOOST_TEST(next < loss);
        loss = next;
    }
}

BOOST_AUTO_TEST_CASE(quadratic_forms) {
    using form = ncv::linear_form<q, 3>;
    const form x = form::symbol(0), y = form::symbol(1);
    const auto square = (x + y) * (x + y);
    BOOST_TEST(square.coefficient(0, 1) == q(2));
    BOOST_TEST(square.coefficient(1, 0) == q(2));
    BOOST_TEST(square.coefficient(0, 0) == q(1));
    BOOST_TEST(square({q(2), q(3), q(7)}) == q(25));
    BOOST_TEST((square.partial_derivative(0) == q(2) * x + q(2) * y));
    BOOST_TEST(((x + y) * (x - y) == x * x - y * y));
}

BOOST_AUTO_TEST_SUITE_END()
