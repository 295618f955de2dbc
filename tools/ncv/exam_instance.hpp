// Defines an exam instance (the paper's, or a generated variant's) and its answers, computed at run time by the library.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <ncv/array/matrix.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/sgd.hpp>

#include "exact_grid.hpp"
#include "exact_number.hpp"

namespace ncv::tool {

struct exam_instance {
    std::optional<std::uint64_t> seed;         // absent for the paper itself
    dyn_matrix<exact> a, w, c;                 // Q2: A (5x5), W (3x3), C (3x3, diagonal)
    std::vector<std::vector<exact>> points;    // Q1b: x(1), x(2), x(3) for a variant; empty for the paper (symbols)
};

[[nodiscard]] exam_instance paper_instance();

// A variant, the same for a seed on every platform: splitmix64 drives the choices, and each
// number in [lo, hi] is lo + (draw mod (hi − lo + 1)): plain integer arithmetic, unlike
// std::uniform_int_distribution, whose output differs between standard libraries.
[[nodiscard]] exam_instance variant_instance(std::uint64_t seed);

// Parses a seed (a non-negative decimal integer); throws input_error naming "--seed" otherwise.
[[nodiscard]] std::uint64_t parse_seed(const std::string& text);

// Answers by id, in the order they were added.
class answer_key {
public:
    void add(std::string id, exact_grid answer) { entries_.emplace_back(std::move(id), std::move(answer)); }
    // The answer of `id`, or nullptr.
    [[nodiscard]] const exact_grid* find(const std::string& id) const {
        for (const auto& [key, answer] : entries_)
            if (key == id) return &answer;
        return nullptr;
    }
    // The answer of an id the key has (std::out_of_range otherwise).
    [[nodiscard]] const exact_grid& at(const std::string& id) const {
        if (const auto* answer = find(id)) return *answer;
        throw std::out_of_range("no answer " + id);
    }
    [[nodiscard]] auto begin() const { return entries_.begin(); }
    [[nodiscard]] auto end() const { return entries_.end(); }

private:
    std::vector<std::pair<std::string, exact_grid>> entries_;
};

// The answers checked by `ncv check` and printed by `ncv variant`, in the order of gradable_ids():
// Q1b.w1, Q1b.w2, Q1b.w3 (coefficients of x(1)… for the paper, the iterates' values for a
// variant), Q2a.B, Q2b.counts, Q2c.df_dw11, Q2c.df_da11.
[[nodiscard]] answer_key gradable_answers(const exam_instance& instance);

// The ids gradable_answers gives, in the order of the paper.
[[nodiscard]] const std::vector<std::string>& gradable_ids();

// w(t) under a step rule: the coefficients of x(1)..x(t) for the paper (its data are symbols),
// the iterate's values for a variant.
[[nodiscard]] exact_grid q1_iterate(const exam_instance& instance, std::size_t t,
                                            harmonic_step_rule rule = harmonic_step_rule{});

// The Q2c loss problem of an instance: the paper's mask and convolution options, either reading.
[[nodiscard]] conv_loss_problem<exact> q2_problem(const exam_instance& instance,
                                                  conv_mode mode = conv_mode::cross_correlation);

// B = W ⊛ A (cross-correlation, padding 0, stride 1).
[[nodiscard]] dyn_matrix<exact> q2_b(const exam_instance& instance);

}  // namespace ncv::tool
