// A consumer's program: proves its own 3x3 convolution and one gradient entry at compile time, through the installed or subproject headers.
#include <ncv/array/conv2d.hpp>
#include <ncv/nn/fixed_conv_loss.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/proof/agrees.hpp>

using q = ncv::rational<>;
constexpr ncv::matrix<q, 3, 3> a({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
constexpr ncv::matrix<q, 2, 2> w({{1, 0}, {0, q(-1, 2)}});
constexpr ncv::matrix<q, 2, 2> b = ncv::cross_correlate(a, w);
constexpr ncv::matrix<q, 2, 2> claimed_b({{q(-3, 2), q(-1)}, {q(0), q(1, 2)}});
static_assert(ncv::proof::agrees<"consumer.B", b, claimed_b>(), "my convolution");

// f = Σ (b_ij − c_ij)² with C = 0: ∂f/∂w11 = Σ 2 b_ij a_ij = 2(−3/2·1 − 1·2 + 0·4 + 1/2·5) = −2.
constexpr ncv::fixed_conv_loss_problem problem{a, w, ncv::matrix<q, 2, 2>()};
constexpr q dw11 = ncv::backprop_gradients(problem).kernel(0, 0);
#ifdef NCV_CONSUMER_WRONG_CLAIM
constexpr q claimed_dw11(-3);  // wrong on purpose: the consumer tests expect claim_refuted here
#else
constexpr q claimed_dw11(-2);
#endif
static_assert(ncv::proof::agrees<"consumer.dW11", dw11, claimed_dw11>(), "my gradient entry");

int main() { return 0; }
