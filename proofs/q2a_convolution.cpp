// Proves Q2(a): B = W ⊛ A for the paper's A and W (padding 0, stride 1), under both readings of "convolution".
#include <ncv/conv2d.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/matrix.hpp>
#include <ncv/proof/agree.hpp>

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

// The check above can fail: a kernel that is not centrosymmetric reads differently.
constexpr ncv::matrix<paper::number, 3, 3> lopsided({{0, 1, 0}, {0, 0, 0}, {0, 0, 0}});
static_assert(!ncv::is_centrosymmetric(lopsided), "Q2a: the centrosymmetry check can say no");
static_assert(ncv::cross_correlate(paper::A, lopsided) != ncv::convolve(paper::A, lopsided),
              "Q2a: the two readings differ for a kernel that is not centrosymmetric");

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
