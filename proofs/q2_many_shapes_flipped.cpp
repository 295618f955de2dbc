// Proves over a grid of shapes (see many_shapes.hpp) that the count methods and the three gradient methods agree: true convolution.
#include "many_shapes.hpp"

namespace {

// ---- Q2b/Q2c over the grid, true convolution (kernel turned by 180 degrees) (level 2) ----

static_assert(ncv::proofs::checked_grid_cases<ncv::conv_mode::convolution>() == ncv::proofs::grid_cases,
              "Q2 (many shapes): every valid case of the grid was checked, true convolution");

// The comparisons can fail: the two readings give different gradients for a kernel that is not centrosymmetric.
static_assert(ncv::backprop_gradients(ncv::conv_loss_problem<ncv::proofs::grid_number>{
                  ncv::proofs::generated(3, 3, 1), ncv::proofs::generated(2, 2, 2), ncv::proofs::generated(2, 2, 4),
                  ncv::make_mask(2, 2, ncv::mask_kind::all), {0, 1}, ncv::conv_mode::convolution}) !=
                  ncv::backprop_gradients(ncv::conv_loss_problem<ncv::proofs::grid_number>{
                      ncv::proofs::generated(3, 3, 1), ncv::proofs::generated(2, 2, 2),
                      ncv::proofs::generated(2, 2, 4), ncv::make_mask(2, 2, ncv::mask_kind::all), {0, 1},
                      ncv::conv_mode::cross_correlation}),
              "Q2 (many shapes): the reading of \"convolution\" matters, so the comparisons are not vacuous");

}  // namespace
