// Defines the many-data-sets check of Q1(b): n = 1..64 generated points in dimension d, SGD's every iterate against the running mean.
//
// q1b_many_data_sets.cpp runs d = 1 and 2, q1b_many_data_sets_3d.cpp d = 3: the 192 data sets in
// two translation units of about equal cost, which a parallel build compiles side by side.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include <ncv/array/matrix.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/sgd.hpp>

#include "q1_step_rule.hpp"

namespace ncv::proofs::q1b {

using number = ncv::exam::summer2023::number;

// ---- Q1b: many data sets (level 2) ----
// For n = 1..64 and dimension d = 1..3, on generated rational data: every iterate is the
// running mean, and at w⁽ⁿ⁾ the full gradient (1/n) Σ (w − x⁽ⁱ⁾) vanishes (w⁽ⁿ⁾ = w*).

template <std::size_t D>
using point = ncv::matrix<number, D, 1>;

// x⁽ⁱ⁾_k = ((7i + 3k) mod 11 − 5) / (1 + i mod 3), for i < 64.
template <std::size_t D>
constexpr std::array<point<D>, 64> generated_points() {
    std::array<point<D>, 64> points;
    for (std::size_t i = 0; i < points.size(); ++i)
        for (std::size_t k = 0; k < D; ++k)
            points[i](k, 0) = number(static_cast<std::int64_t>((7 * i + 3 * k) % 11) - 5, static_cast<std::int64_t>(1 + i % 3));
    return points;
}

// The first n of them: the data set of size n.
template <std::size_t D>
struct first_points {
    const std::array<point<D>, 64>* points;
    std::size_t n;
    [[nodiscard]] constexpr std::size_t size() const { return n; }
    [[nodiscard]] constexpr const point<D>& operator[](std::size_t i) const { return (*points)[i]; }
};

// One constant evaluation per dimension runs every n: the sizes are data, not types, so the
// compiler instantiates three functions instead of 192 (the same data sets, the same checks).
template <std::size_t D>
constexpr bool iterates_are_running_means(std::size_t max_points) {
    const auto points = generated_points<D>();
    for (std::size_t n = 1; n <= max_points && n <= points.size(); ++n) {
        const first_points<D> data{&points, n};
        point<D> sum;
        bool all_means = true;
        const point<D> last = ncv::sgd<number>(
            data, point<D>{}, n,
            [&](std::size_t t, const point<D>& w) {
                sum = sum + data[t - 1];
                all_means = all_means && w == number(1, static_cast<std::int64_t>(t)) * sum;
            },
            paper_rule);
        point<D> gradient;
        for (std::size_t i = 0; i < n; ++i) gradient = gradient + (last - data[i]);
        if (!all_means || !(gradient == point<D>{})) return false;
    }
    return true;
}

}  // namespace ncv::proofs::q1b
