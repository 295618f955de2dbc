// Defines the paper's Q2 loss in general: the masked squared error f = Σ m_ij (b_ij − c_ij)² of B = conv(A, W), and ∂f/∂B.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/number/concepts.hpp>

namespace ncv {

// Which entries of B the loss looks at.
enum class mask_kind {
    all,       // every entry
    diagonal,  // entries (i, i), i < min(rows, cols): the paper's f = Σ_i (b_ii − c_ii)²
};

// The 0/1 mask of that kind for a rows x cols output.
[[nodiscard]] constexpr dyn_matrix<int> make_mask(std::size_t rows, std::size_t cols, mask_kind kind) {
    dyn_matrix<int> mask(rows, cols);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) mask(i, j) = (kind == mask_kind::all || i == j) ? 1 : 0;
    return mask;
}

// Everything that determines f: the input A, the kernel W, the target C, the 0/1 mask,
// padding and stride, and the reading of "convolution".
template <ring_scalar T>
struct conv_loss_problem {
    dyn_matrix<T> input;
    dyn_matrix<T> kernel;
    dyn_matrix<T> target;
    dyn_matrix<int> mask;
    conv_options options{};
    conv_mode mode = conv_mode::cross_correlation;
};

// Throws std::invalid_argument, naming the field, unless the shapes fit together and the mask is 0/1.
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

// f = Σ m_ij (b_ij − c_ij)² for a given B.
template <matrix_like B, matrix_like C, matrix_like M>
[[nodiscard]] constexpr typename B::value_type masked_squared_error(const B& b, const C& c, const M& mask) {
    using T = typename B::value_type;
    T sum{};
    for (std::size_t i = 0; i < b.rows(); ++i)
        for (std::size_t j = 0; j < b.cols(); ++j)
            if (mask(i, j) != 0) {
                const T difference = b(i, j) - T(c(i, j));
                sum = sum + difference * difference;
            }
    return sum;
}

// ∂f/∂B of the masked squared error: 2 m_ij (b_ij − c_ij).
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

// f for the whole problem: B = conv(A, W), then the masked squared error against C.
template <ring_scalar T>
[[nodiscard]] constexpr T conv_loss(const conv_loss_problem<T>& p) {
    return masked_squared_error(apply_conv(p.input, p.kernel, p.options, p.mode), p.target, p.mask);
}

}  // namespace ncv
