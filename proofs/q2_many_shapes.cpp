// Proves over a grid of shapes (see many_shapes.hpp) that the count methods and the three gradient methods agree: cross-correlation.
#include <ncv/nn/multiplication_count.hpp>

#include "many_shapes.hpp"

namespace {

// ---- Q2b/Q2c over the grid, cross-correlation (level 2) ----

static_assert(ncv::proofs::checked_grid_cases<ncv::conv_mode::cross_correlation>() == ncv::proofs::grid_cases,
              "Q2 (many shapes): every valid case of the grid was checked");

// The comparisons can fail: a closed form that forgets the padding disagrees with the instrumented count.
static_assert(!ncv::equal_elements(ncv::instrumented_multiplication_counts<3, 3, 3, 3, ncv::conv_options{1, 1}>(),
                                   ncv::closed_form_multiplication_counts(3, 3, 3, 3, {0, 1})),
              "Q2 (many shapes): a wrong count formula is caught");

}  // namespace
