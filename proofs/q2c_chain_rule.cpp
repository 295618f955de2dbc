// Proves Q2(c): ∂f/∂w11 = −30 and ∂f/∂a11 = 10, by backpropagation, dual numbers and exact central differences, under both readings.
#include <array>
#include <cstddef>

#include <ncv/conv2d.hpp>
#include <ncv/conv2d_backward.hpp>
#include <ncv/conv_loss.hpp>
#include <ncv/conv_loss_derivatives.hpp>
#include <ncv/dual.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/matrix.hpp>
#include <ncv/proof/agree.hpp>

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;
using number = paper::number;
using ncv::conv_mode;
using ncv::loss_parameter;

constexpr ncv::conv_loss_problem<number> paper_problem(conv_mode mode) {
    return {ncv::dyn_matrix<number>(paper::A), ncv::dyn_matrix<number>(paper::W), ncv::dyn_matrix<number>(paper::C),
            ncv::make_mask(3, 3, paper::q2c_loss_mask), paper::q2_options, mode};
}

constexpr auto cross = paper_problem(conv_mode::cross_correlation).mode;
constexpr auto flipped = conv_mode::convolution;

// ---- Q2c: ∂f/∂w11, three independent methods, two readings of "convolution" (level 1) ----

constexpr number dw11_backprop = ncv::backprop_gradients(paper_problem(cross)).kernel(0, 0);
constexpr number dw11_dual = ncv::forward_mode_derivative(paper_problem(cross), loss_parameter::kernel, 0, 0);
constexpr number dw11_central = ncv::central_difference_derivative(paper_problem(cross), loss_parameter::kernel, 0, 0);
static_assert(agrees<"Q2c.df_dw11", dw11_backprop, paper::q2c_df_dw11>(), "Q2c: ∂f/∂w11 by backpropagation");
static_assert(agrees<"Q2c.df_dw11", dw11_dual, paper::q2c_df_dw11>(), "Q2c: ∂f/∂w11 by dual numbers");
static_assert(agrees<"Q2c.df_dw11", dw11_central, paper::q2c_df_dw11>(), "Q2c: ∂f/∂w11 by central difference");

constexpr number dw11_backprop_flipped = ncv::backprop_gradients(paper_problem(flipped)).kernel(0, 0);
constexpr number dw11_dual_flipped = ncv::forward_mode_derivative(paper_problem(flipped), loss_parameter::kernel, 0, 0);
constexpr number dw11_central_flipped =
    ncv::central_difference_derivative(paper_problem(flipped), loss_parameter::kernel, 0, 0);
static_assert(agrees<"Q2c.df_dw11", dw11_backprop_flipped, paper::q2c_df_dw11>(),
              "Q2c: ∂f/∂w11 by backpropagation, true convolution");
static_assert(agrees<"Q2c.df_dw11", dw11_dual_flipped, paper::q2c_df_dw11>(),
              "Q2c: ∂f/∂w11 by dual numbers, true convolution");
static_assert(agrees<"Q2c.df_dw11", dw11_central_flipped, paper::q2c_df_dw11>(),
              "Q2c: ∂f/∂w11 by central difference, true convolution");

// ---- Q2c: ∂f/∂a11, the same six ways (level 1) ----

constexpr number da11_backprop = ncv::backprop_gradients(paper_problem(cross)).input(0, 0);
constexpr number da11_dual = ncv::forward_mode_derivative(paper_problem(cross), loss_parameter::input, 0, 0);
constexpr number da11_central = ncv::central_difference_derivative(paper_problem(cross), loss_parameter::input, 0, 0);
static_assert(agrees<"Q2c.df_da11", da11_backprop, paper::q2c_df_da11>(), "Q2c: ∂f/∂a11 by backpropagation");
static_assert(agrees<"Q2c.df_da11", da11_dual, paper::q2c_df_da11>(), "Q2c: ∂f/∂a11 by dual numbers");
static_assert(agrees<"Q2c.df_da11", da11_central, paper::q2c_df_da11>(), "Q2c: ∂f/∂a11 by central difference");

constexpr number da11_backprop_flipped = ncv::backprop_gradients(paper_problem(flipped)).input(0, 0);
constexpr number da11_dual_flipped = ncv::forward_mode_derivative(paper_problem(flipped), loss_parameter::input, 0, 0);
constexpr number da11_central_flipped =
    ncv::central_difference_derivative(paper_problem(flipped), loss_parameter::input, 0, 0);
static_assert(agrees<"Q2c.df_da11", da11_backprop_flipped, paper::q2c_df_da11>(),
              "Q2c: ∂f/∂a11 by backpropagation, true convolution");
static_assert(agrees<"Q2c.df_da11", da11_dual_flipped, paper::q2c_df_da11>(),
              "Q2c: ∂f/∂a11 by dual numbers, true convolution");
static_assert(agrees<"Q2c.df_da11", da11_central_flipped, paper::q2c_df_da11>(),
              "Q2c: ∂f/∂a11 by central difference, true convolution");

// The central difference is exact because f is quadratic in each entry: checked, not assumed.
static_assert(ncv::quadratic_in_entry(paper_problem(cross), loss_parameter::kernel, 0, 0) &&
                  ncv::quadratic_in_entry(paper_problem(cross), loss_parameter::input, 0, 0),
              "Q2c: f is quadratic in w11 and in a11 (constant second difference)");

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

// ∂b_ij/∂(one entry), by dual numbers through the generic cross_correlate.
constexpr ncv::dyn_matrix<number> conv_derivative(loss_parameter which, std::size_t i, std::size_t j) {
    using d = ncv::dual<number>;
    const auto lift = [](const number& x) { return d(x); };
    auto a = ncv::map_elements(ncv::dyn_matrix<number>(paper::A), lift);
    auto w = ncv::map_elements(ncv::dyn_matrix<number>(paper::W), lift);
    auto& entry = which == loss_parameter::kernel ? w(i, j) : a(i, j);
    entry = d::variable(entry.value);
    return ncv::map_elements(ncv::cross_correlate(a, w, paper::q2_options), [](const d& x) { return x.derivative; });
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

// ---- Q2c: the loss itself (f = 3 x 25 = 75) and a check that can fail ----

static_assert(ncv::conv_loss(paper_problem(cross)) == number(75), "Q2c: f = 3 (−15 + 10)² = 75");
static_assert(ncv::forward_mode_derivative(paper_problem(cross), loss_parameter::kernel, 1, 1) !=
                  ncv::forward_mode_derivative(paper_problem(cross), loss_parameter::kernel, 0, 1),
              "Q2c: different weights have different derivatives, so the comparisons above are not vacuous");

}  // namespace
