// Defines the analytic backward pass of a 2-D convolution, and backpropagation through it of the masked squared error.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <stdexcept>
#include <utility>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/number/concepts.hpp>

namespace ncv {

/// ∂f/∂W and ∂f/∂A of a run-time-sized problem (which must not escape a constant evaluation; see fixed_conv_gradients).
template <class T>
struct conv_gradients {
    dyn_matrix<T> kernel;  ///< ∂f/∂W
    dyn_matrix<T> input;   ///< ∂f/∂A
    /// Equal when both gradients are.
    friend constexpr bool operator==(const conv_gradients&, const conv_gradients&) = default;
};

/// G with stride − 1 zeros between neighbours: the upstream gradient as the stride-1 view sees it.
template <ring_scalar T>
[[nodiscard]] constexpr dyn_matrix<T> dilate(const dyn_matrix<T>& g, std::size_t stride) {
    dyn_matrix<T> dilated((g.rows() - 1) * stride + 1, (g.cols() - 1) * stride + 1);
    for (std::size_t r = 0; r < g.rows(); ++r)
        for (std::size_t c = 0; c < g.cols(); ++c) dilated(r * stride, c * stride) = g(r, c);
    return dilated;
}

/// Given the upstream gradient G = ∂f/∂B of B = cross_correlate(A, K, {p, s}):
///  ∂f/∂K is the correlation of the padded A with G dilated by s (cropped to K's shape: rows
///  the stride skipped at the end get no gradient);
///  ∂f/∂A is the full correlation of dilated G with K turned by 180 degrees, read at the
///  padded coordinates of A (offset p); positions no window reached get 0.
template <ring_scalar T>
[[nodiscard]] constexpr conv_gradients<T> cross_correlate_backward(const dyn_matrix<T>& input,
                                                                   const dyn_matrix<T>& kernel,
                                                                   const dyn_matrix<T>& upstream,
                                                                   conv_options options) {
    // Full correlation below: the dilated gradient padded by (k − 1) on every side, per axis.
    // The dilated gradient lives only in this scope, so at most one copy of G is alive at a time.
    const std::size_t pad_r = kernel.rows() - 1, pad_c = kernel.cols() - 1;
    dyn_matrix<T> d_kernel(kernel.rows(), kernel.cols());
    dyn_matrix<T> padded((upstream.rows() - 1) * options.stride + 1 + 2 * pad_r,
                         (upstream.cols() - 1) * options.stride + 1 + 2 * pad_c);
    {
        const dyn_matrix<T> dilated = dilate(upstream, options.stride);
        const auto kernel_full = cross_correlate(input, dilated, conv_options{options.padding, 1});
        for (std::size_t u = 0; u < kernel.rows(); ++u)
            for (std::size_t v = 0; v < kernel.cols(); ++v) d_kernel(u, v) = kernel_full(u, v);
        for (std::size_t r = 0; r < dilated.rows(); ++r)
            for (std::size_t c = 0; c < dilated.cols(); ++c) padded(r + pad_r, c + pad_c) = dilated(r, c);
    }
    const auto input_full = cross_correlate(padded, rotate180(kernel), conv_options{0, 1});
    dyn_matrix<T> d_input(input.rows(), input.cols());
    for (std::size_t i = 0; i < input.rows(); ++i)
        for (std::size_t j = 0; j < input.cols(); ++j) {
            const std::size_t r = i + options.padding, c = j + options.padding;
            if (r < input_full.rows() && c < input_full.cols()) d_input(i, j) = input_full(r, c);
        }
    return {std::move(d_kernel), std::move(d_input)};
}

/// Backpropagation: forward pass, ∂f/∂B, then the analytic backward pass. With the true
/// convolution the slid kernel is W turned by 180 degrees, so its gradient is turned back.
/// The overload with B takes the forward pass already computed (B = apply_conv of the problem),
/// so a caller that needs B and the gradients runs the convolution once.
template <ring_scalar T>
[[nodiscard]] constexpr conv_gradients<T> backprop_gradients(const conv_loss_problem<T>& p, const dyn_matrix<T>& b) {
    require_consistent(p);
    if (b.rows() != p.target.rows() || b.cols() != p.target.cols())
        throw std::invalid_argument("backprop_gradients: B must be the forward pass of the problem (the shape of C)");
    const auto slid = effective_kernel(p.kernel, p.mode);
    auto gradients =
        cross_correlate_backward(p.input, slid, masked_squared_error_gradient(b, p.target, p.mask), p.options);
    if (p.mode == conv_mode::convolution) gradients.kernel = rotate180(gradients.kernel);
    return gradients;
}

/// The same, running the forward pass itself. Throws std::invalid_argument (naming the field) if
/// the problem's shapes do not fit. The result is run-time-sized: in a constant expression use
/// fixed_conv_loss_problem, whose gradients a constexpr variable can hold.
template <ring_scalar T>
[[nodiscard]] constexpr conv_gradients<T> backprop_gradients(const conv_loss_problem<T>& p) {
    require_consistent(p);
    return backprop_gradients(p, apply_conv(p.input, p.kernel, p.options, p.mode));
}

}  // namespace ncv
