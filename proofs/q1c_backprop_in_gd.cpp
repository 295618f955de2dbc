// Proves Q1(c) in numbers: in gradient descent on a tiny network the gradient step is backpropagation, and it is the true gradient.
//
// Checked at compile time with exact rationals: the tape's reverse sweep (backpropagation)
// gives the same gradient as forward-mode dual numbers and as exact central differences,
// and two gradient-descent steps, each computing its gradient by backpropagation, lower
// the loss every time. Level 1: one network, one data set.
#include <array>
#include <cstddef>
#include <cstdint>

#include <ncv/dual.hpp>
#include <ncv/rational.hpp>
#include <ncv/tiny_network.hpp>

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
        throw "the step crosses a ReLU kink: the central difference would not be exact";
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

// The checks can fail: a step against the gradient raises the loss, and a gradient with one
// entry changed is no longer what the other methods compute.
static_assert(ncv::network_loss(ncv::gradient_descent_step(initial, data, -eta), data) >
                  ncv::network_loss(initial, data),
              "Q1c: ascending the gradient raises the loss");
static_assert(ncv::backprop_gradient(initial, data)[0] + number(1) != dual_derivative(initial, 0),
              "Q1c: a wrong gradient entry is detected");

}  // namespace
