// Tests ncv::sgd: iterates against running means on random data (cpp_rational), custom rules and orders, errors.
#define BOOST_TEST_MODULE sgd
#include <boost/test/unit_test.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include <ncv/array/matrix.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/rational.hpp>

using exact = boost::multiprecision::cpp_rational;
using q = ncv::rational<std::int64_t>;

BOOST_AUTO_TEST_SUITE(sgd)

BOOST_AUTO_TEST_CASE(iterates_are_running_means_on_random_data) {
    std::mt19937_64 engine(4);
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 60)(engine);
        const std::size_t d = std::uniform_int_distribution<std::size_t>(1, 4)(engine);
        std::vector<ncv::dyn_matrix<exact>> data;
        for (std::size_t i = 0; i < n; ++i) {
            ncv::dyn_matrix<exact> x(d, 1);
            for (std::size_t k = 0; k < d; ++k)
                x(k, 0) = exact(std::uniform_int_distribution<int>(-1000, 1000)(engine),
                                std::uniform_int_distribution<int>(1, 50)(engine));
            data.push_back(x);
        }
        // The independent computation: the mean of the first t points, summed directly.
        std::size_t checked = 0;
        const auto last = ncv::sgd<exact>(data, ncv::dyn_matrix<exact>(d, 1), n, [&](std::size_t t, const ncv::dyn_matrix<exact>& w) {
            for (std::size_t k = 0; k < d; ++k) {
                exact sum = 0;
                for (std::size_t i = 0; i < t; ++i) sum += data[i](k, 0);
                BOOST_TEST(w(k, 0) == sum / t);
            }
            ++checked;
        });
        BOOST_TEST(checked == n);
        exact gradient = 0;  // the full gradient vanishes at the last iterate
        for (const auto& x : data) gradient += last(0, 0) - x(0, 0);
        BOOST_TEST(gradient == 0);
    }
}

BOOST_AUTO_TEST_CASE(other_rules_and_orders) {
    const std::vector<q> data{q(1), q(2), q(3)};
    // η_t = 1/(t+2) from w0 = 0: w1 = x1/2, w2 = w1 − (w1 − x2)/3, ...
    const q last = ncv::sgd_final<q>(data, q(0), 3, ncv::harmonic_step_rule{1, 2});
    q w(0);
    for (std::size_t t = 0; t < 3; ++t) w = w - q(1, static_cast<std::int64_t>(t + 2)) * (w - data[t]);
    BOOST_TEST(last == w);
    // a and b beyond int are the rule asked for, not cut to 32 bits (a run that starts after the
    // first 2³² points: η_t = 1/(t + 2³² + 1)).
    constexpr long long late = (1LL << 32) + 1;
    const ncv::harmonic_step_rule starts_late{1, late}, large_numerator{late, 1};
    BOOST_TEST(starts_late(q(0)) == q(1, late));
    BOOST_TEST(large_numerator(q(1)) == q(late, 2));
    BOOST_TEST(starts_late.at_step<q>(0) == q(1, late));  // the form sgd asks for at step t
    BOOST_TEST(large_numerator.at_step<q>(1) == q(late, 2));
    // at_step(t) is the rule at S(t), for rules of every sign.
    for (const ncv::harmonic_step_rule rule : {ncv::harmonic_step_rule{1, 1}, ncv::harmonic_step_rule{3, 5},
                                               ncv::harmonic_step_rule{-2, 7}, ncv::harmonic_step_rule{5, -1000}})
        for (std::size_t t = 0; t < 100; ++t)
            BOOST_TEST(rule.at_step<q>(t) == rule(q(static_cast<std::int64_t>(t))), rule.numerator << "/(t + " << rule.offset << "), t = " << t);
    // The same where the rational is built directly (a class integer) and where it is not (an
    // integer narrower than long long: converted with a check), and on a scalar that is no rational
    // but also takes two numbers (a dual number's value and derivative).
    using narrow = ncv::rational<std::int32_t>;
    using big = ncv::rational<boost::multiprecision::cpp_int>;
    using dual = ncv::dual<q>;
    for (const ncv::harmonic_step_rule rule : {ncv::harmonic_step_rule{3, 5}, ncv::harmonic_step_rule{5, -1000}})
        for (std::size_t t = 0; t < 20; ++t) {
            BOOST_TEST(rule.at_step<narrow>(t) == rule(narrow(static_cast<std::int32_t>(t))));
            BOOST_TEST(rule.at_step<big>(t) == rule(big(static_cast<std::int64_t>(t))));
            BOOST_TEST((rule.at_step<dual>(t) == rule(dual(q(static_cast<std::int64_t>(t))))));
        }
    BOOST_CHECK_THROW((void)large_numerator.at_step<narrow>(1), std::overflow_error);
    BOOST_CHECK_THROW((void)starts_late.at_step<narrow>(0), std::overflow_error);
    // A step index past the largest long long is refused, not wrapped (cast first, t = 2⁶⁴ − 5 would
    // become −5, and the rule below would hand out η = 1/5).
    const ncv::harmonic_step_rule offset_ten{1, 10};
    BOOST_CHECK_THROW((void)offset_ten.at_step<q>(std::numeric_limits<std::size_t>::max() - 4), std::overflow_error);
    // Step sizes given per step, and the points visited backwards.
    const std::vector<q> steps{q(1), q(1, 2), q(1, 3)};
    const q backwards = ncv::sgd_final<q>(data, q(0), 3, [&](std::size_t t) { return steps[t]; },
                                          [](std::size_t t) { return 3 - t; });
    BOOST_TEST(backwards == q(2));
    BOOST_CHECK_THROW((void)ncv::sgd_final<q>(data, q(0), 4), std::out_of_range);
}

BOOST_AUTO_TEST_CASE(symbolic_iterates_are_exact_for_all_data) {
    using form = ncv::linear_form<q, 4>;
    std::vector<form> symbols;
    for (std::size_t i = 0; i < 4; ++i) symbols.push_back(form::symbol(i));
    const form w4 = ncv::sgd_final<q>(symbols, form{}, 4);
    for (std::size_t i = 0; i < 4; ++i) BOOST_TEST(w4.coefficient(i) == q(1, 4));
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    constexpr std::array<q, 4> data{q(1), q(-2), q(1, 3), q(5)};
    constexpr q compile_time = ncv::sgd_final<q>(data, q(0), 4);
    const q run_time = ncv::sgd_final<q>(std::vector<q>(data.begin(), data.end()), q(0), 4);
    BOOST_TEST(compile_time == run_time);
    BOOST_TEST(compile_time == q(13, 12));
}

BOOST_AUTO_TEST_SUITE_END()
