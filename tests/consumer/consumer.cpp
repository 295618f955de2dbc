// A consumer's translation unit: one compile-time check on a convolution, through the installed or subproject headers.
#include <ncv/array/conv2d.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<>;
constexpr ncv::matrix<q, 3, 3> a({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
constexpr ncv::matrix<q, 2, 2> w({{1, 0}, {0, q(-1, 2)}});
static_assert(ncv::cross_correlate(a, w)(0, 0) == q(-3, 2), "a consumer's proof");
static_assert(ncv::cross_correlate<ncv::conv_options{.padding = 1, .stride = 2}>(a, w).rows() == 2);

int main() { return 0; }
