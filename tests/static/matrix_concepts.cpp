// Compile-time tests of the array concepts and of the shapes a convolution accepts, positive and negative side by side.
// Nothing runs: this file compiles only if every assertion holds, and it is built by `meson test`.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/number/rational.hpp>

namespace {

using q = ncv::rational<std::int64_t>;

// A matrix_like that is not stored contiguously: the convolution loop reads raw rows, so it is refused.
struct strided_view {
    using value_type = q;
    [[nodiscard]] std::size_t rows() const { return 2; }
    [[nodiscard]] std::size_t cols() const { return 2; }
    [[nodiscard]] const q& operator()(std::size_t, std::size_t) const { return element; }
    q element;
};

template <class M>
concept constructible_3x2 = requires { M({{1, 2}, {3, 4}, {5, 6}}); };

// ---- what each array type models ----
static_assert(ncv::matrix_like<ncv::matrix<q, 2, 3>> && ncv::contiguous_matrix<ncv::matrix<q, 2, 3>> && ncv::fixed_extent_matrix<ncv::matrix<q, 2, 3>>);
static_assert(ncv::matrix_like<ncv::dyn_matrix<q>>   && ncv::contiguous_matrix<ncv::dyn_matrix<q>>   && !ncv::fixed_extent_matrix<ncv::dyn_matrix<q>>);
static_assert(ncv::matrix_like<strided_view>         && !ncv::contiguous_matrix<strided_view>        && !ncv::fixed_extent_matrix<strided_view>);
static_assert(!ncv::matrix_like<std::vector<q>>      && !ncv::matrix_like<q>);

// ---- shapes are part of the type ----
static_assert(constructible_3x2<ncv::matrix<q, 3, 2>> && !constructible_3x2<ncv::matrix<q, 2, 3>>, "a wrong shape does not compile");
static_assert(!std::equality_comparable_with<ncv::matrix<q, 2, 2>, ncv::matrix<q, 2, 3>>);

// ---- what a convolution accepts: contiguous matrices whose elements multiply into a semiring ----
static_assert(ncv::correlatable<ncv::matrix<q, 5, 5>, ncv::matrix<q, 3, 3>>);
static_assert(ncv::correlatable<ncv::dyn_matrix<q>, ncv::matrix<q, 3, 3>>);
static_assert(ncv::correlatable<ncv::dyn_matrix<ncv::multiplication_tally>, ncv::dyn_matrix<ncv::multiplication_tally>>);
static_assert(ncv::correlatable<ncv::matrix<ncv::dual<q>, 5, 5>, ncv::matrix<q, 3, 3>>, "a dual input times a plain kernel is a dual");
static_assert(!ncv::correlatable<strided_view, ncv::matrix<q, 3, 3>>, "not contiguous");
static_assert(!ncv::correlatable<ncv::matrix<std::string, 2, 2>, ncv::matrix<std::string, 2, 2>>, "strings do not multiply");
static_assert(!ncv::correlatable<ncv::matrix<q, 2, 2>, std::vector<q>>, "not a matrix");

// ---- shape rules of padding and stride ----
static_assert(!ncv::conv_shape_valid(2, 3, {0, 1}) && ncv::conv_shape_valid(2, 3, {1, 1}));
static_assert(!ncv::conv_shape_valid(5, 3, {0, 0}), "a stride of 0 is refused");
static_assert(!ncv::conv_shape_valid(5, 3, {std::numeric_limits<std::size_t>::max() / 2, 1}),
              "a padding whose padded extent overflows is refused, not wrapped");
static_assert(!ncv::kernel_fits_padded_input<ncv::matrix<q, 2, 2>, ncv::matrix<q, 3, 3>, ncv::conv_options{0, 1}>);
static_assert(ncv::kernel_fits_padded_input<ncv::matrix<q, 2, 2>, ncv::matrix<q, 3, 3>, ncv::conv_options{1, 1}>);
static_assert(!ncv::kernel_fits_padded_input<ncv::matrix<q, 5, 5>, ncv::matrix<q, 3, 3>, ncv::conv_options{0, 0}>);

// A fixed shape that does not fit is a compile error, not a run-time one.
template <ncv::conv_options Options, class A, class W>
concept fixed_conv_compiles = requires(const A& a, const W& w) { ncv::cross_correlate<Options>(a, w); };
static_assert(fixed_conv_compiles<ncv::conv_options{1, 1}, ncv::matrix<q, 2, 2>, ncv::matrix<q, 3, 3>>);
static_assert(!fixed_conv_compiles<ncv::conv_options{0, 1}, ncv::matrix<q, 2, 2>, ncv::matrix<q, 3, 3>>);

}  // namespace
