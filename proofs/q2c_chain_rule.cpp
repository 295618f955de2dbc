// Proves Q2(c): ∂f/∂w11 = −30 and ∂f/∂a11 = 10, by backpropagation, dual numbers and exact central differences, under both readings.
#include <array>
#include <cstddef>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/proof/agrees.hpp>

#include "reference_convolution.hpp"

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;
using number = paper::number;
using ncv::conv_mode;
using ncv::loss_parameter;

constexpr auto cross = paper::q2_problem(conv_mode::cross_correlation).mode;
constexpr auto flipped = conv_mode::convolution;

// ---- Q2c: ∂f/∂w11, three independent methods, two readings of "convolution" (level 1) ----

constexpr number dw11_backprop = ncv::backprop_gradients(paper::q2_problem(cross)).kernel(0, 0);
constexpr number dw11_dual = ncv::forward_mode_derivative(paper::q2_problem(cross), loss_parameter::kernel, 0, 0);
constexpr number dw11_central = ncv::central_difference_derivative(paper::q2_problem(cross), loss_parameter::kernel, 0, 0);
static_assert(agrees<"Q2c.df_dw11", dw11_backprop, paper::q2c_df_dw11>(), "Q2c: ∂f/∂w11 by backpropagation");
static_assert(agrees<"Q2c.df_dw11", dw11_dual, paper::q2c_df_dw11>(), "Q2c: ∂f/∂w11 by dual numbers");
static_assert(agrees<"Q2c.df_dw11", dw11_central, paper::q2c_df_dw11>(), "Q2c: ∂f/∂w11 by central difference");

constexpr number dw11_backprop_flipped = ncv::backprop_gradients(paper::q2_problem(flipped)).kernel(0, 0);
constexpr number dw11_dual_flipped = ncv::forward_mode_derivative(paper::q2_problem(flipped), loss_parameter::kernel, 0, 0);
constexpr number dw11_central_flipped =
    ncv::central_difference_derivative(paper::q2_problem(flipped), loss_parameter::kernel, 0, 0);
static_assert(agrees<"Q2c.df_dw11", dw11_backprop_flipped, paper::q2c_df_dw11>(),
              "Q2c: ∂f/∂w11 by backpropagation, true convolution");
static_assert(agrees<"Q2c.df_dw11", dw11_dual_flipped, paper::q2c_df_dw11>(),
              "Q2c: ∂f/∂w11 by dual numbers, true convolution");
static_assert(agrees<"Q2c.df_dw11", dw11_central_flipped, paper::q2c_df_dw11>(),
              "Q2c: ∂f/∂w11 by central difference, true convolution");

// ---- Q2c: ∂f/∂a11, the same six ways (level 1) ----

constexpr number da11_backprop = ncv::backprop_gradients(paper::q2_problem(cross)).input(0, 0);
constexpr number da11_dual = ncv::forward_mode_derivative(paper::q2_problem(cross), loss_parameter::input, 0, 0);
constexpr number da11_central = ncv::central_difference_derivative(paper::q2_problem(cross), loss_parameter::input, 0, 0);
static_assert(agrees<"Q2c.df_da11", da11_backprop, paper::q2c_df_da11>(), "Q2c: ∂f/∂a11 by backpropagation");
static_assert(agrees<"Q2c.df_da11", da11_dual, paper::q2c_df_da11>(), "Q2c: ∂f/∂a11 by dual numbers");
static_assert(agrees<"Q2c.df_da11", da11_central, paper::q2c_df_da11>(), "Q2c: ∂f/∂a11 by central difference");

constexpr number da11_backprop_flipped = ncv::backprop_gradients(paper::q2_problem(flipped)).input(0, 0);
constexpr number da11_dual_flipped = ncv::forward_mode_derivative(paper::q2_problem(flipped), loss_parameter::input, 0, 0);
constexpr number da11_central_flipped =
    ncv::central_difference_derivative(paper::q2_problem(flipped), loss_parameter::input, 0, 0);
static_assert(agrees<"Q2c.df_da11", da11_backprop_flipped, paper::q2c_df_da11>(),
              "Q2c: ∂f/∂a11 by backpropagation, true convolution");
static_assert(agrees<"Q2c.df_da11", da11_dual_flipped, paper::q2c_df_da11>(),
              "Q2c: ∂f/∂a11 by dual numbers, true convolution");
static_assert(agrees<"Q2c.df_da11", da11_central_flipped, paper::q2c_df_da11>(),
              "Q2c: ∂f/∂a11 by central difference, true convolution");

// The central difference is exact because f is quadratic in each entry: checked, not assumed.
// Two assertions, not one with &&: clang evaluates the left operand of && in a static_assert
// twice (benchmark "compile time of the proofs"); so below.
static_assert(ncv::quadratic_in_entry(paper::q2_problem(cross), loss_parameter::kernel, 0, 0),
              "Q2c: f is quadratic in w11 (constant second difference)");
static_assert(ncv::quadratic_in_entry(paper::q2_problem(cross), loss_parameter::input, 0, 0),
              "Q2c: f is quadratic in a11 (constant second difference)");

// ---- Q2c: the chain-rule terms the paper writes out (level 1) ----

// ∂f/∂b_ii = 2(b_ii − c_ii): the upstream gradient of the masked squared error.
constexpr std::array<number, 3> df_dbii = [] {
    const auto b = ncv::cross_correlate(ncv::dyn_matrix<number>(paper::A), ncv::dyn_matrix<number>(paper::W),
                                        paper::q2_options);
    const auto g = ncv::masked_squared_error_gradient(b, ncv::dyn_matrix<number>(paper::C),
                                                      ncv::make_mask(3, 3, paper::q2c_loss_mask));
    return std::array<number, 3>{g(0, 0), g(1, 1), g(2, 2)};
}();
static_assert(agrees<"Q2c.df_dbii", df_dbii, paper::q2c_df_dbii>(), "Q2c: ∂f/∂b_ii = 2(b_ii + 10) = -10");

// ∂b_ij/∂(one entry), by dual numbers through the generic convolution.
constexpr ncv::dyn_matrix<number> conv_derivative(loss_parameter which, std::size_t i, std::size_t j) {
    return ncv::conv_output_derivative(paper::q2_problem(cross), which, i, j);
}

constexpr std::array<number, 3> dbii_dw11 = [] {
    const auto db = conv_derivative(loss_parameter::kernel, 0, 0);
    return std::array<number, 3>{db(0, 0), db(1, 1), db(2, 2)};
}();
static_assert(agrees<"Q2c.dbii_dw11", dbii_dw11, paper::q2c_dbii_dw11>(), "Q2c: ∂b_ii/∂w11 = a_ii = 1");

constexpr number db11_da11 = conv_derivative(loss_parameter::input, 0, 0)(0, 0);
static_assert(agrees<"Q2c.db11_da11", db11_da11, paper::q2c_db11_da11>(), "Q2c: ∂b11/∂a11 = w11 = -1");

// The chain rule itself: ∂f/∂w11 = Σ_i ∂f/∂b_ii · ∂b_ii/∂w11.
static_assert(df_dbii[0] * dbii_dw11[0] + df_dbii[1] * dbii_dw11[1] + df_dbii[2] * dbii_dw11[2] == dw11_backprop,
              "Q2c: the paper's chain-rule sum for ∂f/∂w11 adds up");
static_assert(df_dbii[0] * db11_da11 == da11_backprop, "Q2c: the paper's one-term chain rule for ∂f/∂a11 holds");

// ---- Q2c: the loss itself (f = 3 x 25 = 75) ----

static_assert(ncv::conv_loss(paper::q2_problem(cross)) == number(75), "Q2c: f = 3 (−15 + 10)² = 75");

// ---- Q2c: every gradient entry against an independent reference, where the readings differ (level 1) ----
// On the second instance (reference_convolution.hpp: W not centrosymmetric, A's diagonal not all
// ones) with the paper's C, f = Σ_i (b_ii − c_ii)² is written out over the polynomial-product B,
// and each derivative is its exact central difference (f is quadratic in any one entry). The
// library's backpropagation and dual numbers must give all 9 + 25 entries, under both readings:
// a missing flip, a wrong backward pass or a wrong loss cannot agree with it.

using ncv::proofs::lopsided_A;
using ncv::proofs::lopsided_W;

constexpr number reference_loss(const ncv::matrix<number, 3, 3>& b) {
    number f(0);
    for (std::size_t i = 0; i < 3; ++i) f += (b(i, i) - paper::C(i, i)) * (b(i, i) - paper::C(i, i));
    return f;
}

template <std::size_t N>
constexpr ncv::matrix<number, N, N> unit_matrix(std::size_t i, std::size_t j) {
    ncv::matrix<number, N, N> e;
    e(i, j) = number(1);
    return e;
}

// B is bilinear in (A, W), so moving one entry by ±1 moves B by ± the reference B of that unit
// entry: one small polynomial product per derivative instead of two large ones.
constexpr number reference_derivative(conv_mode mode, loss_parameter which, std::size_t i, std::size_t j,
                                      const ncv::matrix<number, 3, 3>& b) {
    const auto moved = which == loss_parameter::kernel
                           ? ncv::proofs::reference_convolution(lopsided_A, unit_matrix<3>(i, j), mode)
                           : ncv::proofs::reference_convolution(unit_matrix<5>(i, j), lopsided_W, mode);
    return (reference_loss(b + moved) - reference_loss(b - moved)) / number(2);
}

constexpr ncv::conv_loss_problem<number> lopsided_problem(conv_mode mode) {
    return {ncv::dyn_matrix<number>(lopsided_A), ncv::dyn_matrix<number>(lopsided_W), ncv::dyn_matrix<number>(paper::C),
            ncv::make_mask(3, 3, paper::q2c_loss_mask), paper::q2_options, mode};
}

constexpr bool agrees_with_reference(conv_mode mode) {
    const auto backprop = ncv::backprop_gradients(lopsided_problem(mode));
    const auto dual = ncv::forward_mode_gradients(lopsided_problem(mode));
    const auto b = ncv::proofs::reference_convolution(lopsided_A, lopsided_W, mode);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j) {
            const number expected = reference_derivative(mode, loss_parameter::kernel, i, j, b);
            if (backprop.kernel(i, j) != expected || dual.kernel(i, j) != expected) return false;
        }
    for (std::size_t i = 0; i < 5; ++i)
        for (std::size_t j = 0; j < 5; ++j) {
            const number expected = reference_derivative(mode, loss_parameter::input, i, j, b);
            if (backprop.input(i, j) != expected || dual.input(i, j) != expected) return false;
        }
    return true;
}

constexpr auto lopsided_B_cross = ncv::proofs::reference_convolution(lopsided_A, lopsided_W, cross);
constexpr auto lopsided_B_flipped = ncv::proofs::reference_convolution(lopsided_A, lopsided_W, flipped);
static_assert(reference_derivative(cross, loss_parameter::kernel, 0, 0, lopsided_B_cross) !=
                  reference_derivative(flipped, loss_parameter::kernel, 0, 0, lopsided_B_flipped),
              "Q2c: on the second instance the readings give different ∂f/∂w11");
static_assert(reference_derivative(cross, loss_parameter::input, 0, 0, lopsided_B_cross) !=
                  reference_derivative(flipped, loss_parameter::input, 0, 0, lopsided_B_flipped),
              "Q2c: on the second instance the readings give different ∂f/∂a11");
static_assert(agrees_with_reference(cross), "Q2c: backprop and dual numbers equal the reference gradient, cross-correlation");
static_assert(agrees_with_reference(flipped), "Q2c: backprop and dual numbers equal the reference gradient, true convolution");

}  // namespace
