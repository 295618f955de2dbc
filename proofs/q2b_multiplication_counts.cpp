// Proves Q2(b): how many times each element of A is multiplied by a kernel element (the matrix the paper omits).
#include <cstddef>
#include <cstdint>

#include <ncv/array/matrix.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/proof/agrees.hpp>

namespace {

namespace paper = ncv::exam::summer2023;
using ncv::proof::agrees;

constexpr std::size_t n = paper::A.rows();
constexpr std::size_t k = paper::W.rows();

// ---- Q2b, instrumented: cross_correlate run on counting scalars (level 1) ----

constexpr auto instrumented =
    ncv::to_fixed<n, n>(ncv::instrumented_multiplication_counts(n, n, k, k, paper::q2_options));
static_assert(agrees<"Q2b.counts", instrumented, paper::q2b_counts>(),
              "Q2b: counting the multiplications of the actual convolution gives the count matrix");

// ---- Q2b, closed form: (kernel rows landing on row i) x (kernel columns landing on column j) (level 1) ----

constexpr auto closed_form =
    ncv::to_fixed<n, n>(ncv::closed_form_multiplication_counts(n, n, k, k, paper::q2_options));
static_assert(agrees<"Q2b.counts", closed_form, paper::q2b_counts>(),
              "Q2b: the closed form gives the same count matrix");

// ---- Q2b: what the paper says of it ----

static_assert(ncv::is_centrosymmetric(instrumented), "Q2b: the count matrix is centrosymmetric, as the paper says");
static_assert(!ncv::is_centrosymmetric(ncv::to_fixed<n, n>(
                  ncv::closed_form_multiplication_counts(n, n, 2, 3, paper::q2_options))) == false,
              "Q2b: a 2x3 kernel's count matrix is centrosymmetric too (the property is of the shape, not of W)");

constexpr std::size_t total_multiplications = [] {
    std::size_t sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) sum += instrumented(i, j);
    return sum;
}();
static_assert(total_multiplications == 81, "Q2b: 81 multiplications = 9 outputs x 9 kernel weights");

// The count check can fail: with padding 1 the border elements are reached more often.
static_assert(ncv::closed_form_multiplication_counts(n, n, k, k, {.padding = 1, .stride = 1})(0, 0) == 4,
              "Q2b: padding changes the counts, so the comparison above is not vacuous");

}  // namespace
