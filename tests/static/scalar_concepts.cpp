// Compile-time tests of the scalar concepts: which types model semiring, ring, unital ring and field, side by side.
// Nothing runs: this file compiles only if every assertion holds, and it is built by `meson test`.
#include <array>
#include <cstdint>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>

#include <ncv/array/linear_algebra.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/nn/tape.hpp>
#include <ncv/number/checked_integer.hpp>
#include <ncv/number/concepts.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/polynomial.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/number/rational_function.hpp>

namespace {

using q = ncv::rational<std::int64_t>;
using big_integer = boost::multiprecision::cpp_int;
using big_rational = boost::multiprecision::cpp_rational;

// ---- what each scalar models: one row per type, the four concepts in order ----
//                  semiring                                  ring                                   unital ring                          field
static_assert(ncv::semiring_scalar<q>                      && ncv::ring_scalar<q>                      && ncv::unital_ring<q>                      && ncv::field<q>);
static_assert(ncv::semiring_scalar<big_rational>           && ncv::ring_scalar<big_rational>           && ncv::unital_ring<big_rational>           && ncv::field<big_rational>);
static_assert(ncv::semiring_scalar<ncv::dual<q>>           && ncv::ring_scalar<ncv::dual<q>>           && ncv::unital_ring<ncv::dual<q>>           && ncv::field<ncv::dual<q>>);
static_assert(ncv::semiring_scalar<ncv::rational_function<q>> && ncv::ring_scalar<ncv::rational_function<q>> && ncv::unital_ring<ncv::rational_function<q>> && ncv::field<ncv::rational_function<q>>);
// Integers have a `/`, but it truncates: a ring with division, never a field. (An algorithm that
// accepts them, like the central difference, checks each quotient it takes.)
static_assert(ncv::ring_with_division<int> && ncv::ring_with_division<big_integer> && ncv::ring_with_division<q>);
static_assert(!ncv::ring_with_division<ncv::polynomial<q>> && !ncv::ring_with_division<ncv::multiplication_tally>);
static_assert(ncv::semiring_scalar<int>                    && ncv::ring_scalar<int>                    && ncv::unital_ring<int>                    && !ncv::field<int>);
static_assert(ncv::semiring_scalar<std::int64_t>           && ncv::ring_scalar<std::int64_t>           && ncv::unital_ring<std::int64_t>           && !ncv::field<std::int64_t>);
static_assert(ncv::semiring_scalar<big_integer>            && ncv::ring_scalar<big_integer>            && ncv::unital_ring<big_integer>            && !ncv::field<big_integer>);
static_assert(ncv::semiring_scalar<ncv::dual<int>>         && ncv::ring_scalar<ncv::dual<int>>         && !ncv::field<ncv::dual<int>>);
static_assert(ncv::semiring_scalar<ncv::polynomial<q>>     && ncv::ring_scalar<ncv::polynomial<q>>     && ncv::unital_ring<ncv::polynomial<q>>     && !ncv::field<ncv::polynomial<q>>);
static_assert(ncv::semiring_scalar<ncv::multi_polynomial<q, 2>> && ncv::ring_scalar<ncv::multi_polynomial<q, 2>> && ncv::unital_ring<ncv::multi_polynomial<q, 2>> && !ncv::field<ncv::multi_polynomial<q, 2>>);
// A checked machine integer is a unital ring with no division at all: never a field.
static_assert(ncv::semiring_scalar<ncv::checked_integer<std::int64_t>> && ncv::ring_scalar<ncv::checked_integer<std::int64_t>> && ncv::unital_ring<ncv::checked_integer<std::int64_t>> && !ncv::ring_with_division<ncv::checked_integer<std::int64_t>> && !ncv::field<ncv::checked_integer<std::int64_t>>);
// A vector space is a ring here only in the additive sense: no product of two forms, no 1.
static_assert(!ncv::semiring_scalar<ncv::linear_form<q, 3>> && !ncv::unital_ring<ncv::linear_form<q, 3>> && !ncv::field<ncv::linear_form<q, 3>>);
// The counting scalar adds and multiplies (and counts), nothing more.
static_assert(ncv::semiring_scalar<ncv::multiplication_tally> && !ncv::ring_scalar<ncv::multiplication_tally> && !ncv::field<ncv::multiplication_tally>);
// Not numbers at all.
static_assert(!ncv::semiring_scalar<std::string>           && !ncv::ring_scalar<std::string>           && !ncv::field<std::string>);
static_assert(!ncv::semiring_scalar<int*>                  && !ncv::field<int*>);
static_assert(!ncv::semiring_scalar<void>                  && !ncv::field<void>);
// Floating point: a field as far as the operations go (inexact, so no proof uses it).
static_assert(ncv::field<double>);

// ---- the class templates refuse what they cannot compute with ----
template <template <class, std::size_t> class Template, class T>
concept instantiable = requires { typename Template<T, 4>; };

static_assert(instantiable<ncv::polynomial, q> && !instantiable<ncv::polynomial, std::string>);
static_assert(instantiable<ncv::linear_form, q> && !instantiable<ncv::linear_form, std::string>);
static_assert(instantiable<ncv::rational_function, q> && !instantiable<ncv::rational_function, int>,
              "a rational function over the integers would divide by truncating");
static_assert(instantiable<ncv::tape, q> && !instantiable<ncv::tape, ncv::dual<q>>, "relu needs an ordering");
template <class T>
concept multi_polynomial_instantiable = requires { typename ncv::multi_polynomial<T, 2>; };
static_assert(multi_polynomial_instantiable<q> && !multi_polynomial_instantiable<std::string>);

// ---- and so do the algorithms ----
template <class S>
concept sgd_accepts = requires(const std::array<S, 3>& data) { ncv::sgd_final<S>(data, S(0), 3); };
static_assert(sgd_accepts<q> && sgd_accepts<big_rational>);
static_assert(!sgd_accepts<int>, "with int, the step 1/(t+1) would truncate to 0 and the mean of {1, 3, 2} come out as 1");
static_assert(!sgd_accepts<big_integer>);

template <class M>
concept determinant_accepts = requires(const M& m) { ncv::determinant(m); };
static_assert(determinant_accepts<ncv::matrix<q, 2, 2>> && determinant_accepts<ncv::matrix<int, 2, 2>>);
static_assert(!determinant_accepts<ncv::matrix<ncv::multiplication_tally, 2, 2>>, "a determinant needs subtraction");

// Polynomial long division and gcd need a field of coefficients.
template <class P>
concept divisible = requires(const P& p) { divide(p, p); };
static_assert(divisible<ncv::polynomial<q>> && !divisible<ncv::polynomial<int>>);

}  // namespace
