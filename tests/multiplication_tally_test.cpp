// Tests ncv::multiplication_tally: each product adds one to the counter of every recorded operand; sums and products record nothing.
#define BOOST_TEST_MODULE multiplication_tally
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <random>
#include <vector>

#include <ncv/number/multiplication_tally.hpp>

using tally = ncv::multiplication_tally;

BOOST_AUTO_TEST_SUITE(multiplication_tally)

// A random sum of products x_i·w, w·x_i and x_i·x_j, each x_i recording into its own counter:
// every counter ends at the number of products that named it, counted independently while the
// terms are drawn (x_i·x_i names x_i twice: both operands are multiplied).
BOOST_AUTO_TEST_CASE(random_sums_of_products_record_every_operand) {
    std::mt19937_64 engine(9);
    for (int trial = 0; trial < 500; ++trial) {
        const std::size_t n = std::uniform_int_distribution<std::size_t>(1, 6)(engine);
        std::vector<std::size_t> counters(n, 0), expected(n, 0);
        std::vector<tally> x(n);
        for (std::size_t i = 0; i < n; ++i) x[i] = tally::recorded_in(counters[i]);
        const tally w;  // a kernel element records nothing
        tally sum;
        const int terms = std::uniform_int_distribution<int>(0, 12)(engine);
        for (int t = 0; t < terms; ++t) {
            const std::size_t i = std::uniform_int_distribution<std::size_t>(0, n - 1)(engine);
            const std::size_t j = std::uniform_int_distribution<std::size_t>(0, n - 1)(engine);
            switch (t % 3) {
                case 0: sum = sum + x[i] * w; ++expected[i]; break;
                case 1: sum = w * x[i] + sum; ++expected[i]; break;
                default: sum = sum + x[i] * x[j] * w; ++expected[i]; ++expected[j]; break;
            }
        }
        for (std::size_t i = 0; i < n; ++i) BOOST_TEST(counters[i] == expected[i], "trial " << trial << ", x" << i);
        BOOST_TEST((sum == tally()), "a sum records into no counter");
    }
}

BOOST_AUTO_TEST_CASE(copies_record_into_the_same_counter_and_nothing_else_counts) {
    std::size_t a = 0, b = 0;
    const tally x = tally::recorded_in(a);
    const tally copy = x;
    BOOST_TEST((copy == x));
    BOOST_TEST(!(tally::recorded_in(b) == x));
    (void)(copy * tally());
    (void)(tally() * x);
    (void)(x + copy);  // a sum is not a multiplication
    (void)(tally() * tally());
    BOOST_TEST(a == 2u);
    BOOST_TEST(b == 0u);
    const tally product = x * tally();
    BOOST_TEST((product == tally()), "a product carries no counter");
    (void)(product * tally());
    BOOST_TEST(a == 3u, "only the multiplication that made the product counted");
}

// At compile time too: the counters are locals of the evaluation.
consteval std::size_t counted_at_compile_time() {
    std::size_t counter = 0;
    const tally x = tally::recorded_in(counter);
    const tally sum = x * tally() + tally() * x + x * x;
    (void)sum;
    return counter;
}
static_assert(counted_at_compile_time() == 4);

BOOST_AUTO_TEST_SUITE_END()
