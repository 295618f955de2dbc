// Tests ncv::quadratic_form: products of linear forms, evaluation and partial derivatives against direct computation.
#define BOOST_TEST_MODULE quadratic_form
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>

#include <ncv/number/linear_form.hpp>
#include <ncv/number/quadratic_form.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;
using form = ncv::linear_form<q, 3>;

BOOST_AUTO_TEST_SUITE(quadratic_form)

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

// (a·b)(p) = a(p)·b(p), and ∂(a·b)/∂s_k = a_k·b + b_k·a (the product rule), on random forms and points.
BOOST_AUTO_TEST_CASE(products_evaluate_and_differentiate_as_products) {
    std::mt19937_64 engine(8);
    std::uniform_int_distribution<int> value(-7, 7);
    const auto random_form = [&] { return form::from_coefficients({q(value(engine)), q(value(engine)), q(value(engine))}); };
    const auto evaluate = [](const form& f, const std::array<q, 3>& p) {
        q sum(0);
        for (std::size_t i = 0; i < 3; ++i) sum += f.coefficient(i) * p[i];
        return sum;
    };
    for (int trial = 0; trial < 300; ++trial) {
        const form a = random_form(), b = random_form();
        const std::array<q, 3> p{q(value(engine), 2), q(value(engine), 3), q(value(engine))};
        const auto product = a * b;
        BOOST_TEST(product(p) == evaluate(a, p) * evaluate(b, p));
        for (std::size_t k = 0; k < 3; ++k)
            BOOST_TEST((product.partial_derivative(k) == a.coefficient(k) * b + b.coefficient(k) * a));
    }
}

BOOST_AUTO_TEST_SUITE_END()
