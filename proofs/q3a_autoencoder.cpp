// Proves Q3(a)(i) in numbers: without a bottleneck an auto-encoder can be the identity; with one, D·E is singular for every choice of weights.
//
// Q3a(ii) (a plain auto-encoder leaves gaps in latent space, so it is not a generator) is an
// argument about learned distributions, not a computation: it is explained, not machine-checked.
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include <ncv/array/linear_algebra.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/proof/agrees.hpp>

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;
using number = paper::number;

// ---- Q3a(i): no bottleneck, k = d: every invertible encoder is undone exactly (level 3) ----
// The encoder E (d x d) and the input x are symbols. The decoder adj(E) gives adj(E)·(E·x) =
// det(E)·x as a polynomial identity, so for every E with det E ≠ 0 the decoder adj(E)/det(E)
// reconstructs every input with zero error: nothing forces the code z = E·x to be useful. The
// claim counts the terms of the residual adj(E)·E·x − det(E)·x, for d = 2 and 3.

template <std::size_t D>
constexpr number undone_residual_terms() {
    using poly = ncv::multi_polynomial<number, D * D + D, 64>;
    ncv::matrix<poly, D, D> encoder;
    ncv::matrix<poly, D, 1> input;
    for (std::size_t i = 0; i < D; ++i) {
        for (std::size_t j = 0; j < D; ++j) encoder(i, j) = poly::variable(i * D + j);
        input(i, 0) = poly::variable(D * D + i);
    }
    const auto decoded = ncv::matrix_product(ncv::adjugate(encoder), ncv::matrix_product(encoder, input));
    const poly det = ncv::determinant(encoder);
    if (det.is_zero()) throw std::logic_error("a square encoder's determinant is not the zero polynomial");
    std::size_t terms = 0;
    for (std::size_t i = 0; i < D; ++i) terms += (decoded(i, 0) - det * input(i, 0)).term_count();
    return number(static_cast<std::int64_t>(terms));
}
constexpr number identity_terms = undone_residual_terms<2>() + undone_residual_terms<3>();
static_assert(agrees<"Q3a.identity_error_terms", identity_terms, paper::q3a_identity_error_terms>(),
              "Q3a: with k = d the decoder adj(E)/det(E) reconstructs every input exactly, for every invertible E (d = 2, 3)");

// ---- Q3a(i): a bottleneck k < d makes det(D·E) the zero polynomial (level 3) ----
// The entries of D (d x k) and E (k x d) are independent variables; det(D·E) is expanded
// as a polynomial in all of them.

template <std::size_t D, std::size_t K, std::size_t Capacity = 128>
constexpr auto bottleneck_determinant() {
    using poly = ncv::multi_polynomial<number, 2 * D * K, Capacity>;
    ncv::matrix<poly, D, K> decoder;
    ncv::matrix<poly, K, D> encoder;
    for (std::size_t i = 0; i < D; ++i)
        for (std::size_t j = 0; j < K; ++j) {
            decoder(i, j) = poly::variable(i * K + j);
            encoder(j, i) = poly::variable(D * K + j * D + i);
        }
    return ncv::determinant(ncv::matrix_product(decoder, encoder));
}

constexpr std::array<number, 3> bottleneck_det_terms{
    number(static_cast<std::int64_t>(bottleneck_determinant<2, 1>().term_count())),
    number(static_cast<std::int64_t>(bottleneck_determinant<3, 1>().term_count())),
    number(static_cast<std::int64_t>(bottleneck_determinant<3, 2>().term_count()))};
static_assert(agrees<"Q3a.bottleneck_det_terms", bottleneck_det_terms, paper::q3a_bottleneck_det_terms>(),
              "Q3a: det(D·E) ≡ 0 for (d, k) = (2, 1), (3, 1), (3, 2): D·E ≠ I for every choice of weights, "
              "so some input is always reconstructed with error");

// The check can fail: without a bottleneck (k = d = 2) det(D·E) = det(D)·det(E) is not zero.
static_assert(!bottleneck_determinant<2, 2>().is_zero(), "Q3a: for k = d the determinant is a nonzero polynomial");

}  // namespace
