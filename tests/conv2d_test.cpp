// Tests cross_correlate and convolve: random shapes against an independent im2col formulation, edge cases, bad shapes.
#define BOOST_TEST_MODULE conv2d
#include <boost/test/unit_test.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <utility>
#include <vector>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/number/rational.hpp>

#include "random_exact.hpp"

namespace mp = boost::multiprecision;
using exact = mp::cpp_rational;
using q = ncv::rational<std::int64_t>;

namespace {

// The independent formulation: explicitly pad A with zeros, unroll every window into a row
// (im2col), and multiply that matrix by the kernel flattened into a column. flip selects the
// true convolution, whose kernel index runs backwards.
ncv::dyn_matrix<exact> im2col_reference(const ncv::dyn_matrix<exact>& a, const ncv::dyn_matrix<exact>& w,
                                        std::size_t padding, std::size_t stride, bool flip) {
    const std::size_t pr = a.rows() + 2 * padding, pc = a.cols() + 2 * padding;
    std::vector<std::vector<exact>> padded(pr, std::vector<exact>(pc, exact(0)));
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j) padded[i + padding][j + padding] = a(i, j);
    const std::size_t out_r = (pr - w.rows()) / stride + 1, out_c = (pc - w.cols()) / stride + 1;
    std::vector<exact> kernel_column;
    for (std::size_t u = 0; u < w.rows(); ++u)
        for (std::size_t v = 0; v < w.cols(); ++v)
            kernel_column.push_back(flip ? w(w.rows() - 1 - u, w.cols() - 1 - v) : w(u, v));
    ncv::dyn_matrix<exact> out(out_r, out_c);
    for (std::size_t r = 0; r < out_r; ++r) {
        for (std::size_t c = 0; c < out_c; ++c) {
            std::vector<exact> window_row;
            for (std::size_t u = 0; u < w.rows(); ++u)
                for (std::size_t v = 0; v < w.cols(); ++v) window_row.push_back(padded[r * stride + u][c * stride + v]);
            exact dot = 0;
            for (std::size_t k = 0; k < window_row.size(); ++k) dot += window_row[k] * kernel_column[k];
            out(r, c) = dot;
        }
    }
    return out;
}

struct random_problem : random_exact {
    random_problem() : random_exact(2023, 50, 9) {}

    // A random input, kernel, padding and stride within the given bounds; not always valid.
    struct shape_case {
        ncv::dyn_matrix<exact> a, w;
        ncv::conv_options options;
    };
    shape_case draw(std::size_t input, std::size_t kernel, std::size_t padding, std::size_t stride) {
        auto a = matrix(pick(1, input), pick(1, input));
        auto w = matrix(pick(1, kernel), pick(1, kernel));
        return {std::move(a), std::move(w), {pick(0, padding), pick(1, stride)}};
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(conv2d)

BOOST_AUTO_TEST_CASE(random_problems_agree_with_im2col) {
    random_problem random;
    int checked = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const auto [a, w, options] = random.draw(9, 5, 4, 4);
        if (!ncv::conv_shape_valid(a, w, options)) {
            BOOST_CHECK_THROW((void)ncv::cross_correlate(a, w, options), std::invalid_argument);
            continue;
        }
        BOOST_TEST(ncv::equal_elements(ncv::cross_correlate(a, w, options),
                                       im2col_reference(a, w, options.padding, options.stride, false)));
        BOOST_TEST(ncv::equal_elements(ncv::convolve(a, w, options),
                                       im2col_reference(a, w, options.padding, options.stride, true)));
        ++checked;
    }
    BOOST_TEST(checked > 200, "most random shapes must be valid, or the test checks too little");
}

BOOST_AUTO_TEST_CASE(edge_cases) {
    random_problem random;
    const auto a = random.matrix(4, 5);
    struct shape_case { std::size_t kr, kc, padding, stride; };
    for (const auto& c : {shape_case{1, 1, 0, 1},    // 1x1 kernel
                          shape_case{4, 5, 0, 1},    // kernel = input size: one output
                          shape_case{2, 2, 0, 3},    // stride larger than the kernel
                          shape_case{2, 3, 3, 1},    // padding larger than the kernel
                          shape_case{6, 7, 1, 1},    // kernel larger than the input, fits the padded input
                          shape_case{1, 1, 2, 5}}) { // only padding in some windows
        const auto w = random.matrix(c.kr, c.kc);
        const ncv::conv_options options{c.padding, c.stride};
        BOOST_TEST(ncv::equal_elements(ncv::cross_correlate(a, w, options), im2col_reference(a, w, c.padding, c.stride, false)));
        BOOST_TEST(ncv::equal_elements(ncv::convolve(a, w, options), im2col_reference(a, w, c.padding, c.stride, true)));
    }
    BOOST_TEST(ncv::cross_correlate(a, random.matrix(4, 5), {0, 1}).rows() == 1u);
}

// The same rules at compile time (fixed shapes): tests/static/matrix_concepts.cpp.
BOOST_AUTO_TEST_CASE(invalid_shapes_are_rejected) {
    const ncv::dyn_matrix<q> a({{1, 2}, {3, 4}});
    const ncv::dyn_matrix<q> w({{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
    BOOST_CHECK_THROW((void)ncv::cross_correlate(a, w, {0, 1}), std::invalid_argument);
    BOOST_CHECK_NO_THROW((void)ncv::cross_correlate(a, w, {1, 1}));
    BOOST_CHECK_THROW((void)ncv::cross_correlate(a, a, {0, 0}), std::invalid_argument);
    BOOST_CHECK_THROW((void)ncv::cross_correlate(a, w, {std::numeric_limits<std::size_t>::max() / 2, 1}),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(output_shape_is_computed_at_compile_time) {
    namespace paper = ncv::exam::summer2023;
    constexpr auto b = ncv::cross_correlate<ncv::conv_options{1, 2}>(paper::A, paper::W);
    static_assert(b.rows() == 3 && b.cols() == 3, "(5 + 2 - 3)/2 + 1 = 3");
    BOOST_TEST(ncv::equal_elements(b, ncv::cross_correlate(paper::A, paper::W, {1, 2})));
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    namespace paper = ncv::exam::summer2023;
    constexpr auto compile_time = ncv::cross_correlate(paper::A, paper::W);
    const auto run_time = ncv::cross_correlate(ncv::dyn_matrix<q>(paper::A), ncv::dyn_matrix<q>(paper::W), {0, 1});
    BOOST_TEST(ncv::equal_elements(compile_time, run_time));
    BOOST_TEST(ncv::equal_elements(compile_time, paper::q2a_B));
}

// outputs_reaching against the definition, output by output: o covers i when its window, the
// padded indices o·s .. o·s + k − 1, contains i + p. Every index of random valid 1-D shapes.
BOOST_AUTO_TEST_CASE(outputs_reaching_are_the_windows_covering_the_index) {
    random_problem random;
    int skipped_by_stride = 0;
    for (int trial = 0; trial < 2'000; ++trial) {
        const std::size_t n = random.pick(1, 12), k = random.pick(1, 6);
        const ncv::conv_options options{random.pick(0, 4), random.pick(1, 5)};
        if (!ncv::conv_shape_valid(n, k, options)) continue;
        const std::size_t outputs = ncv::conv_output_extent(n, k, options);
        for (std::size_t i = 0; i < n; ++i) {
            std::vector<std::size_t> covering;
            for (std::size_t o = 0; o < outputs; ++o)
                if (o * options.stride <= i + options.padding && i + options.padding < o * options.stride + k)
                    covering.push_back(o);
            const ncv::index_range reached = ncv::outputs_reaching(i, n, k, options);
            BOOST_TEST(reached.size() == covering.size(), "n " << n << " k " << k << " i " << i);
            if (!covering.empty()) {
                BOOST_TEST(reached.begin == covering.front());
                BOOST_TEST(reached.end == covering.back() + 1);
            } else {
                ++skipped_by_stride;
                BOOST_TEST(reached.begin <= outputs);
            }
        }
    }
    BOOST_TEST(skipped_by_stride > 0, "some strides step over an index, or the empty case went untested");
}

// A block of outputs is exactly those entries of the whole output, for both readings; an empty
// block and one reaching outside B are refused.
BOOST_AUTO_TEST_CASE(a_block_is_those_entries_of_the_whole_output) {
    random_problem random;
    int checked = 0;
    for (int trial = 0; trial < 400; ++trial) {
        const auto [a, w, options] = random.draw(8, 4, 3, 3);
        if (!ncv::conv_shape_valid(a, w, options)) continue;
        const ncv::output_block whole = ncv::all_outputs(a.rows(), a.cols(), w.rows(), w.cols(), options);
        const std::size_t r0 = random.pick(0, whole.rows.end - 1), c0 = random.pick(0, whole.cols.end - 1);
        const ncv::output_block block{{r0, random.pick(r0 + 1, whole.rows.end)}, {c0, random.pick(c0 + 1, whole.cols.end)}};
        for (const auto mode : {ncv::conv_mode::cross_correlation, ncv::conv_mode::convolution}) {
            const auto all = ncv::apply_conv(a, w, options, mode);
            const auto part = ncv::apply_conv_block(a, w, options, mode, block);
            BOOST_TEST(part.rows() == block.rows.size());
            BOOST_TEST(part.cols() == block.cols.size());
            for (std::size_t i = 0; i < part.rows(); ++i)
                for (std::size_t j = 0; j < part.cols(); ++j) BOOST_TEST(part(i, j) == all(r0 + i, c0 + j));
        }
        BOOST_CHECK_THROW((void)ncv::cross_correlate_block(a, w, options, {{r0, r0}, block.cols}), std::invalid_argument);
        BOOST_CHECK_THROW((void)ncv::cross_correlate_block(a, w, options, {{r0, whole.rows.end + 1}, block.cols}),
                          std::invalid_argument);
        BOOST_CHECK_THROW((void)ncv::cross_correlate_block(a, w, options, {block.rows, {c0, whole.cols.end + 1}}),
                          std::invalid_argument);
        ++checked;
    }
    BOOST_TEST(checked > 200);
}

BOOST_AUTO_TEST_CASE(exact_unbounded_values) {
    const ncv::dyn_matrix<exact> a({{exact(mp::cpp_int(1) << 200), exact(1, 3)}});
    const ncv::dyn_matrix<exact> w({{exact(mp::cpp_int(1) << 100), exact(3)}});
    const auto b = ncv::cross_correlate(a, w, {0, 1});
    BOOST_TEST(b(0, 0) == exact(mp::cpp_int(1) << 300) + exact(1));
}

BOOST_AUTO_TEST_SUITE_END()
