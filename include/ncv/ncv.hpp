// Defines nothing of its own: includes every public header of ncverify, layer by layer (each uses only those above it).
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

// Exact numbers and symbolic scalars
#include <ncv/number/checked_integer.hpp>
#include <ncv/number/concepts.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/log_expression.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/multiplication_tally.hpp>
#include <ncv/number/polynomial.hpp>
#include <ncv/number/product_trace.hpp>
#include <ncv/number/quadratic_form.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/number/rational_function.hpp>

// Arrays: matrices, linear algebra, convolution
#include <ncv/array/conv2d.hpp>
#include <ncv/array/conv_windows.hpp>
#include <ncv/array/linear_algebra.hpp>
#include <ncv/array/matrix.hpp>

// Neural-network computations: losses, gradients, counts, SGD, backpropagation
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>
#include <ncv/nn/fixed_conv_loss.hpp>
#include <ncv/nn/gan_loss.hpp>
#include <ncv/nn/gaussian_kl.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/nn/tape.hpp>
#include <ncv/nn/tiny_network.hpp>

// Proof helpers: entries of a value, claim ids, the comparison proofs use
#include <ncv/proof/agrees.hpp>
#include <ncv/proof/entries.hpp>
#include <ncv/proof/fixed_string.hpp>

// The exam: claims and the paper's data
#include <ncv/exam/claim.hpp>
#include <ncv/exam/summer2023.hpp>
