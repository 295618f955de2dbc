// Defines ncv::matrix<T, R, C> (extents in the type), ncv::dyn_matrix<T> (extents at run time) and the concept both model.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace ncv {

// The one interface every array algorithm uses: a value type, extents and (row, column) access.
template <class M>
concept matrix_like = requires(const M& m, std::size_t i) {
    typename M::value_type;
    { m.rows() } -> std::convertible_to<std::size_t>;
    { m.cols() } -> std::convertible_to<std::size_t>;
    { m(i, i) } -> std::convertible_to<const typename M::value_type&>;
};

// A matrix whose extents are constants of its type, so shapes are checked by the compiler.
template <class M>
concept fixed_extent_matrix = matrix_like<M> && requires {
    std::integral_constant<std::size_t, std::remove_cvref_t<M>::rows()>{};
    std::integral_constant<std::size_t, std::remove_cvref_t<M>::cols()>{};
};

template <class T, std::size_t Rows, std::size_t Cols>
class matrix {
    static_assert(Rows > 0 && Cols > 0, "ncv::matrix: a matrix has at least one row and one column");

public:
    using value_type = T;

    // Every element value-initialised (zero for numbers).
    constexpr matrix() = default;

    // From nested braces: matrix<q, 2, 2>({{1, 2}, {3, 4}}).
    constexpr matrix(const T (&elements)[Rows][Cols]) {  // NOLINT(google-explicit-constructor)
        for (std::size_t i = 0; i < Rows; ++i)
            for (std::size_t j = 0; j < Cols; ++j) (*this)(i, j) = elements[i][j];
    }

    [[nodiscard]] static constexpr std::size_t rows() noexcept { return Rows; }
    [[nodiscard]] static constexpr std::size_t cols() noexcept { return Cols; }

    [[nodiscard]] constexpr T& operator()(std::size_t i, std::size_t j) { return elements_[i * Cols + j]; }
    [[nodiscard]] constexpr const T& operator()(std::size_t i, std::size_t j) const { return elements_[i * Cols + j]; }

    [[nodiscard]] friend constexpr bool operator==(const matrix&, const matrix&) = default;

private:
    std::array<T, Rows * Cols> elements_{};
};

template <class T, std::size_t Rows, std::size_t Cols>
matrix(const T (&)[Rows][Cols]) -> matrix<T, Rows, Cols>;

// The run-time-sized counterpart, for shapes read from user input.
template <class T>
class dyn_matrix {
public:
    using value_type = T;

    constexpr dyn_matrix() = default;

    // Throws std::invalid_argument for an empty shape.
    constexpr dyn_matrix(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols), elements_(rows * cols) {
        if (rows == 0 || cols == 0) throw std::invalid_argument("ncv::dyn_matrix: a matrix has at least one row and one column");
    }

    // From rows; throws std::invalid_argument if there are none, or they are empty or ragged.
    constexpr dyn_matrix(std::initializer_list<std::initializer_list<T>> rows)
        : dyn_matrix(rows.size(), rows.size() == 0 ? 0 : rows.begin()->size()) {
        std::size_t i = 0;
        for (const auto& row : rows) {
            if (row.size() != cols_) throw std::invalid_argument("ncv::dyn_matrix: rows of different lengths");
            std::size_t j = 0;
            for (const auto& element : row) (*this)(i, j++) = element;
            ++i;
        }
    }

    // A copy of any matrix, fixed or not, with its elements converted to T.
    template <matrix_like M>
        requires(!std::same_as<std::remove_cvref_t<M>, dyn_matrix> &&
                 std::constructible_from<T, const typename M::value_type&>)
    constexpr explicit dyn_matrix(const M& other) : dyn_matrix(other.rows(), other.cols()) {
        for (std::size_t i = 0; i < rows_; ++i)
            for (std::size_t j = 0; j < cols_; ++j) (*this)(i, j) = T(other(i, j));
    }

    [[nodiscard]] constexpr std::size_t rows() const noexcept { return rows_; }
    [[nodiscard]] constexpr std::size_t cols() const noexcept { return cols_; }

    [[nodiscard]] constexpr T& operator()(std::size_t i, std::size_t j) { return elements_[i * cols_ + j]; }
    [[nodiscard]] constexpr const T& operator()(std::size_t i, std::size_t j) const { return elements_[i * cols_ + j]; }

    [[nodiscard]] friend constexpr bool operator==(const dyn_matrix&, const dyn_matrix&) = default;

private:
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    std::vector<T> elements_;
};

// The same shape and equal elements, whatever the two matrices' kinds.
template <matrix_like A, matrix_like B>
[[nodiscard]] constexpr bool equal_elements(const A& a, const B& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j)
            if (!(a(i, j) == b(i, j))) return false;
    return true;
}

// A matrix of the same kind and shape as M, with elements of type U: how generic
// algorithms make their outputs without knowing whether extents are fixed.
template <class M, class U>
struct rebind_matrix;

template <class T, std::size_t Rows, std::size_t Cols, class U>
struct rebind_matrix<matrix<T, Rows, Cols>, U> {
    using type = matrix<U, Rows, Cols>;
    [[nodiscard]] static constexpr type make(std::size_t, std::size_t) { return type(); }
};

template <class T, class U>
struct rebind_matrix<dyn_matrix<T>, U> {
    using type = dyn_matrix<U>;
    [[nodiscard]] static constexpr type make(std::size_t rows, std::size_t cols) { return type(rows, cols); }
};

// A matrix like M (same kind, same shape) whose elements are f(m(i, j)).
template <matrix_like M, class F>
[[nodiscard]] constexpr auto map_elements(const M& m, F f) {
    using U = std::remove_cvref_t<decltype(f(m(0, 0)))>;
    using rebound = rebind_matrix<std::remove_cvref_t<M>, U>;
    auto result = rebound::make(m.rows(), m.cols());
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) result(i, j) = f(m(i, j));
    return result;
}

// The matrix turned by 180 degrees: element (i, j) comes from (rows-1-i, cols-1-j).
template <matrix_like M>
[[nodiscard]] constexpr auto rotate180(const M& m) {
    auto result = rebind_matrix<std::remove_cvref_t<M>, typename M::value_type>::make(m.rows(), m.cols());
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) result(i, j) = m(m.rows() - 1 - i, m.cols() - 1 - j);
    return result;
}

// Unchanged by a 180-degree rotation (the paper's word for W and for the Q2b count matrix).
template <matrix_like M>
[[nodiscard]] constexpr bool is_centrosymmetric(const M& m) {
    return equal_elements(m, rotate180(m));
}

}  // namespace ncv
