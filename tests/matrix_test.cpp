// Tests ncv::matrix and ncv::dyn_matrix: construction, access, equality, shape errors and the shared helpers.
#define BOOST_TEST_MODULE matrix
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <stdexcept>

#include <ncv/array/matrix.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;

// The concepts each type models, and shapes refused at compile time: tests/static/matrix_concepts.cpp.

BOOST_AUTO_TEST_SUITE(matrix)

BOOST_AUTO_TEST_CASE(fixed_matrix_access_and_equality) {
    constexpr ncv::matrix<q, 2, 3> m({{1, 2, 3}, {4, 5, 6}});
    static_assert(m(1, 2) == q(6));
    BOOST_TEST(m(0, 1) == q(2));
    BOOST_TEST(m.rows() == 2u);
    BOOST_TEST(m.cols() == 3u);
    auto copy = m;
    BOOST_TEST((copy == m));
    copy(0, 0) = q(1, 2);
    BOOST_TEST((copy != m));
    constexpr ncv::matrix<q, 2, 2> zero;
    BOOST_TEST(zero(1, 1) == q(0));
}

BOOST_AUTO_TEST_CASE(deduction_from_nested_braces) {
    constexpr ncv::matrix m({{1, 2}, {3, 4}});
    static_assert(std::is_same_v<std::remove_const_t<decltype(m)>, ncv::matrix<int, 2, 2>>);
    BOOST_TEST(m(1, 0) == 3);
}

BOOST_AUTO_TEST_CASE(dyn_matrix_rejects_bad_shapes) {
    BOOST_CHECK_THROW(ncv::dyn_matrix<q>({{1, 2}, {3}}), std::invalid_argument);
    BOOST_CHECK_THROW(ncv::dyn_matrix<q>(0, 3), std::invalid_argument);
    BOOST_CHECK_THROW(ncv::dyn_matrix<q>(std::initializer_list<std::initializer_list<q>>{}), std::invalid_argument);
    const ncv::dyn_matrix<q> m({{1, 2}, {3, 4}, {5, 6}});
    BOOST_TEST(m.rows() == 3u);
    BOOST_TEST(m(2, 1) == q(6));
}

BOOST_AUTO_TEST_CASE(fixed_and_dynamic_compare_by_elements) {
    constexpr ncv::matrix<q, 2, 2> fixed({{1, 2}, {3, 4}});
    const ncv::dyn_matrix<q> dynamic(fixed);
    BOOST_TEST(ncv::equal_elements(fixed, dynamic));
    BOOST_TEST(!ncv::equal_elements(fixed, ncv::dyn_matrix<q>({{1, 2, 0}, {3, 4, 0}})));
    static_assert(ncv::equal_elements(fixed, ncv::dyn_matrix<q>(fixed)), "dyn_matrix works in constant evaluation");
}

BOOST_AUTO_TEST_CASE(rotation_and_centrosymmetry) {
    constexpr ncv::matrix<int, 2, 3> m({{1, 2, 3}, {4, 5, 6}});
    constexpr auto turned = ncv::rotate180(m);
    static_assert(turned == ncv::matrix<int, 2, 3>({{6, 5, 4}, {3, 2, 1}}));
    static_assert(ncv::rotate180(turned) == m);
    static_assert(!ncv::is_centrosymmetric(m));
    static_assert(ncv::is_centrosymmetric(ncv::matrix<int, 2, 3>({{1, 2, 3}, {3, 2, 1}})));
    BOOST_TEST(ncv::is_centrosymmetric(ncv::dyn_matrix<int>({{7, 1}, {1, 7}})));
    BOOST_TEST(!ncv::is_centrosymmetric(ncv::dyn_matrix<int>({{7, 1}, {2, 7}})));
}

BOOST_AUTO_TEST_CASE(map_keeps_the_kind_and_shape) {
    constexpr ncv::matrix<int, 1, 3> m({{1, 2, 3}});
    constexpr auto halves = ncv::map_elements(m, [](int x) { return q(x, 2); });
    static_assert(std::is_same_v<std::remove_const_t<decltype(halves)>, ncv::matrix<q, 1, 3>>);
    BOOST_TEST(halves(0, 2) == q(3, 2));
    const auto squares = ncv::map_elements(ncv::dyn_matrix<int>({{2, 3}}), [](int x) { return x * x; });
    BOOST_TEST(squares(0, 1) == 9);
}

BOOST_AUTO_TEST_SUITE_END()
