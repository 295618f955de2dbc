// Defines the grid of shapes the many-shapes proofs iterate, and what each case must satisfy.
//
// Grid (each case its own set of types, iterated with Boost.Hana): square inputs 1..5, square
// kernels 1..3, padding 0..1, stride 1..2; the 6 combinations the validity predicate rejects
// are skipped, leaving 54, and the number of cases checked is asserted by the proofs.
// Level 2: many instances, on generated integer data. The scalar here is std::int64_t itself
// (exact for integer data, and overflow is a compile error), because the constant evaluator
// runs it several times faster than rational<int64_t>. The central difference's division by
// 2h is exact because f(x+1) − f(x−1) = 2 f'(x) for a quadratic; were it not, the truncated
// quotient would differ from backpropagation and the proof would fail, never pass wrongly.
// (The quadratic premise itself is checked on the paper's problem in q2c_chain_rule.cpp and on
// random problems in tests/conv_loss_test.cpp.)
#pragma once

#include <cstddef>
#include <cstdint>

#include <boost/hana/for_each.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/range.hpp>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>
#include <ncv/nn/multiplication_count.hpp>

namespace ncv::proofs {

namespace hana = boost::hana;
using grid_number = std::int64_t;

// Small integers in −3..3 that differ with position and seed.
constexpr dyn_matrix<grid_number> generated(std::size_t rows, std::size_t cols, std::size_t seed) {
    dyn_matrix<grid_number> m(rows, cols);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) m(i, j) = static_cast<grid_number>((3 * i + 5 * j + seed) % 7) - 3;
    return m;
}

// One case: the instrumented counts (through the fixed-extent cross_correlate) equal the
// closed form, and backpropagation, dual numbers and central differences give the same
// gradients of the masked squared error under the given reading of "convolution".
template <std::size_t N, std::size_t K, std::size_t Padding, std::size_t Stride, conv_mode Mode>
consteval bool shape_case_holds() {
    constexpr conv_options options{Padding, Stride};
    // Not const: clang folds a condition over const locals while it checks the function, which
    // ran the comparison once more (benchmark "compile time of the proofs").
    auto instrumented = instrumented_multiplication_counts<N, N, K, K, options>();
    if (!equal_elements(instrumented, closed_form_multiplication_counts(N, N, K, K, options))) return false;

    const std::size_t out = conv_output_extent(N, K, options);
    const conv_loss_problem<grid_number> problem{generated(N, N, 1), generated(K, K, 2), generated(out, out, 4),
                                                 make_mask(out, out, mask_kind::all), options, Mode};
    const auto backprop = backprop_gradients(problem);
    return backprop == forward_mode_gradients(problem) && backprop == central_difference_gradients(problem);
}

// Checks every valid case of the grid; returns how many there were (a failing case is a compile error).
template <conv_mode Mode>
consteval std::size_t checked_grid_cases() {
    std::size_t cases = 0;
    hana::for_each(hana::range_c<std::size_t, 1, 6>, [&](auto n) {
        hana::for_each(hana::range_c<std::size_t, 1, 4>, [&](auto k) {
            hana::for_each(hana::range_c<std::size_t, 0, 2>, [&](auto padding) {
                hana::for_each(hana::range_c<std::size_t, 1, 3>, [&](auto stride) {
                    if constexpr (conv_shape_valid(n(), k(), conv_options{padding(), stride()})) {
                        static_assert(shape_case_holds<n(), k(), padding(), stride(), Mode>(),
                                      "Q2 (many shapes): counts or gradients disagree for this case");
                        ++cases;
                    }
                });
            });
        });
    });
    return cases;
}

inline constexpr std::size_t grid_cases = 54;

}  // namespace ncv::proofs
