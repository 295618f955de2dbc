// Tests the matrix product, the determinant and the adjugate: random matrices against the identities they must satisfy.
#define BOOST_TEST_MODULE linear_algebra
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <type_traits>
#include <utility>

#include <ncv/array/linear_algebra.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;

namespace {
template <std::size_t N>
ncv::matrix<q, N, N> random_matrix(std::mt19937_64& engine) {
    std::uniform_int_distribution<int> value(-9, 9);
    ncv::matrix<q, N, N> a;
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < N; ++j) a(i, j) = q(value(engine), 1 + (i + j) % 3);
    return a;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(linear_algebra)

BOOST_AUTO_TEST_CASE(determinants) {
    constexpr ncv::matrix<q, 3, 3> m({{2, 0, 1}, {1, 3, 2}, {1, 1, 1}});
    static_assert(ncv::determinant(m) == q(2 * (3 - 2) - 0 + 1 * (1 - 3)));
    BOOST_TEST(ncv::determinant(ncv::identity_matrix<q, 4>()) == q(1));
    const auto product = ncv::matrix_product(m, ncv::identity_matrix<q, 3>());
    BOOST_TEST((product == m));
}

// det(A·B) = det(A)·det(B), and the product is associative: both fail for a wrong sign or index.
BOOST_AUTO_TEST_CASE(determinant_is_multiplicative_on_random_matrices) {
    std::mt19937_64 engine(5);
    for (int trial = 0; trial < 200; ++trial) {
        const auto a = random_matrix<3>(engine), b = random_matrix<3>(engine), c = random_matrix<3>(engine);
        BOOST_TEST(ncv::determinant(ncv::matrix_product(a, b)) == ncv::determinant(a) * ncv::determinant(b));
        BOOST_TEST((ncv::matrix_product(ncv::matrix_product(a, b), c) == ncv::matrix_product(a, ncv::matrix_product(b, c))));
    }
    // Swapping two rows changes the sign.
    const auto a = random_matrix<4>(engine);
    auto swapped = a;
    for (std::size_t j = 0; j < 4; ++j) std::swap(swapped(0, j), swapped(2, j));
    BOOST_TEST(ncv::determinant(swapped) == -ncv::determinant(a));
}

BOOST_AUTO_TEST_CASE(adjugate_times_matrix_is_determinant_times_identity) {
    std::mt19937_64 engine(13);
    std::uniform_int_distribution<int> value(-9, 9);
    const auto check = [&](auto size) {
        constexpr std::size_t n = decltype(size)::value;
        for (int trial = 0; trial < 100; ++trial) {
            ncv::matrix<q, n, n> a;
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = 0; j < n; ++j) a(i, j) = q(value(engine));
            const auto scaled_identity = ncv::determinant(a) * ncv::identity_matrix<q, n>();
            BOOST_TEST((ncv::matrix_product(ncv::adjugate(a), a) == scaled_identity));
            BOOST_TEST((ncv::matrix_product(a, ncv::adjugate(a)) == scaled_identity));
        }
    };
    check(std::integral_constant<std::size_t, 1>{});
    check(std::integral_constant<std::size_t, 2>{});
    check(std::integral_constant<std::size_t, 3>{});
    check(std::integral_constant<std::size_t, 4>{});
    // A known inverse: adj([[2, 1], [5, 3]]) = [[3, −1], [−5, 2]] (determinant 1).
    const ncv::matrix<q, 2, 2> m({{2, 1}, {5, 3}});
    BOOST_TEST((ncv::adjugate(m) == ncv::matrix<q, 2, 2>({{3, -1}, {-5, 2}})));
}

BOOST_AUTO_TEST_SUITE_END()
