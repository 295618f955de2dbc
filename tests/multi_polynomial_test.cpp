// Tests ncv::multi_polynomial (against evaluation at random points and against a term map), the determinant, the adjugate and the normal form.
#define BOOST_TEST_MODULE multi_polynomial
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <random>
#include <stdexcept>
#include <type_traits>

#include <ncv/array/linear_algebra.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;
using poly = ncv::multi_polynomial<q, 3, 64>;

BOOST_AUTO_TEST_SUITE(multi_polynomial)

BOOST_AUTO_TEST_CASE(arithmetic_agrees_with_evaluation) {
    const poly x = poly::variable(0), y = poly::variable(1), z = poly::variable(2);
    const poly p = x * x * y - poly(q(3, 2)) * z + poly(7);
    const poly r = (x - y) * (x + z) + y * y * y;
    std::mt19937_64 engine(21);
    std::uniform_int_distribution<int> value(-9, 9);
    for (int trial = 0; trial < 500; ++trial) {
        const std::array<q, 3> point{q(value(engine), 2), q(value(engine)), q(value(engine), 3)};
        BOOST_TEST((p + r)(point) == p(point) + r(point));
        BOOST_TEST((p - r)(point) == p(point) - r(point));
        BOOST_TEST((p * r)(point) == p(point) * r(point));
    }
}

// An independent polynomial: a map from exponent vectors (ordered as std::array orders them,
// lexicographically) to nonzero coefficients, with sums and products written from the definition.
namespace {

constexpr std::size_t map_vars = 11;  // two words of packed exponents: comparisons read both
using exponent_vector = std::array<unsigned, map_vars>;
using term_map = std::map<exponent_vector, q>;
using wide_poly = ncv::multi_polynomial<q, map_vars, 256>;

void add_into(term_map& m, const exponent_vector& e, const q& c) {
    const q sum = m[e] + c;
    if (sum == q(0)) m.erase(e);
    else m[e] = sum;
}

term_map map_sum(const term_map& a, const term_map& b) {
    term_map r = a;
    for (const auto& [e, c] : b) add_into(r, e, c);
    return r;
}

term_map map_product(const term_map& a, const term_map& b) {
    term_map r;
    for (const auto& [ea, ca] : a)
        for (const auto& [eb, cb] : b) {
            exponent_vector e{};
            for (std::size_t v = 0; v < map_vars; ++v) e[v] = ea[v] + eb[v];
            add_into(r, e, ca * cb);
        }
    return r;
}

// x_v = c: each term's power k of x_v becomes the factor c^k, and terms that then agree add up.
term_map map_substitute(const term_map& a, std::size_t v, const q& c) {
    term_map r;
    for (const auto& [powers, coefficient] : a) {
        q factor(1);
        for (unsigned k = 0; k < powers[v]; ++k) factor = factor * c;
        exponent_vector e = powers;
        e[v] = 0;
        add_into(r, e, coefficient * factor);
    }
    return r;
}

// The polynomial's term list, read term by term: it must be the map, in the map's order.
bool same_terms(const wide_poly& p, const term_map& m) {
    if (p.term_count() != m.size()) return false;
    std::size_t k = 0;
    for (const auto& [e, c] : m) {
        if (p[k].powers() != e || !(p[k].coefficient == c)) return false;
        ++k;
    }
    return true;
}

}  // namespace

// Random sparse polynomials in 11 variables, built term by term through monomial(): their sums,
// differences and products have exactly the map's terms, in its order, without zero coefficients.
// Coefficients are small and exponents few, so like terms meet and cancel often.
BOOST_AUTO_TEST_CASE(sums_and_products_have_exactly_the_terms_of_a_term_map) {
    std::mt19937_64 engine(77);
    std::uniform_int_distribution<int> coefficient(-2, 2), denominator(1, 3), term_count(0, 9), power(0, 2);
    std::uniform_int_distribution<std::size_t> variable(0, map_vars - 1);
    const auto random_polynomial = [&] {
        wide_poly p;
        term_map m;
        for (int t = term_count(engine); t > 0; --t) {
            exponent_vector e{};
            for (int factors = 0; factors < 2; ++factors) e[variable(engine)] += static_cast<unsigned>(power(engine));
            const q c(coefficient(engine), denominator(engine));
            p = p + wide_poly::monomial(c, e);
            add_into(m, e, c);
        }
        return std::pair{p, m};
    };
    for (int trial = 0; trial < 400; ++trial) {
        const auto [a, ma] = random_polynomial();
        const auto [b, mb] = random_polynomial();
        BOOST_TEST(same_terms(a, ma));
        BOOST_TEST(same_terms(a + b, map_sum(ma, mb)));
        BOOST_TEST(same_terms(b + a, map_sum(ma, mb)));
        term_map minus_b;
        for (const auto& [e, c] : mb) minus_b[e] = -c;
        BOOST_TEST(same_terms(a - b, map_sum(ma, minus_b)));
        BOOST_TEST((a - a).is_zero());
        BOOST_TEST(same_terms(a * b, map_product(ma, mb)));
        BOOST_TEST(same_terms(b * a, map_product(ma, mb)));
        const std::size_t v = variable(engine);
        const q c(coefficient(engine), denominator(engine));
        BOOST_TEST(same_terms(a.substitute(v, c), map_substitute(ma, v, c)));
        BOOST_TEST(same_terms((a * b).substitute(v, c), map_substitute(map_product(ma, mb), v, c)));
    }
}

// Eliminating a variable makes terms meet: they must be combined, and dropped where they cancel.
BOOST_AUTO_TEST_CASE(terms_that_meet_after_a_substitution_are_combined) {
    const poly x = poly::variable(0), y = poly::variable(1), z = poly::variable(2);
    const poly p = x * y - x + z;
    BOOST_TEST((p.substitute(1, q(1)) == z));
    BOOST_TEST((p.substitute(1, q(2)) == x + z));
    BOOST_TEST(((x * y * y - x).expectation_over(1, std::array<q, 3>{1, 0, 1})).is_zero());
    BOOST_TEST((p.coefficient_in(1, 0) == z - x));
}

BOOST_AUTO_TEST_CASE(normal_form_makes_identities_checkable) {
    const poly x = poly::variable(0), y = poly::variable(1);
    BOOST_TEST(((x + y) * (x + y) == x * x + poly(2) * x * y + y * y));
    BOOST_TEST(((x + y) * (x - y) - (x * x - y * y)).is_zero());
    BOOST_TEST(!((x + y) * (x + y) == x * x + y * y));
}

BOOST_AUTO_TEST_CASE(expectation_replaces_powers_by_moments) {
    const poly x = poly::variable(0), e = poly::variable(2);
    const poly p = (x + e) * (x + e);
    BOOST_TEST((p.expectation_over(2, std::array<q, 3>{1, 0, 1}) == x * x + poly(1)));
    BOOST_CHECK_THROW((void)(p * e).expectation_over(2, std::array<q, 3>{1, 0, 1}), std::out_of_range);
}

// A polynomial in no variables is a constant (its exponents take no words at all).
BOOST_AUTO_TEST_CASE(no_variables_leaves_the_constants) {
    using constant = ncv::multi_polynomial<q, 0, 4>;
    static_assert((constant(2) + constant(3)) * constant(4) - constant(q(1, 2)) == constant(q(39, 2)));
    BOOST_TEST(((constant(2) - constant(2)).is_zero()));
    BOOST_TEST(((constant(3) * constant(5)).term_count() == 1u));
}

BOOST_AUTO_TEST_CASE(capacity_is_enforced) {
    using small = ncv::multi_polynomial<q, 2, 3>;
    const small x = small::variable(0), y = small::variable(1);
    BOOST_CHECK_THROW((void)((x + y + small(1)) * (x + y)), std::length_error);
    BOOST_CHECK_THROW((void)((x + y + small(1)) + x * y), std::length_error);
}

// Two lists that together pass the capacity, but whose like terms meet and cancel so that the
// result fits: a result, not an error (and, at compile time, no write beyond the array).
BOOST_AUTO_TEST_CASE(a_result_that_fits_is_not_refused_for_its_operands) {
    using small = ncv::multi_polynomial<q, 2, 3>;
    constexpr auto sums = [] {
        const small x = small::variable(0), y = small::variable(1);
        return std::array{(x + y + small(1)) + (x - y), (x + y + small(1)) - (x + y), (x + y) * (x - y)};
    }();
    const small x = small::variable(0), y = small::variable(1);
    static_assert(sums[0].term_count() == 2 && sums[1].term_count() == 1 && sums[2].term_count() == 2);
    BOOST_TEST((sums[0] == small(2) * x + small(1)));
    BOOST_TEST((sums[1] == small(1)));
    BOOST_TEST((sums[2] == x * x - y * y));
}

BOOST_AUTO_TEST_CASE(derivative_substitution_and_coefficients_agree_with_evaluation) {
    const poly x = poly::variable(0), y = poly::variable(1), z = poly::variable(2);
    std::mt19937_64 engine(5);
    std::uniform_int_distribution<int> value(-6, 6);
    for (int trial = 0; trial < 200; ++trial) {
        const auto random_quadratic = [&] {
            return poly(value(engine)) * x * x + poly(value(engine)) * x * y + poly(value(engine)) * z +
                   poly(value(engine)) * y * z * z + poly(value(engine));
        };
        const poly p = random_quadratic(), r = random_quadratic();
        // The product rule, and the derivative as an exact difference quotient of a polynomial
        // of degree ≤ 2 in x: p(x + 1) − p(x − 1) = 2·∂p/∂x.
        BOOST_TEST(((p * r).derivative(0) == p.derivative(0) * r + p * r.derivative(0)));
        const std::array<q, 3> point{q(value(engine), 2), q(value(engine)), q(value(engine), 3)};
        const std::array<q, 3> up{point[0] + q(1), point[1], point[2]}, down{point[0] - q(1), point[1], point[2]};
        BOOST_TEST(p(up) - p(down) == q(2) * p.derivative(0)(point));
        // x_v = c substituted, then evaluated, is evaluation at the point with x_v = c.
        const q c(value(engine), 5);
        const std::array<q, 3> at_c{point[0], c, point[2]};
        BOOST_TEST(p.substitute(1, c)(point) == p(at_c));
        // p = Σ_k coefficient_in(v, k)·x_v^k.
        poly rebuilt, power(1);
        for (unsigned k = 0; k <= p.degree_in(2); ++k, power = power * z) rebuilt = rebuilt + p.coefficient_in(2, k) * power;
        BOOST_TEST((rebuilt == p));
    }
    BOOST_TEST((x * x * y).degree_in(0) == 2u);
    BOOST_TEST(poly(3).degree_in(1) == 0u);
    BOOST_TEST((poly::monomial(q(4), {1, 0, 2}) == poly(4) * x * z * z));
}

// Exponents are packed eight to a word: a power is at most 255, and one beyond is an error,
// never a carry into the neighbouring variable's power.
BOOST_AUTO_TEST_CASE(powers_up_to_255_and_no_further) {
    using wide = ncv::multi_polynomial<q, 10, 8>;  // two words: x_7 ends the first, x_8 starts the second
    for (const std::size_t v : {std::size_t{0}, std::size_t{7}, std::size_t{8}, std::size_t{9}}) {
        std::array<unsigned, 10> e{};
        e[v] = 128;
        const wide p = wide::monomial(q(1), e);
        e[v] = 127;
        const wide r = wide::monomial(q(1), e);
        e[v] = 255;
        BOOST_TEST(((p * r) == wide::monomial(q(1), e)));
        BOOST_TEST((p * r).degree_in(v) == 255u);
        for (std::size_t other = 0; other < 10; ++other)
            if (other != v) BOOST_TEST((p * r).degree_in(other) == 0u);
        BOOST_CHECK_THROW((void)(p * p), std::overflow_error);
        BOOST_CHECK_THROW((void)(p * r * wide::variable(v)), std::overflow_error);
        BOOST_CHECK_THROW((void)(wide::variable(v) * (p * r)), std::overflow_error);  // either factor may be the large one
        e[v] = 256;
        BOOST_CHECK_THROW((void)wide::monomial(q(1), e), std::overflow_error);
    }
    // A power of 200 in one variable and 100 in its neighbour: both survive a product and a derivative.
    const wide x7 = wide::variable(7), x8 = wide::variable(8);
    wide p(1);
    for (int i = 0; i < 100; ++i) p = p * x7 * x7 * x8;
    BOOST_TEST(p.degree_in(7) == 200u);
    BOOST_TEST(p.degree_in(8) == 100u);
    BOOST_TEST((p.derivative(7).degree_in(7) == 199u));
    BOOST_TEST((p.derivative(7).coefficient(p.derivative(7)[0].powers()) == q(200)));
    BOOST_TEST(p.derivative(8).degree_in(8) == 99u);
}

BOOST_AUTO_TEST_SUITE_END()
