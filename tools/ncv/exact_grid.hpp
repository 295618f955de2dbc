// Defines ncv::tool::exact_grid: an answer or a claim as rows of exact entries, the one walk that printing, JSON and grading share.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <ncv/array/matrix.hpp>

#include <ncv/proof/entries.hpp>

#include "exact_number.hpp"

namespace ncv::tool {

// A number (1x1, scalar), a list (1xn) or a matrix (rows x cols), entries row-major.
struct exact_grid {
    enum class shape { number, list, matrix };
    shape kind = shape::number;
    std::size_t rows = 1, cols = 1;
    std::vector<exact> values;

    [[nodiscard]] const exact& at(std::size_t i, std::size_t j) const { return values[i * cols + j]; }
    // The same entries in the same shape: a number equals a list of one.
    friend bool operator==(const exact_grid& a, const exact_grid& b) {
        return a.rows == b.rows && a.cols == b.cols && a.values == b.values;
    }
};

// Every value times s (−1: the sign wrong everywhere; 1/2: a factor 2 missing).
[[nodiscard]] inline exact_grid scaled(exact_grid g, const exact& s) {
    for (auto& v : g.values) v *= s;
    return g;
}
[[nodiscard]] inline exact_grid negated(exact_grid g) { return scaled(std::move(g), exact(-1)); }

[[nodiscard]] inline exact_grid grid_of_number(const exact& x) { return {exact_grid::shape::number, 1, 1, {x}}; }
[[nodiscard]] inline exact_grid grid_of_list(std::vector<exact> values) {
    const std::size_t n = values.size();
    return {exact_grid::shape::list, 1, n, std::move(values)};
}
template <matrix_like M>
[[nodiscard]] exact_grid grid_of_matrix(const M& m) {
    exact_grid g{exact_grid::shape::matrix, m.rows(), m.cols(), {}};
    g.values.reserve(m.rows() * m.cols());
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) g.values.push_back(to_exact(m(i, j)));
    return g;
}

// The entries as a rows x cols matrix.
[[nodiscard]] inline dyn_matrix<exact> matrix_of(const exact_grid& g) {
    dyn_matrix<exact> m(g.rows, g.cols);
    for (std::size_t i = 0; i < g.rows; ++i)
        for (std::size_t j = 0; j < g.cols; ++j) m(i, j) = g.at(i, j);
    return m;
}

// A claim's value, laid out as ncv::entry_grid says.
template <class T>
[[nodiscard]] exact_grid grid_of(const T& value) {
    using layout = entry_grid<T>;
    exact_grid g;
    g.kind = exact_number<T> ? exact_grid::shape::number : layout::rows == 1 ? exact_grid::shape::list : exact_grid::shape::matrix;
    g.rows = layout::rows;
    g.cols = layout::cols;
    for (std::size_t k = 0; k < entry_count<T>; ++k) g.values.push_back(to_exact(as_rational(layout::at(value, k))));
    return g;
}

// "7", "[1/2, 1/2]", "[[1, 2], [3, 4]]".
[[nodiscard]] inline std::string grid_text(const exact_grid& g) {
    if (g.kind == exact_grid::shape::number) return number_text(g.values.at(0));
    std::string text = g.kind == exact_grid::shape::matrix ? "[" : "";
    for (std::size_t i = 0; i < g.rows; ++i) {
        text += i > 0 ? ", [" : "[";
        for (std::size_t j = 0; j < g.cols; ++j) text += (j > 0 ? ", " : "") + number_text(g.at(i, j));
        text += "]";
    }
    return g.kind == exact_grid::shape::matrix ? text + "]" : text;
}

}  // namespace ncv::tool
