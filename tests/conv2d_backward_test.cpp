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
    const auto to_exact = [](const auto& m) {
        return ncv::map_elements(ncv::dyn_matrix<paper::number>(m),
                                 [](const paper::number& x) { return exact(x.numerator(), x.denominator()); });
    };
    const ncv::conv_loss_problem<exact> p{
        to_exact(paper::A), to_exact(paper::W), to_exact(paper::C),
        ncv::make_mask(3, 3, ncv::mask_kind::diagonal), paper::q2_options, ncv::conv_mode::cross_correlation};
    const auto g = ncv::backprop_gradients(p);
    BOOST_TEST(g.kernel(0, 0) == exact(-30));
    BOOST_TEST(g.input(0, 0) == exact(10));
    BOOST_TEST(ncv::conv_loss(p) == exact(75));
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    namespace paper = ncv::exam::summer2023;
    using number = paper::number;
    constexpr number compile_time = ncv::backprop_gradients(ncv::conv_loss_problem<number>{
        ncv::dyn_matrix<number>(paper::A), ncv::dyn_matrix<number>(paper::W), ncv::dyn_matrix<number>(paper::C),
        ncv::make_mask(3, 3, ncv::mask_kind::diagonal), paper::q2_options, ncv::conv_mode::cross_correlation})
                                        .input(1, 1);
    const ncv::conv_loss_problem<number> p{
        ncv::dyn_matrix<number>(paper::A), ncv::dyn_matrix<number>(paper::W), ncv::dyn_matrix<number>(paper::C),
        ncv::make_mask(3, 3, ncv::mask_kind::diagonal), paper::q2_options, ncv::conv_mode::cross_correlation};
    BOOST_TEST(compile_time == ncv::backprop_gradients(p).input(1, 1));
}

BOOST_AUTO_TEST_SUITE_END()
