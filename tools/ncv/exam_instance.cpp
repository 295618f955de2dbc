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
    const std::size_t m = instance.c.rows();
    return {instance.a, instance.w, instance.c, make_mask(m, m, paper::q2c_loss_mask), instance.options, mode};
}

conv_loss_problem<exact> q2_problem(const exam_instance& instance) { return q2_problem(instance, instance.reading); }

exam_instance paper_instance() {
    const auto problem = paper::q2_problem();
    return {std::nullopt, to_exact_matrix(problem.input), to_exact_matrix(problem.kernel), to_exact_matrix(problem.target), {},
            paper::q2_options, conv_mode::cross_correlation, std::nullopt};
}

void check_variant_options(const variant_options& o) {
    if (o.input_size < 1 || o.input_size > 12) throw input_error("--input-size", "expected 1 to 12 (A is n x n), found " + std::to_string(o.input_size));
    if (o.kernel_size < 1 || o.kernel_size > o.input_size + 2 * o.q2.padding)
        throw input_error("--kernel-size", "expected 1 to " + std::to_string(o.input_size + 2 * o.q2.padding) +
                                               " (the padded input's size), found " + std::to_string(o.kernel_size));
    if (o.q2.padding >= o.kernel_size)
        throw input_error("--padding", "at most " + std::to_string(o.kernel_size - 1) +
                                           " (the kernel size − 1): a wider padding makes a window of zeros only, so an entry of B is 0");
    if (o.q2.stride < 1) throw input_error("--stride", "expected at least 1");
    if (conv_output_extent(o.input_size, o.kernel_size, o.q2) > 10)
        throw input_error("--input-size", "B would be " + std::to_string(conv_output_extent(o.input_size, o.kernel_size, o.q2)) +
                                              " x " + std::to_string(conv_output_extent(o.input_size, o.kernel_size, o.q2)) +
                                              "; at most 10 x 10 makes a question a student can answer");
    for (const auto& [name, range] : {std::pair{"--a-range", o.a}, std::pair{"--w-range", o.w}, std::pair{"--c-range", o.c},
                                      std::pair{"--x-range", o.x}}) {
        if (range.lo > range.hi) throw input_error(name, "the lower end " + std::to_string(range.lo) + " is above the upper end " + std::to_string(range.hi));
        if (range.lo < -1000 || range.hi > 1000) throw input_error(name, "expected numbers from -1000 to 1000 (a question's numbers are small)");
    }
}

exam_instance variant_instance(std::uint64_t seed, const variant_options& o) {
    check_variant_options(o);
    splitmix64 random{seed};
    const std::size_t n = o.input_size, k = o.kernel_size, m = conv_output_extent(n, k, o.q2);
    const auto draw = [&](number_range r) { return exact(random.in(r.lo, r.hi)); };
    for (std::size_t attempt = 0; attempt < max_variant_draws; ++attempt) {
        exam_instance v{seed, dyn_matrix<exact>(n, n), dyn_matrix<exact>(k, k), dyn_matrix<exact>(m, m), {}, o.q2, o.reading, {}};
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) v.a(i, j) = draw(o.a);
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 0; j < k; ++j) v.w(i, j) = draw(o.w);
        for (std::size_t i = 0; i < m; ++i) v.c(i, i) = draw(o.c);
        for (int p = 0; p < 3; ++p) v.points.push_back({draw(o.x), draw(o.x)});
        // Q2b's own padding and stride, and its element. A window must still fit; a padding of k − 1
        // with stride 1 would give every element the same count k², so it stops at k − 2.
        const std::size_t least_padding = k > n ? (k - n + 1) / 2 : 0, most_padding = std::max(least_padding, k >= 2 ? k - 2 : 0);
        count_question q{{static_cast<std::size_t>(random.in(static_cast<std::int64_t>(least_padding), static_cast<std::int64_t>(most_padding))),
                          static_cast<std::size_t>(random.in(1, 2))},
                         static_cast<std::size_t>(random.in(0, static_cast<std::int64_t>(n) - 1)),
                         static_cast<std::size_t>(random.in(0, static_cast<std::int64_t>(n) - 1))};
        v.count = q;
        if (is_fair(v)) return v;
    }
    throw input_error("--seed", "no fair variant in " + std::to_string(max_variant_draws) + " draws for seed " + std::to_string(seed) +
                                    " with these options (every answer must be non-zero): widen the number ranges");
}

bool is_fair(const exam_instance& v) {
    for (const auto& [id, answer] : gradable_answers(v))
        for (const auto& x : answer.values)
            if (x == 0) return false;
    if (v.w.rows() * v.w.cols() > 1) {
        const conv_mode other = v.reading == conv_mode::cross_correlation ? conv_mode::convolution : conv_mode::cross_correlation;
        if (apply_conv(v.a, v.w, v.options, other) == q2_b(v)) return false;
    }
    return true;
}

std::vector<std::pair<std::size_t, std::size_t>> given_entries(const exam_instance& instance) {
    const std::size_t m = instance.c.rows();
    if (m < 2) return {};
    return {{0, m - 1}, {m - 1, 0}};
}

std::string reading_name(conv_mode reading) {
    return reading == conv_mode::cross_correlation ? "cross-correlation" : "convolution";
}

conv_mode parse_reading(const std::string& text, const std::string& field) {
    if (text == "cross-correlation") return conv_mode::cross_correlation;
    if (text == "convolution") return conv_mode::convolution;
    throw input_error(field, "expected cross-correlation (W slid as it is, as CNN libraries compute) or convolution (W turned by "
                             "180 degrees first), found '" + text + "'");
}

std::uint64_t parse_seed(const std::string& text) {
    std::uint64_t seed = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw input_error("--seed", "'" + text + "' is not a non-negative whole number below 2^64");
    return seed;
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

dyn_matrix<exact> q2_b(const exam_instance& instance) {
    return apply_conv(instance.a, instance.w, instance.options, instance.reading);
}

answer_key gradable_answers(const exam_instance& instance) {
    answer_key answers;
    for (std::size_t t = instance.count ? 2 : 1; t <= 3; ++t) answers.add("Q1b.w" + std::to_string(t), q1_iterate(instance, t));
    answers.add("Q2a.B", grid_of_matrix(q2_b(instance)));
    const auto counts = [&](conv_options options) {
        return instrumented_multiplication_counts(instance.a.rows(), instance.a.cols(), instance.w.rows(), instance.w.cols(), options);
    };
    if (instance.count)
        answers.add("Q2b.count", grid_of_number(exact(counts(instance.count->options)(instance.count->row, instance.count->col))));
    else
        answers.add("Q2b.counts", grid_of_matrix(counts(instance.options)));
    const auto gradients = backprop_gradients(q2_problem(instance));
    answers.add("Q2c.df_dw11", grid_of_number(gradients.kernel(0, 0)));
    answers.add("Q2c.df_da11", grid_of_number(gradients.input(0, 0)));
    return answers;
}

}  // namespace ncv::tool
