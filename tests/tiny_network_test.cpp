// Tests the 2-2-1 ReLU network: its wiring against a direct formula, backpropagation against dual numbers, descent steps.
#define BOOST_TEST_MODULE tiny_network
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <random>

#include <ncv/nn/tiny_network.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;
using dual = ncv::dual<q>;

namespace {
struct random_network {
    std::mt19937_64 engine;
    explicit random_network(std::uint64_t seed) : engine(seed) {}
    q value() { return q(std::uniform_int_distribution<int>(-6, 6)(engine), std::uniform_int_distribution<int>(1, 3)(engine)); }
    ncv::network_parameters<q> parameters() {
        ncv::network_parameters<q> p;
        for (auto& x : p) x = value();
        return p;
    }
    std::array<ncv::network_sample<q>, 3> data() { return {{{value(), value(), value()}, {value(), value(), value()}, {value(), value(), value()}}}; }
};

// The network as the paper draws it, written out with no shared code: h_i = max(0, W1_i·x + b1_i).
q direct_output(const ncv::network_parameters<q>& p, const q& x0, const q& x1) {
    const q h0 = std::max(q(0), p[0] * x0 + p[1] * x1 + p[4]);
    const q h1 = std::max(q(0), p[2] * x0 + p[3] * x1 + p[5]);
    return p[6] * h0 + p[7] * h1 + p[8];
}
// ∇L for L = Σ_k (ŷ_k − t_k)², by the chain rule written out here: with e = 2(ŷ − t) and a hidden
// unit active where its pre-activation is positive (the kink counted as inactive),
// ∂/∂w2_i = e·h_i, ∂/∂b2 = e, ∂/∂b1_i = e·w2_i·[active_i], ∂/∂W1_ij = e·w2_i·[active_i]·x_j.
ncv::network_parameters<q> direct_gradient(const ncv::network_parameters<q>& p,
                                           const std::array<ncv::network_sample<q>, 3>& data) {
    ncv::network_parameters<q> g{};
    for (const auto& sample : data) {
        const std::array<q, 2> pre{p[0] * sample.x0 + p[1] * sample.x1 + p[4], p[2] * sample.x0 + p[3] * sample.x1 + p[5]};
        const std::array<q, 2> h{std::max(q(0), pre[0]), std::max(q(0), pre[1])};
        const q e = q(2) * (p[6] * h[0] + p[7] * h[1] + p[8] - sample.target);
        for (std::size_t i = 0; i < 2; ++i) {
            g[6 + i] = g[6 + i] + e * h[i];
            if (!(q(0) < pre[i])) continue;
            const q upstream = e * p[6 + i];
            g[4 + i] = g[4 + i] + upstream;
            g[2 * i] = g[2 * i] + upstream * sample.x0;
            g[2 * i + 1] = g[2 * i + 1] + upstream * sample.x1;
        }
        g[8] = g[8] + e;
    }
    return g;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(tiny_network)

BOOST_AUTO_TEST_CASE(output_matches_the_direct_formula_on_random_networks) {
    random_network random(3);
    for (int trial = 0; trial < 500; ++trial) {
        const auto p = random.parameters();
        const q x0 = random.value(), x1 = random.value();
        BOOST_TEST(ncv::network_output(p, x0, x1) == direct_output(p, x0, x1), "trial " << trial);
    }
}

// Forward mode (one dual-number pass per parameter) and the chain rule written out by hand are
// independent routes to the same gradient.
BOOST_AUTO_TEST_CASE(backpropagation_equals_forward_mode_on_random_networks) {
    random_network random(4);
    for (int trial = 0; trial < 300; ++trial) {
        const auto p = random.parameters();
        const auto data = random.data();
        const auto gradient = ncv::backprop_gradient(p, data);
        const auto by_hand = direct_gradient(p, data);
        for (std::size_t i = 0; i < ncv::network_parameter_count; ++i)
            BOOST_TEST(gradient[i] == by_hand[i], "trial " << trial << ", parameter " << i << " against the chain rule by hand");
        std::array<ncv::network_sample<dual>, 3> lifted_data;
        for (std::size_t k = 0; k < 3; ++k) lifted_data[k] = {dual(data[k].x0), dual(data[k].x1), dual(data[k].target)};
        for (std::size_t i = 0; i < ncv::network_parameter_count; ++i) {
            ncv::network_parameters<dual> lifted;
            for (std::size_t j = 0; j < ncv::network_parameter_count; ++j) lifted[j] = i == j ? dual::variable(p[j]) : dual(p[j]);
            BOOST_TEST(gradient[i] == ncv::network_loss(lifted, lifted_data).derivative, "trial " << trial << ", parameter " << i);
        }
        const q eta(1, 8);
        const auto next = ncv::gradient_descent_step(p, data, eta);
        for (std::size_t i = 0; i < ncv::network_parameter_count; ++i) BOOST_TEST(next[i] == p[i] - eta * gradient[i]);
    }
}

BOOST_AUTO_TEST_CASE(gradient_descent_lowers_the_loss) {
    const std::array<ncv::network_sample<q>, 2> data{{{q(1), q(0), q(1)}, {q(0), q(1), q(-1)}}};
    ncv::network_parameters<q> p{q(1), q(0), q(0), q(1), q(1), q(1), q(1), q(1), q(0)};
    q loss = ncv::network_loss(p, data);
    for (int step = 0; step < 2; ++step) {
        p = ncv::gradient_descent_step(p, data, q(1, 16));
        const q next = ncv::network_loss(p, data);
        BOOST_TEST(next < loss);
        loss = next;
    }
}

BOOST_AUTO_TEST_SUITE_END()
