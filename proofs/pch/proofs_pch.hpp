// The headers every proof reads, parsed once for clang++ into a precompiled header (proofs/meson.build).
#include "standard_headers.hpp"

#include <boost/hana/all_of.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/range.hpp>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/linear_algebra.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>
#include <ncv/nn/gan_loss.hpp>
#include <ncv/nn/gaussian_kl.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/nn/tape.hpp>
#include <ncv/nn/tiny_network.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/log_expression.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/multiplication_tally.hpp>
#include <ncv/number/polynomial.hpp>
#include <ncv/number/quadratic_form.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/number/rational_function.hpp>
#include <ncv/proof/agrees.hpp>
#include <ncv/proof/fixed_string.hpp>
