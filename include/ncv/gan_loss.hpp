// Defines the GAN discriminator's pointwise losses as the paper writes them (given and corrected): their slopes and optima.
#pragma once

#include <ncv/concepts.hpp>

namespace ncv {

// At a point x with a = p_data(x) and b = p_g(x), the discriminator's pointwise loss is
//   given (the paper's):   ℓ(D) = −a log(1 − D) − b log D
//   corrected:             ℓ(D) = −a log D − b log(1 − D).
// Only their derivatives are computed, which are rational: no logarithm is ever evaluated.
enum class discriminator_loss { given, corrected };

// ∂ℓ/∂D at D ∈ (0, 1).
template <field T>
[[nodiscard]] constexpr T discriminator_loss_slope(discriminator_loss loss, const T& a, const T& b, const T& d) {
    if (loss == discriminator_loss::given) return a / (T(1) - d) - b / d;
    return b / (T(1) - d) - a / d;
}

// ∂²ℓ/∂D²: a/(1−D)² + b/D² for both losses, positive whenever a + b > 0.
template <field T>
[[nodiscard]] constexpr T discriminator_loss_curvature(const T& a, const T& b, const T& d) {
    return a / ((T(1) - d) * (T(1) - d)) + b / (d * d);
}

// The unique minimiser in [0, 1] (a + b > 0): b/(a + b) for the given loss, a/(a + b) corrected.
template <field T>
[[nodiscard]] constexpr T optimal_discriminator(discriminator_loss loss, const T& a, const T& b) {
    return (loss == discriminator_loss::given ? b : a) / (a + b);
}

}  // namespace ncv
