// Defines the paper's Q2 loss in general: the masked squared error f = Σ m_ij (b_ij − c_ij)² of B = conv(A, W), and ∂f/∂B.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <stdexcept>
#include <string>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/number/concepts.hpp>

namespace ncv {

/// Which entries of B the loss looks at.
enum class mask_kind {
    all,       ///< every entry
    diagonal,  ///< entries (i, i), i < min(rows, cols): the paper's f = Σ_i (b_ii − c_ii)²
};

/// The 0/1 mask of that kind for a rows x cols output.
[[nodiscard]] constexpr dyn_matrix<int> make_mask(std::size_t rows, std::size_t cols, mask_kind kind) {
    dyn_matrix<int> mask(rows, cols);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) mask(i, j) = (kind == mask_kind::all || i == j) ? 1 : 0;
    return mask;
}

/// Everything that determines f: the input A, the kernel W, the target C, the 0/1 mask,
/// padding and stride, and the reading of "convolution".
template <ring_scalar T>
struct conv_loss_problem {
    /// A, the input.
    dyn_matrix<T> input;
    /// W, the kernel.
    dyn_matrix<T> kernel;
    /// C, the target, of B's shape.
    dyn_matrix<T> target;
    /// The 0/1 mask, of B's shape: which entries of B the loss counts.
    dyn_matrix<int> mask;
    /// Padding and stride.
    conv_options options{};
    /// The reading of "convolution": cross-correlation (CNN libraries) or the true convolution.
    conv_mode mode = conv_mode::cross_correlation;
};

/// Throws std::invalid_argument, naming the field, unless the shapes fit together and the mask is 0/1.
template <ring_scalar T>
constexpr void require_consistent(const conv_loss_problem<T>& p) {
    detail::require_valid_shape(p.input, p.kernel, p.options);
    const std::size_t rows = conv_output_extent(p.input.rows(), p.kernel.rows(), p.options);
    const std::size_t cols = conv_output_extent(p.input.cols(), p.kernel.cols(), p.options);
    const auto shape = [](std::size_t r, std::size_t c) { return std::to_string(r) + "x" + std::to_string(c); };
    if (p.target.rows() != rows || p.target.cols() != cols)
        throw std::invalid_argument("C: shape " + shape(p.target.rows(), p.target.cols()) + " differs from B's " +
                                    shape(rows, cols));
    if (p.mask.rows() != rows || p.mask.cols() != cols)
        throw std::invalid_argument("mask: shape " + shape(p.mask.rows(), p.mask.cols()) + " differs from B's " +
                                    shape(rows, cols));
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j)
            if (p.mask(i, j) != 0 && p.mask(i, j) != 1)
                throw std::invalid_argument("mask: entries must be 0 or 1");
}

namespace detail {

/// Σ m (b − c)² where entry (i, j) of B meets entry (first_row + i, first_col + j) of C and the
/// mask: B may be a block of the outputs.
template <matrix_like B, matrix_like C, matrix_like M>
[[nodiscard]] constexpr typename B::value_type masked_squared_error_from(const B& b, const C& c, const M& mask,
                                                                         std::size_t first_row, std::size_t first_col) {
    using T = typename B::value_type;
    T sum{};
    for (std::size_t i = 0; i < b.rows(); ++i)
        for (std::size_t j = 0; j < b.cols(); ++j)
            if (mask(first_row + i, first_col + j) != 0) {
                const T difference = b(i, j) - T(c(first_row + i, first_col + j));
                sum = sum + difference * difference;
            }
    return sum;
}

}  // namespace detail

/// f = Σ m_ij (b_ij − c_ij)² for a given B.
template <matrix_like B, matrix_like C, matrix_like M>
[[nodiscard]] constexpr typename B::value_type masked_squared_error(const B& b, const C& c, const M& mask) {
    return detail::masked_squared_error_from(b, c, mask, 0, 0);
}

/// ∂f/∂B of the masked squared error: 2 m_ij (b_ij − c_ij).
template <ring_scalar T>
[[nodiscard]] constexpr dyn_matrix<T> masked_squared_error_gradient(const dyn_matrix<T>& b, const dyn_matrix<T>& c,
                                                                    const dyn_matrix<int>& mask) {
    dyn_matrix<T> g(b.rows(), b.cols());
    for (std::size_t i = 0; i < b.rows(); ++i)
        for (std::size_t j = 0; j < b.cols(); ++j)
            if (mask(i, j) != 0) {
                const T difference = b(i, j) - c(i, j);
                g(i, j) = difference + difference;
            }
    return g;
}

/// The terms of f that belong to the outputs in `block`: those outputs of B = conv(A, W) only,
/// then their masked squared error against C. Zero for an empty block. Throws
/// std::invalid_argument for an invalid shape or a block outside B.
template <ring_scalar T>
[[nodiscard]] constexpr T conv_loss_over(const conv_loss_problem<T>& p, output_block block) {
    if (block.empty()) return T{};
    return detail::masked_squared_error_from(apply_conv_block(p.input, p.kernel, p.options, p.mode, block), p.target,
                                             p.mask, block.rows.begin, block.cols.begin);
}

/// Every output of the problem. Throws std::invalid_argument for an invalid shape (a stride of 0,
/// a kernel larger than the padded input), as the convolution does, before any extent is divided.
template <ring_scalar T>
[[nodiscard]] constexpr output_block all_outputs(const conv_loss_problem<T>& p) {
    detail::require_valid_shape(p.input, p.kernel, p.options);
    return all_outputs(p.input.rows(), p.input.cols(), p.kernel.rows(), p.kernel.cols(), p.options);
}

/// f for the whole problem: B = conv(A, W), then the masked squared error against C.
template <ring_scalar T>
[[nodiscard]] constexpr T conv_loss(const conv_loss_problem<T>& p) {
    return conv_loss_over(p, all_outputs(p));
}

}  // namespace ncv
