// Tests ncv::multiplication_tally: products involving the followed element count one each, sums add counts.
#define BOOST_TEST_MODULE multiplication_tally
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <random>
#include <vector>

#include <ncv/number/multiplication_tally.hpp>

using tally = ncv::multiplication_tally;

BOOST_AUTO_TEST_SUITE(multiplication_tally)

// A random sum of products x_i·w_j in which x_k is followed: the count is the number of products
// that name x_k, counted independently while the terms are drawn.
BOOST_AUTO_TEST_CASE(random_sums_of_products_count_the_followed_element) {
    std::mt19937_64 engine(9);
    for (int trial = 0; trial < 500; ++trial) {
        const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 6)(engine);
        const std::size_t followed = std::uniform_int_distribution<std::size_t>(0, n - 1)(engine);
        std::vector<tally> x(n);
        x[followed] = tally::followed_element();
        const tally w;  // kernel elements are never followed
        tally sum;
        std::size_t expected = 0;
        const int terms = std::uniform_int_distribution<int>(0, 12)(engine);
        for (int t = 0; t < terms; ++t) {
            const std::size_t i = std::uniform_int_distribution<std::size_t>(0, n - 1)(engine);
            sum = (t % 2 == 0) ? sum + x[i] * w : w * x[i] + sum;
            expected += i == followed ? 1 : 0;
        }
        BOOST_TEST(sum.count() == expected, "trial " << trial);
    }
}

BOOST_AUTO_TEST_CASE(zero_and_equality) {
    BOOST_TEST(tally().count() == 0u);
    BOOST_TEST(tally::followed_element().count() == 0u, "following an element is not a multiplication");
    BOOST_TEST((tally::followed_element() * tally()).count() == 1u);
    BOOST_TEST(((tally() * tally()) == tally()));
}

BOOST_AUTO_TEST_SUITE_END()
