// Example: run-time exact arithmetic at any size, with Boost.Multiprecision's cpp_rational as the scalar.
#include <cstddef>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include <boost/multiprecision/cpp_int.hpp>

#include <ncv/array/conv2d.hpp>
#include <ncv/number/rational.hpp>

using big = boost::multiprecision::cpp_rational;  // unbounded: never overflows

// The same generic sum for either scalar: Σ 1/k for k = 1..n.
template <class Scalar>
Scalar harmonic(int n) {
    Scalar sum(0);
    for (int k = 1; k <= n; ++k) sum = sum + Scalar(1) / Scalar(k);
    return sum;
}

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;  // any size, chosen at run time

    // A run-time-sized convolution on unbounded rationals: a_ij = 1/(i + j + 1) (the Hilbert matrix),
    // a 3x3 kernel of thirds; every entry of B exact.
    ncv::dyn_matrix<big> a(n, n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) a(i, j) = big(1) / big(i + j + 1);
    const ncv::dyn_matrix<big> w{{big(1, 3), 0, big(-1, 3)}, {big(1, 3), 0, big(-1, 3)}, {big(1, 3), 0, big(-1, 3)}};
    const auto b = ncv::cross_correlate(a, w, {.padding = 1, .stride = 1});
    std::cout << "B is " << b.rows() << "x" << b.cols() << "; b_11 = " << b(0, 0) << "\n";

    // The 64-bit rational refuses what it cannot hold (std::overflow_error), never a wrong answer;
    // cpp_rational goes on.
    try {
        const auto sum = harmonic<ncv::rational<>>(static_cast<int>(n));
        std::cout << "H_" << n << " = " << sum << "\n";
    } catch (const std::overflow_error& e) {
        std::cout << "rational<int64_t> refused H_" << n << ": " << e.what() << "\n";
    }
    std::cout << "H_" << n << " = " << harmonic<big>(static_cast<int>(n)) << "\n";
    return 0;
}
