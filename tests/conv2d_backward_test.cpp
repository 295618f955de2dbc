// Tests the gradients of the Q2 loss: backpropagation, dual numbers and central differences agree on 1,000 random problems.
#define BOOST_TEST_MODULE conv2d_backward
#include <boost/test/unit_test.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <cstddef>
#include <random>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>

#include "random_conv_problems.hpp"

using exact = boost::multiprecision::cpp_rational;


BOOST_AUTO_TEST_SUITE(conv2d_backward)

BOOST_AUTO_TEST_CASE(three_methods_agree_on_random_problems) {
    random_conv_problems random;
    for (int trial = 0; trial < 1'000; ++trial) {
        const auto p = random.problem();
        const auto backprop = ncv::backprop_gradients(p);
        BOOST_TEST((backprop == ncv::forward_mode_gradients(p)), "trial " << trial);
        BOOST_TEST((backprop == ncv::central_difference_gradients(p)), "trial " << trial);
    }
}

BOOST_AUTO_TEST_CASE(the_papers_gradients) {
    namespace paper = ncv::exam::summer2023;
    const auto to_exact = [](const ncv::dyn_matrix<paper::number>& m) {
        return ncv::map_elements(m, [](const paper::number& x) { return exact(x.numerator(), x.denominator()); });
    };
    const auto problem = paper::q2_problem();
    const ncv::conv_loss_problem<exact> p{to_exact(problem.input), to_exact(problem.kernel), to_exact(problem.target),
                                          problem.mask, problem.options, problem.mode};
    const auto g = ncv::backprop_gradients(p);
    BOOST_TEST(g.kernel(0, 0) == exact(-30));
    BOOST_TEST(g.input(0, 0) == exact(10));
    BOOST_TEST(ncv::conv_loss(p) == exact(75));
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    namespace paper = ncv::exam::summer2023;
    constexpr paper::number compile_time = ncv::backprop_gradients(paper::q2_problem()).input(1, 1);
    BOOST_TEST(compile_time == ncv::backprop_gradients(paper::q2_problem()).input(1, 1));
}

BOOST_AUTO_TEST_SUITE_END()
