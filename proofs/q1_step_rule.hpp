// Defines the paper's SGD step rule as the Q1 proofs use it: read from the claim, so a wrong claim changes every run.
#pragma once

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/sgd.hpp>

namespace ncv::proofs {

// η_t = a/(t + b) with (a, b) the claimed Q1b.step_rule.
static_assert(exam::summer2023::q1b_step_rule[0].is_integer() && exam::summer2023::q1b_step_rule[1].is_integer(),
              "Q1b: the claimed step rule has integer a and b");
inline constexpr harmonic_step_rule paper_rule{exam::summer2023::q1b_step_rule[0].numerator(),
                                               exam::summer2023::q1b_step_rule[1].numerator()};

}  // namespace ncv::proofs
