// Defines random_exact: the tests' one generator of random exact values (cpp_rational), matrices and indices.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

#include <boost/multiprecision/cpp_int.hpp>

#include <ncv/array/matrix.hpp>

// Values n/d with |n| <= magnitude and 1 <= d <= max_denominator, from a fixed seed, so every run
// of a test checks the same cases.
class random_exact {
public:
    using exact = boost::multiprecision::cpp_rational;

    random_exact(std::uint64_t seed, int magnitude, int max_denominator)
        : engine(seed), numerators_(-magnitude, magnitude), denominators_(1, max_denominator) {}

    [[nodiscard]] std::size_t pick(std::size_t low, std::size_t high) {
        return std::uniform_int_distribution<std::size_t>(low, high)(engine);
    }
    [[nodiscard]] exact value() { return exact(numerators_(engine), denominators_(engine)); }
    [[nodiscard]] ncv::dyn_matrix<exact> matrix(std::size_t rows, std::size_t cols) {
        ncv::dyn_matrix<exact> m(rows, cols);
        for (std::size_t i = 0; i < rows; ++i)
            for (std::size_t j = 0; j < cols; ++j) m(i, j) = value();
        return m;
    }

    std::mt19937_64 engine;

private:
    std::uniform_int_distribution<int> numerators_;
    std::uniform_int_distribution<int> denominators_;
};
