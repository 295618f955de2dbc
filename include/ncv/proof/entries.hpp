// Defines ncv::entry_grid: one view of a scalar, a fixed matrix or an array as a grid of numeric entries.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>

#include <ncv/array/matrix.hpp>
#include <ncv/number/rational.hpp>

namespace ncv {

/// Claims and proofs compare values entry by entry, and mutants change one entry; this
/// is the single place that knows how each kind of value is laid out.
template <class T>
struct entry_grid;

/// A built-in integer or an ncv::rational: the numbers a claim's entries may be.
template <class T>
concept exact_number = std::integral<T> || rational_number<T>;

/// A number is a 1 x 1 grid.
template <exact_number T>
struct entry_grid<T> {
    /// One row.
    static constexpr std::size_t rows = 1;
    /// One column.
    static constexpr std::size_t cols = 1;
    /// The number itself.
    [[nodiscard]] static constexpr T& at(T& value, std::size_t) { return value; }
    /// The number itself.
    [[nodiscard]] static constexpr const T& at(const T& value, std::size_t) { return value; }
};

/// A fixed-extent matrix is its own grid, row-major.
template <class T, std::size_t Rows, std::size_t Cols>
struct entry_grid<matrix<T, Rows, Cols>> {
    /// Rows.
    static constexpr std::size_t rows = Rows;
    /// Cols.
    static constexpr std::size_t cols = Cols;
    /// Entry k, row-major.
    [[nodiscard]] static constexpr T& at(matrix<T, Rows, Cols>& m, std::size_t k) { return m(k / Cols, k % Cols); }
    /// Entry k, row-major.
    [[nodiscard]] static constexpr const T& at(const matrix<T, Rows, Cols>& m, std::size_t k) {
        return m(k / Cols, k % Cols);
    }
};

/// An array is a 1 x N grid.
template <class T, std::size_t N>
struct entry_grid<std::array<T, N>> {
    /// One row.
    static constexpr std::size_t rows = 1;
    /// N columns.
    static constexpr std::size_t cols = N;
    /// Element k.
    [[nodiscard]] static constexpr T& at(std::array<T, N>& a, std::size_t k) { return a[k]; }
    /// Element k.
    [[nodiscard]] static constexpr const T& at(const std::array<T, N>& a, std::size_t k) { return a[k]; }
};

/// How many entries a value of type T has.
template <class T>
inline constexpr std::size_t entry_count = entry_grid<T>::rows * entry_grid<T>::cols;

/// An entry as an exact rational, whichever exact number type it is stored as.
template <exact_number T>
[[nodiscard]] constexpr rational<std::int64_t> as_rational(const T& value) {
    return rational<std::int64_t>(value);
}

}  // namespace ncv
