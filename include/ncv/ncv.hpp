// Defines nothing of its own: includes every public header of ncverify.
#pragma once

#include <ncv/concepts.hpp>
#include <ncv/conv2d.hpp>
#include <ncv/entries.hpp>
#include <ncv/fixed_string.hpp>
#include <ncv/matrix.hpp>
#include <ncv/rational.hpp>
#include <ncv/conv2d_backward.hpp>
#include <ncv/conv_loss.hpp>
#include <ncv/conv_loss_derivatives.hpp>
#include <ncv/dual.hpp>
#include <ncv/linear_form.hpp>
#include <ncv/multiplication_count.hpp>
#include <ncv/polynomial.hpp>
#include <ncv/quadratic_form.hpp>
#include <ncv/rational_function.hpp>
#include <ncv/sgd.hpp>
#include <ncv/tape.hpp>
#include <ncv/tiny_network.hpp>
#include <ncv/gan_loss.hpp>
#include <ncv/linear_algebra.hpp>
#include <ncv/multi_polynomial.hpp>
