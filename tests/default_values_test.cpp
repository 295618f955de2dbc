// Tests that a default-constructed container holds zeros at run time even after constant evaluation wrote into one.
// g++ 12 reused the list initializer `{}` of an array member, as changed by a constant evaluation in the same
// translation unit, for later run-time objects: their untouched elements came out as zero bytes (a rational 0/0).
#define BOOST_TEST_MODULE default_values
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>
#include <cstdint>

#include <ncv/array/matrix.hpp>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/polynomial.hpp>
#include <ncv/number/quadratic_form.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;

namespace {
// Constant evaluations that start from a default object and write one element of it.
// (Which index is written matters to the bug: writing element 2 of 4 corrupted elements 2 and 3.)
constexpr auto written_matrix = [] {
    ncv::matrix<q, 2, 2> m;
    m(1, 0) = q(5);
    return m;
}();
constexpr auto written_form = ncv::linear_form<q, 4>::symbol(2);
constexpr auto written_polynomial = ncv::polynomial<q, 6>::variable() * ncv::polynomial<q, 6>::variable();
constexpr auto written_quadratic = ncv::linear_form<q, 3>::symbol(1) * ncv::linear_form<q, 3>::symbol(2);
constexpr auto written_multi = ncv::multi_polynomial<q, 2, 8>::variable(1);
}  // namespace

BOOST_AUTO_TEST_SUITE(default_values)

BOOST_AUTO_TEST_CASE(defaults_are_zero_after_constant_evaluation) {
    static_assert(written_matrix(1, 0) == q(5) && written_form.coefficient(2) == q(1));
    static_assert(written_polynomial.degree() == 2 && written_quadratic.coefficient(1, 2) == q(1));
    static_assert(!(written_multi == ncv::multi_polynomial<q, 2, 8>()));

    const ncv::matrix<q, 2, 2> m;
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 2; ++j) BOOST_TEST(m(i, j) == q(0));
    const ncv::linear_form<q, 4> f;
    const auto negated = -ncv::linear_form<q, 4>::from_coefficients({q(1), q(2), q(3), q(4)});
    for (std::size_t i = 0; i < 4; ++i) {
        BOOST_TEST(f.coefficient(i) == q(0));
        BOOST_TEST(negated.coefficient(i) == q(-static_cast<int>(i) - 1));
    }
    const ncv::polynomial<q, 6> p;
    for (std::size_t k = 0; k < 6; ++k) BOOST_TEST(p.coefficient(k) == q(0));
    BOOST_TEST(p.degree() == -1);
    const ncv::quadratic_form<q, 3> quadratic;
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = i; j < 3; ++j) BOOST_TEST(quadratic.coefficient(i, j) == q(0));
    BOOST_TEST((ncv::multi_polynomial<q, 2, 8>() == ncv::multi_polynomial<q, 2, 8>(0)));
    BOOST_TEST((ncv::multi_polynomial<q, 2, 8>(3)(std::array<q, 2>{q(1), q(2)}) == q(3)));
}

BOOST_AUTO_TEST_SUITE_END()
