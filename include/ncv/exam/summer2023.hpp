// Defines the 2023 neural-computation paper: its data (A, W, C, ...) and its claimed answers, in one place.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <cstdint>
#include <string_view>
#include <tuple>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/exam/claim.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/number/rational.hpp>

namespace ncv::exam::summer2023 {

/// The paper's numbers: exact fractions of 64-bit integers.
using number = rational<std::int64_t>;

// ---- Q1: claims (the data x⁽¹⁾…x⁽ⁿ⁾ are arbitrary: the proofs treat them as symbols) ----
/// Q1a: ∇C(w) = a·w − (b/n) Σ x⁽ⁱ⁾ with a = b = 1, and the minimiser w* = (c/n) Σ x⁽ⁱ⁾ with c = 1.
///@{
inline constexpr auto q1a_gradient = claim<"Q1a.gradient">(std::array<number, 2>{1, 1});
inline constexpr auto q1a_minimiser = claim<"Q1a.minimiser">(number(1));
///@}
/// Q1b: the step rule η_t = a/(t + b) with a = b = 1; the iterates as coefficients of x⁽¹⁾, x⁽²⁾, …;
/// the general formula w⁽ᵗ⁾ = (c/t) Σ_{i≤t} x⁽ⁱ⁾ with c = 1.
///@{
inline constexpr auto q1b_step_rule = claim<"Q1b.step_rule">(std::array<number, 2>{1, 1});
inline constexpr auto q1b_w1 = claim<"Q1b.w1">(std::array<number, 1>{1});
inline constexpr auto q1b_w2 = claim<"Q1b.w2">(std::array<number, 2>{number(1, 2), number(1, 2)});
inline constexpr auto q1b_w3 = claim<"Q1b.w3">(std::array<number, 3>{number(1, 3), number(1, 3), number(1, 3)});
inline constexpr auto q1b_general = claim<"Q1b.general">(number(1));
///@}

// ---- Q3: the essay claims, put into numbers (see proofs/q3*.cpp) ----
/// Q3a(i): with no bottleneck, adj(E)·E·x − det(E)·x is the zero polynomial (0 terms) for d = 2, 3;
/// with a bottleneck, det(D·E) is the zero polynomial (0 terms) for (d, k) = (2, 1), (3, 1), (3, 2).
///@{
inline constexpr auto q3a_identity_error_terms = claim<"Q3a.identity_error_terms">(number(0));
inline constexpr auto q3a_bottleneck_det_terms = claim<"Q3a.bottleneck_det_terms">(std::array<number, 3>{0, 0, 0});
///@}
/// Q3b: KL(N(μ, σ²) ‖ N(0, 1)) is stationary only at (μ, σ²) = (0, 1); the expected reconstruction
/// error of g(z) = αz + β is a·(x − αμ − β)² + b·α²σ² with (a, b) = (1, 1).
///@{
inline constexpr auto q3b_kl_stationary_point = claim<"Q3b.kl_stationary_point">(std::array<number, 2>{0, 1});
inline constexpr auto q3b_reconstruction_identity = claim<"Q3b.reconstruction_identity">(std::array<number, 2>{1, 1});
///@}
/// Q3c: the optimal discriminator is (α·p_data + β·p_g)/(p_data + p_g): (α, β) = (0, 1) for the
/// paper's loss (the wrong labels), (1, 0) for its corrected loss.
///@{
inline constexpr auto q3c_given_optimum = claim<"Q3c.given_optimum">(std::array<number, 2>{0, 1});
inline constexpr auto q3c_corrected_optimum = claim<"Q3c.corrected_optimum">(std::array<number, 2>{1, 0});
///@}

/// Q1c: a step of gradient descent is θ′ = a·θ − b·η·∇L(θ), a = b = 1, with ∇L computed by backpropagation.
inline constexpr auto q1c_step_coefficients = claim<"Q1c.backprop_step">(std::array<number, 2>{1, 1});

// ---- Q2: data ----
/// Q2's input A (5x5).
inline constexpr matrix<number, 5, 5> A({{1, 2, 3, 4, 5},
                                         {5, 1, 2, 3, 4},
                                         {4, 5, 1, 2, 3},
                                         {3, 4, 5, 1, 2},
                                         {2, 3, 4, 5, 1}});
/// Q2's kernel W (3x3, centrosymmetric).
inline constexpr matrix<number, 3, 3> W({{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}});
/// Q2c's target C = diag(−10, −10, −10).
inline constexpr matrix<number, 3, 3> C({{-10, 0, 0}, {0, -10, 0}, {0, 0, -10}});
/// Q2's padding 0 and stride 1.
inline constexpr conv_options q2_options{.padding = 0, .stride = 1};

// ---- Q2a: claims ----
/// Q2a: B = W ⊛ A.
inline constexpr auto q2a_B = claim<"Q2a.B">(matrix<number, 3, 3>({{-15, -5, 0}, {15, -15, -5}, {5, 15, -15}}));
inline constexpr auto q2a_b13 = claim<"Q2a.b13">(number(0));  ///< Q2a: b13 = 0, given in the question.
inline constexpr auto q2a_b31 = claim<"Q2a.b31">(number(5));  ///< Q2a: b31 = 5, given in the question.

// ---- Q2b: the count matrix the paper announces but does not print (computed by proofs/q2b_multiplication_counts.cpp) ----
/// Q2b: how many times each element of A is multiplied by a kernel element.
inline constexpr auto q2b_counts = claim<"Q2b.counts">(matrix<std::int64_t, 5, 5>({{1, 2, 3, 2, 1},
                                                                                 {2, 4, 6, 4, 2},
                                                                                 {3, 6, 9, 6, 3},
                                                                                 {2, 4, 6, 4, 2},
                                                                                 {1, 2, 3, 2, 1}}));

/// The count as a formula, for any input size n, kernel size k, padding p and stride 1: count(i, j) =
/// r(i)·r(j) with r(i) = min(i + p + c₁, k, n + p − i + c₂, n + 2p − k + c₃), c = (0, 1, 1), for
/// i = 1..n as the paper counts: the
/// windows that reach index i from the left, the kernel's length, those that reach it from the
/// right, and the number of windows, whichever is fewest.
inline constexpr auto q2b_count_formula = claim<"Q2b.count_formula">(std::array<number, 3>{0, 1, 1});

// ---- Q2c: f = Σ_i (b_ii − c_ii)², its two derivatives and the chain-rule terms the paper writes out ----
/// Q2c's loss looks at B's diagonal.
inline constexpr auto q2c_loss_mask = mask_kind::diagonal;

/// The Q2c problem as data: B = conv(A, W) with the paper's options, f the squared error of B's
/// diagonal against C. Either reading of "convolution" (the paper means cross-correlation).
[[nodiscard]] constexpr conv_loss_problem<number> q2_problem(conv_mode mode = conv_mode::cross_correlation) {
    return {dyn_matrix<number>(A), dyn_matrix<number>(W), dyn_matrix<number>(C), make_mask(C.rows(), C.cols(), q2c_loss_mask),
            q2_options, mode};
}
inline constexpr auto q2c_df_dw11 = claim<"Q2c.df_dw11">(number(-30));  ///< Q2c: ∂f/∂w11.
inline constexpr auto q2c_df_da11 = claim<"Q2c.df_da11">(number(10));   ///< Q2c: ∂f/∂a11.
inline constexpr auto q2c_df_dbii = claim<"Q2c.df_dbii">(std::array<number, 3>{-10, -10, -10});  ///< Q2c: ∂f/∂b_ii = 2(b_ii + 10).
inline constexpr auto q2c_dbii_dw11 = claim<"Q2c.dbii_dw11">(std::array<number, 3>{1, 1, 1});    ///< Q2c: ∂b_ii/∂w11 = a_ii.
inline constexpr auto q2c_db11_da11 = claim<"Q2c.db11_da11">(number(-1));                         ///< Q2c: ∂b11/∂a11 = w11.
/// The model answer's chain rule for any data, indices from 1: ∂f/∂w_uv = λ Σ_ij m_ij (b_ij − c_ij)
/// a_(i+u−1)(j+v−1) and ∂f/∂a_kl = μ Σ_ij m_ij (b_ij − c_ij) w_(k−i+1)(l−j+1), with λ = μ = 2 (the 2 of
/// the square's derivative).
inline constexpr auto q2c_chain_rule_factors = claim<"Q2c.chain_rule">(std::array<number, 2>{2, 2});

// ---- What a reader needs beside the claims ----
/// A note about one part of the paper, for the tools that print it.
struct paper_note {
    std::string_view part;  ///< "Q2b", "Q3a(ii)", ...
    /// The note's text.
    std::string_view text;
};

/// What each part asks, in our own words (the report prints it above the part's answers).
inline constexpr std::array questions{
    paper_note{"Q1a", "For C(w) = 1/(2n) Σᵢ ‖w − x⁽ⁱ⁾‖² over w in d dimensions: give the gradient and the global minimiser."},
    paper_note{"Q1b", "Run SGD from w⁽⁰⁾ = 0 with step η_t = 1/(t+1), one point per step in order: give w⁽¹⁾, w⁽²⁾, w⁽³⁾ "
                      "and prove w⁽ⁿ⁾ = w*."},
    paper_note{"Q1c", "Where does backpropagation enter gradient descent?"},
    paper_note{"Q2a", "Convolve A with W (padding 0, stride 1): give B."},
    paper_note{"Q2b", "How often is each element of A multiplied by an element of W? Give the count matrix."},
    paper_note{"Q2c", "For f = Σᵢ (b_ii − c_ii)², give ∂f/∂w_11 and ∂f/∂a_11 by the chain rule."},
    paper_note{"Q3a", "Can an auto-encoder without a bottleneck learn the identity, and what does a bottleneck change?"},
    paper_note{"Q3b", "What does a VAE's KL term do, and what happens to the encoder without it?"},
    paper_note{"Q3c", "Is the given GAN discriminator loss right? What is its optimum?"},
};

/// Where the paper is wrong or unclear, and what it means instead.
inline constexpr std::array defects{
    paper_note{"Q2b", "the answer matrix is announced and then missing; Q2b.counts computes it"},
    paper_note{"Q2b", "\"write down W on your answer sheet\" means the count matrix, not the kernel W"},
    paper_note{"Q2c", "in the derivation of ∂f/∂w_11 the last factor is written δf/w_11 where δB_33/δw_11 is meant"},
    paper_note{"Q3b", "the loss is printed once as L_rec + L_rea; it means L_reg"},
    paper_note{"Q3c", "\"z drawn from fake data distribution z\" means z drawn from the prior p(z)"},
};

/// The working of the symbolic answers, as a student writes it (LaTeX math between $ signs), by
/// claim id; the numeric working (B's windows, the chain-rule terms) is computed from the data.
inline constexpr std::array derivations{
    paper_note{"Q1a.minimiser", "$\\nabla C(w) = w - \\frac1n \\sum_i x^{(i)} = 0$ at $w^* = \\frac1n \\sum_i x^{(i)}$, and "
                                "$C(w) = C(w^*) + \\tfrac12 \\|w - w^*\\|^2$ shows it is the unique global minimiser."},
    paper_note{"Q1b.w3", "$w^{(1)} = w^{(0)} - 1\\,(w^{(0)} - x^{(1)}) = x^{(1)}$"},
    paper_note{"Q1b.w3", "$w^{(2)} = w^{(1)} - \\tfrac12 (w^{(1)} - x^{(2)}) = \\tfrac12 x^{(1)} + \\tfrac12 x^{(2)}$"},
    paper_note{"Q1b.w3", "$w^{(3)} = w^{(2)} - \\tfrac13 (w^{(2)} - x^{(3)}) = \\tfrac13 (x^{(1)} + x^{(2)} + x^{(3)})$"},
    paper_note{"Q1c.backprop_step", "Backpropagation is how each step of gradient descent gets its gradient: the forward pass "
                                    "records every operation, the backward sweep applies the chain rule from the loss back to "
                                    "every weight and gives $\\nabla L$, and the step subtracts the learning rate times $\\nabla L$."},
    paper_note{"Q1b.general", "Induction: if $w^{(t-1)} = \\frac{1}{t-1} S$ with $S = \\sum_{i=1}^{t-1} x^{(i)}$, then $w^{(t)} = "
                              "\\frac{t-1}{t} \\cdot \\frac{1}{t-1} S + \\frac1t x^{(t)} = \\frac1t (S + x^{(t)})$; "
                              "base case $w^{(1)} = x^{(1)}$."},
};

/// Each claim's answer as a person writes it, by claim id: {k} stands for entry k of the claim's
/// value (row by row), so the report fills in what was computed, not a copy typed here. Claims
/// without an entry (B, the counts, single numbers) are shown as their values.
inline constexpr std::array answer_forms{
    paper_note{"Q1a.gradient", "∇C(w) = {0}·w − ({1}/n) Σ x⁽ⁱ⁾"},
    paper_note{"Q1a.minimiser", "w* = ({0}/n) Σ x⁽ⁱ⁾"},
    paper_note{"Q1b.step_rule", "η_t = {0}/(t + {1})"},
    paper_note{"Q1b.w1", "w⁽¹⁾ = {0}·x⁽¹⁾"},
    paper_note{"Q1b.w2", "w⁽²⁾ = {0}·x⁽¹⁾ + {1}·x⁽²⁾"},
    paper_note{"Q1b.w3", "w⁽³⁾ = {0}·x⁽¹⁾ + {1}·x⁽²⁾ + {2}·x⁽³⁾"},
    paper_note{"Q1b.general", "w⁽ᵗ⁾ = ({0}/t) Σ_(i=1)^t x⁽ⁱ⁾"},
    paper_note{"Q1c.backprop_step", "θ′ = {0}·θ − {1}·η ∇L(θ)"},
    paper_note{"Q2b.count_formula", "r(i) = min(i + p + {0}, k, n + p − i + {1}, n + 2p − k + {2})"},
    paper_note{"Q2c.chain_rule", "∂f/∂w_uv = {0} Σ_ij m_ij (b_ij − c_ij) a_(i+u−1)(j+v−1), ∂f/∂a_kl = {1} Σ_ij m_ij (b_ij − c_ij) w_(k−i+1)(l−j+1)"},
    paper_note{"Q2c.df_dbii", "∂f/∂b_11 = {0}, ∂f/∂b_22 = {1}, ∂f/∂b_33 = {2}"},
    paper_note{"Q2c.dbii_dw11", "∂b_11/∂w_11 = {0}, ∂b_22/∂w_11 = {1}, ∂b_33/∂w_11 = {2}"},
    paper_note{"Q3a.identity_error_terms", "adj(E)·(E·x) − det(E)·x = 0 (expanded: {0} terms)"},
    paper_note{"Q3a.bottleneck_det_terms", "det(D·E) = 0 for (d, k) = (2, 1), (3, 1), (3, 2) (expanded: {0}, {1}, {2} terms)"},
    paper_note{"Q3b.kl_stationary_point", "μ = {0}, σ² = {1}"},
    paper_note{"Q3b.reconstruction_identity", "E[(x − g(μ + σε))²] = {0}·(x − αμ − β)² + {1}·α²σ²"},
    paper_note{"Q3c.given_optimum", "D* = ({0}·p_data + {1}·p_g)/(p_data + p_g)"},
    paper_note{"Q3c.corrected_optimum", "D* = ({0}·p_data + {1}·p_g)/(p_data + p_g)"},
};

/// Parts whose answer is an explanation rather than a value: what backs each one.
inline constexpr std::array explained_parts{
    paper_note{"Q3a(ii)", "A plain auto-encoder is not a generator: its latent space has gaps between clusters. Explained, "
                          "not machine-checked: it is a statement about learned distributions, not a computation."},
};

/// Every claim above, with where it is proven. Tools, the verify step and the mutant
/// generator read this list; tests/mutants checks that no claim() is missing from it.
inline constexpr std::tuple claims{
    claim_record{"Q1a.gradient", "∇C(w) = w − (1/n) Σ x⁽ⁱ⁾", "proofs/q1a_global_minimiser.cpp", 3, &q1a_gradient},
    claim_record{"Q1a.minimiser", "the unique global minimiser is w* = (1/n) Σ x⁽ⁱ⁾", "proofs/q1a_global_minimiser.cpp", 3,
                 &q1a_minimiser},
    claim_record{"Q1b.step_rule", "η_t = 1/(t+1) makes every iterate a running mean", "proofs/q1b_sgd_iterates.cpp", 4,
                 &q1b_step_rule},
    claim_record{"Q1b.w1", "w⁽¹⁾ = x⁽¹⁾", "proofs/q1b_sgd_iterates.cpp", 3, &q1b_w1},
    claim_record{"Q1b.w2", "w⁽²⁾ = (x⁽¹⁾ + x⁽²⁾)/2", "proofs/q1b_sgd_iterates.cpp", 3, &q1b_w2},
    claim_record{"Q1b.w3", "w⁽³⁾ = (x⁽¹⁾ + x⁽²⁾ + x⁽³⁾)/3", "proofs/q1b_sgd_iterates.cpp", 3, &q1b_w3},
    claim_record{"Q1b.general", "w⁽ᵗ⁾ = (1/t) Σ_(i=1)^t x⁽ⁱ⁾ for every t ≥ 1, so w⁽ⁿ⁾ = w*", "proofs/q1b_sgd_iterates.cpp", 4,
                 &q1b_general},
    claim_record{"Q1c.backprop_step",
                 "gradient descent on a ReLU network steps θ′ = θ − η ∇L(θ), ∇L by backpropagation, in every activation region",
                 "proofs/q1c_for_all_weights.cpp", 3, &q1c_step_coefficients},
    claim_record{"Q2a.B", "B = W ⊛ A with padding 0 and stride 1", "proofs/q2a_convolution.cpp", 1, &q2a_B},
    claim_record{"Q2a.b13", "the question's given entry b_13 = 0", "proofs/q2a_convolution.cpp", 1, &q2a_b13},
    claim_record{"Q2a.b31", "the question's given entry b_31 = 5", "proofs/q2a_convolution.cpp", 1, &q2a_b31},
    claim_record{"Q2b.counts", "how often each a_ij is multiplied by a kernel element (missing from the paper)",
                 "proofs/q2b_multiplication_counts.cpp", 1, &q2b_counts},
    claim_record{"Q2b.count_formula",
                 "count(i, j) = r(i)·r(j), r(i) = min(i + p, k, n + p − i + 1, n + 2p − k + 1) for stride 1, i = 1..n",
                 "proofs/q2b_count_formula.cpp", 2, &q2b_count_formula},
    claim_record{"Q2c.df_dw11", "∂f/∂w_11 = -30", "proofs/q2c_chain_rule.cpp", 1, &q2c_df_dw11},
    claim_record{"Q2c.df_da11", "∂f/∂a_11 = 10", "proofs/q2c_chain_rule.cpp", 1, &q2c_df_da11},
    claim_record{"Q2c.chain_rule",
                 "for all A, W, C: ∂f/∂w_uv = 2 Σ_ij m_ij (b_ij − c_ij) a_(i+u−1)(j+v−1) and ∂f/∂a_kl = 2 Σ_ij m_ij (b_ij − c_ij) "
                 "w_(k−i+1)(l−j+1), indices from 1 (padding 0, stride 1; the proofs also take padding 1, stride 2 and the "
                 "flipped kernel)",
                 "proofs/q2c_for_all_data.cpp", 3, &q2c_chain_rule_factors},
    claim_record{"Q2c.df_dbii", "∂f/∂b_ii = 2(b_ii + 10) = -10", "proofs/q2c_chain_rule.cpp", 1, &q2c_df_dbii},
    claim_record{"Q2c.dbii_dw11", "∂b_ii/∂w_11 = a_ii = 1", "proofs/q2c_chain_rule.cpp", 1, &q2c_dbii_dw11},
    claim_record{"Q2c.db11_da11", "∂b_11/∂a_11 = w_11 = -1", "proofs/q2c_chain_rule.cpp", 1, &q2c_db11_da11},
    claim_record{"Q3a.identity_error_terms", "without a bottleneck (k = d), every invertible encoder E is undone exactly by the decoder adj(E)/det(E)",
                 "proofs/q3a_autoencoder.cpp", 3, &q3a_identity_error_terms},
    claim_record{"Q3a.bottleneck_det_terms", "with a bottleneck (k < d), det(D·E) = 0 for all weights, so D·E ≠ I",
                 "proofs/q3a_autoencoder.cpp", 3, &q3a_bottleneck_det_terms},
    claim_record{"Q3b.kl_stationary_point", "the KL term's only stationary point is the prior, μ = 0, σ² = 1 (a minimum)",
                 "proofs/q3b_vae_regulariser.cpp", 3, &q3b_kl_stationary_point},
    claim_record{"Q3b.reconstruction_identity",
                 "E[(x − g(μ + σε))²] = (x − αμ − β)² + α²σ²: reconstruction alone pushes σ → 0 and cannot fix the scale",
                 "proofs/q3b_vae_regulariser.cpp", 3, &q3b_reconstruction_identity},
    claim_record{"Q3c.given_optimum", "the paper's discriminator loss is optimal at D* = p_g/(p_data + p_g): wrong labels",
                 "proofs/q3c_gan_discriminator.cpp", 3, &q3c_given_optimum},
    claim_record{"Q3c.corrected_optimum", "the corrected loss is optimal at D* = p_data/(p_data + p_g)",
                 "proofs/q3c_gan_discriminator.cpp", 3, &q3c_corrected_optimum},
};

}  // namespace ncv::exam::summer2023
