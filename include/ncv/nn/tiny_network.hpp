// Defines a tiny neural network (2 inputs, 2 ReLU units, 1 output), its loss, and gradient descent whose gradient step is backpropagation.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <cstddef>

#include <ncv/nn/tape.hpp>
#include <ncv/number/concepts.hpp>
#include <ncv/number/dual.hpp>

namespace ncv {

/// ReLU for ordered scalars, and for dual numbers by their value: piecewise linear, so the
/// network stays exact over rationals.
template <class T>
    requires std::totally_ordered<T>
[[nodiscard]] constexpr T relu(const T& x) {
    return T{} < x ? x : T{};
}
/// ReLU of a dual number: the derivative passes where x > 0 and is 0 elsewhere (the kink counted as 0).
template <class T>
[[nodiscard]] constexpr dual<T> relu(const dual<T>& x) {
    return T{} < x.value ? x : dual<T>();
}

/// Parameters: W1 (2x2, row-major) at 0..3, b1 at 4..5, w2 at 6..7, b2 at 8.
inline constexpr std::size_t network_parameter_count = 9;
/// The nine parameters in that order.
template <class S>
using network_parameters = std::array<S, network_parameter_count>;

/// One training example of the 2-2-1 network: two inputs and a target.
template <class S>
struct network_sample {
    /// The first input.
    S x0;
    /// The second input.
    S x1;
    /// The target output.
    S target;
};

/// The 2-2-1 network's output ŷ = w2·relu(W1·x + b1) + b2 for the inputs (x0, x1).
template <class S>
[[nodiscard]] constexpr S network_output(const network_parameters<S>& p, const S& x0, const S& x1) {
    const S h0 = relu(p[0] * x0 + p[1] * x1 + p[4]);
    const S h1 = relu(p[2] * x0 + p[3] * x1 + p[5]);
    return p[6] * h0 + p[7] * h1 + p[8];
}

/// L = Σ_k (output(x_k) − target_k)², written once for every scalar: numbers, dual numbers, tape vars.
template <class S, std::size_t K>
[[nodiscard]] constexpr S network_loss(const network_parameters<S>& p, const std::array<network_sample<S>, K>& data) {
    S loss = data[0].target - data[0].target;  // zero of the same kind (a tape var needs its tape)
    for (const auto& sample : data) {
        const S error = network_output(p, sample.x0, sample.x1) - sample.target;
        loss = loss + error * error;
    }
    return loss;
}

/// The gradient by backpropagation: record the forward pass on a tape, then walk it backwards.
template <class T, std::size_t K>
[[nodiscard]] constexpr network_parameters<T> backprop_gradient(const network_parameters<T>& parameters,
                                                                const std::array<network_sample<T>, K>& data) {
    tape<T, 16 + 32 * K> t;
    using var = typename tape<T, 16 + 32 * K>::var;
    network_parameters<var> p;
    for (std::size_t i = 0; i < network_parameter_count; ++i) p[i] = t.leaf(parameters[i]);
    std::array<network_sample<var>, K> lifted;
    for (std::size_t k = 0; k < K; ++k) lifted[k] = {t.leaf(data[k].x0), t.leaf(data[k].x1), t.leaf(data[k].target)};
    t.backward(network_loss(p, lifted));
    network_parameters<T> gradient;
    for (std::size_t i = 0; i < network_parameter_count; ++i) gradient[i] = p[i].adjoint();
    return gradient;
}

/// One step of gradient descent: θ ← θ − η ∇L(θ), where ∇L is computed by backpropagation.
template <class T, std::size_t K>
[[nodiscard]] constexpr network_parameters<T> gradient_descent_step(const network_parameters<T>& parameters,
                                                                    const std::array<network_sample<T>, K>& data,
                                                                    const T& eta) {
    const network_parameters<T> gradient = backprop_gradient(parameters, data);  // the backpropagation step
    network_parameters<T> next;
    for (std::size_t i = 0; i < network_parameter_count; ++i) next[i] = parameters[i] - eta * gradient[i];
    return next;
}

}  // namespace ncv
