// Proves Q2(c) for all data (level 3): the chain-rule formulas are ∂f/∂W and ∂f/∂A for every A, W, C, at the paper's padding and stride.
//
// A, W and C are 43 symbols (q2c_symbolic.hpp): twice the model answer's chain-rule sums are the
// formal derivatives of the library's f and the library's backpropagation, as polynomial
// identities, under both readings of "convolution" (the 2 is found, then compared with the
// claim); the formula at the paper's numbers gives −30 and 10.
// q2c_for_all_data_strided.cpp does the same with padding 1 and stride 2.
#include <array>
#include <cstddef>

#include <ncv/proof/agrees.hpp>

#include "q2c_symbolic.hpp"

namespace {

using namespace ncv::proofs::q2c;
using ncv::proof::agrees;

constexpr chain_rule_check cross = check_chain_rule(conv_mode::cross_correlation, paper_options);
constexpr chain_rule_check flipped = check_chain_rule(conv_mode::convolution, paper_options);
constexpr std::array<number, 2> factors_cross = cross.factors, factors_flipped = flipped.factors;
static_assert(agrees<"Q2c.chain_rule", factors_cross, paper::q2c_chain_rule_factors>(),
              "Q2c: 2·(the chain-rule sums) are ∂f/∂W and ∂f/∂A for all A, W, C (cross-correlation, padding 0, stride 1)");
static_assert(agrees<"Q2c.chain_rule", factors_flipped, paper::q2c_chain_rule_factors>(),
              "Q2c: 2·(the chain-rule sums) are ∂f/∂W and ∂f/∂A for all A, W, C (true convolution, padding 0, stride 1)");

// ---- The paper's instance of the formula: −30 and 10 ----

constexpr std::array<number, symbols> paper_point = [] {
    std::array<number, symbols> point{};
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = 0; c < n; ++c) point[a_first + r * n + c] = paper::A(r, c);
    for (std::size_t p = 0; p < k; ++p)
        for (std::size_t q = 0; q < k; ++q) point[w_first + p * k + q] = paper::W(p, q);
    for (std::size_t i = 0; i < out; ++i)
        for (std::size_t j = 0; j < out; ++j) point[c_first + i * out + j] = paper::C(i, j);
    return point;
}();

// The sums of the paper's reading (computed above with the factors).
constexpr bool paper_flips = paper::q2_problem().mode == conv_mode::convolution;
constexpr number formula_dw11 = factors_cross[0] * (paper_flips ? flipped : cross).sums.w[0](paper_point);
constexpr number formula_da11 = factors_cross[1] * (paper_flips ? flipped : cross).sums.a[0](paper_point);
static_assert(agrees<"Q2c.df_dw11", formula_dw11, paper::q2c_df_dw11>(), "Q2c: the formula at the paper's data gives ∂f/∂w11");
static_assert(agrees<"Q2c.df_da11", formula_da11, paper::q2c_df_da11>(), "Q2c: the formula at the paper's data gives ∂f/∂a11");

// The identity is not one check twice: the readings give different formulas.
static_assert(cross.sums.w[0] != flipped.sums.w[0],
              "Q2c: the two readings have different formulas for ∂f/∂w11 on symbolic data");

}  // namespace
