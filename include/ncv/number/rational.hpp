// Defines ncv::rational<Int>: an exact fraction, always in lowest terms, whose arithmetic never overflows silently.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <ncv/number/detail/checked_arithmetic.hpp>

namespace ncv {

/// A signed built-in integer, or a class integer (Boost.Multiprecision) with the same operations.
template <class Int>
concept rational_integer =
    (std::integral<Int> && std::is_signed_v<Int>) ||
    (!std::is_arithmetic_v<Int> && requires(const Int& a, const Int& b) {
        Int(a + b);
        Int(a - b);
        Int(a * b);
        Int(a / b);
        Int(a % b);
        Int(-a);
        { a < b } -> std::convertible_to<bool>;
        { a == b } -> std::convertible_to<bool>;
        Int(0);
    });

namespace detail {
/// Whether Int holds every value of the built-in integer type I (a class integer holds them all).
template <class Int, class I>
[[nodiscard]] consteval bool holds_every_value_of() {
    if constexpr (std::integral<Int>)
        return std::in_range<Int>(std::numeric_limits<I>::min()) && std::in_range<Int>(std::numeric_limits<I>::max());
    else
        return true;
}
}  // namespace detail

/// An exact fraction numerator/denominator over the integer Int, always in lowest terms with a positive denominator, so equality is equality of the parts. On built-in integers every operation checks for overflow: a constant evaluation that overflows is a compile error, a run-time one throws std::overflow_error; never a wrong answer. Division by zero throws std::domain_error.
template <rational_integer Int = std::int64_t>
class rational {
public:
    /// The integer type of numerator and denominator.
    using integer_type = Int;

    constexpr rational() = default;

    /// Implicit from any integer, so that `rational<> r = 3;` and `r + 1` read naturally. Checked
    /// only where I has values Int lacks (from int to int64_t it cannot fail), and then through a
    /// call: the check, and each call, cost g++'s constant evaluator steps per conversion.
    template <class I>
        requires(std::same_as<I, Int> || (std::integral<I> && detail::holds_every_value_of<Int, I>()))
    constexpr rational(const I& value) : numerator_(static_cast<Int>(value)) {}  // NOLINT(google-explicit-constructor)
    /// The integer value/1; throws std::overflow_error if it does not fit Int.
    template <std::integral I>
        requires(!detail::holds_every_value_of<Int, I>())
    constexpr rational(const I& value) : numerator_(from_integer(value)) {}  // NOLINT(google-explicit-constructor)

    /// Throws std::domain_error on a zero denominator (a compile error in constant evaluation).
    constexpr rational(const Int& numerator, const Int& denominator)
        : numerator_(numerator), denominator_(denominator) {
        if (denominator_ == Int(0)) throw std::domain_error("ncv::rational: zero denominator");
        if (denominator_ < Int(0)) {
            numerator_ = detail::checked_neg(numerator_);
            denominator_ = detail::checked_neg(denominator_);
        }
        // A unit part leaves nothing to cancel, so no gcd: every exact SGD step builds η_t = 1/(t+1)
        // (guarded by tools/bench/lean_rational.py).
        if (denominator_ == Int(1) || numerator_ == Int(1) || numerator_ == Int(-1)) return;
        const Int g = detail::gcd(numerator_, denominator_);
        numerator_ = Int(numerator_ / g);
        denominator_ = Int(denominator_ / g);
    }

    /// Exact conversion between integer types; throws std::overflow_error if a value does not fit.
    template <rational_integer Other>
        requires(!std::same_as<Other, Int>)
    constexpr explicit rational(const rational<Other>& other)
        : rational(convert(other.numerator()), convert(other.denominator())) {}

    /// The numerator, in lowest terms (its sign is the fraction's).
    [[nodiscard]] constexpr const Int& numerator() const noexcept { return numerator_; }
    /// The denominator, positive, in lowest terms.
    [[nodiscard]] constexpr const Int& denominator() const noexcept { return denominator_; }
    /// True when the denominator is 1.
    [[nodiscard]] constexpr bool is_integer() const { return denominator_ == Int(1); }

    /// a + b in lowest terms; throws std::overflow_error if the result does not fit Int.
    // The operators are always inlined: g++ 12 at -O2 leaves them as calls in ncv sgd's loop
    // (tools/bench/sgd_vs_fraction.py).
    [[nodiscard, gnu::always_inline]] friend constexpr rational operator+(const rational& a, const rational& b) {
        return sum(a.numerator_, a.denominator_, b.numerator_, b.denominator_);
    }

    /// −a; throws std::overflow_error for the most negative numerator.
    [[nodiscard]] friend constexpr rational operator-(const rational& a) {
        return rational(detail::checked_neg(a.numerator_), a.denominator_, lowest_terms);
    }

    /// a − b in lowest terms; throws std::overflow_error if the result does not fit Int.
    // b's numerator is negated in place, not through checked_neg: a call costs g++ 12's constant
    // evaluator more than the check, and an SGD step subtracts twice (tools/bench/lean_rational.py).
    [[nodiscard, gnu::always_inline]] friend constexpr rational operator-(const rational& a, const rational& b) {
        if constexpr (std::integral<Int>) {
            Int negated{};
            if (__builtin_sub_overflow(Int(0), b.numerator_, &negated)) detail::overflow("negation");
            return sum(a.numerator_, a.denominator_, negated, b.denominator_);
        } else {
            return sum(a.numerator_, a.denominator_, Int(-b.numerator_), b.denominator_);
        }
    }

    /// a · b, cross-cancelled first; throws std::overflow_error if the result does not fit.
    [[nodiscard, gnu::always_inline]] friend constexpr rational operator*(const rational& a, const rational& b) {
        return product(a.numerator_, a.denominator_, b.numerator_, b.denominator_);
    }

    /// Throws std::domain_error when dividing by zero.
    [[nodiscard, gnu::always_inline]] friend constexpr rational operator/(const rational& a, const rational& b) {
        if (b.numerator_ == Int(0)) throw std::domain_error("ncv::rational: division by zero");
        // a · (1/b), where 1/b keeps its sign in the numerator.
        return b.numerator_ < Int(0) ? product(a.numerator_, a.denominator_, detail::checked_neg(b.denominator_),
                                               detail::checked_neg(b.numerator_))
                                     : product(a.numerator_, a.denominator_, b.denominator_, b.numerator_);
    }

    /// 1/a; throws std::domain_error for 0.
    [[nodiscard]] constexpr rational reciprocal() const {
        if (numerator_ == Int(0)) throw std::domain_error("ncv::rational: division by zero");
        return rational(numerator_ < Int(0) ? detail::checked_neg(denominator_) : denominator_,
                        detail::abs_value(numerator_), lowest_terms);
    }

    /// *this = *this + b.
    constexpr rational& operator+=(const rational& b) { return *this = *this + b; }
    /// *this = *this − b.
    constexpr rational& operator-=(const rational& b) { return *this = *this - b; }
    /// *this = *this · b.
    constexpr rational& operator*=(const rational& b) { return *this = *this * b; }
    /// *this = *this / b.
    constexpr rational& operator/=(const rational& b) { return *this = *this / b; }

    /// Lowest terms make the representation unique, so equality is member-wise.
    [[nodiscard]] friend constexpr bool operator==(const rational& a, const rational& b) {
        return a.numerator_ == b.numerator_ && a.denominator_ == b.denominator_;
    }

    /// Ordered as the numbers are (exactly, without overflow).
    [[nodiscard]] friend constexpr std::strong_ordering operator<=>(const rational& a, const rational& b) {
        // Denominators are positive, so a/b < c/d exactly when a·d < c·b. With built-in integers
        // whose cross products would overflow, compare by continued fractions instead: exact,
        // and no intermediate is larger than the operands.
        if constexpr (std::integral<Int>) {
            Int left{}, right{};
            if (__builtin_mul_overflow(a.numerator_, b.denominator_, &left) ||
                __builtin_mul_overflow(b.numerator_, a.denominator_, &right))
                return compare_by_continued_fractions(a, b);
            return left <=> right;
        } else {
            const Int left = detail::checked_mul(a.numerator_, b.denominator_);
            const Int right = detail::checked_mul(b.numerator_, a.denominator_);
            if (left < right) return std::strong_ordering::less;
            if (right < left) return std::strong_ordering::greater;
            return std::strong_ordering::equal;
        }
    }

    /// A template over the stream, so that this header needs only `<iosfwd>`: whoever streams has `<ostream>`.
    template <class Char, class Traits>
    friend std::basic_ostream<Char, Traits>& operator<<(std::basic_ostream<Char, Traits>& out, const rational& r) {
        out << r.numerator_;
        if (!r.is_integer()) out << '/' << r.denominator_;
        return out;
    }

private:
    // Compares p/q with r/s (q, s > 0) by their continued-fraction expansions.
    static constexpr std::strong_ordering compare_by_continued_fractions(const rational& x, const rational& y) {
        const bool x_negative = x.numerator_ < Int(0), y_negative = y.numerator_ < Int(0);
        if (x_negative != y_negative) return x_negative ? std::strong_ordering::less : std::strong_ordering::greater;
        if (x_negative) return compare_by_continued_fractions(-y, -x);
        Int p = x.numerator_, q = x.denominator_, r = y.numerator_, s = y.denominator_;
        bool flipped = false;  // each step compares reciprocals, which reverses the order
        for (;;) {
            const Int a = Int(p / q), b = Int(r / s);
            if (a != b) return (a < b) != flipped ? std::strong_ordering::less : std::strong_ordering::greater;
            const Int p_rest = Int(p % q), r_rest = Int(r % s);
            if (p_rest == Int(0) || r_rest == Int(0)) {
                if (p_rest == r_rest) return std::strong_ordering::equal;
                return (p_rest == Int(0)) != flipped ? std::strong_ordering::less : std::strong_ordering::greater;
            }
            // p/q = a + p_rest/q: compare q/p_rest with s/r_rest, reversed.
            p = q;
            q = p_rest;
            r = s;
            s = r_rest;
            flipped = !flipped;
        }
    }

    // For parts known to be in lowest terms with a positive denominator already: no gcd.
    struct lowest_terms_t {};
    static constexpr lowest_terms_t lowest_terms{};
    constexpr rational(Int numerator, Int denominator, lowest_terms_t)
        : numerator_(static_cast<Int&&>(numerator)), denominator_(static_cast<Int&&>(denominator)) {}

    // sum and product take their parts by reference. By value, g++ 12's constant evaluator used
    // 15 % less memory for 16,000 SGD steps, but then misevaluated q1b_sgd_iterates.cpp: a
    // denominator read as 0 ("'(0 / 0)' is not a constant expression"), or, with by-value
    // negation too, "accessing value of 'result_decl' through a glvalue". A compiler bug, and
    // one that yields wrong values, so not worth the memory.

    // a/b + c/d, both in lowest terms. Integers (the common case in proofs) need no gcd at all.
    // One integer operand: a/b + c = (a + c·b)/b is in lowest terms as it stands, since
    // gcd(a + c·b, b) = gcd(a, b) = 1 (the SGD step w − x meets this once per point).
    // Otherwise over the least common denominator, which keeps intermediates small: with
    // g = gcd(b, d), any common factor of the new numerator and denominator divides g (Knuth,
    // TAOCP 4.5.1), so coprime denominators need no further gcd.
    //
    // sum and product are written twice, once per kind of integer, with the same cases. For
    // built-in integers the overflow builtins are written out where checked_add & co. would be
    // called: each call costs g++ 12's constant evaluator an entry, copies of its arguments and
    // memory for them, and an exact SGD step made about ten (tools/bench/lean_rational.py). The cases stay:
    // folding them into the general formula (g = 1 for an integer operand) cost more than the
    // calls did, since every operation, even a division by 1, is a step of the evaluator. Class
    // integers check (or grow) on their own, so their operators are used as they are.
    [[gnu::always_inline]] static constexpr rational sum(const Int& a, const Int& b, const Int& c, const Int& d) {
        if constexpr (std::integral<Int>) {
            Int left{}, right{}, numerator{};
            if (b == 1 && d == 1) {
                if (__builtin_add_overflow(a, c, &numerator)) detail::overflow("addition");
                return rational(numerator, 1, lowest_terms);
            }
            if (d == 1) {
                if (__builtin_mul_overflow(c, b, &right) || __builtin_add_overflow(a, right, &numerator))
                    detail::overflow("addition");
                return rational(numerator, b, lowest_terms);
            }
            if (b == 1) {
                if (__builtin_mul_overflow(a, d, &left) || __builtin_add_overflow(left, c, &numerator))
                    detail::overflow("addition");
                return rational(numerator, d, lowest_terms);
            }
            const Int g = detail::gcd(b, d);
            const Int b_over_g = b / g;
            if (__builtin_mul_overflow(a, d / g, &left) || __builtin_mul_overflow(c, b_over_g, &right) ||
                __builtin_add_overflow(left, right, &numerator))
                detail::overflow("addition");
            const Int g2 = g == 1 ? 1 : detail::gcd(numerator, g);
            Int denominator{};
            if (__builtin_mul_overflow(b_over_g, d / g2, &denominator)) detail::overflow("multiplication");
            return rational(numerator / g2, denominator, lowest_terms);
        } else {
            if (b == Int(1) && d == Int(1)) return rational(Int(a + c), Int(1), lowest_terms);
            if (d == Int(1)) return rational(Int(a + c * b), b, lowest_terms);
            if (b == Int(1)) return rational(Int(a * d + c), d, lowest_terms);
            const Int g = detail::gcd(b, d);
            const Int b_over_g = Int(b / g);
            const Int numerator = Int(a * Int(d / g) + c * b_over_g);
            const Int g2 = g == Int(1) ? Int(1) : detail::gcd(numerator, g);
            return rational(Int(numerator / g2), Int(b_over_g * Int(d / g2)), lowest_terms);
        }
    }

    // (a/b)·(c/d), both in lowest terms (d > 0 and b > 0). Cross-cancelling first (Henrici) leaves
    // the product in lowest terms and overflows only if the result itself does not fit. A gcd
    // with a unit part is 1 without asking (1/(t+1) · w, an SGD step's, meets it every time).
    // Spelled out, not through a helper lambda, which g++ 12's evaluator pays for in every
    // symbolic proof (tools/bench/compile_times.py, q2c_for_all_data.cpp).
    [[gnu::always_inline]] static constexpr rational product(const Int& a, const Int& b, const Int& c, const Int& d) {
        if constexpr (std::integral<Int>) {
            Int numerator{}, denominator{};
            if (b == 1 && d == 1) {
                if (__builtin_mul_overflow(a, c, &numerator)) detail::overflow("multiplication");
                return rational(numerator, 1, lowest_terms);
            }
            const Int g1 = d == 1 || a == 1 || a == -1 ? 1 : detail::gcd(a, d);
            const Int g2 = b == 1 || c == 1 || c == -1 ? 1 : detail::gcd(c, b);
            if (__builtin_mul_overflow(a / g1, c / g2, &numerator) || __builtin_mul_overflow(b / g2, d / g1, &denominator))
                detail::overflow("multiplication");
            return rational(numerator, denominator, lowest_terms);
        } else {
            if (b == Int(1) && d == Int(1)) return rational(Int(a * c), Int(1), lowest_terms);
            const Int g1 = d == Int(1) || a == Int(1) || a == Int(-1) ? Int(1) : detail::gcd(a, d);
            const Int g2 = b == Int(1) || c == Int(1) || c == Int(-1) ? Int(1) : detail::gcd(c, b);
            return rational(Int(Int(a / g1) * Int(c / g2)), Int(Int(b / g2) * Int(d / g1)), lowest_terms);
        }
    }

    template <class I>
    static constexpr Int from_integer(const I& value) {
        if constexpr (std::integral<Int> && std::integral<I>) {
            if constexpr (!detail::holds_every_value_of<Int, I>())
                if (!std::in_range<Int>(value)) detail::overflow("conversion to the rational's integer type");
            return static_cast<Int>(value);
        } else {
            return Int(value);
        }
    }

    template <class Other>
    static constexpr Int convert(const Other& value) {
        if constexpr (std::integral<Other>) {
            return from_integer(value);
        } else if constexpr (std::integral<Int>) {
            // A class integer into a built-in one: compare against the built-in's range first.
            if (value > Other(std::numeric_limits<Int>::max()) || value < Other(std::numeric_limits<Int>::min()))
                detail::overflow("conversion to the rational's integer type");
            return static_cast<Int>(value);
        } else {
            return Int(value);
        }
    }

    Int numerator_{0};
    Int denominator_{1};
};

/// An ncv::rational of some integer type (not a type merely convertible to one).
template <class T>
concept rational_number = requires {
    typename T::integer_type;
    requires std::same_as<T, rational<typename T::integer_type>>;
};

namespace detail {

/// The decimal digits of an integer, without a stream: std::to_string for a built-in, str() for a
/// class integer that has it (Boost.Multiprecision's all do), and for any other rational_integer
/// the remainders of division by ten, with only the operations the concept asks for. Recursive,
/// with string operations other headers already use.
// Recursive rather than a reversed copy through reverse iterators: the string's own calls are not
// dependent, so g++ resolves them wherever this header is read, in every proof
// (tools/bench/compile_times.py).
template <rational_integer Int>
[[nodiscard]] std::string decimal_digits(const Int& n) {
    if constexpr (std::integral<Int>) {
        return std::to_string(n);
    } else if constexpr (requires { { n.str() } -> std::convertible_to<std::string>; }) {
        return n.str();
    } else {
        // Division truncates, so a negative n leaves a negative quotient and a remainder in −9…0.
        const Int quotient = Int(n / Int(10)), remainder = Int(n % Int(10));
        int digit = 0;
        while (!(remainder == Int(digit)) && !(remainder == Int(-digit))) ++digit;
        std::string last(1, static_cast<char>('0' + digit));
        if (quotient == Int(0)) return (n < Int(0) ? "-" : "") + last;
        return decimal_digits(quotient) + last;
    }
}

}  // namespace detail

/// "-7/2" or "3"; integers carry no "/1".
template <rational_integer Int>
[[nodiscard]] std::string to_string(const rational<Int>& r) {
    std::string text = detail::decimal_digits(r.numerator());
    if (!r.is_integer()) text += '/' + detail::decimal_digits(r.denominator());
    return text;
}

/// Parses an integer ("-3"), a fraction ("7/2", "-7/2") or a decimal ("1.25", "-0.5") exactly.
/// Anything else (spaces, exponents, an empty string) throws std::invalid_argument naming the text;
/// a zero denominator throws std::domain_error; a value that does not fit Int throws std::overflow_error.
template <rational_integer Int = std::int64_t>
[[nodiscard]] constexpr rational<Int> parse_rational(std::string_view text) {
    const auto invalid = [&] {
        throw std::invalid_argument("'" + std::string(text) +
                                    "' is not an exact number: expected an integer, p/q or a decimal such as 1.25");
    };
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t position = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++position;

    // Reads one run of digits into an integer, and how many digits it had.
    const auto digits = [&](Int& value) {
        std::size_t count = 0;
        while (position < text.size() && is_digit(text[position])) {
            value = detail::checked_add(detail::checked_mul(value, Int(10)), Int(text[position] - '0'));
            ++position;
            ++count;
        }
        return count;
    };

    Int numerator(0);
    if (digits(numerator) == 0) invalid();
    Int denominator(1);
    if (position < text.size() && text[position] == '/') {
        ++position;
        denominator = Int(0);
        if (digits(denominator) == 0) invalid();
        if (denominator == Int(0)) throw std::domain_error("'" + std::string(text) + "' has a zero denominator");
    } else if (position < text.size() && text[position] == '.') {
        ++position;
        Int fraction(0);
        const std::size_t places = digits(fraction);
        if (places == 0) invalid();
        for (std::size_t i = 0; i < places; ++i) {
            numerator = detail::checked_mul(numerator, Int(10));
            denominator = detail::checked_mul(denominator, Int(10));
        }
        numerator = detail::checked_add(numerator, fraction);
    }
    if (position != text.size()) invalid();
    return rational<Int>(negative ? detail::checked_neg(numerator) : numerator, denominator);
}

}  // namespace ncv
