// Defines the GAN discriminator's pointwise losses as the paper writes them (given and corrected): their slopes and optima.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>

#include <ncv/number/concepts.hpp>
#include <ncv/number/log_expression.hpp>

namespace ncv {

/// At a point x with a = p_data(x) and b = p_g(x), the discriminator's pointwise loss is
///   given (the paper's):   ℓ(D) = −a log(1 − D) − b log D
///   corrected:             ℓ(D) = −a log D − b log(1 − D).
/// Only their derivatives are computed, which are rational: no logarithm is ever evaluated.
enum class discriminator_loss { given, corrected };

/// The variables of the pointwise loss written as data: a = p_data(x), b = p_g(x), and D.
enum discriminator_variable : std::size_t { data_density = 0, generator_density = 1, discriminator_output = 2 };

/// ℓ(D) as the paper writes it, logarithms included, for a program to differentiate
/// (partial_derivative in log_expression.hpp): the definition the proofs start from.
template <field T, std::size_t Capacity = 16>
[[nodiscard]] constexpr log_expression<T, 3, Capacity, 2> discriminator_pointwise_loss(discriminator_loss loss) {
    using polynomial = multi_polynomial<T, 3, Capacity>;
    const polynomial a = polynomial::variable(data_density);
    const polynomial b = polynomial::variable(generator_density);
    const polynomial d = polynomial::variable(discriminator_output);
    const polynomial one(1);
    if (loss == discriminator_loss::given) return {{-a, -b}, {one - d, d}, {}};  // −a log(1 − D) − b log D
    return {{-a, -b}, {d, one - d}, {}};                                         // −a log D − b log(1 − D)
}

/// ∂ℓ/∂D at D ∈ (0, 1).
template <field T>
[[nodiscard]] constexpr T discriminator_loss_slope(discriminator_loss loss, const T& a, const T& b, const T& d) {
    if (loss == discriminator_loss::given) return a / (T(1) - d) - b / d;
    return b / (T(1) - d) - a / d;
}

/// ∂²ℓ/∂D² at D ∈ (0, 1): a/(1−D)² + b/D² for the given loss, a/D² + b/(1−D)² for the corrected
/// one; positive whenever a + b > 0.
template <field T>
[[nodiscard]] constexpr T discriminator_loss_curvature(discriminator_loss loss, const T& a, const T& b, const T& d) {
    const T rest = T(1) - d;
    if (loss == discriminator_loss::given) return a / (rest * rest) + b / (d * d);
    return a / (d * d) + b / (rest * rest);
}

/// The unique minimiser in [0, 1] (a + b > 0): b/(a + b) for the given loss, a/(a + b) corrected.
template <field T>
[[nodiscard]] constexpr T optimal_discriminator(discriminator_loss loss, const T& a, const T& b) {
    return (loss == discriminator_loss::given ? b : a) / (a + b);
}

}  // namespace ncv
