// Defines the writers of answers as JSON text, number by number: no DOM for millions of values.
#pragma once

#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <variant>

#include <boost/json.hpp>

#include <ncv/array/matrix.hpp>
#include <ncv/number/checked_integer.hpp>
#include <ncv/number/rational.hpp>

#include "exact_json.hpp"
#include "problem/answer.hpp"
#include "problem/conv.hpp"
#include "problem/sgd.hpp"

namespace ncv::tool {

template <std::integral I>
void append_integer(std::string& out, I value) {
    char digits[24];
    const char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, static_cast<std::size_t>(end - digits));  // (pointer, length): no iterator-range replace
}

// A number as the tools print it: a JSON integer when it is one and fits 64 bits, else "p/q".
inline void append_number(std::string& out, const rational<std::int64_t>& x) {
    if (x.denominator() == 1) {
        append_integer(out, x.numerator());
        return;
    }
    out += '"';
    append_integer(out, x.numerator());
    out += '/';
    append_integer(out, x.denominator());
    out += '"';
}
inline void append_number(std::string& out, const checked_integer<std::int64_t>& x) { append_integer(out, x.value()); }
inline void append_number(std::string& out, std::size_t n) { append_integer(out, n); }
inline void append_number(std::string& out, const exact& x) { out += boost::json::serialize(write_number(x)); }

template <matrix_like M>
void append_matrix(std::string& out, const M& m) {
    out += '[';
    for (std::size_t i = 0; i < m.rows(); ++i) {
        out += i ? ",[" : "[";
        for (std::size_t j = 0; j < m.cols(); ++j) {
            if (j) out += ',';
            append_number(out, m(i, j));
        }
        out += ']';
    }
    out += ']';
}

inline void append_number(std::string& out, const answer_number& x) {
    std::visit([&](const auto& value) { append_number(out, value); }, x);
}
inline void append_matrix(std::string& out, const answer_matrix& m) {
    std::visit([&](const auto& matrix) { append_matrix(out, matrix); }, m);
}

// {"B", "counts"} and, with a loss, {"loss", "dW", "dA"}: `ncv conv`'s answer.
[[nodiscard]] inline std::string answer_json(const conv_answer& answer) {
    std::string out = "{\"B\":";
    const std::size_t entries = std::visit([](const auto& b) { return b.rows() * b.cols(); }, answer.b);
    out.reserve(entries * (answer.loss ? 24 : 8));
    append_matrix(out, answer.b);
    out += ",\"counts\":";
    append_matrix(out, answer.counts);
    if (answer.loss) {
        out += ",\"loss\":";
        append_number(out, *answer.loss);
        out += ",\"dW\":";
        append_matrix(out, *answer.dW);
        out += ",\"dA\":";
        append_matrix(out, *answer.dA);
    }
    out += '}';
    return out;
}

// `ncv sgd`'s answer, {"iterates":[…],"mean":…,"final_equals_mean":…}, written as the run
// reports it (an sgd_observer): all iterates, or for final_only the last, each a number for flat
// input, else a list of numbers.
class sgd_answer_writer {
public:
    explicit sgd_answer_writer(bool final_only) : final_only_(final_only) {}

    void restart(bool flat) {
        out_ = "{\"iterates\":[";
        flat_ = flat;
        first_ = true;
    }
    template <class V>
    void iterate(const V& w) {
        if (final_only_) return;
        if (!first_) out_ += ',';
        first_ = false;
        append_point(w);
    }
    template <class V>
    void finish(const V& last, const V& mean, bool last_is_mean) {
        if (final_only_) append_point(last);
        out_ += "],\"mean\":";
        append_point(mean);
        out_ += last_is_mean ? ",\"final_equals_mean\":true}" : ",\"final_equals_mean\":false}";
    }
    [[nodiscard]] std::string take() { return std::move(out_); }

private:
    template <class V>
    void append_point(const V& v) {
        if constexpr (matrix_like<V>) {
            out_ += '[';
            for (std::size_t k = 0; k < v.rows(); ++k) {
                if (k) out_ += ',';
                append_number(out_, v(k, 0));
            }
            out_ += ']';
        } else {
            if (!flat_) out_ += '[';
            append_number(out_, v);
            if (!flat_) out_ += ']';
        }
    }

    std::string out_;
    bool final_only_, flat_ = false, first_ = true;
};

}  // namespace ncv::tool
