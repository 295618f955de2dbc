// Defines ncv::matrix<T, R, C> (extents in the type), ncv::dyn_matrix<T> (extents at run time) and the concept both model.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include <ncv/number/detail/plain_array.hpp>

namespace ncv {

/// The one interface every array algorithm uses: a value type, extents and (row, column) access.
template <class M>
concept matrix_like = requires(const M& m, std::size_t i) {
    typename M::value_type;
    { m.rows() } -> std::convertible_to<std::size_t>;
    { m.cols() } -> std::convertible_to<std::size_t>;
    { m(i, i) } -> std::convertible_to<const typename M::value_type&>;
};

/// Elements stored row-major and contiguously, reachable through data().
template <class M>
concept contiguous_matrix = matrix_like<M> && requires(const M& m) {
    { m.data() } -> std::convertible_to<const typename M::value_type*>;
};

/// A matrix whose extents are constants of its type, so shapes are checked by the compiler.
template <class M>
concept fixed_extent_matrix = matrix_like<M> && requires {
    std::integral_constant<std::size_t, std::remove_cvref_t<M>::rows()>{};
    std::integral_constant<std::size_t, std::remove_cvref_t<M>::cols()>{};
};

/// A Rows x Cols matrix with its extents in the type: a wrong shape does not compile, and a constexpr variable can hold it (no allocation). Elements row-major.
template <class T, std::size_t Rows, std::size_t Cols>
class matrix {
    static_assert(Rows > 0 && Cols > 0, "ncv::matrix: a matrix has at least one row and one column");

public:
    /// The element type.
    using value_type = T;

    /// Every element value-initialised (zero for numbers).
    constexpr matrix() = default;

    /// From nested braces: matrix<q, 2, 2>({{1, 2}, {3, 4}}).
    constexpr matrix(const T (&elements)[Rows][Cols]) {  // NOLINT(google-explicit-constructor)
        for (std::size_t i = 0; i < Rows; ++i)
            for (std::size_t j = 0; j < Cols; ++j) (*this)(i, j) = elements[i][j];
    }

    /// Rows, a constant expression.
    [[nodiscard]] static constexpr std::size_t rows() noexcept { return Rows; }
    /// Cols, a constant expression.
    [[nodiscard]] static constexpr std::size_t cols() noexcept { return Cols; }

    /// Element (i, j), 0-based; unchecked (out of range is undefined, and a compile error in a constant expression).
    [[nodiscard]] constexpr T& operator()(std::size_t i, std::size_t j) { return elements_.values[i * Cols + j]; }
    /// Element (i, j), 0-based; unchecked.
    [[nodiscard]] constexpr const T& operator()(std::size_t i, std::size_t j) const { return elements_.values[i * Cols + j]; }

    /// Row-major elements, for hot loops (each accessor call is costly in constant evaluation).
    [[nodiscard]] constexpr T* data() noexcept { return elements_.values; }
    /// Row-major elements, read-only.
    [[nodiscard]] constexpr const T* data() const noexcept { return elements_.values; }

    /// Equal when every element is.
    [[nodiscard]] friend constexpr bool operator==(const matrix&, const matrix&) = default;

private:
    // Not `{}`: g++ 12 may reuse a `{}` that a constant evaluation changed (tests/default_values_test.cpp).
    detail::plain_array<T, Rows * Cols> elements_ = detail::plain_array<T, Rows * Cols>();
};

/// The extents from nested braces: `matrix m({{1, 2}, {3, 4}})` is a `matrix<int, 2, 2>`.
template <class T, std::size_t Rows, std::size_t Cols>
matrix(const T (&)[Rows][Cols]) -> matrix<T, Rows, Cols>;

/// The run-time-sized counterpart, for shapes read from user input. It owns a plain array
/// rather than a std::vector: in constant evaluation g++ 12 spends about half a millisecond
/// constructing each small vector element by element, which the proofs cannot afford.
template <class T>
class dyn_matrix {
public:
    /// The element type.
    using value_type = T;

    constexpr dyn_matrix() = default;

    /// Every element value-initialised; throws std::invalid_argument for an empty shape.
    constexpr dyn_matrix(std::size_t rows, std::size_t cols) : rows_(rows), cols_(cols) {
        if (rows == 0 || cols == 0) throw std::invalid_argument("ncv::dyn_matrix: a matrix has at least one row and one column");
        elements_ = new T[rows * cols]{};
    }

    /// From rows; throws std::invalid_argument if there are none, or they are empty or ragged.
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

    /// A copy of any matrix, fixed or not, with its elements converted to T.
    template <matrix_like M>
        requires(!std::same_as<std::remove_cvref_t<M>, dyn_matrix> &&
                 std::constructible_from<T, const typename M::value_type&>)
    constexpr explicit dyn_matrix(const M& other) : dyn_matrix(other.rows(), other.cols()) {
        for (std::size_t i = 0; i < rows_; ++i)
            for (std::size_t j = 0; j < cols_; ++j) (*this)(i, j) = T(other(i, j));
    }

    /// A deep copy (one allocation).
    constexpr dyn_matrix(const dyn_matrix& other) : rows_(other.rows_), cols_(other.cols_) {
        if (other.elements_ == nullptr) return;
        elements_ = new T[rows_ * cols_];
        for (std::size_t k = 0; k < rows_ * cols_; ++k) elements_[k] = other.elements_[k];
    }

    /// Takes the other's elements; the other is left empty (0 x 0).
    constexpr dyn_matrix(dyn_matrix&& other) noexcept
        : rows_(std::exchange(other.rows_, 0)), cols_(std::exchange(other.cols_, 0)),
          elements_(std::exchange(other.elements_, nullptr)) {}

    /// Copy or move assignment (copy-and-swap).
    constexpr dyn_matrix& operator=(dyn_matrix other) noexcept {  // copy-and-swap covers both assignments
        std::swap(rows_, other.rows_);
        std::swap(cols_, other.cols_);
        std::swap(elements_, other.elements_);
        return *this;
    }

    constexpr ~dyn_matrix() { delete[] elements_; }

    /// The number of rows.
    [[nodiscard]] constexpr std::size_t rows() const noexcept { return rows_; }
    /// The number of columns.
    [[nodiscard]] constexpr std::size_t cols() const noexcept { return cols_; }

    /// Element (i, j), 0-based; unchecked (out of range is undefined, and a compile error in a constant expression).
    [[nodiscard]] constexpr T& operator()(std::size_t i, std::size_t j) { return elements_[i * cols_ + j]; }
    /// Element (i, j), 0-based; unchecked.
    [[nodiscard]] constexpr const T& operator()(std::size_t i, std::size_t j) const { return elements_[i * cols_ + j]; }

    /// Row-major elements, for hot loops (each accessor call is costly in constant evaluation).
    [[nodiscard]] constexpr T* data() noexcept { return elements_; }
    /// Row-major elements, read-only.
    [[nodiscard]] constexpr const T* data() const noexcept { return elements_; }

    /// Equal when the shapes and every element are.
    [[nodiscard]] friend constexpr bool operator==(const dyn_matrix& a, const dyn_matrix& b) {
        if (a.rows_ != b.rows_ || a.cols_ != b.cols_) return false;
        for (std::size_t k = 0; k < a.rows_ * a.cols_; ++k)
            if (!(a.elements_[k] == b.elements_[k])) return false;
        return true;
    }

private:
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    T* elements_ = nullptr;
};

/// The same shape and equal elements, whatever the two matrices' kinds.
template <matrix_like A, matrix_like B>
[[nodiscard]] constexpr bool equal_elements(const A& a, const B& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j)
            if (!(a(i, j) == b(i, j))) return false;
    return true;
}

/// A matrix of the same kind and shape as M, with elements of type U: how generic
/// algorithms make their outputs without knowing whether extents are fixed.
template <class M, class U>
struct rebind_matrix;

/// Fixed extents stay fixed: a `matrix<U, Rows, Cols>`.
template <class T, std::size_t Rows, std::size_t Cols, class U>
struct rebind_matrix<matrix<T, Rows, Cols>, U> {
    /// The rebound matrix type.
    using type = matrix<U, Rows, Cols>;
    /// A value-initialised matrix (the extents are the type's).
    [[nodiscard]] static constexpr type make(std::size_t, std::size_t) { return type(); }
    /// A copy of m.
    [[nodiscard]] static constexpr type make_copy(const matrix<T, Rows, Cols>& m) { return m; }
};

/// Run-time extents stay run-time: a `dyn_matrix<U>`.
template <class T, class U>
struct rebind_matrix<dyn_matrix<T>, U> {
    /// The rebound matrix type.
    using type = dyn_matrix<U>;
    /// A value-initialised rows x cols matrix; throws std::invalid_argument for an empty shape.
    [[nodiscard]] static constexpr type make(std::size_t rows, std::size_t cols) { return type(rows, cols); }
    /// A copy of m.
    [[nodiscard]] static constexpr type make_copy(const dyn_matrix<T>& m) { return m; }
};

/// The fixed-extent copy of a matrix whose extents are known only at run time (for proofs,
/// which compare fixed values); throws std::invalid_argument if the shape is not Rows x Cols.
template <std::size_t Rows, std::size_t Cols, matrix_like M>
[[nodiscard]] constexpr matrix<typename M::value_type, Rows, Cols> to_fixed(const M& m) {
    if (m.rows() != Rows || m.cols() != Cols) throw std::invalid_argument("ncv::to_fixed: the matrix has another shape");
    matrix<typename M::value_type, Rows, Cols> result;
    for (std::size_t i = 0; i < Rows; ++i)
        for (std::size_t j = 0; j < Cols; ++j) result(i, j) = m(i, j);
    return result;
}

/// A matrix like M (same kind, same shape) whose elements are f(m(i, j)).
template <matrix_like M, class F>
[[nodiscard]] constexpr auto map_elements(const M& m, F f) {
    using U = std::remove_cvref_t<decltype(f(m(0, 0)))>;
    using rebound = rebind_matrix<std::remove_cvref_t<M>, U>;
    auto result = rebound::make(m.rows(), m.cols());
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) result(i, j) = f(m(i, j));
    return result;
}

// ---- Matrices as a vector space: what SGD needs of a data point (a d x 1 matrix) ----

namespace detail {

/// r[k] = f(x[k], y[k]) for k < n.
template <class R, class T, class F>
constexpr void apply_elementwise(R* r, const T* x, const T* y, std::size_t n, F& f) {
    for (std::size_t k = 0; k < n; ++k) r[k] = f(x[k], y[k]);
}

/// result[k] = f(a[k], b[k]) over the row-major elements; shapes must agree.
template <contiguous_matrix M, class F>
constexpr auto elementwise(const M& a, const M& b, F f, const char* what) {
    if (a.rows() != b.rows() || a.cols() != b.cols()) throw std::invalid_argument(what);
    auto result = rebind_matrix<M, typename M::value_type>::make(a.rows(), a.cols());
    apply_elementwise(result.data(), a.data(), b.data(), a.rows() * a.cols(), f);
    return result;
}

/// The same for fixed extents, which agree by type: no shape is asked for at all, since each call
/// for one is a step of the constant evaluator and SGD on d x 1 points made a dozen per operation
/// (benchmark "compile time of the proofs").
template <contiguous_matrix M, class F>
    requires fixed_extent_matrix<M>
constexpr auto elementwise(const M& a, const M& b, F f, const char*) {
    typename rebind_matrix<M, typename M::value_type>::type result;
    apply_elementwise(result.data(), a.data(), b.data(), M::rows() * M::cols(), f);
    return result;
}

}  // namespace detail

/// Elementwise sum; throws std::invalid_argument if the shapes differ (run-time extents).
template <contiguous_matrix M>
[[nodiscard]] constexpr auto operator+(const M& a, const M& b) -> typename rebind_matrix<M, typename M::value_type>::type {
    using T = typename M::value_type;
    return detail::elementwise(a, b, [](const T& x, const T& y) -> T { return x + y; }, "ncv: adding matrices of different shapes");
}

/// Elementwise difference; throws std::invalid_argument if the shapes differ (run-time extents).
template <contiguous_matrix M>
[[nodiscard]] constexpr auto operator-(const M& a, const M& b) -> typename rebind_matrix<M, typename M::value_type>::type {
    using T = typename M::value_type;
    return detail::elementwise(a, b, [](const T& x, const T& y) -> T { return x - y; },
                               "ncv: subtracting matrices of different shapes");
}

/// Scalar times matrix.
template <contiguous_matrix M>
[[nodiscard]] constexpr auto operator*(const typename M::value_type& s, const M& m)
    -> typename rebind_matrix<M, typename M::value_type>::type {
    using T = typename M::value_type;
    // An init-capture: clang 22's new constant interpreter cannot read a reference parameter
    // captured plainly by a lambda that another function calls (tests/static/new_interpreter.cpp).
    return detail::elementwise(m, m, [&scale = s](const T& x, const T&) -> T { return scale * x; }, "");
}

/// The matrix turned by 180 degrees: element (i, j) comes from (rows-1-i, cols-1-j).
template <matrix_like M>
[[nodiscard]] constexpr auto rotate180(const M& m) {
    auto result = rebind_matrix<std::remove_cvref_t<M>, typename M::value_type>::make(m.rows(), m.cols());
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) result(i, j) = m(m.rows() - 1 - i, m.cols() - 1 - j);
    return result;
}

/// Unchanged by a 180-degree rotation (the paper's word for W and for the Q2b count matrix).
template <matrix_like M>
[[nodiscard]] constexpr bool is_centrosymmetric(const M& m) {
    return equal_elements(m, rotate180(m));
}

}  // namespace ncv
