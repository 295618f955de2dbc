// Proves Q2(c)'s chain-rule formulas for all data (level 3) with padding 1 and stride 2: the formula is not tied to the paper's instance.
//
// The same identities as q2c_for_all_data.cpp (q2c_symbolic.hpp), with A padded by one zero on
// every side and the window moved two places at a time: the formulas then read A at
// (2i + p − 1, 2j + q − 1), and entries no window reaches get no gradient.
#include <array>

#include <ncv/array/conv2d.hpp>
#include <ncv/proof/agrees.hpp>

#include "q2c_symbolic.hpp"

namespace {

using namespace ncv::proofs::q2c;
using ncv::proof::agrees;

constexpr chain_rule_check cross = check_chain_rule(conv_mode::cross_correlation, padded_strided);
constexpr std::array<number, 2> factors_cross = cross.factors;
constexpr std::array<number, 2> factors_flipped = check_chain_rule(conv_mode::convolution, padded_strided).factors;
static_assert(agrees<"Q2c.chain_rule", factors_cross, paper::q2c_chain_rule_factors>(),
              "Q2c: 2·(the chain-rule sums) are ∂f/∂W and ∂f/∂A for all A, W, C (cross-correlation, padding 1, stride 2)");
static_assert(agrees<"Q2c.chain_rule", factors_flipped, paper::q2c_chain_rule_factors>(),
              "Q2c: 2·(the chain-rule sums) are ∂f/∂W and ∂f/∂A for all A, W, C (true convolution, padding 1, stride 2)");

// The identity is not one check twice: padding and stride change the formula.
static_assert(chain_rule(conv_mode::cross_correlation, paper_options).w[0] != cross.sums.w[0],
              "Q2c: the formula for ∂f/∂w11 depends on padding and stride");

}  // namespace
