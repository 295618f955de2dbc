// Defines an independent reference for both readings of "convolution": the coefficients of a product of polynomials.
#pragma once

#include <cstddef>
#include <cstdint>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/rational.hpp>

namespace ncv::proofs {

// A 2-D convolution is polynomial multiplication. With P_A = Σ a_mn·x^m·y^n and
// P_W = Σ w_pq·x^p·y^q, the true convolution's output (i, j) (padding 0, stride 1) is the
// coefficient of x^(i+K−1)·y^(j+K−1) in P_A·P_W; the cross-correlation's is the same with W's
// exponents reversed, x^(K−1−p)·y^(K−1−q). It shares no code with conv2d.hpp (no window over
// padded positions, no rotate180), so a wrong flip or window there cannot hide behind it.
template <class T, std::size_t N, std::size_t K>
    requires(K <= N)
[[nodiscard]] constexpr matrix<T, N - K + 1, N - K + 1> reference_convolution(const matrix<T, N, N>& a,
                                                                               const matrix<T, K, K>& w, conv_mode mode) {
    using poly = multi_polynomial<T, 2, (2 * N) * (2 * N)>;
    const auto monomial = [](const T& c, std::size_t x_power, std::size_t y_power) {
        return poly::monomial(c, {static_cast<unsigned>(x_power), static_cast<unsigned>(y_power)});
    };
    poly input, kernel;
    for (std::size_t m = 0; m < N; ++m)
        for (std::size_t n = 0; n < N; ++n) input = input + monomial(a(m, n), m, n);
    for (std::size_t p = 0; p < K; ++p)
        for (std::size_t q = 0; q < K; ++q)
            kernel = kernel + (mode == conv_mode::convolution ? monomial(w(p, q), p, q)
                                                              : monomial(w(p, q), K - 1 - p, K - 1 - q));
    const poly product = input * kernel;
    matrix<T, N - K + 1, N - K + 1> b;
    for (std::size_t i = 0; i + K <= N; ++i)
        for (std::size_t j = 0; j + K <= N; ++j)
            b(i, j) = product.coefficient({static_cast<unsigned>(i + K - 1), static_cast<unsigned>(j + K - 1)});
    return b;
}

// A second instance for Q2, where the two readings differ: W is not centrosymmetric and A's
// diagonal is not all ones (in the paper's instance both readings give the same numbers).
inline constexpr matrix<rational<std::int64_t>, 5, 5> lopsided_A({{2, 0, 1, 3, 1},
                                                                  {1, 3, 0, 2, 2},
                                                                  {0, 1, -1, 1, 4},
                                                                  {3, 2, 1, 2, 0},
                                                                  {1, 0, 2, 1, -2}});
inline constexpr matrix<rational<std::int64_t>, 3, 3> lopsided_W({{1, 2, 0}, {0, -1, 3}, {-2, 0, 1}});

}  // namespace ncv::proofs
