// Defines the matrix product and the determinant (Leibniz formula) over any commutative ring, for small fixed matrices.
#pragma once

#include <array>
#include <cstddef>

#include <ncv/matrix.hpp>

namespace ncv {

template <class T, std::size_t R, std::size_t K, std::size_t C>
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

template <class T, std::size_t N>
[[nodiscard]] constexpr matrix<T, N, N> identity_matrix() {
    matrix<T, N, N> m;
    for (std::size_t i = 0; i < N; ++i) m(i, i) = T(1);
    return m;
}

// Σ over permutations π of sign(π) Π_i a(i, π(i)): only ring operations, so it works for
// polynomial entries, where it proves identities such as det(D·E) ≡ 0.
template <class T, std::size_t N>
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

}  // namespace ncv
