// Defines the VAE's regulariser KL(N(μ, σ²) ‖ N(0, 1)) = ½(μ² + σ² − 1 − log σ²) as a log_expression in μ and s = σ².
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>

#include <ncv/number/concepts.hpp>
#include <ncv/number/log_expression.hpp>

namespace ncv {

/// The variables: the encoder's mean μ and its variance s = σ² (s > 0).
enum gaussian_kl_variable : std::size_t { latent_mean = 0, latent_variance = 1 };

/// The closed form of the Kullback–Leibler divergence of N(μ, s) from the prior N(0, 1), as data:
/// −½·log s + ½(μ² + s − 1). Proofs differentiate it; the logarithm is never evaluated.
template <field T, std::size_t Capacity = 8>
[[nodiscard]] constexpr log_expression<T, 2, Capacity, 1> gaussian_kl_to_standard_normal() {
    using polynomial = multi_polynomial<T, 2, Capacity>;
    const polynomial mu = polynomial::variable(latent_mean);
    const polynomial s = polynomial::variable(latent_variance);
    const polynomial half(T(1) / T(2));
    return {{-half}, {s}, half * (mu * mu + s - polynomial(1))};
}

}  // namespace ncv
