// Defines the 2023 neural-computation paper: its data (A, W, C, ...) and its claimed answers, in one place.
#pragma once

#include <cstdint>
#include <tuple>

#include <ncv/conv2d.hpp>
#include <ncv/exam/claim.hpp>
#include <ncv/matrix.hpp>
#include <ncv/rational.hpp>

namespace ncv::exam::summer2023 {

using number = rational<std::int64_t>;

// ---- Q2: data ----
inline constexpr matrix<number, 5, 5> A({{1, 2, 3, 4, 5},
                                         {5, 1, 2, 3, 4},
                                         {4, 5, 1, 2, 3},
                                         {3, 4, 5, 1, 2},
                                         {2, 3, 4, 5, 1}});
inline constexpr matrix<number, 3, 3> W({{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}});
inline constexpr matrix<number, 3, 3> C({{-10, 0, 0}, {0, -10, 0}, {0, 0, -10}});
inline constexpr conv_options q2_options{.padding = 0, .stride = 1};

// ---- Q2a: claims ----
inline constexpr auto q2a_B = claim<"Q2a.B">(matrix<number, 3, 3>({{-15, -5, 0}, {15, -15, -5}, {5, 15, -15}}));
inline constexpr auto q2a_b13 = claim<"Q2a.b13">(number(0));  // given in the question
inline constexpr auto q2a_b31 = claim<"Q2a.b31">(number(5));  // given in the question

// Every claim above, with where it is proven. Tools, the verify step and the mutant
// generator read this list; tests/mutants checks that no claim() is missing from it.
inline constexpr std::tuple claims{
    claim_record{"Q2a.B", "B = W ⊛ A with padding 0 and stride 1", "proofs/q2a_convolution.cpp", 1, &q2a_B},
    claim_record{"Q2a.b13", "the question's given entry b13 = 0", "proofs/q2a_convolution.cpp", 1, &q2a_b13},
    claim_record{"Q2a.b31", "the question's given entry b31 = 5", "proofs/q2a_convolution.cpp", 1, &q2a_b31},
};

}  // namespace ncv::exam::summer2023
