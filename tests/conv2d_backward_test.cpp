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

using exact = boost::multiprecision::cpp_rational;

namespace {

struct random_problems {
    std::mt19937_64 engine{31337};
    std::size_t pick(std::size_t low, std::size_t high) {
        return std::uniform_int_distribution<std::size_t>(low, high)(engine);
    }
    exact value() {
        return exact(std::uniform_int_distribution<int>(-9, 9)(engine), std::uniform_int_distribution<int>(1, 4)(engine));
    }
    ncv::dyn_matrix<exact> matrix(std::size_t rows, std::size_t cols) {
        ncv::dyn_matrix<exact> m(rows, cols);
        for (std::size_t i = 0; i < rows; ++i)
            for (std::size_t j = 0; j < cols; ++j) m(i, j) = value();
        return m;
    }
    ncv::dyn_matrix<int> mask(std::size_t rows, std::size_t cols) {
        switch (pick(0, 2)) {
            case 0: return ncv::make_mask(rows, cols, ncv::mask_kind::all);
            case 1: return ncv::make_mask(rows, cols, ncv::mask_kind::diagonal);
            default: {
                ncv::dyn_matrix<int> m(rows, cols);
                for (std::size_t i = 0; i < rows; ++i)
                    for (std::size_t j = 0; j < cols; ++j) m(i, j) = static_cast<int>(pick(0, 1));
                return m;
            }
        }
    }
    // A valid problem of random shape, padding, stride, mask and reading.
    ncv::conv_loss_problem<exact> problem() {
        for (;;) {
            const std::size_t rows = pick(1, 5), cols = pick(1, 5), kr = pick(1, 3), kc = pick(1, 3);
            const ncv::conv_options options{pick(0, 2), pick(1, 3)};
            if (!ncv::conv_shape_valid(rows, kr, options) || !ncv::conv_shape_valid(cols, kc, options)) continue;
            const std::size_t out_rows = ncv::conv_output_extent(rows, kr, options);
            const std::size_t out_cols = ncv::conv_output_extent(cols, kc, options);
            return {matrix(rows, cols), matrix(kr, kc), matrix(out_rows, out_cols), mask(out_rows, out_cols), options,
                    pick(0, 1) == 0 ? ncv::conv_mode::cross_correlation : ncv::conv_mode::convolution};
        }
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(conv2d_backward)

BOOST_AUTO_TEST_CASE(three_methods_agree_on_random_problems) {
    random_problems random;
    for (int trial = 0; trial < 1'000; ++trial) {
        const auto p = random.problem();
        const auto backprop = ncv::backprop_gradients(p);
        BOOST_TEST((backprop == ncv::forward_mode_gradients(p)), "trial " << trial);
        BOOST_TEST((backprop == ncv::central_difference_gradients(p)), "trial " << trial);
    }
}

// B is linear in any single entry, so ∂B/∂entry is B(entry + 1) − B(entry): an independent check
// of the dual-number chain-rule terms on random shapes, paddings, strides and readings.
BOOST_AUTO_TEST_CASE(output_derivative_is_the_change_of_B_per_unit_step) {
    random_problems random;
    for (int trial = 0; trial < 300; ++trial) {
        auto p = random.problem();
        const auto which = random.pick(0, 1) == 0 ? ncv::loss_parameter::kernel : ncv::loss_parameter::input;
        auto& m = which == ncv::loss_parameter::kernel ? p.kernel : p.input;
        const std::size_t i = random.pick(0, m.rows() - 1), j = random.pick(0, m.cols() - 1);
        const auto derivative = ncv::conv_output_derivative(p, which, i, j);
        const auto before = ncv::apply_conv(p.input, p.kernel, p.options, p.mode);
        m(i, j) += 1;
        const auto after = ncv::apply_conv(p.input, p.kernel, p.options, p.mode);
        BOOST_TEST((derivative == after - before), "trial " << trial);
    }
}

BOOST_AUTO_TEST_CASE(the_loss_is_quadratic_in_each_entry) {
    random_problems random;
    for (int trial = 0; trial < 100; ++trial) BOOST_TEST(ncv::quadratic_in_every_entry(random.problem()));
}

BOOST_AUTO_TEST_CASE(a_non_quadratic_function_is_detected) {
    // The premise check can say no: with the loss squared once more (degree 4), applied to a
    // problem whose loss is x² in a single entry, the second differences are no longer constant.
    ncv::conv_loss_problem<exact> p{ncv::dyn_matrix<exact>({{exact(3)}}), ncv::dyn_matrix<exact>({{exact(2)}}),
                                    ncv::dyn_matrix<exact>({{exact(0)}}), ncv::make_mask(1, 1, ncv::mask_kind::all),
                                    {0, 1}, ncv::conv_mode::cross_correlation};
    exact f[5];
    for (int k = -2; k <= 2; ++k) {
        const exact loss = ncv::loss_moved(p, ncv::loss_parameter::kernel, 0, 0, exact(k));
        f[k + 2] = loss * loss;
    }
    BOOST_TEST((f[0] - 2 * f[1] + f[2]) != (f[1] - 2 * f[2] + f[3]));
    BOOST_TEST(ncv::quadratic_in_every_entry(p));
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
