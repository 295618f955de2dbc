// Proves what the other proofs rely on: equality, ordering and arithmetic of the exact scalars and duals, the determinant, the adjugate and the mask, against definitions written here.
#include <array>
#include <cstddef>
#include <cstdint>

#include <ncv/array/linear_algebra.hpp>
#include <ncv/array/matrix.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/tape.hpp>
#include <ncv/number/dual.hpp>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/multiplication_tally.hpp>
#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/polynomial.hpp>
#include <ncv/number/quadratic_form.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/number/rational_function.hpp>

#include "law.hpp"

namespace {

using q = ncv::rational<std::int64_t>;
using trusted::holds;
using trusted::law;
using trusted::same_value;
using trusted::wide;

// ---- Rationals: every fraction a/b with |a| ≤ 4, 1 ≤ b ≤ 5, written unreduced ----

struct fraction {
    std::int64_t numerator, denominator;  // the definition's parts, never reduced
};
inline constexpr std::size_t fraction_count = 9 * 5;
constexpr fraction fraction_at(std::size_t k) {
    return {static_cast<std::int64_t>(k / 5) - 4, static_cast<std::int64_t>(k % 5) + 1};
}
constexpr q as_q(fraction f) { return q(f.numerator, f.denominator); }
// The library's rational of each fraction, made once (the pair and triple loops below read them).
constexpr std::array<q, fraction_count> made_fractions() {
    std::array<q, fraction_count> made{};
    for (std::size_t k = 0; k < fraction_count; ++k) made[k] = as_q(fraction_at(k));
    return made;
}
inline constexpr std::array<q, fraction_count> fractions = made_fractions();

// a/b = c/d exactly when a·d = c·b; a/b < c/d (b, d > 0) exactly when a·d < c·b.
constexpr bool same(fraction x, fraction y) { return wide(x.numerator) * y.denominator == wide(y.numerator) * x.denominator; }
constexpr bool less(fraction x, fraction y) { return wide(x.numerator) * y.denominator < wide(y.numerator) * x.denominator; }
// The library's value against a fraction given by its parts, by cross-multiplication only.
constexpr bool is(q value, wide numerator, wide denominator) {
    return wide(value.numerator()) * denominator == numerator * wide(value.denominator());
}

// Equality and ordering: over all 2,025 ordered pairs, including unequal pairs with equal
// numerators (1/2, 1/3), equal denominators and opposite signs.
consteval std::size_t rational_comparison() {
    for (std::size_t i = 0; i < fraction_count; ++i)
        for (std::size_t j = 0; j < fraction_count; ++j) {
            const fraction x = fraction_at(i), y = fraction_at(j);
            const q a = fractions[i], b = fractions[j];
            if ((a == b) != same(x, y) || (a != b) == same(x, y) || (a < b) != less(x, y) ||
                (a > b) != less(y, x) || (a <= b) != !less(y, x))
                return i * fraction_count + j;
        }
    return holds;
}

// The normal form: lowest terms, positive denominator, the same value.
consteval std::size_t rational_normal_form() {
    for (std::size_t i = 0; i < fraction_count; ++i) {
        const fraction x = fraction_at(i);
        const q a = as_q(x);
        std::int64_t g = a.numerator() < 0 ? -a.numerator() : a.numerator(), h = a.denominator();
        while (h != 0) {
            const std::int64_t r = g % h;
            g = h;
            h = r;
        }
        if (a.denominator() <= 0 || g != 1 || !is(a, x.numerator, x.denominator)) return i;
    }
    return holds;
}

// Arithmetic against its definition: a/b + c/d = (ad + cb)/(bd), a/b − c/d = (ad − cb)/(bd),
// (a/b)(c/d) = ac/(bd), (a/b)/(c/d) = ad/(bc) for c ≠ 0, −(a/b) = (−a)/b; each compared by
// cross-multiplication, so no library comparison is involved.
consteval std::size_t rational_arithmetic() {
    for (std::size_t i = 0; i < fraction_count; ++i)
        for (std::size_t j = 0; j < fraction_count; ++j) {
            const fraction x = fraction_at(i), y = fraction_at(j);
            const wide a = x.numerator, b = x.denominator, c = y.numerator, d = y.denominator;
            const q u = fractions[i], v = fractions[j];
            bool right = is(u + v, a * d + c * b, b * d) && is(u - v, a * d - c * b, b * d) && is(u * v, a * c, b * d) &&
                         is(-u, -a, b);
            if (c != 0) right = right && is(u / v, a * d, b * c);
            if (!right) return i * fraction_count + j;
        }
    return holds;
}

// The field laws on triples of the generated fractions (every 6th, so 8³ triples).
consteval std::size_t field_laws() {
    std::size_t index = 0;
    for (std::size_t i = 0; i < fraction_count; i += 6)
        for (std::size_t j = 0; j < fraction_count; j += 6)
            for (std::size_t k = 0; k < fraction_count; k += 6, ++index) {
                const q x = fractions[i], y = fractions[j], z = fractions[k];
                const auto equal = [](q s, q t) { return is(s, t.numerator(), t.denominator()); };
                if (!equal((x + y) + z, x + (y + z)) || !equal(x + y, y + x) || !equal((x * y) * z, x * (y * z)) ||
                    !equal(x * y, y * x) || !equal(x * (y + z), x * y + x * z) || !equal(x + q(0), x) ||
                    !equal(x * q(1), x) || !equal(x - x, q(0)) || (!(x == q(0)) && !equal(x * (q(1) / x), q(1))))
                    return index;
            }
    return holds;
}

static_assert(law<"rational: == and < are cross-multiplication", rational_comparison()>());
static_assert(law<"rational: lowest terms, positive denominator, same value", rational_normal_form()>());
static_assert(law<"rational: +, -, *, / and negation by their definitions", rational_arithmetic()>());
static_assert(law<"rational: the field laws", field_laws()>());

// ---- Polynomials in one variable: equal exactly when every coefficient is ----

using poly = ncv::polynomial<q, 6>;
consteval poly poly_from(std::array<q, 6> c) { return poly::from_coefficients(c); }

consteval std::size_t polynomial_equality() {
    // Pairs that differ in one coefficient only (the constant, a middle one, the last), in the
    // degree only, and pairs built two ways that must be equal.
    const poly p = poly_from({1, 2, 3, 0, 0, 0});
    const std::array<poly, 4> unequal{poly_from({0, 2, 3, 0, 0, 0}), poly_from({1, 5, 3, 0, 0, 0}),
                                      poly_from({1, 2, 4, 0, 0, 0}), poly_from({1, 2, 3, 1, 0, 0})};
    for (std::size_t k = 0; k < unequal.size(); ++k)
        if (p == unequal[k] || unequal[k] == p) return k;
    const poly t = poly::variable();
    if (!(p == poly(q(1)) + poly(q(2)) * t + poly(q(3)) * t * t)) return 10;
    // The product by its definition: the coefficients of (1 + 2t + 3t²)(2 − t) are a convolution.
    const poly product = p * poly_from({2, -1, 0, 0, 0, 0});
    const std::array<q, 4> expected{2, 3, 4, -3};
    for (std::size_t k = 0; k < expected.size(); ++k)
        if (!is(product.coefficient(k), expected[k].numerator(), expected[k].denominator())) return 20 + k;
    return holds;
}
static_assert(law<"polynomial: equality by coefficients, product by its definition", polynomial_equality()>());

// The gcd is monic and divides both: gcd(3(t − 1)(t + 2), 5(t − 1)(t − 3)) = t − 1.
// t is a parameter, not a local: clang folds a condition over const locals while it checks the
// function, which ran the check once more (benchmark "compile time of the proofs"); so below.
consteval std::size_t polynomial_gcd(const poly& t) {
    const poly one(q(1));
    const poly g = ncv::gcd(poly(q(3)) * (t - one) * (t + poly(q(2))), poly(q(5)) * (t - one) * (t - poly(q(3))));
    if (!(g == t - one)) return 0;
    if (!(ncv::gcd(poly(q(4)) * t * t, poly(q(6)) * t) == t)) return 1;
    return holds;
}
static_assert(law<"polynomial: the gcd is monic and divides both", polynomial_gcd(poly::variable())>());

// ---- Rational functions in t: p/q = r/s exactly when p·s = r·q ----

using rf = ncv::rational_function<q, 6>;
consteval std::size_t rational_function_equality(const rf& t) {
    // Equal numerators, unequal values: t/(t + 1) and t/(t + 2); the same value written two ways.
    if (t / (t + rf(1)) == t / (t + rf(2))) return 0;
    if (!(rf(2) * t / (rf(2) * t + rf(2)) == t / (t + rf(1)))) return 1;
    if ((t + rf(1)) / t == (t + rf(1)) / (t * t)) return 2;
    if (!((t * t - rf(1)) / (t - rf(1)) == t + rf(1))) return 3;
    // Values at points, against the fraction computed here: (t² + 1)/(t − 3) at t = 0..2.
    const rf f = (t * t + rf(1)) / (t - rf(3));
    for (std::int64_t x = 0; x < 3; ++x)
        if (!is(f(q(x)), x * x + 1, x - 3)) return 10 + static_cast<std::size_t>(x);
    return holds;
}
static_assert(law<"rational_function: equality by cross-multiplication, values by their definition",
                  rational_function_equality(rf::variable())>());

// Each operation's value at a point is the operation on the values there (the numbers' own laws
// are checked above), on pairs whose denominators differ, at points where no denominator vanishes.
consteval std::size_t rational_function_arithmetic() {
    const rf t = rf::variable(), one(1);
    const std::array<rf, 3> f{(t + one) / (t - rf(3)), rf(2) / (t + one), t - rf(5)};
    const std::array<rf, 3> g{t / (t + rf(2)), (t - one) / (rf(3) * t + one), rf(-4)};
    for (std::size_t k = 0; k < f.size(); ++k) {
        const std::array<rf, 5> results{f[k] + g[k], f[k] - g[k], -f[k], f[k] * g[k], f[k] / g[k]};
        for (std::int64_t x = 5; x < 12; x += 2) {
            const q at(x, 2), fx = f[k](at), gx = g[k](at);
            const std::array<q, 5> expected{fx + gx, fx - gx, -fx, fx * gx, fx / gx};
            for (std::size_t op = 0; op < results.size(); ++op)
                if (!same_value(results[op](at), expected[op])) return k * 100 + static_cast<std::size_t>(x) * 10 + op;
        }
    }
    return holds;
}
static_assert(law<"rational_function: sum, difference, negation, product, quotient by their values at points",
                  rational_function_arithmetic()>());

// Normal form with a negative denominator, the reciprocal, and the order of fractions whose cross
// products leave 64 bits (compared here in 128 bits).
consteval std::size_t rational_signs_and_large_order() {
    for (std::size_t i = 0; i < fraction_count; ++i) {
        const fraction x = fraction_at(i);
        // a/(−b): the same value, the sign on the numerator.
        const q negated_denominator(x.numerator, -x.denominator);
        if (negated_denominator.denominator() <= 0 || !is(negated_denominator, -wide(x.numerator), x.denominator)) return i;
        if (x.numerator == 0) continue;
        // 1/(a/b) = b/a, with a positive denominator.
        const q r = as_q(x).reciprocal();
        if (r.denominator() <= 0 || !is(r, x.denominator, x.numerator)) return 100 + i;
    }
    // Near 2^62: a·d and c·b overflow 64 bits, so the library compares otherwise; 128 bits decide here.
    constexpr std::int64_t big = std::int64_t{1} << 62;
    // (with a convergent of the next: 1265/43 against 645952376230593376/21957311693030589, whose
    // expansions agree until one of them ends)
    const std::array<fraction, 10> large{{{big + 1, big}, {big, big - 1}, {big - 1, big}, {-big, big - 3}, {big, 3},
                                          {big - 1, 3}, {3, big - 5}, {-(big - 7), big}, {1265, 43},
                                          {645952376230593376, 21957311693030589}}};
    for (std::size_t i = 0; i < large.size(); ++i)
        for (std::size_t j = 0; j < large.size(); ++j) {
            const fraction x = large[i], y = large[j];
            const q a = as_q(x), b = as_q(y);
            if ((a < b) != less(x, y) || (a == b) != same(x, y)) return 200 + i * large.size() + j;
        }
    return holds;
}
static_assert(law<"rational: negative denominators, the reciprocal, the order of large fractions",
                  rational_signs_and_large_order()>());

// ---- Dual numbers: value and derivative by the rules written here ----

consteval std::size_t dual_arithmetic() {
    using d = ncv::dual<q>;
    for (std::size_t i = 0; i < fraction_count; i += 4)
        for (std::size_t j = 1; j < fraction_count; j += 3) {
            const q a = fractions[i], da = fractions[(i + 7) % fraction_count];
            const q b = fractions[j], db = fractions[(j + 11) % fraction_count];
            const d u{a, da}, v{b, db};
            const auto check = [](const d& got, q value, q derivative) {
                return got.value.numerator() == value.numerator() && got.value.denominator() == value.denominator() &&
                       got.derivative.numerator() == derivative.numerator() &&
                       got.derivative.denominator() == derivative.denominator();
            };
            const std::size_t at = (i * fraction_count + j) * 16;
            if (!check(u + v, a + b, da + db) || !check(u - v, a - b, da - db) || !check(-u, -a, -da)) return at;
            if (!check(u * v, a * b, da * b + a * db)) return at + 1;
            if (!check(u + b, a + b, da) || !check(b + u, b + a, da) || !check(u - b, a - b, da) || !check(b - u, b - a, -da))
                return at + 2;
            if (!check(u * b, a * b, da * b) || !check(b * u, b * a, b * da)) return at + 3;
            if (b.numerator() == 0) continue;
            if (!check(u / v, a / b, (da * b - a * db) / (b * b))) return at + 4;
            if (!check(u / b, a / b, da / b)) return at + 5;
        }
    return holds;
}
static_assert(law<"dual: +, -, *, / with duals and with numbers by the rules of derivatives", dual_arithmetic()>());

// ---- The tape: each operation's adjoints by the rules written here ----

// f = relu(x·y − z)·(x + z) − (−y)·y, every operation once, backpropagated; the adjoints against
// the derivatives worked out by hand: with r = x·y − z, s = x + z and the relu on (r > 0),
// ∂f/∂x = y·s + r, ∂f/∂y = x·s + 2y, ∂f/∂z = −s + r (each r-term only where r > 0; −y·y otherwise).
consteval std::size_t tape_adjoints() {
    for (std::size_t i = 0; i < fraction_count; i += 5)
        for (std::size_t j = 0; j < fraction_count; j += 4) {
            const q x = fractions[i], y = fractions[j], z = fractions[(i + 2 * j) % fraction_count];
            ncv::tape<q, 32> t;
            const auto vx = t.leaf(x), vy = t.leaf(y), vz = t.leaf(z);
            const auto out = relu(vx * vy - vz) * (vx + vz) - (-vy) * vy;
            t.backward(out);
            const q r = x * y - z, s = x + z;
            const bool on = q(0) < r;
            const q dx = on ? y * s + r : q(0), dy = (on ? x * s : q(0)) + q(2) * y, dz = on ? r - s : q(0);
            const std::size_t at = (i * fraction_count + j) * 4;
            if (!same_value(out.value(), (on ? r * s : q(0)) + y * y)) return at;
            if (!same_value(vx.adjoint(), dx)) return at + 1;
            if (!same_value(vy.adjoint(), dy)) return at + 2;
            if (!same_value(vz.adjoint(), dz)) return at + 3;
        }
    return holds;
}
static_assert(law<"tape: the adjoints of +, -, *, negation and relu by the rules of derivatives", tape_adjoints()>());

// ---- The multiplication tally: each element counts once per product it is a factor of ----

consteval std::size_t tally_counts() {
    using tally = ncv::multiplication_tally;
    std::size_t left = 0, right = 0;
    const tally a = tally::recorded_in(left), b = tally::recorded_in(right);
    (void)(a * tally());  // a element on the left
    if (left != 1) return 0;
    (void)(tally() * b);  // on the right
    if (right != 1) return 1;
    (void)(a * b);        // both: one each
    if (left != 2 || right != 2) return 2;
    (void)(a * a);        // the same element twice: twice
    if (left != 4) return 3;
    (void)(tally() * tally() + a + b);  // no element, and sums: nothing
    if (left != 4 || right != 2) return 4;
    return holds;
}
static_assert(law<"multiplication_tally: an element counts once for each time it is a factor", tally_counts()>());

// ---- Polynomials in several variables, linear and quadratic forms: equal exactly when every term is ----

using mpoly = ncv::multi_polynomial<q, 3, 16>;
consteval std::size_t multi_polynomial_equality() {
    const mpoly x = mpoly::variable(0), y = mpoly::variable(1), z = mpoly::variable(2);
    const mpoly p = x * y + mpoly(q(2)) * z + mpoly(q(3));
    // All but one term equal: the constant, a coefficient, an exponent, a missing term.
    const std::array<mpoly, 4> unequal{x * y + mpoly(q(2)) * z + mpoly(q(4)), x * y + mpoly(q(3)) * z + mpoly(q(3)),
                                       x * x + mpoly(q(2)) * z + mpoly(q(3)), x * y + mpoly(q(3))};
    for (std::size_t k = 0; k < unequal.size(); ++k)
        if (p == unequal[k] || unequal[k] == p) return k;
    // Built in another order, and (x + y)² expanded by hand.
    if (!(p == mpoly(q(3)) + z * mpoly(q(2)) + y * x)) return 10;
    if (!((x + y) * (x + y) == x * x + mpoly(q(2)) * x * y + y * y)) return 11;
    // Its value at a point, against the sum computed here: p(2, 5, −1) = 10 − 2 + 3.
    if (!is(p(std::array<q, 3>{2, 5, -1}), 11, 1)) return 12;
    // A variable replaced by a number: the same values as p with that coordinate fixed.
    const mpoly cubic = x * x * x * y + mpoly(q(2)) * x * x + z;
    for (std::size_t v = 0; v < 3; ++v)
        for (const q c : {q(0), q(1), q(-2), q(1, 3)}) {
            std::array<q, 3> point{q(3, 2), q(-1), q(2)};
            const q before = [&] { auto fixed = point; fixed[v] = c; return cubic(fixed); }();
            if (!(cubic.substitute(v, c)(point) == before)) return 20 + v;
        }
    return holds;
}
static_assert(law<"multi_polynomial: equality by terms, values by their definition", multi_polynomial_equality()>());

consteval std::size_t form_equality() {
    using lf = ncv::linear_form<q, 3>;
    using qf = ncv::quadratic_form<q, 3>;
    const lf a = lf::from_coefficients({1, 2, 3});
    const std::array<lf, 3> unequal{lf::from_coefficients({0, 2, 3}), lf::from_coefficients({1, 0, 3}),
                                    lf::from_coefficients({1, 2, 4})};
    for (std::size_t k = 0; k < unequal.size(); ++k)
        if (a == unequal[k]) return k;
    if (!(a == lf::symbol(0) + q(2) * lf::symbol(1) + q(3) * lf::symbol(2))) return 5;
    // Negation: every coefficient negated, and a + (−a) = 0.
    const lf minus_a = -a;
    for (std::size_t k = 0; k < 3; ++k)
        if (!is(minus_a.coefficient(k), -wide(k + 1), 1)) return 6 + k;
    qf s = a * a, t = a * a;
    if (!(s == t)) return 10;
    t.add_term(2, 2, q(1));  // the last coefficient only
    if (s == t) return 11;
    s.add_term(0, 1, q(1));
    t.add_term(0, 1, q(1));
    if (s == t) return 12;
    // (x₀ + 2x₁ + 3x₂)²: the coefficient of x₀x₁ is 2·1·2, of x₂² is 9.
    if (!is(qf(a * a).coefficient(0, 1), 4, 1) || !is(qf(a * a).coefficient(2, 2), 9, 1)) return 13;
    return holds;
}
static_assert(law<"linear_form, quadratic_form: equality by coefficients", form_equality()>());

// ---- Determinant and adjugate: the Leibniz sum with the sign counted here ----

// Σ_π sign(π) Π a(i, π(i)) over the N! permutations in Heap's order, the sign flipped at each swap.
template <std::size_t N>
consteval wide leibniz(const std::array<std::array<std::int64_t, N>, N>& a) {
    std::array<std::size_t, N> p{}, c{};
    for (std::size_t i = 0; i < N; ++i) p[i] = i;
    // Init-captures: clang 22's new constant interpreter cannot read a reference parameter that a
    // lambda captures plainly (tests/static/new_interpreter.cpp).
    const auto product = [&entries = a, &order = p] {
        wide r = 1;
        for (std::size_t i = 0; i < N; ++i) r *= entries[i][order[i]];
        return r;
    };
    wide sum = product();
    int sign = 1;
    for (std::size_t i = 1; i < N;) {
        if (c[i] < i) {
            const std::size_t k = i % 2 == 0 ? 0 : c[i];
            const std::size_t swap = p[k];
            p[k] = p[i];
            p[i] = swap;
            sign = -sign;
            sum += sign * product();
            ++c[i];
            i = 1;
        } else {
            c[i] = 0;
            ++i;
        }
    }
    return sum;
}

template <std::size_t N>
consteval std::array<std::array<std::int64_t, N>, N> generated_matrix(std::size_t seed) {
    std::array<std::array<std::int64_t, N>, N> a{};
    std::uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
    for (auto& row : a)
        for (auto& entry : row) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            entry = static_cast<std::int64_t>((state >> 33) % 11) - 5;
        }
    return a;
}

template <std::size_t N>
consteval ncv::matrix<q, N, N> as_matrix(const std::array<std::array<std::int64_t, N>, N>& a) {
    ncv::matrix<q, N, N> m;
    for (std::size_t i = 0; i < N; ++i)
        for (std::size_t j = 0; j < N; ++j) m(i, j) = q(a[i][j]);
    return m;
}

// On generated matrices of each size 1..4 (20 of them, 6 of the costlier 4x4): det against
// Leibniz; each adjugate entry against the signed Leibniz sum of its minor (row j and column i
// struck out).
template <std::size_t N>
consteval std::size_t determinant_and_adjugate() {
    for (std::size_t seed = 0; seed < (N < 4 ? 20 : 6); ++seed) {
        const auto a = generated_matrix<N>(seed);
        const auto m = as_matrix<N>(a);
        if (!is(ncv::determinant(m), leibniz<N>(a), 1)) return seed;
        if constexpr (N > 1) {
            const auto adj = ncv::adjugate(m);
            for (std::size_t i = 0; i < N; ++i)
                for (std::size_t j = 0; j < N; ++j) {
                    std::array<std::array<std::int64_t, N - 1>, N - 1> minor{};
                    for (std::size_t r = 0, mr = 0; r < N; ++r) {
                        if (r == j) continue;
                        for (std::size_t col = 0, mc = 0; col < N; ++col)
                            if (col != i) minor[mr][mc++] = a[r][col];
                        ++mr;
                    }
                    const wide cofactor = ((i + j) % 2 == 0 ? 1 : -1) * leibniz<N - 1>(minor);
                    if (!is(adj(i, j), cofactor, 1)) return 100 * seed + 10 * i + j;
                }
        }
    }
    return holds;
}
static_assert(law<"determinant of 1x1 matrices by Leibniz", determinant_and_adjugate<1>()>());
static_assert(law<"determinant and adjugate of 2x2 matrices by Leibniz", determinant_and_adjugate<2>()>());
static_assert(law<"determinant and adjugate of 3x3 matrices by Leibniz", determinant_and_adjugate<3>()>());
static_assert(law<"determinant and adjugate of 4x4 matrices by Leibniz", determinant_and_adjugate<4>()>());

// ---- The mask: 1 on the entries the loss counts, by its definition ----

consteval std::size_t mask_definition() {
    for (std::size_t rows = 1; rows <= 4; ++rows)
        for (std::size_t cols = 1; cols <= 4; ++cols) {
            const auto all = ncv::make_mask(rows, cols, ncv::mask_kind::all);
            const auto diagonal = ncv::make_mask(rows, cols, ncv::mask_kind::diagonal);
            if (all.rows() != rows || all.cols() != cols || diagonal.rows() != rows || diagonal.cols() != cols)
                return 100 * rows + 10 * cols;
            for (std::size_t i = 0; i < rows; ++i)
                for (std::size_t j = 0; j < cols; ++j)
                    if (all(i, j) != 1 || diagonal(i, j) != (i == j ? 1 : 0)) return 100 * rows + 10 * cols;
        }
    return holds;
}
static_assert(law<"make_mask: every entry, or exactly those with i = j", mask_definition()>());

}  // namespace
