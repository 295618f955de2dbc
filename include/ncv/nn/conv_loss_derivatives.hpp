// Defines the gradients of the Q2 loss by the two methods that need no chain rule (dual numbers, exact central differences), and ∂B/∂entry.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <stdexcept>

#include <ncv/array/matrix.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/number/concepts.hpp>
#include <ncv/number/dual.hpp>

namespace ncv {

/// Which parameter a derivative is taken with respect to.
enum class loss_parameter { kernel, input };

namespace detail {

template <class T>
constexpr dyn_matrix<T>& parameter_matrix(conv_loss_problem<T>& p, loss_parameter which) {
    return which == loss_parameter::kernel ? p.kernel : p.input;
}

/// Fills a gradient the shape of W and one the shape of A, one entry at a time.
template <ring_scalar T, class EntryDerivative>
constexpr conv_gradients<T> entrywise_gradients(const conv_loss_problem<T>& p, EntryDerivative derivative) {
    require_consistent(p);
    conv_gradients<T> g{dyn_matrix<T>(p.kernel.rows(), p.kernel.cols()), dyn_matrix<T>(p.input.rows(), p.input.cols())};
    for (std::size_t i = 0; i < g.kernel.rows(); ++i)
        for (std::size_t j = 0; j < g.kernel.cols(); ++j) g.kernel(i, j) = derivative(loss_parameter::kernel, i, j);
    for (std::size_t i = 0; i < g.input.rows(); ++i)
        for (std::size_t j = 0; j < g.input.cols(); ++j) g.input(i, j) = derivative(loss_parameter::input, i, j);
    return g;
}

template <ring_scalar T>
constexpr conv_loss_problem<dual<T>> lift_to_dual(const conv_loss_problem<T>& p) {
    const auto lift = [](const T& x) { return dual<T>(x); };
    return {map_elements(p.input, lift), map_elements(p.kernel, lift), map_elements(p.target, lift), p.mask, p.options,
            p.mode};
}

/// The outputs whose terms of f depend on one entry: all of them for an entry of W, those whose
/// window covers it for an entry of A. Every other term is constant in that entry, so it adds
/// nothing to the entry's derivative and cancels exactly in a difference of two values of f:
/// the derivatives evaluate only these terms, which makes a whole gradient cost about as much
/// as one pass over B instead of one pass per entry of A. (A block too small would drop terms
/// that do depend on the entry, and backpropagation, which does not use it, would disagree.)
template <class T>
constexpr output_block outputs_depending_on(const conv_loss_problem<T>& p, loss_parameter which, std::size_t i,
                                            std::size_t j) {
    const output_block all = all_outputs(p);  // validates the shape first
    if (which == loss_parameter::kernel) return all;
    return outputs_reaching(i, j, p.input.rows(), p.input.cols(), p.kernel.rows(), p.kernel.cols(), p.options);
}

/// ∂f/∂(one entry) on an already lifted problem: mark the entry (derivative 1), evaluate the
/// terms that depend on it, unmark.
template <ring_scalar T>
constexpr T derivative_on_lifted(conv_loss_problem<dual<T>>& lifted, loss_parameter which, std::size_t i,
                                 std::size_t j) {
    auto& entry = parameter_matrix(lifted, which)(i, j);
    entry.derivative = T(1);
    const T derivative = conv_loss_over(lifted, outputs_depending_on(lifted, which, i, j)).derivative;
    entry.derivative = T();
    return derivative;
}

/// The terms of f over `block` with one parameter moved by h; the problem is restored before returning.
template <ring_scalar T>
constexpr T loss_over_moved(conv_loss_problem<T>& p, loss_parameter which, std::size_t i, std::size_t j, const T& h,
                            output_block block) {
    auto& entry = parameter_matrix(p, which)(i, j);
    const T original = entry;
    entry = entry + h;
    const T loss = conv_loss_over(p, block);
    entry = original;
    return loss;
}

}  // namespace detail

/// Forward-mode automatic differentiation: f is evaluated by the same generic code on dual
/// numbers, once per parameter, with that parameter's derivative part set to 1 (for an entry of
/// A, only the terms of f that depend on it: see outputs_depending_on).
template <ring_scalar T>
[[nodiscard]] constexpr T forward_mode_derivative(const conv_loss_problem<T>& p, loss_parameter which, std::size_t i,
                                                  std::size_t j) {
    auto lifted = detail::lift_to_dual(p);
    return detail::derivative_on_lifted(lifted, which, i, j);
}

/// Every entry of ∂f/∂W and ∂f/∂A by forward-mode dual numbers (one pass per entry): a check on
/// backpropagation that shares none of its code. Throws std::invalid_argument for an invalid problem.
template <ring_scalar T>
[[nodiscard]] constexpr conv_gradients<T> forward_mode_gradients(const conv_loss_problem<T>& p) {
    auto lifted = detail::lift_to_dual(p);  // once, not once per parameter
    return detail::entrywise_gradients(p, [&](loss_parameter which, std::size_t i, std::size_t j) {
        return detail::derivative_on_lifted(lifted, which, i, j);
    });
}

/// ∂B/∂(one entry of W or A), one derivative per entry of B, by dual numbers through the same
/// generic convolution: the terms ∂b_ij/∂w_pq and ∂b_ij/∂a_kl of a chain rule, computed, not read off.
template <ring_scalar T>
[[nodiscard]] constexpr dyn_matrix<T> conv_output_derivative(const conv_loss_problem<T>& p, loss_parameter which,
                                                             std::size_t i, std::size_t j) {
    require_consistent(p);
    auto lifted = detail::lift_to_dual(p);
    detail::parameter_matrix(lifted, which)(i, j).derivative = T(1);
    return map_elements(apply_conv(lifted.input, lifted.kernel, lifted.options, lifted.mode),
                        [](const dual<T>& x) { return x.derivative; });
}

/// f with one parameter moved by h; the problem is restored before returning.
template <ring_scalar T>
[[nodiscard]] constexpr T loss_moved(conv_loss_problem<T>& p, loss_parameter which, std::size_t i, std::size_t j,
                                     const T& h) {
    return detail::loss_over_moved(p, which, i, j, h, all_outputs(p));
}

/// (f(x + h) − f(x − h)) / 2h with h = 1. This is the exact derivative, not an approximation:
/// B is linear in any single entry of A or W, so f (a sum of squares of entries of B) is a
/// polynomial of degree at most 2 in it, and for a quadratic the central difference is exact
/// for every h ≠ 0. quadratic_in_entry checks that premise on the data. Integers may be used:
/// the difference is then 2·f′ exactly, and a quotient that is not exact throws std::domain_error.
/// Only the terms of f that depend on the entry are evaluated: the others cancel exactly.
template <ring_with_division T>
[[nodiscard]] constexpr T central_difference_on(conv_loss_problem<T>& p, loss_parameter which, std::size_t i,
                                                std::size_t j) {
    const T h(1);
    const output_block terms = detail::outputs_depending_on(p, which, i, j);
    const T difference =
        detail::loss_over_moved(p, which, i, j, h, terms) - detail::loss_over_moved(p, which, i, j, T(-h), terms);
    const T derivative = difference / (h + h);
    if (!(derivative * (h + h) == difference))
        throw std::domain_error("ncv::central_difference: the difference quotient is not exact in this scalar type");
    return derivative;
}

/// ∂f/∂x for the entry (i, j) of W or A as (f(x + 1) − f(x − 1))/2: exact, since f is quadratic in each entry.
template <ring_with_division T>
[[nodiscard]] constexpr T central_difference_derivative(conv_loss_problem<T> p, loss_parameter which, std::size_t i,
                                                        std::size_t j) {
    return central_difference_on(p, which, i, j);
}

/// Every entry of ∂f/∂W and ∂f/∂A by exact central differences.
template <ring_with_division T>
[[nodiscard]] constexpr conv_gradients<T> central_difference_gradients(const conv_loss_problem<T>& p) {
    auto moved = p;  // one working copy; each entry is moved and restored in turn
    return detail::entrywise_gradients(p, [&](loss_parameter which, std::size_t i, std::size_t j) {
        return central_difference_on(moved, which, i, j);
    });
}

/// The premise of the exact central difference: the second difference of f along one entry is
/// the same at x − 1, x and x + 1 (its third differences vanish), as for a polynomial of degree ≤ 2.
template <unital_ring T>
[[nodiscard]] constexpr bool quadratic_in_entry(conv_loss_problem<T> p, loss_parameter which, std::size_t i,
                                                std::size_t j) {
    T f[5];
    for (int k = -2; k <= 2; ++k) f[k + 2] = loss_moved(p, which, i, j, T(k));
    const T second_0 = f[0] - f[1] - f[1] + f[2];
    const T second_1 = f[1] - f[2] - f[2] + f[3];
    const T second_2 = f[2] - f[3] - f[3] + f[4];
    return second_0 == second_1 && second_1 == second_2;
}

/// True when f restricted to each entry of W and A is a quadratic (equal second differences at
/// x − 1, x, x + 1): the condition under which central differences are exact.
template <unital_ring T>
[[nodiscard]] constexpr bool quadratic_in_every_entry(const conv_loss_problem<T>& p) {
    for (const auto which : {loss_parameter::kernel, loss_parameter::input}) {
        const auto& m = which == loss_parameter::kernel ? p.kernel : p.input;
        for (std::size_t i = 0; i < m.rows(); ++i)
            for (std::size_t j = 0; j < m.cols(); ++j)
                if (!quadratic_in_entry(p, which, i, j)) return false;
    }
    return true;
}

}  // namespace ncv
