// Defines how often each input element is multiplied by a kernel element in a 2-D convolution: instrumented and closed form.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/number/multiplication_tally.hpp>

namespace ncv {

namespace detail {

/// Every input element records into its own entry of `counts`; one convolution fills them all.
template <class Input, class Counts, class Convolve>
constexpr void count_every_element(Input& input, Counts& counts, Convolve convolve) {
    for (std::size_t i = 0; i < input.rows(); ++i)
        for (std::size_t j = 0; j < input.cols(); ++j) {
            counts(i, j) = 0;
            input(i, j) = multiplication_tally::recorded_in(counts(i, j));
        }
    (void)convolve(input);
}

}  // namespace detail

/// Instrumented, run-time shape; throws std::invalid_argument for an invalid one, as cross_correlate does.
[[nodiscard]] constexpr dyn_matrix<std::size_t> instrumented_multiplication_counts(std::size_t rows, std::size_t cols,
                                                                                   std::size_t kernel_rows,
                                                                                   std::size_t kernel_cols,
                                                                                   conv_options options) {
    dyn_matrix<multiplication_tally> input(rows, cols);
    const dyn_matrix<multiplication_tally> kernel(kernel_rows, kernel_cols);
    dyn_matrix<std::size_t> counts(rows, cols);
    detail::count_every_element(input, counts, [&](const auto& a) { return cross_correlate(a, kernel, options); });
    return counts;
}

/// The same with the shape in the type: the fixed-extent cross_correlate, which rejects an
/// invalid shape at compile time.
template <std::size_t Rows, std::size_t Cols, std::size_t KernelRows, std::size_t KernelCols,
          conv_options Options = conv_options{}>
[[nodiscard]] constexpr matrix<std::size_t, Rows, Cols> instrumented_multiplication_counts() {
    matrix<multiplication_tally, Rows, Cols> input;
    const matrix<multiplication_tally, KernelRows, KernelCols> kernel;
    matrix<std::size_t, Rows, Cols> counts;
    detail::count_every_element(input, counts, [&](const auto& a) { return cross_correlate<Options>(a, kernel); });
    return counts;
}

/// Along one axis: how many (output position, kernel position) pairs land on input index i.
[[nodiscard]] constexpr std::size_t kernel_positions_landing_on(std::size_t i, std::size_t input_extent,
                                                                std::size_t kernel_extent, conv_options options) {
    const std::size_t outputs = conv_output_extent(input_extent, kernel_extent, options);
    std::size_t hits = 0;
    for (std::size_t r = 0; r < outputs; ++r) {
        const std::size_t start = r * options.stride;  // padded coordinate of the kernel's first row
        const std::size_t padded = i + options.padding;
        if (padded >= start && padded - start < kernel_extent) ++hits;
    }
    return hits;
}

/// Closed form: the windows separate by axis, so count(i, j) = (kernel rows landing on row i)
/// × (kernel columns landing on column j). Throws std::invalid_argument for an invalid shape.
[[nodiscard]] constexpr dyn_matrix<std::size_t> closed_form_multiplication_counts(std::size_t rows, std::size_t cols,
                                                                                  std::size_t kernel_rows,
                                                                                  std::size_t kernel_cols,
                                                                                  conv_options options) {
    if (options.stride == 0 || !conv_shape_valid(rows, kernel_rows, options) ||
        !conv_shape_valid(cols, kernel_cols, options))
        throw std::invalid_argument("invalid convolution shape: the kernel is larger than the padded input, or the stride is 0");
    // Each axis once (a count per row, a count per column), then their products: asking the
    // axes again for every element would cost a factor of the output extent (8e9 steps at 2000x2000).
    dyn_matrix<std::size_t> per_row(rows, 1), per_col(cols, 1), counts(rows, cols);
    for (std::size_t i = 0; i < rows; ++i) per_row(i, 0) = kernel_positions_landing_on(i, rows, kernel_rows, options);
    for (std::size_t j = 0; j < cols; ++j) per_col(j, 0) = kernel_positions_landing_on(j, cols, kernel_cols, options);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) counts(i, j) = per_row(i, 0) * per_col(j, 0);
    return counts;
}

}  // namespace ncv
