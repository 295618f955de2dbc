// Defines the check of Q1(c) for all weights and data: in one activation region, the step gradient descent takes with backpropagation's gradient, as polynomials.
//
// The 2-2-1 ReLU network of ncv/nn/tiny_network.hpp, with its nine weights, two samples (inputs
// and targets) and the step size η all symbols: 16 symbols. Within an activation region each
// hidden unit's ReLU is its pre-activation or 0, so the loss L is a polynomial; it is written
// here from the network's definition, not through network_loss, and differentiated formally.
// The library's tape then runs on polynomials whose comparison with zero is decided by the region
// (region_symbol below), and for each of the 2⁴ regions (two units on each of two samples):
//  - the tape's forward pass is L,
//  - gradient_descent_step is a·θ_i − b·η·∂L/∂θ_i, with a and b read off the step and then
//    checked as identities, the same in every region, and compared with the claim a = b = 1;
// so for every weight, data and step size in the region the step subtracts η times the formal
// gradient, which the step computes by backpropagation. What is not
// claimed: the kinks themselves (a pre-activation exactly 0), where L has no derivative; the
// tape there takes the inactive side.
//
// q1c_for_all_weights.cpp checks regions 0..7 (the second unit inactive on the second sample) and
// q1c_for_all_weights_8_15.cpp regions 8..15: two translation units of equal cost, which a
// parallel build compiles side by side.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/tiny_network.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/proof/agrees.hpp>

namespace ncv::proofs::q1c {

namespace paper = ncv::exam::summer2023;
using number = paper::number;

constexpr std::size_t samples = 2;
constexpr std::size_t weights = ncv::network_parameter_count;  // W1 row-major at 0..3, b1 at 4..5, w2 at 6..7, b2 at 8
constexpr std::size_t data_first = weights;                    // sample k: x0, x1, target at data_first + 3k + 0, 1, 2
constexpr std::size_t eta_symbol = data_first + 3 * samples;
constexpr std::size_t symbols = eta_symbol + 1;
constexpr std::size_t units = 2;
constexpr unsigned regions = 1U << (units * samples);  // bit k·2 + u: unit u active on sample k

// Each sample's squared error has at most 36 monomials, so the loss at most 72, and no value the
// tape makes has more (the largest has 66). The capacity is what every copy costs clang: 96 took
// it a fifth longer.
using poly = ncv::multi_polynomial<number, symbols, 72>;

constexpr poly symbol(std::size_t v) { return poly::variable(v); }

// Unit u's pre-activation on sample k: w_u0·x0 + w_u1·x1 + b_u.
constexpr poly pre_activation(std::size_t k, std::size_t u) {
    return symbol(2 * u) * symbol(data_first + 3 * k) + symbol(2 * u + 1) * symbol(data_first + 3 * k + 1) +
           symbol(4 + u);
}

// The four pre-activations, made once: every comparison the tape makes is matched against them.
constexpr std::array<poly, samples * units> made_pre_activations() {
    std::array<poly, samples * units> made{};
    for (std::size_t k = 0; k < samples; ++k)
        for (std::size_t u = 0; u < units; ++u) made[k * units + u] = pre_activation(k, u);
    return made;
}
inline constexpr std::array<poly, samples * units> pre_activations = made_pre_activations();

// A polynomial that the tape can compare with zero inside one activation region: 0 < p is true
// for a pre-activation the region makes positive, false for one it makes ≤ 0 and for p = 0, and
// anything the region does not decide throws (a compile error), so no comparison is guessed.
// The region travels with the values (a constant such as T{} has none and takes its partner's),
// so one instantiation of the library serves all regions.
class region_symbol {
public:
    constexpr region_symbol() = default;
    constexpr region_symbol(int constant) : value_(constant) {}  // NOLINT(google-explicit-constructor)
    constexpr region_symbol(const poly& value, unsigned region) : value_(value), region_(region) {}

    [[nodiscard]] constexpr const poly& value() const noexcept { return value_; }

    [[nodiscard]] friend constexpr region_symbol operator+(const region_symbol& a, const region_symbol& b) {
        return {a.value_ + b.value_, common_region(a, b)};
    }
    [[nodiscard]] friend constexpr region_symbol operator-(const region_symbol& a, const region_symbol& b) {
        return {a.value_ - b.value_, common_region(a, b)};
    }
    [[nodiscard]] friend constexpr region_symbol operator*(const region_symbol& a, const region_symbol& b) {
        return {a.value_ * b.value_, common_region(a, b)};
    }
    [[nodiscard]] friend constexpr region_symbol operator-(const region_symbol& a) { return {-a.value_, a.region_}; }
    [[nodiscard]] friend constexpr bool operator==(const region_symbol& a, const region_symbol& b) {
        return a.value_ == b.value_;
    }

    [[nodiscard]] friend constexpr bool operator<(const region_symbol& a, const region_symbol& b) {
        return positive(b.value_ - a.value_, common_region(a, b));
    }
    [[nodiscard]] friend constexpr bool operator>(const region_symbol& a, const region_symbol& b) { return b < a; }
    [[nodiscard]] friend constexpr bool operator<=(const region_symbol& a, const region_symbol& b) { return !(b < a); }
    [[nodiscard]] friend constexpr bool operator>=(const region_symbol& a, const region_symbol& b) { return !(a < b); }

private:
    static constexpr unsigned no_region = ~0U;

    static constexpr unsigned common_region(const region_symbol& a, const region_symbol& b) {
        if (a.region_ != no_region && b.region_ != no_region && a.region_ != b.region_)
            throw std::logic_error("values from two activation regions combined");
        return a.region_ != no_region ? a.region_ : b.region_;
    }

    static constexpr bool positive(const poly& p, unsigned region) {
        if (p.is_zero()) return false;
        if (region == no_region) throw std::logic_error("a comparison outside any activation region");
        for (std::size_t k = 0; k < samples * units; ++k)
            if (p == pre_activations[k]) return (region >> k & 1U) != 0;
        throw std::logic_error("a comparison the activation region does not decide");
    }

    poly value_;
    unsigned region_ = no_region;
};

// ---- The reference: L in one region, written from the network's definition ----

constexpr poly reference_loss(unsigned region) {
    poly loss;
    for (std::size_t k = 0; k < samples; ++k) {
        poly output = symbol(8);  // b2
        for (std::size_t u = 0; u < units; ++u)
            if ((region >> (k * units + u) & 1U) != 0) output = output + symbol(6 + u) * pre_activation(k, u);
        const poly error = output - symbol(data_first + 3 * k + 2);
        loss = loss + error * error;
    }
    return loss;
}

// ---- The library on symbols, in one region ----

// In one region: the step's coefficients (a, b) in θ′_i = a·θ_i − b·η·∂L/∂θ_i, read off the
// library's step (the part free of η, and the part linear in η) and then checked as identities
// for every weight; {0, 0} if the step is not of that form, or the forward pass is not L.
constexpr std::array<number, 2> step_coefficients_in(unsigned region) {
    ncv::network_parameters<region_symbol> theta;
    for (std::size_t i = 0; i < weights; ++i) theta[i] = {symbol(i), region};
    std::array<ncv::network_sample<region_symbol>, samples> data;
    for (std::size_t k = 0; k < samples; ++k)
        data[k] = {{symbol(data_first + 3 * k), region}, {symbol(data_first + 3 * k + 1), region},
                   {symbol(data_first + 3 * k + 2), region}};
    const region_symbol eta(symbol(eta_symbol), region);

    const poly loss = reference_loss(region);
    if (ncv::network_loss(theta, data).value() != loss) return {};
    const auto next = ncv::gradient_descent_step(theta, data, eta);
    number a(0), b(0);
    for (std::size_t i = 0; i < weights; ++i) {
        const poly& step = next[i].value();
        const poly kept = step.coefficient_in(eta_symbol, 0), moved = step.coefficient_in(eta_symbol, 1);
        const poly gradient = loss.derivative(i);
        if (step.degree_in(eta_symbol) > 1 || kept.is_zero()) return {};
        const number a_i = kept[0].coefficient;
        if (kept != poly(a_i) * symbol(i) || (a != number(0) && a_i != a)) return {};
        a = a_i;
        if (gradient.is_zero() || moved.is_zero()) {  // a unit inactive on every sample: no gradient, no move
            if (!gradient.is_zero() || !moved.is_zero()) return {};
            continue;
        }
        const number b_i = -(moved[0].coefficient / gradient[0].coefficient);
        if (moved != poly(-b_i) * gradient || (b != number(0) && b_i != b)) return {};
        b = b_i;
    }
    return {a, b};
}

// The same coefficients in every region first ≤ r < end, or {0, 0}.
constexpr std::array<number, 2> step_coefficients(unsigned first, unsigned end) {
    const std::array<number, 2> coefficients = step_coefficients_in(first);
    for (unsigned region = first + 1; region < end; ++region)
        if (step_coefficients_in(region) != coefficients) return {};
    return coefficients;
}

}  // namespace ncv::proofs::q1c
