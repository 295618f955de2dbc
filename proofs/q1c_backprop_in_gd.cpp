// Proves Q1(c) in numbers: in gradient descent on a tiny network the gradient step is backpropagation, and it is the true gradient.
//
// Checked at compile time with exact rationals: the tape's reverse sweep (backpropagation)
// gives the same gradient as forward-mode dual numbers and as exact central differences,
// and the formal derivative of the loss written as a polynomial in the weights (an independent
// reference); two gradient-descent steps, each computing its gradient by backpropagation, lower
// the loss every time. Level 1: one network, one data set.
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include <ncv/nn/tiny_network.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/rational.hpp>

namespace {

using number = ncv::rational<std::int64_t>;
using params = ncv::network_parameters<number>;
using sample = ncv::network_sample<number>;

// Integers and a step of 1/64 keep every denominator a power of two: exact gradient descent
// squares denominators at each step, and two steps stay well inside 64 bits.
constexpr std::array<sample, 3> data{{{number(1), number(2), number(1)},
                                      {number(2), number(1), number(3)},
                                      {number(-1), number(3), number(2)}}};
constexpr params initial{number(2), number(-1), number(1), number(1),  // W1
                         number(1), number(-1),                        // b1
                         number(1), number(2), number(0)};             // w2, b2
constexpr number eta(1, 64);

// ∂L/∂θ_i by dual numbers: the same network_loss, with θ_i carrying derivative 1.
constexpr number dual_derivative(const params& p, std::size_t i) {
    using d = ncv::dual<number>;
    ncv::network_parameters<d> lifted;
    for (std::size_t k = 0; k < p.size(); ++k) lifted[k] = k == i ? d::variable(p[k]) : d(p[k]);
    std::array<ncv::network_sample<d>, data.size()> lifted_data;
    for (std::size_t k = 0; k < data.size(); ++k) lifted_data[k] = {d(data[k].x0), d(data[k].x1), d(data[k].target)};
    return ncv::network_loss(lifted, lifted_data).derivative;
}

// Which hidden units are active on which sample: the ReLU pattern fixes the linear pieces.
constexpr unsigned activation_pattern(const params& p) {
    unsigned pattern = 0, bit = 1;
    for (const auto& s : data) {
        for (std::size_t unit = 0; unit < 2; ++unit, bit <<= 1)
            if (number(0) < p[2 * unit] * s.x0 + p[2 * unit + 1] * s.x1 + p[4 + unit]) pattern |= bit;
    }
    return pattern;
}

// (L(θ + h e_i) − L(θ − h e_i)) / 2h with h = 1/8: exact when the ReLU pattern is the same at
// both points, because L is then a quadratic in θ_i. The pattern is checked, not assumed.
constexpr number central_difference(const params& p, std::size_t i) {
    const number h(1, 8);
    params up = p, down = p;
    up[i] = up[i] + h;
    down[i] = down[i] - h;
    if (activation_pattern(up) != activation_pattern(p) || activation_pattern(down) != activation_pattern(p))
        throw std::logic_error("the step crosses a ReLU kink: the central difference would not be exact");
    return (ncv::network_loss(up, data) - ncv::network_loss(down, data)) / (h + h);
}

constexpr bool three_methods_agree(const params& p) {
    const params backprop = ncv::backprop_gradient(p, data);
    for (std::size_t i = 0; i < p.size(); ++i)
        if (backprop[i] != dual_derivative(p, i) || backprop[i] != central_difference(p, i)) return false;
    return true;
}

// ---- Q1c: the gradient step is backpropagation, and it is the gradient (level 1) ----

static_assert(three_methods_agree(initial), "Q1c: backpropagation's gradient equals dual numbers' and central differences'");

constexpr params after_one = ncv::gradient_descent_step(initial, data, eta);
constexpr params after_two = ncv::gradient_descent_step(after_one, data, eta);
static_assert(ncv::network_loss(after_one, data) < ncv::network_loss(initial, data), "Q1c: the first step lowers the loss");
static_assert(ncv::network_loss(after_two, data) < ncv::network_loss(after_one, data), "Q1c: the second step lowers the loss");
static_assert(three_methods_agree(after_one), "Q1c: the gradient is still exact after a step");

// The loss check can fail: a step against the gradient raises the loss.
static_assert(ncv::network_loss(ncv::gradient_descent_step(initial, data, -eta), data) >
                  ncv::network_loss(initial, data),
              "Q1c: ascending the gradient raises the loss");

// ---- Q1c: against an independent reference, the loss as a polynomial in the weights (level 1) ----
// Within one activation region each ReLU is its input or 0, so L is a polynomial in the nine
// parameters. It is written out here from the network's definition (W1 row-major at 0..3, b1 at
// 4..5, w2 at 6..7, b2 at 8), not through network_loss, and differentiated formally; the tape's
// gradient must equal that derivative at the initial parameters and after one step, and the
// region must be the one the parameters are in. A mis-wired network, or a tape that drops or
// doubles an adjoint, cannot agree with it.

using weight_polynomial = ncv::multi_polynomial<number, ncv::network_parameter_count, 64>;

constexpr weight_polynomial reference_loss(unsigned pattern) {
    std::array<weight_polynomial, ncv::network_parameter_count> theta{};
    for (std::size_t i = 0; i < theta.size(); ++i) theta[i] = weight_polynomial::variable(i);
    weight_polynomial loss;
    unsigned bit = 1;
    for (const auto& s : data) {
        weight_polynomial output = theta[8];
        for (std::size_t unit = 0; unit < 2; ++unit, bit <<= 1) {
            const weight_polynomial pre_activation = theta[2 * unit] * weight_polynomial(s.x0) +
                                                     theta[2 * unit + 1] * weight_polynomial(s.x1) + theta[4 + unit];
            if ((pattern & bit) != 0) output = output + theta[6 + unit] * pre_activation;
        }
        const weight_polynomial error = output - weight_polynomial(s.target);
        loss = loss + error * error;
    }
    return loss;
}

constexpr bool tape_is_the_formal_gradient(const params& p) {
    const weight_polynomial loss = reference_loss(activation_pattern(p));
    if (loss(p) != ncv::network_loss(p, data)) return false;
    const params backprop = ncv::backprop_gradient(p, data);
    for (std::size_t i = 0; i < p.size(); ++i)
        if (backprop[i] != loss.derivative(i)(p)) return false;
    return true;
}
static_assert(activation_pattern(initial) != 0 && activation_pattern(initial) != 0b111111,
              "Q1c: the reference region has active and inactive units, so both ReLU branches are checked");
static_assert(tape_is_the_formal_gradient(initial), "Q1c: backpropagation equals the formal gradient of the loss polynomial");
static_assert(tape_is_the_formal_gradient(after_one), "Q1c: and again after one gradient-descent step");

}  // namespace
