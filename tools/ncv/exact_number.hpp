// Defines the tools' one conversion layer for exact numbers: to and from cpp_rational, and as text.
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include <boost/multiprecision/cpp_int.hpp>

#include <ncv/array/matrix.hpp>
#include <ncv/number/checked_integer.hpp>
#include <ncv/number/rational.hpp>

namespace ncv::tool {

// Unbounded exact arithmetic for user input: no overflow, however large the entries.
using exact = boost::multiprecision::cpp_rational;

// Any of the library's exact numbers (or a built-in integer) as a cpp_rational.
template <class T>
[[nodiscard]] exact to_exact(const T& value) {
    if constexpr (std::same_as<T, exact> || std::integral<T>) return exact(value);
    else if constexpr (std::same_as<T, checked_integer<std::int64_t>>) return exact(value.value());
    else return exact(typename exact::value_type(value.numerator()), typename exact::value_type(value.denominator()));
}


// A number that is not an integer, met on the way to an integer scalar (so a fast path for
// integer data can restart on rationals).
struct not_an_integer : std::domain_error {
    not_an_integer() : std::domain_error("not an integer") {}
};

// A cpp_rational as S: itself, ncv::rational<std::int64_t>, or ncv::checked_integer<std::int64_t>;
// throws std::overflow_error when a part does not fit in 64 bits (so a fast path can restart on
// cpp_rational), and not_an_integer for a fraction on the way to checked_integer.
template <class S>
[[nodiscard]] S from_exact(const exact& value) {
    if constexpr (std::same_as<S, exact>) {
        return value;
    } else if constexpr (std::same_as<S, checked_integer<std::int64_t>>) {
        if (boost::multiprecision::denominator(value) != 1) throw not_an_integer();
        const auto n = boost::multiprecision::numerator(value);
        if (n > std::numeric_limits<std::int64_t>::max() || n < std::numeric_limits<std::int64_t>::min())
            throw std::overflow_error("value beyond 64 bits");
        return S(static_cast<std::int64_t>(n));
    } else {
        const auto n = boost::multiprecision::numerator(value);
        const auto d = boost::multiprecision::denominator(value);
        constexpr auto max = std::numeric_limits<std::int64_t>::max();
        if (n > max || n < -max || d > max) throw std::overflow_error("value beyond 64 bits");
        return S(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
    }
}

// A number of one of those scalars (R) as another (S): throws std::overflow_error where it does
// not fit S, and not_an_integer for a fraction on the way to checked_integer.
template <class S, class R>
[[nodiscard]] S as_scalar(const R& x) {
    if constexpr (std::same_as<S, R>) return x;
    else if constexpr (std::same_as<S, exact>) return to_exact(x);
    else if constexpr (std::same_as<R, checked_integer<std::int64_t>>) return S(x.value());
    else return from_exact<S>(to_exact(x));
}

template <class S, matrix_like M>
[[nodiscard]] dyn_matrix<S> as_scalar_matrix(const M& m) {
    dyn_matrix<S> r(m.rows(), m.cols());
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) r(i, j) = as_scalar<S>(m(i, j));
    return r;
}

template <matrix_like M>
[[nodiscard]] dyn_matrix<exact> to_exact_matrix(const M& m) {
    return as_scalar_matrix<exact>(m);
}

// "7", "-7/2": the integer, or numerator/denominator in lowest terms.
[[nodiscard]] inline std::string number_text(const exact& value) {
    const auto n = boost::multiprecision::numerator(value), d = boost::multiprecision::denominator(value);
    return d == 1 ? n.str() : n.str() + "/" + d.str();
}

}  // namespace ncv::tool
