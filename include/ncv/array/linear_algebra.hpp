// Defines the matrix product, the determinant (Leibniz formula) and the adjugate over any commutative ring, for small fixed matrices.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <cstddef>

#include <ncv/array/matrix.hpp>
#include <ncv/number/concepts.hpp>

namespace ncv {

/// The matrix product a·b (R x K times K x C); a shape mismatch does not compile.
template <semiring_scalar T, std::size_t R, std::size_t K, std::size_t C>
[[nodiscard]] constexpr matrix<T, R, C> matrix_product(const matrix<T, R, K>& a, const matrix<T, K, C>& b) {
    matrix<T, R, C> product;
    for (std::size_t i = 0; i < R; ++i)
        for (std::size_t j = 0; j < C; ++j) {
            T sum{};
            for (std::size_t k = 0; k < K; ++k) sum = sum + a(i, k) * b(k, j);
            product(i, j) = sum;
        }
    return product;
}

/// The N x N identity matrix.
template <unital_ring T, std::size_t N>
[[nodiscard]] constexpr matrix<T, N, N> identity_matrix() {
    matrix<T, N, N> m;
    for (std::size_t i = 0; i < N; ++i) m(i, i) = T(1);
    return m;
}

/// Σ over permutations π of sign(π) Π_i a(i, π(i)): only ring operations, so it works for
/// polynomial entries, where it proves identities such as det(D·E) ≡ 0.
template <unital_ring T, std::size_t N>
[[nodiscard]] constexpr T determinant(const matrix<T, N, N>& a) {
    std::array<std::size_t, N> permutation{};
    for (std::size_t i = 0; i < N; ++i) permutation[i] = i;
    T sum{};
    for (;;) {
        std::size_t inversions = 0;
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = i + 1; j < N; ++j)
                if (permutation[j] < permutation[i]) ++inversions;
        T product = a(0, permutation[0]);
        for (std::size_t i = 1; i < N; ++i) product = product * a(i, permutation[i]);
        sum = inversions % 2 == 0 ? sum + product : sum - product;
        // Next permutation in lexicographic order; stop after the last.
        std::size_t i = N - 1;
        while (i > 0 && permutation[i - 1] >= permutation[i]) --i;
        if (i == 0) return sum;
        std::size_t j = N - 1;
        while (permutation[j] <= permutation[i - 1]) --j;
        const std::size_t swap = permutation[i - 1];
        permutation[i - 1] = permutation[j];
        permutation[j] = swap;
        for (std::size_t lo = i, hi = N - 1; lo < hi; ++lo, --hi) {
            const std::size_t t = permutation[lo];
            permutation[lo] = permutation[hi];
            permutation[hi] = t;
        }
    }
}

/// The adjugate, the transposed matrix of cofactors: adj(A)·A = A·adj(A) = det(A)·I, so that
/// A⁻¹ = adj(A)/det(A) whenever det(A) is invertible. Ring operations only, like determinant.
template <unital_ring T, std::size_t N>
[[nodiscard]] constexpr matrix<T, N, N> adjugate(const matrix<T, N, N>& a) {
    matrix<T, N, N> adjugate_matrix;
    if constexpr (N == 1) {
        adjugate_matrix(0, 0) = T(1);
    } else {
        for (std::size_t i = 0; i < N; ++i)
            for (std::size_t j = 0; j < N; ++j) {
                matrix<T, N - 1, N - 1> minor;  // a without row j and column i
                for (std::size_t r = 0, mr = 0; r < N; ++r) {
                    if (r == j) continue;
                    for (std::size_t c = 0, mc = 0; c < N; ++c) {
                        if (c == i) continue;
                        minor(mr, mc++) = a(r, c);
                    }
                    ++mr;
                }
                const T cofactor = determinant(minor);
                adjugate_matrix(i, j) = (i + j) % 2 == 0 ? cofactor : T{} - cofactor;
            }
    }
    return adjugate_matrix;
}

}  // namespace ncv
