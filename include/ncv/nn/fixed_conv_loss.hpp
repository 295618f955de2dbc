// Defines ncv::fixed_conv_loss_problem: the Q2 loss problem with its extents in the type, so its loss and gradients are constant expressions.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/number/concepts.hpp>

namespace ncv {

/// The Rows x Cols 0/1 mask of that kind, with its extents in the type.
template <std::size_t Rows, std::size_t Cols>
[[nodiscard]] constexpr matrix<int, Rows, Cols> make_mask(mask_kind kind) {
    return to_fixed<Rows, Cols>(make_mask(Rows, Cols, kind));
}

/// Everything that determines f = Σ m_ij (b_ij − c_ij)², with A (AR x AC), W (KR x KC) and B, C
/// and the mask (BR x BC) as fixed-extent matrices. Unlike conv_loss_problem, whose run-time-sized
/// matrices may not outlive a constant evaluation, a constexpr variable can hold it and its
/// results. Build it with braces: `fixed_conv_loss_problem{a, w, c}` (every entry counted), or
/// with designated initializers for the mask, options and mode. The shapes must fit together
/// under the options (B = BR x BC); a problem that does not is refused by conv_loss and
/// backprop_gradients with std::invalid_argument, which in a constant expression is a compile error.
template <ring_scalar T, std::size_t AR, std::size_t AC, std::size_t KR, std::size_t KC, std::size_t BR, std::size_t BC>
struct fixed_conv_loss_problem {
    matrix<T, AR, AC> input;                                        ///< A
    matrix<T, KR, KC> kernel;                                       ///< W
    matrix<T, BR, BC> target;                                       ///< C, the shape of B
    matrix<int, BR, BC> mask = make_mask<BR, BC>(mask_kind::all);   ///< which entries of B the loss counts
    conv_options options{};                                         ///< padding and stride
    conv_mode mode = conv_mode::cross_correlation;                  ///< the reading of "convolution"
};

/// ∂f/∂W and ∂f/∂A of a fixed-extent problem, with W's and A's extents.
template <class T, std::size_t KR, std::size_t KC, std::size_t AR, std::size_t AC>
struct fixed_conv_gradients {
    matrix<T, KR, KC> kernel;  ///< ∂f/∂W
    matrix<T, AR, AC> input;   ///< ∂f/∂A
    /// Equal when both gradients are.
    friend constexpr bool operator==(const fixed_conv_gradients&, const fixed_conv_gradients&) = default;
};

/// The same problem with run-time-sized matrices, for the algorithms of conv_loss.hpp and
/// conv2d_backward.hpp (its matrices must not escape a constant evaluation).
template <ring_scalar T, std::size_t AR, std::size_t AC, std::size_t KR, std::size_t KC, std::size_t BR, std::size_t BC>
[[nodiscard]] constexpr conv_loss_problem<T> to_dynamic(const fixed_conv_loss_problem<T, AR, AC, KR, KC, BR, BC>& p) {
    return {dyn_matrix<T>(p.input), dyn_matrix<T>(p.kernel), dyn_matrix<T>(p.target), dyn_matrix<int>(p.mask),
            p.options, p.mode};
}

/// f for the whole problem (conv_loss of the run-time-sized copy). Throws std::invalid_argument
/// if the shapes do not fit together or the mask is not 0/1.
template <ring_scalar T, std::size_t AR, std::size_t AC, std::size_t KR, std::size_t KC, std::size_t BR, std::size_t BC>
[[nodiscard]] constexpr T conv_loss(const fixed_conv_loss_problem<T, AR, AC, KR, KC, BR, BC>& p) {
    const auto dynamic = to_dynamic(p);
    require_consistent(dynamic);
    return conv_loss(dynamic);
}

/// ∂f/∂W and ∂f/∂A by backpropagation (backprop_gradients of the run-time-sized copy), as
/// fixed-extent matrices that a constexpr variable can hold. Throws std::invalid_argument as conv_loss does.
template <ring_scalar T, std::size_t AR, std::size_t AC, std::size_t KR, std::size_t KC, std::size_t BR, std::size_t BC>
[[nodiscard]] constexpr fixed_conv_gradients<T, KR, KC, AR, AC>
backprop_gradients(const fixed_conv_loss_problem<T, AR, AC, KR, KC, BR, BC>& p) {
    const auto gradients = backprop_gradients(to_dynamic(p));
    return {to_fixed<KR, KC>(gradients.kernel), to_fixed<AR, AC>(gradients.input)};
}

}  // namespace ncv
