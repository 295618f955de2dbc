// Defines the writers of answers as JSON text, number by number: no DOM for millions of values.
#pragma once

#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <string>

#include <boost/json.hpp>

#include <ncv/array/matrix.hpp>
#include <ncv/number/checked_integer.hpp>
#include <ncv/number/rational.hpp>

#include "exact_json.hpp"

namespace ncv::tool {

template <std::integral I>
void append_integer(std::string& out, I value) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
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

}  // namespace ncv::tool
