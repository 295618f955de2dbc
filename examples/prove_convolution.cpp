// Example: prove your own convolution, its loss and its gradients at compile time.
// Build: c++ -std=c++20 $(pkg-config --cflags ncverify) prove_convolution.cpp (see the README for the budget flags).
#include <cstdio>

#include <ncv/array/conv2d.hpp>
#include <ncv/nn/fixed_conv_loss.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/proof/agrees.hpp>

using q = ncv::rational<>;  // exact: a 64-bit numerator and denominator, overflow a compile error

// Your problem: a 4x4 input A, a 2x2 kernel W, padding 1 and stride 2, so B is 3x3.
constexpr ncv::matrix<q, 4, 4> a({{1, 0, 2, 1}, {3, q(1, 2), 0, 1}, {2, 2, 1, 0}, {0, 1, 3, 2}});
constexpr ncv::matrix<q, 2, 2> w({{1, -1}, {2, q(1, 3)}});
constexpr ncv::conv_options padded{.padding = 1, .stride = 2};

// The forward pass: the options are a template argument, so B's shape is part of its type.
constexpr auto b = ncv::cross_correlate<padded>(a, w);
// The claims: your answers, worked out elsewhere (by hand, or another program).
constexpr ncv::matrix<q, 3, 3> claimed_b({{q(1, 3), q(2, 3), 2}, {q(-7, 3), q(29, 6), 1}, {0, -2, 2}});
static_assert(ncv::proof::agrees<"mine.B", b, claimed_b>(), "B = A ⋆ W with padding 1, stride 2");

// The loss f = Σ (b_ij − c_ij)² over the diagonal of B, against a target C, and its gradients.
constexpr ncv::fixed_conv_loss_problem problem{.input = a,
                                               .kernel = w,
                                               .target = ncv::matrix<q, 3, 3>({{0, 0, 0}, {0, -1, 0}, {0, 0, 1}}),
                                               .mask = ncv::make_mask<3, 3>(ncv::mask_kind::diagonal),
                                               .options = padded};
constexpr q loss = ncv::conv_loss(problem);
constexpr auto gradients = ncv::backprop_gradients(problem);  // fixed-extent matrices: a constexpr variable holds them

constexpr q claimed_loss(1265, 36);  // (1/3 − 0)² + (29/6 + 1)² + (2 − 1)²
static_assert(ncv::proof::agrees<"mine.loss", loss, claimed_loss>(), "the loss");
constexpr ncv::matrix<q, 2, 2> claimed_dw({{q(59, 6), 0}, {q(70, 3), q(37, 3)}});
static_assert(ncv::proof::agrees<"mine.dW", gradients.kernel, claimed_dw>(), "∂f/∂W by backpropagation");

int main() {
    // The same constants at run time: nothing is recomputed.
    std::printf("loss = %s, df/dw11 = %s\n", ncv::to_string(loss).c_str(), ncv::to_string(gradients.kernel(0, 0)).c_str());
    return 0;
}
