// Tests product_trace and conv_windows: the windows the convolution reports against an index formula and against B itself.
#define BOOST_TEST_MODULE product_trace
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <stdexcept>
#include <vector>

#include <ncv/array/conv_windows.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/number/product_trace.hpp>

#include "random_conv_problems.hpp"

namespace {

using ncv::product_trace;
using exact = random_exact::exact;

// The window of b_ij written from the definition of the convolution, independently of
// conv2d.hpp: the kernel position (u, v) lands on padded row i·s + u and column j·s + v; the true
// convolution reads the kernel turned by 180 degrees; positions in the padding take no product.
std::vector<ncv::window_product> reference_window(const ncv::conv_loss_problem<exact>& p, std::size_t i, std::size_t j) {
    std::vector<ncv::window_product> window;
    const std::size_t kr = p.kernel.rows(), kc = p.kernel.cols(), pad = p.options.padding, s = p.options.stride;
    for (std::size_t u = 0; u < kr; ++u)
        for (std::size_t v = 0; v < kc; ++v) {
            const std::size_t row = i * s + u, col = j * s + v;
            if (row < pad || col < pad || row - pad >= p.input.rows() || col - pad >= p.input.cols()) continue;
            const bool turned = p.mode == ncv::conv_mode::convolution;
            window.push_back({row - pad, col - pad, turned ? kr - 1 - u : u, turned ? kc - 1 - v : v});
        }
    return window;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(product_trace_scalar)

BOOST_AUTO_TEST_CASE(products_and_sums_are_recorded_in_order) {
    const auto a = product_trace::factor(3), b = product_trace::factor(5), c = product_trace::factor(7);
    const auto sum = product_trace{} + a * b + c * a;
    BOOST_TEST(sum.products().size() == 2u);
    BOOST_TEST((sum.products()[0] == product_trace::product{3, 5}));
    BOOST_TEST((sum.products()[1] == product_trace::product{7, 3}));
    BOOST_TEST(product_trace{}.products().empty());
    BOOST_TEST(a.is_factor());
    BOOST_TEST(a.label() == 3u);
    BOOST_TEST(!sum.is_factor());
}

BOOST_AUTO_TEST_CASE(anything_but_sums_of_two_factor_products_is_refused) {
    const auto a = product_trace::factor(1), b = product_trace::factor(2);
    BOOST_CHECK_THROW((void)(a + b), std::domain_error);
    BOOST_CHECK_THROW((void)(a * b * a), std::domain_error);
    BOOST_CHECK_THROW((void)(product_trace{} * a), std::domain_error);
}

BOOST_AUTO_TEST_CASE(usable_in_constant_evaluation) {
    // a 2x2 input under a 1x2 kernel: b_11 = a_11 w_11 + a_12 w_12, b_21 = a_21 w_11 + a_22 w_12.
    constexpr bool ok = [] {
        const auto windows = ncv::conv_windows(2, 2, 1, 2, {}, ncv::conv_mode::cross_correlation);
        return windows.rows() == 2 && windows.cols() == 1 && windows(1, 0).size() == 2 &&
               windows(1, 0)[1] == ncv::window_product{1, 1, 0, 1};
    }();
    static_assert(ok);
    BOOST_TEST(ok);
}

BOOST_AUTO_TEST_CASE(windows_match_the_definition_and_sum_to_b_on_random_problems) {
    random_conv_problems random(2718);
    for (int trial = 0; trial < 500; ++trial) {
        const auto p = random.problem();
        const auto windows = ncv::conv_windows(p.input.rows(), p.input.cols(), p.kernel.rows(), p.kernel.cols(), p.options, p.mode);
        const auto b = ncv::apply_conv(p.input, p.kernel, p.options, p.mode);
        const auto counts = ncv::instrumented_multiplication_counts(p.input.rows(), p.input.cols(), p.kernel.rows(),
                                                                     p.kernel.cols(), p.options);
        BOOST_REQUIRE(windows.rows() == b.rows());
        BOOST_REQUIRE(windows.cols() == b.cols());
        ncv::dyn_matrix<std::size_t> met(p.input.rows(), p.input.cols());
        for (std::size_t i = 0; i < b.rows(); ++i)
            for (std::size_t j = 0; j < b.cols(); ++j) {
                BOOST_TEST((windows(i, j) == reference_window(p, i, j)));
                exact sum = 0;
                for (const auto& w : windows(i, j)) {
                    sum += p.input(w.input_row, w.input_col) * p.kernel(w.kernel_row, w.kernel_col);
                    ++met(w.input_row, w.input_col);
                }
                BOOST_TEST(sum == b(i, j));
            }
        BOOST_TEST(ncv::equal_elements(met, counts));
    }
}

BOOST_AUTO_TEST_CASE(an_invalid_shape_is_refused_as_by_the_convolution) {
    BOOST_CHECK_THROW((void)ncv::conv_windows(2, 2, 3, 3, {}, ncv::conv_mode::cross_correlation), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
