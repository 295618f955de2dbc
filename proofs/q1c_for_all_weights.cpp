// Proves Q1(c) for all weights and data (level 3) in the activation regions 0..7: backpropagation's gradient is the formal gradient, and the step uses it.
// (Regions 8..15 are q1c_for_all_weights_8_15.cpp; the check itself is q1c_regions.hpp.)
#include <array>

#include <ncv/proof/agrees.hpp>

#include "q1c_regions.hpp"

namespace {

namespace q1c = ncv::proofs::q1c;
using ncv::proof::agrees;

// The coefficients (a, b) of θ′ = a·θ − b·η·∂L/∂θ, the same in the regions where the second unit
// is inactive on the second sample, or {0, 0}.
constexpr std::array<q1c::number, 2> found = q1c::step_coefficients(0, q1c::regions / 2);
static_assert(agrees<"Q1c.backprop_step", found, q1c::paper::q1c_step_coefficients>(),
              "Q1c: in every activation region 0..7, the step is θ − η ∂L/∂θ with ∂L/∂θ by backpropagation, "
              "for all weights, data and η");

// ---- The check can fail ----

// The regions differ: the loss polynomial depends on which units are active. Two assertions, not
// one with &&: clang evaluates the left operand of && in a static_assert twice (benchmark
// "compile time of the proofs").
static_assert(q1c::reference_loss(0b0101) != q1c::reference_loss(0b1010),
              "Q1c: different activation regions give different loss polynomials");
static_assert(q1c::reference_loss(0) != q1c::reference_loss(q1c::regions - 1),
              "Q1c: different activation regions give different loss polynomials");

}  // namespace
