// Defines nothing of its own: includes every public header of ncverify.
#pragma once

#include <ncv/concepts.hpp>
#include <ncv/conv2d.hpp>
#include <ncv/entries.hpp>
#include <ncv/fixed_string.hpp>
#include <ncv/matrix.hpp>
#include <ncv/rational.hpp>
