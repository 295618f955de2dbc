// Tests checked_integer against cpp_int: equal results in range, std::overflow_error exactly when the true result leaves 64 bits.
#define BOOST_TEST_MODULE checked_integer
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>

#include <boost/multiprecision/cpp_int.hpp>

#include <ncv/number/checked_integer.hpp>

namespace {

using checked = ncv::checked_integer<std::int64_t>;
using big = boost::multiprecision::cpp_int;
constexpr std::int64_t lowest = std::numeric_limits<std::int64_t>::min(), highest = std::numeric_limits<std::int64_t>::max();

bool fits(const big& x) { return x >= lowest && x <= highest; }

// The operation on checked_integer must give the true (cpp_int) result, or throw exactly when
// that result does not fit.
template <class Checked, class Exact>
void agrees(std::int64_t a, std::int64_t b, Checked op, Exact exact_op) {
    const big expected = exact_op(big(a), big(b));
    if (fits(expected)) {
        BOOST_TEST(big(op(checked(a), checked(b)).value()) == expected, a << ", " << b);
    } else {
        BOOST_CHECK_THROW((void)op(checked(a), checked(b)), std::overflow_error);
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checked_integer_scalar)

BOOST_AUTO_TEST_CASE(random_operands_against_cpp_int) {
    std::mt19937_64 engine(64);
    // Operands of every size: full range, near the square root of the range, small.
    const auto operand = [&] {
        const int bits = std::uniform_int_distribution<int>(1, 63)(engine);
        const std::int64_t magnitude = static_cast<std::int64_t>(engine() >> (64 - bits));
        return engine() % 2 ? magnitude : -magnitude;
    };
    int overflows = 0;
    for (int trial = 0; trial < 20'000; ++trial) {
        const std::int64_t a = operand(), b = operand();
        agrees(a, b, [](checked x, checked y) { return x + y; }, [](const big& x, const big& y) { return big(x + y); });
        agrees(a, b, [](checked x, checked y) { return x - y; }, [](const big& x, const big& y) { return big(x - y); });
        agrees(a, b, [](checked x, checked y) { return x * y; }, [](const big& x, const big& y) { return big(x * y); });
        if (!fits(big(a) * big(b))) ++overflows;
    }
    BOOST_TEST(overflows > 1'000, "the trials reach the edge of the range");
}

BOOST_AUTO_TEST_CASE(the_edges_of_the_range) {
    BOOST_CHECK_THROW((void)(-checked(lowest)), std::overflow_error);
    BOOST_CHECK_THROW((void)(checked(lowest) * checked(-1)), std::overflow_error);
    BOOST_CHECK_THROW((void)(checked(highest) + checked(1)), std::overflow_error);
    BOOST_CHECK_THROW((void)(checked(lowest) - checked(1)), std::overflow_error);
    BOOST_TEST((-checked(highest)).value() == -highest);
    BOOST_TEST((checked(lowest) + checked(highest)).value() == -1);
    // From a wider or unsigned integer: the value, or an overflow, never a wrapped number.
    BOOST_CHECK_THROW((void)checked(std::numeric_limits<std::uint64_t>::max()), std::overflow_error);
    BOOST_TEST(checked(std::uint64_t{7}).value() == 7);
}

BOOST_AUTO_TEST_CASE(order_and_constant_evaluation) {
    static_assert(checked(2) * checked(3) - checked(1) == checked(5));
    static_assert(checked(-4) < checked(3) && checked() == checked(0));
    BOOST_TEST((checked(-4) < checked(3)));
}

BOOST_AUTO_TEST_SUITE_END()
