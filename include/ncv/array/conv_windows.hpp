// Defines ncv::conv_windows: which input and kernel elements each output of a convolution multiplies, found by running it.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <vector>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/number/product_trace.hpp>

namespace ncv {

/// One product of a window: a_(input_row, input_col) · w_(kernel_row, kernel_col), indices of A and W as given.
struct window_product {
    std::size_t input_row = 0;   ///< The input element's row, from 0, in the unpadded input.
    std::size_t input_col = 0;   ///< The input element's column, from 0, in the unpadded input.
    std::size_t kernel_row = 0;  ///< The row of the kernel element it meets, from 0.
    std::size_t kernel_col = 0;  ///< The column of the kernel element it meets, from 0.
    /// Equal when all four indices are.
    friend constexpr bool operator==(const window_product&, const window_product&) = default;
};

/// For every output b_ij, the products it sums, in the order the convolution adds them. The
/// unchanged apply_conv runs on product_trace scalars labelled by position, so padding, stride
/// and the turned kernel of the true convolution are the algorithm's, not restated here.
/// Throws std::invalid_argument for an invalid shape, as apply_conv does.
[[nodiscard]] constexpr dyn_matrix<std::vector<window_product>> conv_windows(std::size_t rows, std::size_t cols,
                                                                             std::size_t kernel_rows,
                                                                             std::size_t kernel_cols,
                                                                             conv_options options, conv_mode mode) {
    dyn_matrix<product_trace> input(rows, cols), kernel(kernel_rows, kernel_cols);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) input(i, j) = product_trace::factor(i * cols + j);
    for (std::size_t p = 0; p < kernel_rows; ++p)
        for (std::size_t q = 0; q < kernel_cols; ++q) kernel(p, q) = product_trace::factor(p * kernel_cols + q);
    const auto traced = apply_conv(input, kernel, options, mode);
    dyn_matrix<std::vector<window_product>> windows(traced.rows(), traced.cols());
    for (std::size_t i = 0; i < traced.rows(); ++i)
        for (std::size_t j = 0; j < traced.cols(); ++j)
            for (const auto& [a, w] : traced(i, j).products())
                windows(i, j).push_back({a / cols, a % cols, w / kernel_cols, w % kernel_cols});
    return windows;
}

}  // namespace ncv
