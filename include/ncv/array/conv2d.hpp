// Defines the 2-D cross-correlation (deep learning's "convolution") and the true convolution, with padding and stride.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include <ncv/array/matrix.hpp>
#include <ncv/number/concepts.hpp>

namespace ncv {

/// Padding and stride of a convolution: p zeros around the input on every side, windows s apart.
struct conv_options {
    /// p, the zeros added on each side (0: none).
    std::size_t padding = 0;
    /// s, the step between windows (at least 1; 0 is refused as an invalid shape).
    std::size_t stride = 1;
    /// Equal when both fields are.
    friend constexpr bool operator==(const conv_options&, const conv_options&) = default;
};

/// The padded extent n + 2p is representable: a padding beyond that is refused, never wrapped.
[[nodiscard]] constexpr bool conv_padding_representable(std::size_t input_extent, conv_options options) noexcept {
    return options.padding <= (std::numeric_limits<std::size_t>::max() - input_extent) / 2;
}

/// The validity rule along one axis: a positive stride, a representable padded extent, and a
/// kernel no larger than the padded input.
[[nodiscard]] constexpr bool conv_shape_valid(std::size_t input_extent, std::size_t kernel_extent,
                                              conv_options options) noexcept {
    return options.stride > 0 && input_extent > 0 && kernel_extent > 0 &&
           conv_padding_representable(input_extent, options) && kernel_extent <= input_extent + 2 * options.padding;
}

/// (n + 2p − k) / s + 1 along one axis; meaningful only where conv_shape_valid holds.
[[nodiscard]] constexpr std::size_t conv_output_extent(std::size_t input_extent, std::size_t kernel_extent,
                                                       conv_options options) noexcept {
    return (input_extent + 2 * options.padding - kernel_extent) / options.stride + 1;
}

/// Indices begin, begin + 1, ..., end − 1 along one axis (none when begin == end).
struct index_range {
    std::size_t begin = 0;  ///< The first index.
    std::size_t end = 0;    ///< One past the last index.
    /// How many indices the range holds.
    [[nodiscard]] constexpr std::size_t size() const noexcept { return end - begin; }
    /// Equal when both ends are.
    friend constexpr bool operator==(const index_range&, const index_range&) = default;
};

/// Along one axis, the outputs whose window covers input index i: output o covers the padded
/// indices o·s .. o·s + k − 1, so ⌈(i + p − k + 1)/s⌉ ≤ o ≤ ⌊(i + p)/s⌋, clipped to the outputs.
/// Empty when the stride steps over i. Meaningful only where conv_shape_valid holds.
[[nodiscard]] constexpr index_range outputs_reaching(std::size_t i, std::size_t input_extent,
                                                     std::size_t kernel_extent, conv_options options) noexcept {
    const std::size_t padded = i + options.padding, stride = options.stride;
    const std::size_t outputs = conv_output_extent(input_extent, kernel_extent, options);
    const std::size_t first = padded + 1 > kernel_extent ? (padded + 1 - kernel_extent + stride - 1) / stride : 0;
    const std::size_t past_last = padded / stride + 1;
    const std::size_t end = past_last < outputs ? past_last : outputs;
    return first < end ? index_range{first, end} : index_range{end, end};
}

/// A block of a convolution's outputs: the rows and the columns it spans.
struct output_block {
    index_range rows;  ///< The rows of B the block spans.
    index_range cols;  ///< The columns of B the block spans.
    /// True when the block holds no output.
    [[nodiscard]] constexpr bool empty() const noexcept { return rows.size() == 0 || cols.size() == 0; }
    /// Equal when both ranges are.
    friend constexpr bool operator==(const output_block&, const output_block&) = default;
};

/// Every output of an input_rows x input_cols input under a kernel_rows x kernel_cols kernel.
[[nodiscard]] constexpr output_block all_outputs(std::size_t input_rows, std::size_t input_cols,
                                                 std::size_t kernel_rows, std::size_t kernel_cols,
                                                 conv_options options) noexcept {
    return {{0, conv_output_extent(input_rows, kernel_rows, options)},
            {0, conv_output_extent(input_cols, kernel_cols, options)}};
}

/// The outputs whose window covers input element (i, j): the only entries of B it changes.
[[nodiscard]] constexpr output_block outputs_reaching(std::size_t i, std::size_t j, std::size_t input_rows,
                                                      std::size_t input_cols, std::size_t kernel_rows,
                                                      std::size_t kernel_cols, conv_options options) noexcept {
    return {outputs_reaching(i, input_rows, kernel_rows, options), outputs_reaching(j, input_cols, kernel_cols, options)};
}

/// Both axes valid: the predicate behind the compile-time rejection of a bad fixed shape.
template <matrix_like A, matrix_like W>
[[nodiscard]] constexpr bool conv_shape_valid(const A& input, const W& kernel, conv_options options) noexcept {
    return conv_shape_valid(input.rows(), kernel.rows(), options) &&
           conv_shape_valid(input.cols(), kernel.cols(), options);
}

/// Fixed extents that a kernel can slide over: the requirement whose failure the compiler reports by this name.
template <class A, class W, conv_options Options>
concept kernel_fits_padded_input = fixed_extent_matrix<A> && fixed_extent_matrix<W> && (Options.stride > 0) &&
                                   conv_shape_valid(A::rows(), W::rows(), Options) &&
                                   conv_shape_valid(A::cols(), W::cols(), Options);

namespace detail {

/// The output's element type: the common element type when input and kernel agree (so a
/// Boost.Multiprecision expression template never becomes an element type), otherwise
/// whatever their product is (a counting or dual scalar times a plain one).
template <class A, class W>
using conv_product_t =
    std::conditional_t<std::is_same_v<typename A::value_type, typename W::value_type>, typename A::value_type,
                       std::remove_cvref_t<decltype(std::declval<const typename A::value_type&>() *
                                                    std::declval<const typename W::value_type&>())>>;

}  // namespace detail

/// Input and kernel stored contiguously whose elements multiply into a semiring scalar: what the
/// convolution loop needs, stated in the signature so that anything else is refused at the call.
template <class A, class W>
concept correlatable = contiguous_matrix<A> && contiguous_matrix<W> &&
                       requires(const typename A::value_type& a, const typename W::value_type& w) { a * w; } &&
                       semiring_scalar<detail::conv_product_t<A, W>>;

namespace detail {

/// The one loop behind every variant: fills `out` with the outputs from (first_row, first_col)
/// on, as many as it has rows and columns (all of them from (0, 0)). Positions in the padding
/// are skipped rather than multiplied by a zero: padded zeros are not elements of A, and a
/// counting scalar must not see them. Extents are read once and elements through raw row-major
/// pointers, because in constant evaluation every member-function call costs far more than the
/// arithmetic around it.
template <class A, class W, class Out>
    requires correlatable<A, W>
constexpr void correlate_into(const A& input, const W& kernel, conv_options options, Out& out,
                              std::size_t first_row = 0, std::size_t first_col = 0) {
    using product = conv_product_t<A, W>;
    const std::size_t in_rows = input.rows(), in_cols = input.cols();
    const std::size_t k_rows = kernel.rows(), k_cols = kernel.cols();
    const std::size_t out_rows = out.rows(), out_cols = out.cols();
    const std::size_t padding = options.padding, stride = options.stride;
    const auto* in = input.data();
    const auto* w = kernel.data();
    auto* result = out.data();
    for (std::size_t r = 0; r < out_rows; ++r) {
        for (std::size_t c = 0; c < out_cols; ++c) {
            product sum{};
            for (std::size_t u = 0; u < k_rows; ++u) {
                const std::size_t padded_row = (first_row + r) * stride + u;
                if (padded_row < padding || padded_row - padding >= in_rows) continue;
                const auto* in_row = in + (padded_row - padding) * in_cols;
                const auto* w_row = w + u * k_cols;
                for (std::size_t v = 0; v < k_cols; ++v) {
                    const std::size_t padded_col = (first_col + c) * stride + v;
                    if (padded_col < padding || padded_col - padding >= in_cols) continue;
                    sum = sum + in_row[padded_col - padding] * w_row[v];
                }
            }
            result[r * out_cols + c] = sum;
        }
    }
}

template <matrix_like A, matrix_like W>
constexpr void require_valid_shape(const A& input, const W& kernel, conv_options options) {
    if (options.stride == 0) throw std::invalid_argument("stride must be at least 1");
    if (!conv_padding_representable(input.rows() > input.cols() ? input.rows() : input.cols(), options))
        throw std::invalid_argument("padding " + std::to_string(options.padding) + " is too large to represent the padded input");
    if (!conv_shape_valid(input, kernel, options))
        throw std::invalid_argument("kernel " + std::to_string(kernel.rows()) + "x" + std::to_string(kernel.cols()) +
                                    " is larger than the padded input " +
                                    std::to_string(input.rows() + 2 * options.padding) + "x" +
                                    std::to_string(input.cols() + 2 * options.padding));
}

}  // namespace detail

/// Fixed extents: the output shape is part of the result's type; an invalid shape does not compile.
template <conv_options Options = conv_options{}, fixed_extent_matrix A, fixed_extent_matrix W>
    requires correlatable<A, W> && kernel_fits_padded_input<A, W, Options>
[[nodiscard]] constexpr auto cross_correlate(const A& input, const W& kernel) {
    matrix<detail::conv_product_t<A, W>, conv_output_extent(A::rows(), W::rows(), Options),
           conv_output_extent(A::cols(), W::cols(), Options)>
        out;
    detail::correlate_into(input, kernel, Options, out);
    return out;
}

/// Run-time extents (any matrix_like); throws std::invalid_argument for a stride of 0 or a kernel
/// larger than the padded input.
template <class A, class W>
    requires correlatable<A, W>
[[nodiscard]] constexpr dyn_matrix<detail::conv_product_t<A, W>> cross_correlate(const A& input, const W& kernel,
                                                                                 conv_options options) {
    detail::require_valid_shape(input, kernel, options);
    dyn_matrix<detail::conv_product_t<A, W>> out(conv_output_extent(input.rows(), kernel.rows(), options),
                                                 conv_output_extent(input.cols(), kernel.cols(), options));
    detail::correlate_into(input, kernel, options, out);
    return out;
}

/// Only the outputs in `block` (a non-empty block within the output), as a matrix of the block's
/// shape: what a derivative with respect to one entry of A needs, the outputs that entry reaches.
/// Throws std::invalid_argument for an invalid shape or a block that is empty or outside B.
template <class A, class W>
    requires correlatable<A, W>
[[nodiscard]] constexpr dyn_matrix<detail::conv_product_t<A, W>> cross_correlate_block(const A& input, const W& kernel,
                                                                                       conv_options options,
                                                                                       output_block block) {
    detail::require_valid_shape(input, kernel, options);
    const output_block whole = all_outputs(input.rows(), input.cols(), kernel.rows(), kernel.cols(), options);
    if (block.empty() || block.rows.end > whole.rows.end || block.cols.end > whole.cols.end)
        throw std::invalid_argument("cross_correlate_block: the block is empty or reaches outside the output");
    dyn_matrix<detail::conv_product_t<A, W>> out(block.rows.size(), block.cols.size());
    detail::correlate_into(input, kernel, options, out, block.rows.begin, block.cols.begin);
    return out;
}

/// The two readings of the word "convolution" (the paper's Q2 means the first).
enum class conv_mode { cross_correlation, convolution };

/// The kernel the cross-correlation actually slides: W itself, or W turned by 180 degrees.
template <matrix_like W>
[[nodiscard]] constexpr auto effective_kernel(const W& kernel, conv_mode mode) {
    // if/else rather than ?: — g++ 12 frees a temporary of the conditional too early in constant evaluation.
    if (mode == conv_mode::convolution) return rotate180(kernel);
    return rebind_matrix<std::remove_cvref_t<W>, typename W::value_type>::make_copy(kernel);
}

/// The true convolution: the kernel turned by 180 degrees, then cross-correlated.
template <conv_options Options = conv_options{}, fixed_extent_matrix A, fixed_extent_matrix W>
    requires correlatable<A, W> && kernel_fits_padded_input<A, W, Options>
[[nodiscard]] constexpr auto convolve(const A& input, const W& kernel) {
    return cross_correlate<Options>(input, rotate180(kernel));
}

/// The true convolution with options at run time: a dyn_matrix; throws std::invalid_argument for an invalid shape.
template <class A, class W>
    requires correlatable<A, W>
[[nodiscard]] constexpr auto convolve(const A& input, const W& kernel, conv_options options) {
    return cross_correlate(input, rotate180(kernel), options);
}

/// Either reading, chosen at run time.
template <class A, class W>
    requires correlatable<A, W>
[[nodiscard]] constexpr auto apply_conv(const A& input, const W& kernel, conv_options options, conv_mode mode) {
    return cross_correlate(input, effective_kernel(kernel, mode), options);
}

/// The same, only the outputs in `block` (see cross_correlate_block).
template <class A, class W>
    requires correlatable<A, W>
[[nodiscard]] constexpr auto apply_conv_block(const A& input, const W& kernel, conv_options options, conv_mode mode,
                                              output_block block) {
    // No copy of W for the cross-correlation: a derivative runs this once per entry of A.
    if (mode == conv_mode::convolution) return cross_correlate_block(input, rotate180(kernel), options, block);
    return cross_correlate_block(input, kernel, options, block);
}

}  // namespace ncv
