// Tests the gradients of the Q2 loss: backpropagation, dual numbers and central differences agree, and match the definitions, on random problems.
#define BOOST_TEST_MODULE conv2d_backward
#include <boost/test/unit_test.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <cstddef>
#include <random>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>

#include "conv_by_definition.hpp"
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

// The three methods above share the library's loss; here the loss and both gradients are
// compared with the problem solved from the definitions in the test, sharing nothing with the
// library's convolution or loss (the mask is data of the problem).
BOOST_AUTO_TEST_CASE(loss_and_gradients_match_the_definitions_on_random_problems) {
    random_conv_problems random(2024);
    for (int trial = 0; trial < 1'000; ++trial) {
        const auto p = random.problem();
        const auto reference = ncv_test::by_definition(p);
        const auto g = ncv::backprop_gradients(p);
        BOOST_TEST(ncv::conv_loss(p) == reference.loss, "trial " << trial);
        for (std::size_t i = 0; i < g.kernel.rows(); ++i)
            for (std::size_t j = 0; j < g.kernel.cols(); ++j) BOOST_TEST(g.kernel(i, j) == reference.dw(i, j), "trial " << trial);
        for (std::size_t i = 0; i < g.input.rows(); ++i)
            for (std::size_t j = 0; j < g.input.cols(); ++j) BOOST_TEST(g.input(i, j) == reference.da(i, j), "trial " << trial);
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
