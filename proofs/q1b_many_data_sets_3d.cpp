// Proves Q1(b) on many data sets in dimension 3: for n = 1..64 points, every SGD iterate is the running mean and w⁽ⁿ⁾ = w*.
// (d = 1 and 2 are q1b_many_data_sets.cpp; the check itself is many_data_sets.hpp.)
#include "many_data_sets.hpp"

namespace {

using ncv::proofs::q1b::iterates_are_running_means;

// False if any of the 64 data sets (n = 1..64, d = 3) fails.
static_assert(iterates_are_running_means<3>(64), "Q1b (level 2): every iterate is the running mean, for every n = 1..64 and d = 3");

}  // namespace
