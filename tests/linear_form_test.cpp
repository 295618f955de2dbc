// Tests ncv::linear_form: the vector-space operations coefficient by coefficient on random forms, symbols, capacity.
#define BOOST_TEST_MODULE linear_form
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <stdexcept>

#include <ncv/number/linear_form.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;
using form = ncv::linear_form<q, 4>;

BOOST_AUTO_TEST_SUITE(linear_form)

BOOST_AUTO_TEST_CASE(operations_act_on_each_coefficient) {
    std::mt19937_64 engine(6);
    std::uniform_int_distribution<int> value(-9, 9);
    const auto random_form = [&] {
        return form::from_coefficients({q(value(engine), 2), q(value(engine)), q(value(engine), 3), q(value(engine))});
    };
    for (int trial = 0; trial < 300; ++trial) {
        const form a = random_form(), b = random_form();
        const q s(value(engine), 5);
        // Named results: coefficient() returns a reference, which must not outlive its form.
        const form sum = a + b, difference = a - b, negated = -a, scaled = s * a;
        for (std::size_t i = 0; i < form::size(); ++i) {
            BOOST_TEST(sum.coefficient(i) == a.coefficient(i) + b.coefficient(i));
            BOOST_TEST(difference.coefficient(i) == a.coefficient(i) - b.coefficient(i));
            BOOST_TEST(negated.coefficient(i) == -a.coefficient(i));
            BOOST_TEST(scaled.coefficient(i) == s * a.coefficient(i));
        }
        BOOST_TEST(((a - b) + b == a));
        BOOST_TEST((a == b) == (a.coefficients() == b.coefficients()));
    }
}

BOOST_AUTO_TEST_CASE(symbols_are_the_unit_vectors) {
    for (std::size_t i = 0; i < form::size(); ++i) {
        const form symbol = form::symbol(i);
        for (std::size_t j = 0; j < form::size(); ++j) BOOST_TEST(symbol.coefficient(j) == q(i == j ? 1 : 0));
    }
    BOOST_CHECK_THROW((void)form::symbol(form::size()), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    constexpr form f = q(3) * form::symbol(1) - form::symbol(2);
    static_assert(f.coefficient(1) == q(3) && f.coefficient(2) == q(-1));
    BOOST_TEST(f.coefficient(1) == q(3));
}

BOOST_AUTO_TEST_SUITE_END()
