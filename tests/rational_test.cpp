// Tests ncv::rational: differentially against Boost's rationals, parsing, printing, overflow and division by zero.
#define BOOST_TEST_MODULE rational
#include <boost/test/unit_test.hpp>

#include <boost/multiprecision/cpp_int.hpp>
#include <boost/rational.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <ncv/number/rational.hpp>

namespace mp = boost::multiprecision;
using q = ncv::rational<std::int64_t>;
using big = ncv::rational<mp::cpp_int>;

namespace {

mp::cpp_rational reference(const q& r) { return mp::cpp_rational(r.numerator(), r.denominator()); }

// Whether a/b ± c/d, computed over the least common denominator as Knuth gives it (a·(d/g) ±
// c·(b/g), g = gcd(b, d)), has a product or a sum beyond 64 bits: the one way a sum whose result
// fits may be refused. A product and a quotient cross-cancel first, so they never may.
bool an_intermediate_overflows(const q& x, const q& y, int operation) {
    if (operation >= 2) return false;
    const mp::cpp_int a = x.numerator(), b = x.denominator(), d = y.denominator();
    const mp::cpp_int c = operation == 0 ? mp::cpp_int(y.numerator()) : -mp::cpp_int(y.numerator());
    const mp::cpp_int g = gcd(b, d), left = a * (d / g), right = c * (b / g);
    const auto beyond = [](const mp::cpp_int& v) {
        return v > std::numeric_limits<std::int64_t>::max() || v < std::numeric_limits<std::int64_t>::min();
    };
    return beyond(left) || beyond(right) || beyond(left + right);
}

// The 10,000 random operations of the differential test: +, -, *, / on random operands whose
// size is drawn from a wide range, so that some results overflow 64 bits.
struct random_operands {
    std::mt19937_64 engine{20231127};
    q operand() {
        const int bits = std::uniform_int_distribution<int>(1, 40)(engine);
        const std::int64_t limit = std::int64_t{1} << bits;
        std::uniform_int_distribution<std::int64_t> numerator(-limit, limit);
        std::uniform_int_distribution<std::int64_t> denominator(1, limit);
        return q(numerator(engine), denominator(engine));
    }
};

}  // namespace

// A class integer with nothing but what ncv::rational_integer asks for: no str(), no stream
// operator, so printing it has to find its digits with those operations alone. Outside the
// anonymous namespace: operators only the concept names would be unused internal functions.
namespace rational_test {

class bare_integer {
public:
    constexpr bare_integer(long long value) : value_(value) {}  // NOLINT(google-explicit-constructor)
    friend constexpr bare_integer operator+(bare_integer a, bare_integer b) { return a.value_ + b.value_; }
    friend constexpr bare_integer operator-(bare_integer a, bare_integer b) { return a.value_ - b.value_; }
    friend constexpr bare_integer operator-(bare_integer a) { return -a.value_; }
    friend constexpr bare_integer operator*(bare_integer a, bare_integer b) { return a.value_ * b.value_; }
    friend constexpr bare_integer operator/(bare_integer a, bare_integer b) { return a.value_ / b.value_; }
    friend constexpr bare_integer operator%(bare_integer a, bare_integer b) { return a.value_ % b.value_; }
    friend constexpr bool operator<(bare_integer a, bare_integer b) { return a.value_ < b.value_; }
    friend constexpr bool operator==(bare_integer a, bare_integer b) { return a.value_ == b.value_; }

private:
    long long value_;
};
static_assert(ncv::rational_integer<bare_integer>);

}  // namespace rational_test

BOOST_AUTO_TEST_SUITE(rational)

BOOST_AUTO_TEST_CASE(ten_thousand_random_operations_agree_with_cpp_rational) {
    random_operands random;
    int checked = 0;
    int overflowed = 0;
    for (int i = 0; i < 10'000; ++i) {
        const q a = random.operand();
        const q b = random.operand();
        const int operation = i % 4;
        mp::cpp_rational expected;
        switch (operation) {
            case 0: expected = reference(a) + reference(b); break;
            case 1: expected = reference(a) - reference(b); break;
            case 2: expected = reference(a) * reference(b); break;
            default: expected = b == q(0) ? mp::cpp_rational(0) : reference(a) / reference(b); break;
        }
        try {
            q result;
            switch (operation) {
                case 0: result = a + b; break;
                case 1: result = a - b; break;
                case 2: result = a * b; break;
                default: result = b == q(0) ? q(0) : a / b; break;
            }
            BOOST_TEST(reference(result) == expected, a << " op" << operation << " " << b);
            BOOST_TEST(result.denominator() > 0);
            ++checked;
        } catch (const std::overflow_error&) {
            // Refusing is allowed only where the exact result really is out of 64-bit range,
            // or an intermediate of the lowest-terms computation is: never a wrong value.
            const auto bound = mp::cpp_int(std::numeric_limits<std::int64_t>::max());
            const bool result_fits = abs(numerator(expected)) <= bound && denominator(expected) <= bound;
            if (result_fits)
                BOOST_TEST(an_intermediate_overflows(a, b, operation),
                           "refused although the result and every intermediate fit: " << a << " op" << operation << " " << b);
            ++overflowed;
        }
    }
    BOOST_TEST(checked > 5'000, "most operations must fit in 64 bits, or the test checks too little");
    BOOST_TEST(overflowed > 0, "some operations must overflow, or overflow detection is untested");
    BOOST_TEST_MESSAGE(checked << " exact results, " << overflowed << " overflows refused");
}

// The shortcuts of + and · (an integer operand, a unit numerator) on the operands that take
// them: integers, 1/n, −1/n, against cpp_rational. The random operands above almost never do.
// Run on each kind of integer, since + and · are written once for built-in integers (with the
// overflow builtins) and once for class integers (with their own operators).
template <class R>
void check_integer_and_unit_operands(std::uint64_t seed, std::int64_t bound) {
    using Int = typename R::integer_type;
    const auto exact = [](const R& r) { return mp::cpp_rational(mp::cpp_int(r.numerator()), mp::cpp_int(r.denominator())); };
    // The same value in the same parts: lowest terms, the sign on the numerator.
    const auto same = [](const R& r, const mp::cpp_rational& e) {
        return mp::cpp_int(r.numerator()) == numerator(e) && mp::cpp_int(r.denominator()) == denominator(e);
    };
    std::mt19937_64 engine(seed);
    std::uniform_int_distribution<std::int64_t> number(-bound, bound), positive(1, bound), kind(0, 4);
    std::uniform_int_distribution<std::int64_t> small(-4, 4), small_positive(1, 8);
    const auto operand = [&] {
        switch (kind(engine)) {
            case 0: return R(Int(number(engine)));                  // an integer
            case 1: return R(Int(1), Int(positive(engine)));        // 1/n
            case 2: return R(Int(-1), Int(positive(engine)));       // −1/n
            case 3: return R(Int(small(engine)), Int(small_positive(engine)));  // 2/3, −4/7: small parts meet
            default: return R(Int(number(engine)), Int(positive(engine)));  // any fraction
        }
    };
    for (int i = 0; i < 20'000; ++i) {
        const R a = operand(), b = operand();
        BOOST_TEST(same(a + b, exact(a) + exact(b)), a << " + " << b);
        BOOST_TEST(same(a - b, exact(a) - exact(b)), a << " - " << b);
        BOOST_TEST(same(a * b, exact(a) * exact(b)), a << " * " << b);
        if (b != R(0)) BOOST_TEST(same(a / b, exact(a) / exact(b)), a << " / " << b);
    }
}

BOOST_AUTO_TEST_CASE(integer_and_unit_operands_agree_with_cpp_rational) {
    check_integer_and_unit_operands<q>(2026, 1'000'000);
}

// Class integers: unbounded (parts up to 2⁶² each, so products pass 64 bits and nothing may
// overflow) and Boost's checked 128-bit integers.
BOOST_AUTO_TEST_CASE(class_integers_agree_with_cpp_rational_on_every_kind_of_operand) {
    check_integer_and_unit_operands<big>(2027, std::int64_t{1} << 62);
    check_integer_and_unit_operands<ncv::rational<mp::checked_int128_t>>(2028, 1'000'000);
}

// The run-time gcd (binary, after one division) against Euclid's, on pairs of every kind it
// treats apart: zeros, multiples, shared and unshared powers of 2, equal, coprime, the extremes.
BOOST_AUTO_TEST_CASE(run_time_gcd_agrees_with_euclid) {
    const auto euclid = [](std::int64_t a, std::int64_t b) {
        a = a < 0 ? -a : a;
        b = b < 0 ? -b : b;
        while (b != 0) a = std::exchange(b, a % b);
        return a;
    };
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs{
        {0, 0}, {0, 7}, {7, 0}, {1, 1}, {1, max}, {max, 1}, {max, max}, {-max, max}, {12, 18}, {-12, 18},
        {1 << 20, 3 << 10}, {std::int64_t{1} << 62, std::int64_t{1} << 40}, {96, 1024}, {1024, 96}, {35, 64}, {6, 6}};
    std::mt19937_64 engine(1127);
    for (int i = 0; i < 50'000; ++i) {
        const int bits = std::uniform_int_distribution<int>(1, 62)(engine);
        std::uniform_int_distribution<std::int64_t> part(-(std::int64_t{1} << bits), std::int64_t{1} << bits);
        const std::int64_t a = part(engine), common = std::uniform_int_distribution<std::int64_t>(1, 1 << 12)(engine);
        switch (i % 4) {
            case 0: pairs.emplace_back(a, part(engine)); break;                                  // unrelated
            case 1: pairs.emplace_back((a >> 3) * (i % 7 + 1), a >> 3); break;                     // one a multiple
            case 2: pairs.emplace_back((a >> 12) * common, (part(engine) >> 12) * common); break;  // a common factor
            default: pairs.emplace_back((a >> 8) << (i % 9), (part(engine) >> 8) << (i % 5)); break;  // powers of 2
        }
    }
    for (const auto& [a, b] : pairs) BOOST_TEST(ncv::detail::gcd(a, b) == euclid(a, b), a << ", " << b);
    static_assert(ncv::detail::gcd(std::int64_t{84}, std::int64_t{-36}) == 12);  // Euclid, in constant evaluation
}

BOOST_AUTO_TEST_CASE(small_operations_agree_with_boost_rational) {
    std::mt19937_64 engine(7);
    std::uniform_int_distribution<long long> numerator(-1000, 1000);
    std::uniform_int_distribution<long long> denominator(1, 1000);
    for (int i = 0; i < 2'000; ++i) {
        const long long an = numerator(engine), ad = denominator(engine), bn = numerator(engine), bd = denominator(engine);
        const boost::rational<long long> ra(an, ad), rb(bn, bd);
        const q a(an, ad), b(bn, bd);
        const auto same = [](const q& x, const boost::rational<long long>& y) {
            return x.numerator() == y.numerator() && x.denominator() == y.denominator();
        };
        BOOST_TEST(same(a + b, ra + rb));
        BOOST_TEST(same(a - b, ra - rb));
        BOOST_TEST(same(a * b, ra * rb));
        if (bn != 0) BOOST_TEST(same(a / b, ra / rb));
        BOOST_TEST((a < b) == (ra < rb));
    }
}

BOOST_AUTO_TEST_CASE(lowest_terms_and_positive_denominator) {
    const q r(6, -4);
    BOOST_TEST(r.numerator() == -3);
    BOOST_TEST(r.denominator() == 2);
    BOOST_TEST(q(0, -5) == q(0));
    BOOST_TEST(q(0, -5).denominator() == 1);
}

// Construction from any numerator and non-zero denominator, of either sign and of every size
// from 1 bit (so ±1 is frequent) to 62, gives cpp_rational's normal form: lowest terms, the sign on
// the numerator.
BOOST_AUTO_TEST_CASE(construction_from_any_signs_agrees_with_cpp_rational) {
    std::mt19937_64 engine(31415);
    int negative_unit_denominators = 0;
    for (int i = 0; i < 20'000; ++i) {
        const auto draw = [&] {
            const int bits = std::uniform_int_distribution<int>(0, 62)(engine);
            const std::int64_t limit = std::int64_t{1} << bits;
            return std::uniform_int_distribution<std::int64_t>(-limit, limit)(engine);
        };
        const std::int64_t n = draw();
        std::int64_t d = draw();
        if (d == 0) d = -1;
        negative_unit_denominators += d == -1 ? 1 : 0;
        const q r(n, d);
        const mp::cpp_rational expected(n, d);
        BOOST_TEST(r.numerator() == numerator(expected), n << "/" << d);
        BOOST_TEST(r.denominator() == denominator(expected), n << "/" << d);
    }
    BOOST_TEST(negative_unit_denominators > 100, "a denominator of -1 must be among the cases");
}

// The reciprocal of every non-zero value, either sign: 1/r against cpp_rational, in normal form.
BOOST_AUTO_TEST_CASE(reciprocals_agree_with_cpp_rational) {
    random_operands random;
    for (int i = 0; i < 2'000; ++i) {
        const q r = random.operand();
        if (r == q(0)) continue;
        const q inverse = r.reciprocal();
        BOOST_TEST(reference(inverse) == 1 / reference(r), r);
        BOOST_TEST(inverse.denominator() > 0);
        BOOST_TEST((inverse == q(1) / r));
    }
}

BOOST_AUTO_TEST_CASE(ordering) {
    BOOST_TEST((q(1, 3) < q(1, 2)));
    BOOST_TEST((q(-1, 2) < q(-1, 3)));
    BOOST_TEST((q(2, 4) == q(1, 2)));
    BOOST_TEST((q(5) > q(9, 2)));
}

BOOST_AUTO_TEST_CASE(parsing_accepts_integers_fractions_and_decimals) {
    BOOST_TEST(ncv::parse_rational("-3") == q(-3));
    BOOST_TEST(ncv::parse_rational("+4") == q(4));
    BOOST_TEST(ncv::parse_rational("7/2") == q(7, 2));
    BOOST_TEST(ncv::parse_rational("-7/2") == q(-7, 2));
    BOOST_TEST(ncv::parse_rational("6/4") == q(3, 2));
    BOOST_TEST(ncv::parse_rational("1.25") == q(5, 4));
    BOOST_TEST(ncv::parse_rational("-0.5") == q(-1, 2));
    BOOST_TEST(ncv::parse_rational("007") == q(7));
    BOOST_TEST(ncv::parse_rational("0.000") == q(0));
}

BOOST_AUTO_TEST_CASE(parsing_rejects_everything_else_with_a_clear_error) {
    for (const char* bad : {"", "-", "1e3", " 3", "3 ", "1/", "/2", "1.", ".5", "--1", "1/-2", "1.5/2", "0x10", "½", "inf"}) {
        BOOST_CHECK_EXCEPTION((void)ncv::parse_rational(bad), std::invalid_argument, [&](const std::invalid_argument& e) {
            return std::string(e.what()).find("is not an exact number") != std::string::npos;
        });
    }
    BOOST_CHECK_THROW((void)ncv::parse_rational("1/0"), std::domain_error);
    BOOST_CHECK_THROW((void)ncv::parse_rational("99999999999999999999"), std::overflow_error);
    BOOST_CHECK_THROW((void)ncv::parse_rational("0.00000000000000000001"), std::overflow_error);
}

BOOST_AUTO_TEST_CASE(printing) {
    BOOST_TEST(ncv::to_string(q(-7, 2)) == "-7/2");
    BOOST_TEST(ncv::to_string(q(4, 2)) == "2");
    BOOST_TEST(ncv::to_string(q(0)) == "0");
    BOOST_TEST(ncv::to_string(big(mp::cpp_int("123456789012345678901234567890"), mp::cpp_int(4))) ==
               "61728394506172839450617283945/2");
    BOOST_TEST(ncv::to_string(q(-std::numeric_limits<std::int64_t>::max(), 2)) == "-9223372036854775807/2");
    BOOST_TEST(ncv::to_string(ncv::rational<std::int8_t>(-7, 2)) == "-7/2");  // digits, not characters
    using bare = ncv::rational<rational_test::bare_integer>;
    BOOST_TEST(ncv::to_string(bare(-1234567890, 20)) == "-123456789/2");
    BOOST_TEST(ncv::to_string(bare(9, 10)) == "9/10");
    BOOST_TEST(ncv::to_string(bare(-90)) == "-90");
    BOOST_TEST(ncv::to_string(bare(0)) == "0");
    BOOST_TEST(ncv::to_string(bare(std::numeric_limits<long long>::min())) == "-9223372036854775808");
    std::ostringstream narrow;
    narrow << q(-7, 2) << ' ' << q(5) << ' ' << big(mp::cpp_int("-123456789012345678901"), mp::cpp_int(7));
    BOOST_TEST(narrow.str() == "-7/2 5 -123456789012345678901/7");
    std::wostringstream wide;
    wide << q(-7, 2);
    BOOST_TEST((wide.str() == L"-7/2"));
}

BOOST_AUTO_TEST_CASE(overflow_throws_and_never_wraps) {
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    constexpr auto min = std::numeric_limits<std::int64_t>::min();
    BOOST_CHECK_THROW((void)(q(max) + q(1)), std::overflow_error);
    BOOST_CHECK_THROW((void)(q(min) - q(1)), std::overflow_error);
    BOOST_CHECK_THROW((void)(q(1) - q(min)), std::overflow_error);  // −min does not fit: the subtrahend's negation
    BOOST_CHECK_THROW((void)(q(max) * q(2)), std::overflow_error);
    BOOST_CHECK_THROW((void)(-q(min)), std::overflow_error);
    BOOST_CHECK_THROW((void)q(1, min), std::overflow_error);
    BOOST_CHECK_THROW((void)(q(1, max) + q(1, max - 1)), std::overflow_error);
    BOOST_CHECK_THROW((void)q(std::numeric_limits<std::uint64_t>::max()), std::overflow_error);
    // From a wider integer type: checked; from a narrower one, or the same: nothing to check.
    using narrow = ncv::rational<std::int32_t>;
    BOOST_CHECK_THROW((void)narrow(std::int64_t{1} << 40), std::overflow_error);
    BOOST_CHECK_THROW((void)narrow(-(std::int64_t{1} << 31) - 1), std::overflow_error);
    BOOST_TEST((narrow(std::int64_t{-5}) + narrow(std::int16_t{2}) == narrow(-3)));
    BOOST_TEST((narrow(-(std::int64_t{1} << 31)).numerator() == std::numeric_limits<std::int32_t>::min()));
}

BOOST_AUTO_TEST_CASE(ordering_never_overflows) {
    // Cross products of these overflow 64 bits; the comparison falls back to continued fractions.
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    BOOST_TEST((q(max, 2) > q(max, 3)));
    BOOST_TEST((q(max - 1, max) < q(max - 2, max - 1)) == false);
    BOOST_TEST((q(-max, 3) < q(-max, 4)));
    random_operands random;
    for (int i = 0; i < 10'000; ++i) {
        const int bits = 1 + i % 62;
        std::uniform_int_distribution<std::int64_t> big(-(std::int64_t{1} << bits), std::int64_t{1} << bits);
        std::uniform_int_distribution<std::int64_t> positive(1, std::int64_t{1} << bits);
        const q a(big(random.engine), positive(random.engine)), b(big(random.engine), positive(random.engine));
        BOOST_TEST(((a < b) == (reference(a) < reference(b))), a << " < " << b);
        BOOST_TEST(((a == b) == (reference(a) == reference(b))));
    }
}

// Comparing a number with its own convergents: their continued fractions agree term by term
// until the convergent's ends, the case random operands almost never reach. Convergents lie
// alternately below and above the number, so both parities of the comparison are exercised,
// with operands large enough that the cross products overflow and the continued fractions decide.
BOOST_AUTO_TEST_CASE(ordering_against_convergents_with_overflowing_cross_products) {
    std::mt19937_64 engine(2718);
    std::uniform_int_distribution<std::int64_t> large(std::int64_t{1} << 40, std::int64_t{1} << 62);
    for (int trial = 0; trial < 2'000; ++trial) {
        const std::int64_t numerator = large(engine), denominator = large(engine);
        const q value(trial % 2 == 0 ? numerator : -numerator, denominator);
        // Convergents h/k of |value| from its partial quotients, with cpp_int arithmetic.
        mp::cpp_int p = numerator, d = denominator, h = 1, h_before = 0, k = 0, k_before = 1;
        while (d != 0) {
            const mp::cpp_int a = p / d, rest = p % d;
            const mp::cpp_int h_next = a * h + h_before, k_next = a * k + k_before;
            h_before = h, k_before = k, h = h_next, k = k_next;
            p = d, d = rest;
            const q convergent(static_cast<std::int64_t>(trial % 2 == 0 ? h : -h), static_cast<std::int64_t>(k));
            BOOST_TEST(((value < convergent) == (reference(value) < reference(convergent))), value << " < " << convergent);
            BOOST_TEST(((convergent < value) == (reference(convergent) < reference(value))), convergent << " < " << value);
            BOOST_TEST(((value == convergent) == (reference(value) == reference(convergent))));
        }
    }
}

BOOST_AUTO_TEST_CASE(division_by_zero_throws) {
    BOOST_CHECK_THROW((void)q(1, 0), std::domain_error);
    BOOST_CHECK_THROW((void)(q(1) / q(0)), std::domain_error);
    BOOST_CHECK_THROW((void)q(0).reciprocal(), std::domain_error);
    BOOST_CHECK_THROW((void)(big(1) / big(0)), std::domain_error);
}

BOOST_AUTO_TEST_CASE(checked_fixed_width_integers_work_in_constant_evaluation_and_throw_at_run_time) {
    using wide = ncv::rational<mp::checked_int128_t>;
    constexpr wide third = wide(1) / wide(3);
    constexpr wide sum = third + third + third;
    static_assert(sum == wide(1));
    BOOST_TEST(sum == wide(1));
    const wide huge(std::numeric_limits<mp::checked_int128_t>::max());
    BOOST_CHECK_THROW((void)(huge + wide(1)), std::overflow_error);
    BOOST_CHECK_THROW((void)(huge * wide(2)), std::overflow_error);
    // Narrowing conversions check the range.
    BOOST_CHECK_THROW((void)q(wide(mp::checked_int128_t(1) << 100)), std::overflow_error);
    BOOST_TEST(q(wide(7, 3)) == q(7, 3));
}

BOOST_AUTO_TEST_CASE(unbounded_integers_do_not_overflow) {
    big r(1);
    for (int i = 0; i < 200; ++i) r = r * big(3, 2);
    BOOST_TEST(r.numerator() == mp::pow(mp::cpp_int(3), 200));
    BOOST_TEST(r.denominator() == mp::pow(mp::cpp_int(2), 200));
    BOOST_TEST(ncv::parse_rational<mp::cpp_int>("123456789012345678901234567890.5") ==
               big(mp::cpp_int("246913578024691357802469135781"), mp::cpp_int(2)));
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    constexpr q compile_time = ncv::parse_rational("7/3") * q(3, 14) - ncv::parse_rational("0.25");
    const std::string text = "7/3";
    const q run_time = ncv::parse_rational(text) * q(3, 14) - ncv::parse_rational(std::string("0.25"));
    static_assert(compile_time == q(1, 4));
    BOOST_TEST(compile_time == run_time);
}

BOOST_AUTO_TEST_SUITE_END()
