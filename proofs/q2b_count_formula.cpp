// Proves the Q2b count formula on every shape up to a bound (level 2): the library's convolution, counted, agrees with r(i)·r(j).
//
// Counting scalars run through the unchanged cross_correlate (ncv/nn/multiplication_count.hpp)
// give how often each input element is multiplied. Checked here, exhaustively:
//  - along one axis (a 1 x n input, a 1 x k kernel), for every n = 1..12, k = 1..5 that fits,
//    padding 0..2: at stride 1 the count of the i-th element (i = 1..n, as the paper counts) is
//    r(i) = min(i + p + c₁, k, n + p − i + c₂, n + 2p − k + c₃) for c = (0, 1, 1) and for no
//    other c in {0, 1, 2}³ (the constants are
//    found, then compared with the claim); at strides 2 and 3 it is the number of windows o with
//    o·s ≤ i + p < o·s + k, counted by floor and ceiling rather than by sliding;
//  - in two dimensions, for rectangular inputs up to 3 x 5, kernels up to 3 x 3, padding 0..1,
//    stride 1..2: the count of a_ij is the row count of i times the column count of j.
// The shapes are bounded by the compile-time budget; no claim is made beyond them.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include <ncv/array/conv2d.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/proof/agrees.hpp>

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::conv_options;
using ncv::proof::agrees;

// r(i) at stride 1 with constants c₁, c₂, c₃, for the i-th element, i = 1..n.
constexpr std::int64_t count_formula(const std::array<std::int64_t, 3>& c, std::int64_t i, std::int64_t n, std::int64_t k,
                                     std::int64_t p) {
    return std::min({i + p + c[0], k, n + p - i + c[1], n + 2 * p - k + c[2]});
}

// Windows o = 0..O−1 covering padded index t = i + p, at stride s: o·s ≤ t and t < o·s + k, so
// ⌈(t − k + 1)/s⌉ ≤ o ≤ ⌊t/s⌋, clipped to 0..O−1.
constexpr std::int64_t windows_covering(std::int64_t i, std::int64_t n, std::int64_t k, std::int64_t p, std::int64_t s) {
    const std::int64_t t = i + p, windows = (n + 2 * p - k) / s + 1;
    const std::int64_t first = t - k + 1 <= 0 ? 0 : (t - k + 1 + s - 1) / s;
    const std::int64_t last = std::min(t / s, windows - 1);
    return last >= first ? last - first + 1 : 0;
}

constexpr std::int64_t as_int(std::size_t v) { return static_cast<std::int64_t>(v); }

// Every 1-D shape in the grid. At stride 1 the counts decide the constants: of the 27
// candidates c ∈ {0, 1, 2}³, those that give every count of every shape survive. Returns the one
// survivor, or {−1, −1, −1} if there is none or more than one, or a stride-2 or -3 count differs
// from the windows counted by floor and ceiling.
struct one_axis_result {
    std::array<std::int64_t, 3> constants;
    std::size_t shapes;
};

constexpr one_axis_result one_axis() {
    constexpr one_axis_result refuted{{-1, -1, -1}, 0};
    std::array<bool, 27> fits{};
    fits.fill(true);
    const auto candidate = [](std::size_t m) {
        return std::array<std::int64_t, 3>{as_int(m / 9), as_int(m / 3 % 3), as_int(m % 3)};
    };
    std::size_t shapes = 0;
    for (std::size_t n = 1; n <= 12; ++n)
        for (std::size_t k = 1; k <= 5; ++k)
            for (std::size_t p = 0; p <= 2; ++p)
                for (std::size_t s = 1; s <= 3; ++s) {
                    if (k > n + 2 * p) continue;
                    const auto counts = ncv::instrumented_multiplication_counts(1, n, 1, k, conv_options{p, s});
                    ++shapes;
                    // Padding pads the single row too: its windows reach the row once, or never
                    // when the stride steps over it (p not a multiple of s).
                    if (s > 1) {
                        const std::int64_t row = p % s == 0 ? 1 : 0;
                        for (std::size_t i = 0; i < n; ++i)
                            if (as_int(counts(0, i)) !=
                                row * windows_covering(as_int(i), as_int(n), as_int(k), as_int(p), as_int(s)))
                                return refuted;
                        continue;
                    }
                    for (std::size_t m = 0; m < fits.size(); ++m)
                        for (std::size_t i = 0; i < n && fits[m]; ++i)
                            fits[m] = as_int(counts(0, i)) ==
                                      count_formula(candidate(m), as_int(i) + 1, as_int(n), as_int(k), as_int(p));
                }
    std::size_t survivors = 0, survivor = 0;
    for (std::size_t m = 0; m < fits.size(); ++m)
        if (fits[m]) ++survivors, survivor = m;
    if (survivors != 1) return refuted;
    return {candidate(survivor), shapes};
}

constexpr one_axis_result found = one_axis();
constexpr std::array<paper::number, 3> found_constants{found.constants[0], found.constants[1], found.constants[2]};
static_assert(agrees<"Q2b.count_formula", found_constants, paper::q2b_count_formula>(),
              "Q2b: along one axis, the count is r(i) = min(i + p, k, n + p − i + 1, n + 2p − k + 1), i = 1..n, on every shape "
              "of the grid, "
              "and no other constants fit");
// 12·5·3·3 shapes less the 39 whose kernel is longer than the padded input: the grid was walked.
static_assert(found.shapes == 501, "Q2b: every shape of the one-axis grid was checked");

// Every 2-D shape in the grid: the count of a_ij is the product of the counts along each axis.
constexpr std::size_t two_axes_separate() {
    std::size_t checked = 0;
    for (std::size_t rows = 1; rows <= 3; ++rows)
        for (std::size_t cols = 1; cols <= 5; ++cols)
            for (std::size_t kr = 1; kr <= 3; ++kr)
                for (std::size_t kc = 1; kc <= 3; ++kc)
                    for (std::size_t p = 0; p <= 1; ++p)
                        for (std::size_t s = 1; s <= 2; ++s) {
                            const conv_options options{p, s};
                            if (kr > rows + 2 * p || kc > cols + 2 * p) continue;
                            const auto counts = ncv::instrumented_multiplication_counts(rows, cols, kr, kc, options);
                            for (std::size_t i = 0; i < rows; ++i)
                                for (std::size_t j = 0; j < cols; ++j)
                                    if (as_int(counts(i, j)) !=
                                        windows_covering(as_int(i), as_int(rows), as_int(kr), as_int(p), as_int(s)) *
                                            windows_covering(as_int(j), as_int(cols), as_int(kc), as_int(p), as_int(s)))
                                        return 0;
                            ++checked;
                        }
    return checked;
}
// 3·5·3·3·2·2 shapes less the 126 whose kernel is longer than the padded input. Counted into a
// constant first: clang evaluates each side of a comparison in a static_assert once more
// (benchmark "compile time of the proofs").
constexpr std::size_t separate_shapes = two_axes_separate();
static_assert(separate_shapes == 414, "Q2b: in two dimensions, the count is the product of the axes' counts");

// The paper's instance of the formula: its 5 x 5 count matrix.
static_assert(
    [] {
        for (std::size_t i = 0; i < 5; ++i)
            for (std::size_t j = 0; j < 5; ++j)
                if (count_formula(found.constants, as_int(i) + 1, 5, 3, 0) * count_formula(found.constants, as_int(j) + 1, 5, 3, 0) !=
                    as_int(paper::q2b_counts(i, j)))
                    return false;
        return true;
    }(),
    "Q2b: the formula gives the paper's count matrix");

}  // namespace
