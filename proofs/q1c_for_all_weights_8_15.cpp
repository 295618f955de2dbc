// Proves Q1(c) for all weights and data (level 3) in the activation regions 8..15: backpropagation's gradient is the formal gradient, and the step uses it.
// (Regions 0..7 are q1c_for_all_weights.cpp; the check itself is q1c_regions.hpp.)
#include <array>

#include <ncv/proof/agrees.hpp>

#include "q1c_regions.hpp"

namespace {

namespace q1c = ncv::proofs::q1c;
using ncv::proof::agrees;

// The coefficients (a, b), the same in the regions where the second unit is active on the second
// sample, or {0, 0}.
constexpr std::array<q1c::number, 2> found = q1c::step_coefficients(q1c::regions / 2, q1c::regions);
static_assert(agrees<"Q1c.backprop_step", found, q1c::paper::q1c_step_coefficients>(),
              "Q1c: in every activation region 8..15, the step is θ − η ∂L/∂θ with ∂L/∂θ by backpropagation, "
              "for all weights, data and η");

}  // namespace
