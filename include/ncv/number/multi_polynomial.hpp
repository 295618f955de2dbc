// Defines ncv::multi_polynomial<T, Vars, Capacity>: a polynomial in several variables with exact coefficients, in a unique normal form.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include <ncv/number/concepts.hpp>
#include <ncv/number/detail/plain_array.hpp>
#include <ncv/number/detail/slot.hpp>

namespace ncv {

/// A sum of terms c·x₀^e₀·…·x_{V−1}^e_{V−1}, kept sorted by exponents with no zero coefficient,
/// so two polynomials are equal exactly when their term lists are: identity checking by normal
/// form. Fixed capacity (no allocation, so it lives in constants); a result with more terms
/// throws std::length_error, a compile error in a proof.
template <unital_ring T, std::size_t Vars, std::size_t Capacity = 64>
class multi_polynomial {
    // Exponents packed eight to a 64-bit word, x_0 in the highest byte: comparing the words as
    // integers compares the exponent vectors lexicographically, and multiplying two monomials
    // adds the words. In constant evaluation each element costs several steps, so a term of a
    // polynomial in 43 symbols costs 6 words rather than 43 exponents.
    static constexpr std::size_t words = (Vars + 7) / 8;
    using packed_exponents = detail::plain_array<std::uint64_t, words>;
    static constexpr unsigned max_power = 255;

public:
    /// A term's exponents, one per variable.
    using exponents = std::array<unsigned, Vars>;
    /// One term: its exponents (packed) and its coefficient (never zero in a normal form).
    struct term {
        /// The exponents, eight to a 64-bit word.
        packed_exponents packed{};
        /// The coefficient.
        T coefficient{};

        /// The power of x_v in this term.
        [[nodiscard]] constexpr unsigned power(std::size_t v) const noexcept {
            return static_cast<unsigned>((packed.values[v / 8] >> shift(v)) & 0xffU);
        }
        /// The exponents, one per variable.
        [[nodiscard]] constexpr exponents powers() const noexcept {
            exponents e{};
            for (std::size_t v = 0; v < Vars; ++v) e[v] = power(v);
            return e;
        }
    };

    constexpr multi_polynomial() = default;  ///< zero
    constexpr multi_polynomial(const multi_polynomial&) = default;  ///< a copy
    /// Copies the terms one by one, and only as many as there are: clang 22's new constant
    /// interpreter loses which member of a union is active when a whole array of them is assigned
    /// (tests/static/new_interpreter.cpp).
    constexpr multi_polynomial& operator=(const multi_polynomial& other) {
        for (std::size_t k = 0; k < other.size_; ++k) terms_.values[k] = other.terms_.values[k];
        size_ = other.size_;
        return *this;
    }
    /// The constant polynomial c.
    constexpr multi_polynomial(const T& constant) { add_term({}, constant); }  // NOLINT(google-explicit-constructor)
    /// The constant polynomial c.
    constexpr multi_polynomial(int constant) : multi_polynomial(T(constant)) {}  // NOLINT(google-explicit-constructor)

    /// The polynomial x_v; throws std::out_of_range if v ≥ Vars.
    [[nodiscard]] static constexpr multi_polynomial variable(std::size_t v) {
        if (v >= Vars) throw std::out_of_range("ncv::multi_polynomial: no such variable");
        packed_exponents e{};
        set_power(e, v, 1);
        multi_polynomial p;
        p.add_term(e, T(1));
        return p;
    }

    /// c·x^e: one term, given by its coefficient and exponents (each at most 255, or std::overflow_error).
    [[nodiscard]] static constexpr multi_polynomial monomial(const T& c, const exponents& e) {
        multi_polynomial p;
        p.add_term(pack(e), c);
        return p;
    }

    /// The number of terms with a nonzero coefficient.
    [[nodiscard]] constexpr std::size_t term_count() const noexcept { return size_; }
    /// True for the zero polynomial.
    [[nodiscard]] constexpr bool is_zero() const noexcept { return size_ == 0; }
    /// Term k of the sorted term list (k < term_count(); unchecked).
    [[nodiscard]] constexpr const term& operator[](std::size_t k) const { return terms_.values[k].value; }

    /// The coefficient of one monomial (0 if absent).
    [[nodiscard]] constexpr T coefficient(const exponents& e) const {
        const packed_exponents wanted = pack(e);
        for (std::size_t k = 0; k < size_; ++k)
            if (compare(terms_.values[k].value.packed, wanted) == 0) return terms_.values[k].value.coefficient;
        return T(0);
    }

    /// Both term lists are sorted, so a sum is a merge: b's terms go into a copy of a in place.
    [[nodiscard]] friend constexpr multi_polynomial operator+(const multi_polynomial& a, const multi_polynomial& b) {
        multi_polynomial r = a;
        r.add_sorted(b.size_, [&terms = b.terms_](std::size_t j) { return terms.values[j].value; });
        return r;
    }
    /// Every coefficient negated.
    [[nodiscard]] friend constexpr multi_polynomial operator-(const multi_polynomial& a) {
        multi_polynomial r = a;
        for (std::size_t k = 0; k < r.size_; ++k) r.terms_.values[k].value.coefficient = -r.terms_.values[k].value.coefficient;
        return r;
    }
    /// a − b; throws std::length_error if the result has more than Capacity terms.
    [[nodiscard]] friend constexpr multi_polynomial operator-(const multi_polynomial& a, const multi_polynomial& b) {
        multi_polynomial r = a;
        r.add_sorted(b.size_, [&terms = b.terms_](std::size_t j) {
            return term{terms.values[j].value.packed, -terms.values[j].value.coefficient};
        });
        return r;
    }
    /// A term of a times b keeps b's order (adding one exponent vector to all of them does not
    /// change which is first), so the product merges one sorted row per term of a into the result.
    [[nodiscard]] friend constexpr multi_polynomial operator*(const multi_polynomial& a, const multi_polynomial& b) {
        multi_polynomial r;
        for (std::size_t i = 0; i < a.size_; ++i)
            r.add_sorted(b.size_, [&x = a.terms_.values[i].value, &terms = b.terms_](std::size_t j) {
                return term{multiply(x.packed, terms.values[j].value.packed), x.coefficient * terms.values[j].value.coefficient};
            });
        return r;
    }

    /// Equal as polynomials: the same normal form (terms and coefficients).
    [[nodiscard]] friend constexpr bool operator==(const multi_polynomial& a, const multi_polynomial& b) {
        if (a.size_ != b.size_) return false;
        for (std::size_t k = 0; k < a.size_; ++k) {
            const term& x = a.terms_.values[k].value;
            const term& y = b.terms_.values[k].value;
            if (compare(x.packed, y.packed) != 0 || !(x.coefficient == y.coefficient)) return false;
        }
        return true;
    }

    /// The value at a point (one number per variable).
    [[nodiscard]] constexpr T operator()(const std::array<T, Vars>& point) const {
        T sum(0);
        for (std::size_t k = 0; k < size_; ++k) {
            const term& t = terms_.values[k].value;
            T product = t.coefficient;
            // The powers read byte by byte from the packed words, without a call per variable.
            for (std::size_t v = 0; v < Vars; ++v)
                for (auto p = (t.packed.values[v / 8] >> (56 - 8 * (v % 8))) & 0xffU; p > 0; --p) product = product * point[v];
            sum = sum + product;
        }
        return sum;
    }

    /// The highest power of x_v in any term (0 for a polynomial without x_v, and for zero).
    [[nodiscard]] constexpr unsigned degree_in(std::size_t v) const {
        unsigned degree = 0;
        for (std::size_t k = 0; k < size_; ++k)
            if (terms_.values[k].value.power(v) > degree) degree = terms_.values[k].value.power(v);
        return degree;
    }

    /// The polynomial that multiplies x_v^power when this one is written as Σ_k c_k · x_v^k.
    [[nodiscard]] constexpr multi_polynomial coefficient_in(std::size_t v, unsigned power) const {
        return eliminate(v, [&](unsigned k) { return k == power ? T(1) : T(0); });
    }

    /// The formal partial derivative ∂/∂x_v: each term c·x_v^k becomes k·c·x_v^(k−1).
    [[nodiscard]] constexpr multi_polynomial derivative(std::size_t v) const {
        multi_polynomial r;
        for (std::size_t k = 0; k < size_; ++k) {
            const unsigned power = terms_.values[k].value.power(v);
            if (power == 0) continue;
            packed_exponents e = terms_.values[k].value.packed;
            set_power(e, v, power - 1);  // one less of x_v in each term keeps their order
            r.append(e, terms_.values[k].value.coefficient * T(static_cast<long long>(power)));
        }
        return r;
    }

    /// x_v replaced by a number: a polynomial in the other variables.
    [[nodiscard]] constexpr multi_polynomial substitute(std::size_t v, const T& value) const {
        // An init-capture: clang 22's new constant interpreter cannot read a reference parameter
        // captured plainly by a lambda that another function calls (tests/static/new_interpreter.cpp).
        return eliminate(v, [&base = value](unsigned k) {
            T power(1);
            for (unsigned p = 0; p < k; ++p) power = power * base;
            return power;
        });
    }

    /// Replaces each power x_v^k by moments[k] (throws if k is beyond the given moments): the
    /// expectation over a random variable x_v independent of the others, E[x_v^k] = moments[k].
    template <std::size_t Moments>
    [[nodiscard]] constexpr multi_polynomial expectation_over(std::size_t v, const std::array<T, Moments>& moments) const {
        return eliminate(v, [&given = moments](unsigned k) {
            if (k >= Moments) throw std::out_of_range("ncv::multi_polynomial: a moment that was not given");
            return given[k];
        });
    }

private:
    // Removes x_v from every term, multiplying the term's coefficient by factor(its power of x_v):
    // the one loop behind coefficient_in, substitute and expectation_over.
    template <class Factor>
    constexpr multi_polynomial eliminate(std::size_t v, Factor factor) const {
        multi_polynomial r;
        for (std::size_t k = 0; k < size_; ++k) {
            packed_exponents e = terms_.values[k].value.packed;
            const T f = factor(terms_.values[k].value.power(v));
            set_power(e, v, 0);
            r.add_term(e, terms_.values[k].value.coefficient * f);
        }
        return r;
    }

    static constexpr unsigned shift(std::size_t v) noexcept { return static_cast<unsigned>(8 * (7 - v % 8)); }

    static constexpr void set_power(packed_exponents& e, std::size_t v, unsigned power) {
        if (power > max_power) throw std::overflow_error("ncv::multi_polynomial: a power beyond 255");
        e.values[v / 8] = (e.values[v / 8] & ~(std::uint64_t{0xff} << shift(v))) | (std::uint64_t{power} << shift(v));
    }

    static constexpr packed_exponents pack(const exponents& e) {
        packed_exponents packed{};
        for (std::size_t v = 0; v < Vars; ++v) set_power(packed, v, e[v]);
        return packed;
    }

    // x^a · x^b = x^(a+b): bytewise sums, refused (std::overflow_error) where one would pass 255
    // and carry into its neighbour.
    static constexpr packed_exponents multiply(const packed_exponents& a, const packed_exponents& b) {
        constexpr std::uint64_t high = 0x8080808080808080U;
        packed_exponents sum{};
        for (std::size_t w = 0; w < words; ++w) {
            const std::uint64_t low_sum = (a.values[w] & ~high) + (b.values[w] & ~high);  // no carry leaves a byte
            if (((a.values[w] & b.values[w]) | ((a.values[w] | b.values[w]) & low_sum)) & high)
                throw std::overflow_error("ncv::multi_polynomial: a power beyond 255");
            sum.values[w] = a.values[w] + b.values[w];
        }
        return sum;
    }

    // Lexicographic order of exponent vectors: negative, zero or positive.
    static constexpr int compare(const packed_exponents& x, const packed_exponents& y) noexcept {
        for (std::size_t w = 0; w < words; ++w)
            if (x.values[w] != y.values[w]) return x.values[w] < y.values[w] ? -1 : 1;
        return 0;
    }

    // Adds c·x^e after the last term, which must be below e: a term list built in order. A zero c
    // adds nothing, so the list stays free of zero coefficients.
    constexpr void append(const packed_exponents& e, const T& c) {
        if (c == T(0)) return;
        if (size_ == Capacity) throw std::length_error("ncv::multi_polynomial: more terms than the capacity");
        terms_.values[size_] = term{e, c};
        ++size_;
    }

    // Adds `count` terms given in increasing order (term_at(0) < term_at(1) < …), keeping the list
    // sorted and free of zero coefficients: a merge from the back, in place, so each term already
    // here moves at most once and no second polynomial is built (making or copying one costs
    // clang's constant evaluator the whole capacity). Where the two lists together would pass the
    // capacity, like terms may still make the sum fit: the terms then go in one at a time.
    template <class TermAt>
    constexpr void add_sorted(std::size_t count, TermAt term_at) {
        if (size_ + count > Capacity) {
            for (std::size_t j = 0; j < count; ++j) {
                const term t = term_at(j);
                add_term(t.packed, t.coefficient);
            }
            return;
        }
        const std::size_t end = size_ + count;
        std::size_t kept = size_, out = end;  // terms_[0, kept) not yet merged; [out, end) done
        for (std::size_t j = count; j-- > 0;) {
            const term incoming = term_at(j);
            int order = 1;
            while (kept > 0 && (order = compare(terms_.values[kept - 1].value.packed, incoming.packed)) > 0) {
                --kept;
                --out;
                terms_.values[out] = slot(terms_.values[kept]);
            }
            T c = incoming.coefficient;
            if (kept > 0 && order == 0) c = terms_.values[--kept].value.coefficient + c;  // like terms
            if (!(c == T(0))) terms_.values[--out] = term{incoming.packed, c};
        }
        // Close the gap that combined and cancelled terms left between the two parts.
        if (out != kept)
            for (std::size_t k = out; k < end; ++k) terms_.values[kept + (k - out)] = slot(terms_.values[k]);
        size_ = kept + (end - out);
    }

    // Adds c·x^e, keeping the terms sorted and free of zero coefficients. The place is found by
    // bisection. For terms that come in no order: eliminating a variable, and sums near the capacity.
    constexpr void add_term(const packed_exponents& e, const T& c) {
        if (c == T(0)) return;
        std::size_t k = 0, end = size_;  // terms before k are below e, terms from end on are not
        while (k < end) {
            const std::size_t middle = k + (end - k) / 2;
            if (compare(terms_.values[middle].value.packed, e) < 0) k = middle + 1;
            else end = middle;
        }
        if (k < size_ && compare(terms_.values[k].value.packed, e) == 0) {
            terms_.values[k].value.coefficient = terms_.values[k].value.coefficient + c;
            if (terms_.values[k].value.coefficient == T(0)) {
                for (std::size_t j = k + 1; j < size_; ++j) terms_.values[j - 1] = slot(terms_.values[j]);
                --size_;
            }
            return;
        }
        if (size_ == Capacity) throw std::length_error("ncv::multi_polynomial: more terms than the capacity");
        // Shifted through a copy: clang 22's new constant interpreter wrongly calls the direct
        // assignment between neighbouring elements an overlapping memcpy (tests/static/new_interpreter.cpp).
        for (std::size_t j = size_; j > k; --j) terms_.values[j] = slot(terms_.values[j - 1]);
        terms_.values[k] = term{e, c};
        ++size_;
    }

    // Not `{}`: g++ 12 may reuse a `{}` that a constant evaluation changed (tests/default_values_test.cpp).
    // Places for the terms, empty until written: making a polynomial makes none of its terms.
    using slot = detail::slot<term>;
    detail::plain_array<slot, Capacity> terms_ = detail::plain_array<slot, Capacity>();
    std::size_t size_ = 0;
};

}  // namespace ncv
