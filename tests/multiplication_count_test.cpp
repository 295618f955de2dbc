// Tests the multiplication counts: instrumented (counting scalar) against closed form on random shapes, paddings and strides.
#define BOOST_TEST_MODULE multiplication_count
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <stdexcept>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/multiplication_count.hpp>

BOOST_AUTO_TEST_SUITE(multiplication_count)

BOOST_AUTO_TEST_CASE(instrumented_equals_closed_form_on_random_shapes) {
    std::mt19937_64 engine(99);
    const auto pick = [&](std::size_t low, std::size_t high) {
        return std::uniform_int_distribution<std::size_t>(low, high)(engine);
    };
    int checked = 0;
    for (int trial = 0; trial < 1'000; ++trial) {
        const std::size_t rows = pick(1, 8), cols = pick(1, 8), kernel_rows = pick(1, 4), kernel_cols = pick(1, 4);
        const ncv::conv_options options{pick(0, 3), pick(1, 4)};
        if (!ncv::conv_shape_valid(rows, kernel_rows, options) || !ncv::conv_shape_valid(cols, kernel_cols, options)) {
            BOOST_CHECK_THROW((void)ncv::closed_form_multiplication_counts(rows, cols, kernel_rows, kernel_cols, options),
                              std::invalid_argument);
            BOOST_CHECK_THROW((void)ncv::instrumented_multiplication_counts(rows, cols, kernel_rows, kernel_cols, options),
                              std::invalid_argument);
            continue;
        }
        const auto instrumented = ncv::instrumented_multiplication_counts(rows, cols, kernel_rows, kernel_cols, options);
        const auto closed = ncv::closed_form_multiplication_counts(rows, cols, kernel_rows, kernel_cols, options);
        BOOST_TEST(ncv::equal_elements(instrumented, closed));
        // Every output takes one multiplication per kernel position that lands inside A.
        std::size_t total = 0;
        for (std::size_t i = 0; i < rows; ++i)
            for (std::size_t j = 0; j < cols; ++j) total += closed(i, j);
        const std::size_t out_rows = ncv::conv_output_extent(rows, kernel_rows, options);
        const std::size_t out_cols = ncv::conv_output_extent(cols, kernel_cols, options);
        BOOST_TEST(total <= out_rows * out_cols * kernel_rows * kernel_cols);
        if (options.padding == 0) BOOST_TEST(total == out_rows * out_cols * kernel_rows * kernel_cols);
        ++checked;
    }
    BOOST_TEST(checked > 500);
}

BOOST_AUTO_TEST_CASE(padded_zeros_are_not_counted) {
    // A 1x1 input under a 3x3 kernel with padding 1: one output, one multiplication of a11.
    BOOST_TEST(ncv::instrumented_multiplication_counts(1, 1, 3, 3, {1, 1})(0, 0) == 1u);
    BOOST_TEST(ncv::closed_form_multiplication_counts(1, 1, 3, 3, {1, 1})(0, 0) == 1u);
}

BOOST_AUTO_TEST_CASE(stride_can_skip_elements) {
    // 4 columns, kernel 1, stride 3: columns 0 and 3 are used, 1 and 2 never.
    const auto counts = ncv::closed_form_multiplication_counts(1, 4, 1, 1, {0, 3});
    BOOST_TEST(counts(0, 0) == 1u);
    BOOST_TEST(counts(0, 1) == 0u);
    BOOST_TEST(counts(0, 2) == 0u);
    BOOST_TEST(counts(0, 3) == 1u);
    BOOST_TEST(ncv::equal_elements(counts, ncv::instrumented_multiplication_counts(1, 4, 1, 1, {0, 3})));
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    namespace paper = ncv::exam::summer2023;
    constexpr auto compile_time = ncv::instrumented_multiplication_counts<5, 5, 3, 3>();
    const auto run_time = ncv::instrumented_multiplication_counts(5, 5, 3, 3, {0, 1});
    BOOST_TEST(ncv::equal_elements(compile_time, run_time));
    const auto as_signed = ncv::map_elements(compile_time, [](std::size_t n) { return static_cast<std::int64_t>(n); });
    BOOST_TEST(ncv::equal_elements(as_signed, paper::q2b_counts));
}

BOOST_AUTO_TEST_SUITE_END()
