// Proves Q2(a): B = W ⊛ A for the paper's A and W (padding 0, stride 1), under both readings of "convolution".
#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/proof/agrees.hpp>

#include "reference_convolution.hpp"

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;

// ---- Q2a, reading 1: cross-correlation, the deep-learning "convolution" (level 1) ----

constexpr auto B = ncv::cross_correlate<paper::q2_options>(paper::A, paper::W);
static_assert(agrees<"Q2a.B", B, paper::q2a_B>(), "Q2a: cross-correlating A with W gives the paper's B");

constexpr auto b13 = B(0, 2);
constexpr auto b31 = B(2, 0);
static_assert(agrees<"Q2a.b13", b13, paper::q2a_b13>(), "Q2a: the question's given b13 = 0 is what A and W give");
static_assert(agrees<"Q2a.b31", b31, paper::q2a_b31>(), "Q2a: the question's given b31 = 5 is what A and W give");

// ---- Q2a, reading 2: the true convolution, kernel turned by 180 degrees (level 1) ----

static_assert(ncv::is_centrosymmetric(paper::W), "Q2a: W is unchanged by a 180-degree turn");
constexpr auto B_convolved = ncv::convolve<paper::q2_options>(paper::A, paper::W);
static_assert(agrees<"Q2a.B", B_convolved, paper::q2a_B>(), "Q2a: the true convolution gives the same B");

// ---- Q2a: the library against an independent formula, where the readings differ (level 1) ----
// B as coefficients of a polynomial product (reference_convolution.hpp), on the paper's data and
// on a second instance whose kernel is not centrosymmetric: there a missing or doubled flip in
// convolve, or a shifted window in cross_correlate, changes B.

static_assert(ncv::proofs::reference_convolution(paper::A, paper::W, ncv::conv_mode::cross_correlation) == B,
              "Q2a: the polynomial-product formula gives the same B");
static_assert(!ncv::is_centrosymmetric(ncv::proofs::lopsided_W), "Q2a: the second kernel is not centrosymmetric");
constexpr auto lopsided_cross = ncv::cross_correlate(ncv::proofs::lopsided_A, ncv::proofs::lopsided_W);
constexpr auto lopsided_convolved = ncv::convolve(ncv::proofs::lopsided_A, ncv::proofs::lopsided_W);
static_assert(lopsided_cross != lopsided_convolved, "Q2a: on the second instance the two readings differ");
static_assert(lopsided_cross == ncv::proofs::reference_convolution(ncv::proofs::lopsided_A, ncv::proofs::lopsided_W,
                                                                   ncv::conv_mode::cross_correlation),
              "Q2a: cross_correlate agrees with the polynomial product where the readings differ");
static_assert(lopsided_convolved == ncv::proofs::reference_convolution(ncv::proofs::lopsided_A, ncv::proofs::lopsided_W,
                                                                       ncv::conv_mode::convolution),
              "Q2a: convolve (the flip) agrees with the polynomial product where the readings differ");

// ---- Q2a: the shape rule (n + 2p − k)/s + 1 = 3 ----

static_assert(B.rows() == 3 && B.cols() == 3, "Q2a: a 3x3 kernel over 5x5 with padding 0, stride 1 gives 3x3");
template <class Input, class Kernel>
concept can_cross_correlate = requires(const Input& input, const Kernel& kernel) {
    ncv::cross_correlate(input, kernel);
};
static_assert(can_cross_correlate<decltype(paper::A), decltype(paper::W)>, "Q2a: a 3x3 kernel fits a 5x5 input");
static_assert(!can_cross_correlate<decltype(paper::W), decltype(paper::A)>,
              "Q2a: a 5x5 kernel over a 3x3 input is rejected at compile time");

}  // namespace
