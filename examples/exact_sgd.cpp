// Example: exact SGD iterates on C(w) = 1/(2n) Σ‖w − x⁽ⁱ⁾‖², at compile time and at run time.
#include <array>
#include <cstddef>
#include <cstdio>

#include <ncv/array/matrix.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<>;
using point = ncv::matrix<q, 2, 1>;  // a data point in the plane: a 2x1 matrix

constexpr std::array<point, 4> data{point({{1}, {2}}), point({{3}, {q(1, 2)}}), point({{5}, {0}}),
                                    point({{q(-3, 4)}, {7}})};

// Four steps from w⁽⁰⁾ = 0 with η_t = 1/(t+1) (the default rule), taking the points in order.
constexpr point final_iterate = ncv::sgd_final<q>(data, point(), data.size());

// Every iterate: sgd calls the visitor after each step, so a constexpr function can keep them.
constexpr std::array<point, 4> iterates = [] {
    std::array<point, 4> all{};
    ncv::sgd<q>(data, point(), data.size(), [&all](std::size_t t, const point& w) { all[t - 1] = w; });
    return all;
}();

// The paper's claim, for these four points: w⁽ᵗ⁾ is the mean of the first t points.
constexpr point mean_of_first(std::size_t t) {
    point sum;
    for (std::size_t i = 0; i < t; ++i) sum = sum + data[i];
    return q(1, static_cast<long long>(t)) * sum;
}
static_assert(iterates[1] == mean_of_first(2) && iterates[2] == mean_of_first(3), "w(t) is the running mean");
static_assert(final_iterate == point({{q(33, 16)}, {q(19, 8)}}), "w(4) = ((1+3+5-3/4)/4, (2+1/2+0+7)/4)");

// Another step rule: a constant η = 1/2 (a rule of the step index t).
constexpr point half_steps = ncv::sgd_final<q>(data, point(), data.size(), [](std::size_t) { return q(1, 2); });
static_assert(half_steps(0, 0) == q(21, 16), "w ← w − (w − x)/2 four times from 0");

int main() {
    for (std::size_t t = 0; t < iterates.size(); ++t)
        std::printf("w(%zu) = (%s, %s)\n", t + 1, ncv::to_string(iterates[t](0, 0)).c_str(),
                    ncv::to_string(iterates[t](1, 0)).c_str());
    return 0;
}
