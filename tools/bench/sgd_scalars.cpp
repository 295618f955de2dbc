// Benchmark: the same generic ncv::sgd on 10^6 integer points with three exact scalars: rational<int64_t>, cpp_rational, mpq_rational.
#include <chrono>
#include <cstdint>
#include <iostream>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <boost/multiprecision/gmp.hpp>

#include <ncv/nn/sgd.hpp>
#include <ncv/number/rational.hpp>

namespace {

constexpr std::size_t points = 1'000'000;

template <class S>
double seconds(const std::vector<std::int64_t>& x, S& last) {
    std::vector<S> data(x.begin(), x.end());
    const auto start = std::chrono::steady_clock::now();
    last = ncv::sgd_final<S>(data, S(0), data.size());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main() {
    std::vector<std::int64_t> x(points);
    std::uint64_t state = 20231127;
    for (auto& v : x) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        v = static_cast<std::int64_t>((state >> 33) % 2001) - 1000;
    }
    ncv::rational<std::int64_t> fast;
    boost::multiprecision::cpp_rational unbounded;
    boost::multiprecision::mpq_rational gmp;
    const double t_fast = seconds(x, fast), t_cpp = seconds(x, unbounded), t_gmp = seconds(x, gmp);
    const bool same = boost::multiprecision::cpp_rational(fast.numerator(), fast.denominator()) == unbounded &&
                      boost::multiprecision::cpp_rational(gmp.str()) == unbounded;
    if (!same) {
        std::cerr << "FAIL: the three scalars disagree\n";
        return 1;
    }
    std::cout << "generic sgd, 10^6 integer points (arithmetic only, no parsing):\n"
              << "  ncv::rational<int64_t> (checked): " << t_fast << " s\n"
              << "  cpp_rational:                     " << t_cpp << " s  (ncv " << t_cpp / t_fast << "x faster; target 3x)\n"
              << "  mpq_rational (GMP):               " << t_gmp << " s  (ncv " << t_gmp / t_fast << "x faster; target 3x)\n";
    return 0;
}
