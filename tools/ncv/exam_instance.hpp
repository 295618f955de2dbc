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

// Q2b of a variant: how often one element a(row, col) (from 0) is multiplied by an element of W
// when A is padded and strided as stated here, which need not be Q2's setting.
struct count_question {
    conv_options options;
    std::size_t row = 0, col = 0;
};

struct exam_instance {
    std::optional<std::uint64_t> seed;         // absent for the paper itself
    dyn_matrix<exact> a, w, c;                 // Q2: A (n x n), W (k x k), C (of B's shape, diagonal)
    std::vector<std::vector<exact>> points;    // Q1b: x(1), x(2), x(3) for a variant; empty for the paper (symbols)
    conv_options options{};                    // Q2's padding and stride
    conv_mode reading = conv_mode::cross_correlation;  // the reading of "convolution" the question states
    std::optional<count_question> count;       // a variant's Q2b; the paper asks for every element's count
};

[[nodiscard]] exam_instance paper_instance();

// The whole numbers lo..hi a variant draws one kind of data from.
struct number_range {
    std::int64_t lo = 0, hi = 0;
};

// What an instructor chooses about a bank's variants; the defaults are the paper's shapes.
struct variant_options {
    std::size_t input_size = 5, kernel_size = 3;  // A is n x n, W is k x k
    conv_options q2{};                             // Q2's padding and stride
    conv_mode reading = conv_mode::cross_correlation;
    number_range a{0, 5}, w{-2, 2}, c{-10, 10}, x{-6, 6};  // A, W, C's diagonal, Q1b's points
};

// Throws input_error naming the option for a choice no fair variant can meet (B empty, a
// padding that makes a window of zeros only, a range upside down or beyond ±1000).
void check_variant_options(const variant_options& options);

// A fair variant, the same for a seed on every platform: splitmix64 drives the choices, and each
// number in [lo, hi] is lo + (draw mod (hi − lo + 1)): plain integer arithmetic, unlike
// std::uniform_int_distribution, whose output differs between standard libraries. Draws that
// are not fair (is_fair) are rejected and drawn again from the same stream, at most
// max_variant_draws times; then input_error names the options.
[[nodiscard]] exam_instance variant_instance(std::uint64_t seed, const variant_options& options = {});
inline constexpr std::size_t max_variant_draws = 10000;

// The rules a variant's draw must meet: every entry of every answer asked for is non-zero (a zero
// gives itself away, as ∂f/∂a₁₁ = 0 does when w₁₁ = 0), and, with a kernel of more than one
// element, the two readings of "convolution" give different B, so the stated reading matters.
[[nodiscard]] bool is_fair(const exam_instance& variant);

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

// The answers checked by `ncv check` and printed by `ncv variant`, in the order of the paper. The
// paper: Q1b.w1, Q1b.w2, Q1b.w3 (coefficients of x(1)…), Q2a.B, Q2b.counts (every element's),
// Q2c.df_dw11, Q2c.df_da11. A variant: Q1b.w2, Q1b.w3 (the iterates' values; w(1) = x(1) is
// data, so it is not asked), Q2a.B, Q2b.count (the one element's), Q2c.df_dw11, Q2c.df_da11.
[[nodiscard]] answer_key gradable_answers(const exam_instance& instance);

// B's entries the question gives (row, col from 0): b(1,m) and b(m,1) of an m x m B, as the
// paper gives b13 and b31; none for a B of one entry.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> given_entries(const exam_instance& instance);

// w(t) under a step rule: the coefficients of x(1)..x(t) for the paper (its data are symbols),
// the iterate's values for a variant.
[[nodiscard]] exact_grid q1_iterate(const exam_instance& instance, std::size_t t,
                                            harmonic_step_rule rule = harmonic_step_rule{});

// The Q2c loss problem of an instance (B's diagonal against C), in its reading or the other.
[[nodiscard]] conv_loss_problem<exact> q2_problem(const exam_instance& instance);
[[nodiscard]] conv_loss_problem<exact> q2_problem(const exam_instance& instance, conv_mode mode);

// B = W ⊛ A in the instance's reading, padding and stride.
[[nodiscard]] dyn_matrix<exact> q2_b(const exam_instance& instance);

// The reading's name as options and JSON write it, and back (input_error naming `field`).
[[nodiscard]] std::string reading_name(conv_mode reading);
[[nodiscard]] conv_mode parse_reading(const std::string& text, const std::string& field);

}  // namespace ncv::tool
