// Defines random_polynomial: polynomials of a given degree with small random integer coefficients, for the polynomial tests.
#pragma once

#include <array>
#include <cstddef>
#include <random>

#include <ncv/number/polynomial.hpp>

template <class Polynomial>
[[nodiscard]] Polynomial random_polynomial(std::mt19937_64& engine, int degree) {
    using coefficient = typename Polynomial::coefficient_type;
    std::array<coefficient, Polynomial::capacity()> c{};
    for (int k = 0; k <= degree; ++k) c[static_cast<std::size_t>(k)] = coefficient(std::uniform_int_distribution<int>(-5, 5)(engine));
    return Polynomial::from_coefficients(c);
}
