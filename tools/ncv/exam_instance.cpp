// Implements exam instances and their answers: every number comes from the library's generic algorithms.
#include "exam_instance.hpp"

#include <charconv>

#include <ncv/array/conv2d.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/number/linear_form.hpp>

#include "input_error.hpp"

namespace ncv::tool {

namespace {

namespace paper = exam::summer2023;

// splitmix64: a fixed, documented generator.
struct splitmix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::int64_t in(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
};

}  // namespace

conv_loss_problem<exact> q2_problem(const exam_instance& instance, conv_mode mode) {
    return {instance.a, instance.w, instance.c, make_mask(instance.c.rows(), instance.c.cols(), paper::q2c_loss_mask),
            paper::q2_options, mode};
}

exam_instance paper_instance() {
    const auto problem = paper::q2_problem();
    return {std::nullopt, to_exact_matrix(problem.input), to_exact_matrix(problem.kernel), to_exact_matrix(problem.target), {}};
}

exam_instance variant_instance(std::uint64_t seed) {
    splitmix64 random{seed};
    exam_instance v{seed, dyn_matrix<exact>(5, 5), dyn_matrix<exact>(3, 3), dyn_matrix<exact>(3, 3), {}};
    for (std::size_t i = 0; i < 5; ++i)
        for (std::size_t j = 0; j < 5; ++j) v.a(i, j) = exact(random.in(0, 5));
    bool all_zero = true;
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j) {
            v.w(i, j) = exact(random.in(-2, 2));
            all_zero = all_zero && v.w(i, j) == 0;
        }
    if (all_zero) v.w(1, 1) = exact(1);
    for (std::size_t i = 0; i < 3; ++i) v.c(i, i) = exact(random.in(-10, 10));
    for (int p = 0; p < 3; ++p) v.points.push_back({exact(random.in(-6, 6)), exact(random.in(-6, 6))});
    return v;
}

std::uint64_t parse_seed(const std::string& text) {
    std::uint64_t seed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw input_error("--seed", "'" + text + "' is not a non-negative whole number below 2^64");
    return seed;
}

const std::vector<std::string>& gradable_ids() {
    static const std::vector<std::string> ids{"Q1b.w1", "Q1b.w2", "Q1b.w3", "Q2a.B", "Q2b.counts", "Q2c.df_dw11", "Q2c.df_da11"};
    return ids;
}

exact_grid q1_iterate(const exam_instance& instance, std::size_t t, harmonic_step_rule rule) {
    if (instance.points.empty()) {  // the paper: symbols, so the answer is the coefficients of x(1)..x(t)
        using form = linear_form<exact, 3>;
        std::vector<form> symbols{form::symbol(0), form::symbol(1), form::symbol(2)};
        const form w = sgd_final<exact>(symbols, form{}, t, rule);
        const auto all = w.coefficients();  // a copy: both iterators must point into the same one
        std::vector<exact> coefficients(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(t));
        return grid_of_list(std::move(coefficients));
    }
    const std::size_t d = instance.points[0].size();
    std::vector<dyn_matrix<exact>> data;
    for (const auto& p : instance.points) {
        dyn_matrix<exact> x(d, 1);
        for (std::size_t k = 0; k < d; ++k) x(k, 0) = p[k];
        data.push_back(x);
    }
    const auto w = sgd_final<exact>(data, dyn_matrix<exact>(d, 1), t, rule);
    std::vector<exact> values;
    for (std::size_t k = 0; k < d; ++k) values.push_back(w(k, 0));
    return grid_of_list(std::move(values));
}

dyn_matrix<exact> q2_b(const exam_instance& instance) { return cross_correlate(instance.a, instance.w, paper::q2_options); }

answer_key gradable_answers(const exam_instance& instance) {
    answer_key answers;
    for (std::size_t t = 1; t <= 3; ++t) answers.add("Q1b.w" + std::to_string(t), q1_iterate(instance, t));
    answers.add("Q2a.B", grid_of_matrix(q2_b(instance)));
    answers.add("Q2b.counts", grid_of_matrix(instrumented_multiplication_counts(instance.a.rows(), instance.a.cols(),
                                                                                instance.w.rows(), instance.w.cols(),
                                                                                paper::q2_options)));
    const auto gradients = backprop_gradients(q2_problem(instance));
    answers.add("Q2c.df_dw11", grid_of_number(gradients.kernel(0, 0)));
    answers.add("Q2c.df_da11", grid_of_number(gradients.input(0, 0)));
    return answers;
}

}  // namespace ncv::tool
