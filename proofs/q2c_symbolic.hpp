// Defines the symbolic Q2(c) problem (A, W, C as 43 symbols) and the model answer's chain-rule formulas, written from their definition.
//
// f = Σ_ij m_ij (b_ij − c_ij)² is computed by the library (conv_loss over polynomials, so B is
// the library's convolution of symbols) and differentiated formally. The model answer's formulas,
//   ∂f/∂w_pq = 2 Σ_ij m_ij (b_ij − c_ij) · a_(s·i+p−P)(s·j+q−P)
//   ∂f/∂a_kl = 2 Σ_ij m_ij (b_ij − c_ij) · Σ_pq [s·i+p−P = k][s·j+q−P = l] · w_pq
// (W turned by 180 degrees under the true convolution, a = 0 in the padding), are written here
// without the library's convolution and without their factor 2; chain_rule_factors finds the
// factor that makes each the formal derivative (and the library's backpropagation on the
// symbols), as a polynomial identity, so the proofs compare a computed 2 with the claimed one.
#pragma once

#include <array>
#include <cstddef>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/number/multi_polynomial.hpp>

namespace ncv::proofs::q2c {

namespace paper = ncv::exam::summer2023;
using ncv::conv_mode;
using ncv::conv_options;
using number = paper::number;

inline constexpr std::size_t n = 5;                // A is n x n
inline constexpr std::size_t k = 3;                // W is k x k
inline constexpr std::size_t out = 3;              // B and C are out x out under both option sets below
inline constexpr std::size_t a_first = 0;          // a_rc is symbol r·n + c
inline constexpr std::size_t w_first = n * n;      // w_pq is symbol w_first + p·k + q
inline constexpr std::size_t c_first = w_first + k * k;  // c_ij is symbol c_first + i·out + j
inline constexpr std::size_t symbols = c_first + out * out;

// f has at most 3 diagonal terms (b_ii − c_ii)², each at most (9 + 1)(9 + 2)/2 = 55 monomials: 165.
// No more than that, since every copy of a polynomial costs clang its whole capacity (192 took
// clang++-19 a tenth longer on q2c_for_all_data.cpp); a value that does not fit is a compile error.
using symbol = ncv::multi_polynomial<number, symbols, 165>;

inline constexpr conv_options paper_options = paper::q2_options;
inline constexpr conv_options padded_strided{.padding = 1, .stride = 2};
static_assert(ncv::conv_output_extent(n, k, paper_options) == out && ncv::conv_output_extent(n, k, padded_strided) == out,
              "Q2c: both option sets give a 3x3 B, so C has the same symbols");

template <std::size_t Rows, std::size_t First>
constexpr ncv::dyn_matrix<symbol> symbolic_matrix() {
    ncv::dyn_matrix<symbol> m(Rows, Rows);
    for (std::size_t r = 0; r < Rows; ++r)
        for (std::size_t c = 0; c < Rows; ++c) m(r, c) = symbol::variable(First + r * Rows + c);
    return m;
}

constexpr ncv::conv_loss_problem<symbol> symbolic_problem(conv_mode mode, conv_options options) {
    return {symbolic_matrix<n, a_first>(), symbolic_matrix<k, w_first>(), symbolic_matrix<out, c_first>(),
            ncv::make_mask(out, out, paper::q2c_loss_mask), options, mode};
}

// ---- The model answer, written from its definition (no code shared with conv2d.hpp) ----

// a at a padded position (row, col) = (s·i + p, s·j + q): the symbol, or 0 in the padding.
constexpr symbol a_at(std::size_t padded_row, std::size_t padded_col, conv_options options) {
    if (padded_row < options.padding || padded_col < options.padding) return symbol();
    const std::size_t row = padded_row - options.padding, col = padded_col - options.padding;
    if (row >= n || col >= n) return symbol();
    return symbol::variable(a_first + row * n + col);
}

// The weight that multiplies the window's (p, q) element: w_pq, or w turned by 180 degrees.
inline constexpr std::size_t slid_weight(std::size_t p, std::size_t q, conv_mode mode) {
    return mode == conv_mode::convolution ? w_first + (k - 1 - p) * k + (k - 1 - q) : w_first + p * k + q;
}

// The sums of the model answer without their factor: for each weight and each entry of A,
// Σ_ij m_ij (b_ij − c_ij) · ∂b_ij/∂(that entry), with B written out window by window.
struct chain_rule_sums {
    std::array<symbol, k * k> w;
    std::array<symbol, n * n> a;
};

constexpr chain_rule_sums chain_rule(conv_mode mode, conv_options options) {
    chain_rule_sums sums{};
    for (std::size_t i = 0; i < out; ++i)
        for (std::size_t j = 0; j < out; ++j) {
            if (i != j) continue;  // the paper's f = Σ_i (b_ii − c_ii)²: its own diagonal, not make_mask's
            symbol b;
            for (std::size_t p = 0; p < k; ++p)
                for (std::size_t q = 0; q < k; ++q)
                    b = b + symbol::variable(slid_weight(p, q, mode)) *
                                a_at(options.stride * i + p, options.stride * j + q, options);
            const symbol residual = b - symbol::variable(c_first + i * out + j);  // b_ij − c_ij
            for (std::size_t p = 0; p < k; ++p)
                for (std::size_t q = 0; q < k; ++q) {
                    const std::size_t row = options.stride * i + p, col = options.stride * j + q;
                    // ∂b_ij/∂(the weight at window position p, q) = a at that position.
                    const std::size_t w = slid_weight(p, q, mode) - w_first;
                    sums.w[w] = sums.w[w] + residual * a_at(row, col, options);
                    // ∂b_ij/∂a_kl = the weight over a_kl, if the window covers it.
                    if (row < options.padding || col < options.padding) continue;
                    if (row - options.padding >= n || col - options.padding >= n) continue;
                    const std::size_t a = (row - options.padding) * n + (col - options.padding);
                    sums.a[a] = sums.a[a] + residual * symbol::variable(slid_weight(p, q, mode));
                }
        }
    return sums;
}

// The one λ with derivative(e) = λ·sums[e] for every entry e, found from the polynomials'
// first terms and then checked as an identity; 0 if there is none.
template <std::size_t N, class Derivative>
constexpr number common_factor(const std::array<symbol, N>& sums, Derivative derivative) {
    number factor(0);
    for (std::size_t e = 0; e < N; ++e) {
        const symbol d = derivative(e);
        if (sums[e].is_zero() || d.is_zero()) {
            if (!sums[e].is_zero() || !d.is_zero()) return number(0);
            continue;
        }
        const number ratio = d[0].coefficient / sums[e][0].coefficient;
        if (d != symbol(ratio) * sums[e] || (factor != number(0) && ratio != factor)) return number(0);
        factor = ratio;
    }
    return factor;
}

// The chain-rule sums of one reading, padding and stride, and the factors λ, μ in
// ∂f/∂w_pq = λ·(its sum) and ∂f/∂a_kl = μ·(its sum), for all A, W, C: f is the library's loss on
// the symbols, differentiated formally, and the library's backpropagation must give the same
// polynomials (or both factors are 0). One evaluation yields both, so a proof that also needs the
// sums does not compute them again (each costs clang++ about 0.4 s).
struct chain_rule_check {
    chain_rule_sums sums;
    std::array<number, 2> factors;
};

constexpr chain_rule_check check_chain_rule(conv_mode mode, conv_options options) {
    const auto problem = symbolic_problem(mode, options);
    const symbol f = ncv::conv_loss(problem);
    const auto backprop = ncv::backprop_gradients(problem);
    const chain_rule_sums sums = chain_rule(mode, options);
    chain_rule_sums derivatives{};
    for (std::size_t e = 0; e < k * k; ++e) {
        derivatives.w[e] = f.derivative(w_first + e);
        if (backprop.kernel(e / k, e % k) != derivatives.w[e]) return {sums, {}};
    }
    for (std::size_t e = 0; e < n * n; ++e) {
        derivatives.a[e] = f.derivative(a_first + e);
        if (backprop.input(e / n, e % n) != derivatives.a[e]) return {sums, {}};
    }
    return {sums, {common_factor(sums.w, [&](std::size_t e) { return derivatives.w[e]; }),
                   common_factor(sums.a, [&](std::size_t e) { return derivatives.a[e]; })}};
}

}  // namespace ncv::proofs::q2c
