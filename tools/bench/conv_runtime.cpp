// Benchmark: the generic cross_correlate on a 512x512 std::int64_t input with a 3x3 kernel, against a hand-written loop.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <vector>

#include <ncv/array/conv2d.hpp>
#include <ncv/array/matrix.hpp>

namespace {

constexpr std::size_t n = 512, k = 3, repetitions = 20;

// The reference: what one would write by hand, with the same flags.
std::vector<std::int64_t> nested_loops(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& w) {
    const std::size_t out = n - k + 1;
    std::vector<std::int64_t> b(out * out);
    for (std::size_t r = 0; r < out; ++r)
        for (std::size_t c = 0; c < out; ++c) {
            std::int64_t sum = 0;
            for (std::size_t u = 0; u < k; ++u)
                for (std::size_t v = 0; v < k; ++v) sum += a[(r + u) * n + c + v] * w[u * k + v];
            b[r * out + c] = sum;
        }
    return b;
}

template <class F>
double best_seconds(F f) {
    double best = 1e9;
    for (std::size_t i = 0; i < repetitions; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

}  // namespace

int main() {
    ncv::dyn_matrix<std::int64_t> a(n, n), w(k, k);
    std::vector<std::int64_t> raw_a(n * n), raw_w(k * k);
    for (std::size_t i = 0; i < n * n; ++i) raw_a[i] = a(i / n, i % n) = static_cast<std::int64_t>((i * 7919) % 201) - 100;
    for (std::size_t i = 0; i < k * k; ++i) raw_w[i] = w(i / k, i % k) = static_cast<std::int64_t>(i % 5) - 2;

    std::int64_t check_generic = 0, check_loops = 0;
    const double generic = best_seconds([&] { check_generic += ncv::cross_correlate(a, w, {0, 1})(7, 9); });
    const double loops = best_seconds([&] { check_loops += nested_loops(raw_a, raw_w)[7 * (n - k + 1) + 9]; });
    if (check_generic != check_loops) {
        std::cerr << "FAIL: the two convolutions disagree\n";
        return 1;
    }
    std::cout << "cross_correlate, 512x512 int64, 3x3 kernel, best of " << repetitions << ": " << generic * 1e3 << " ms\n"
              << "nested loops, same flags:                        " << loops * 1e3 << " ms\n"
              << "ratio generic/loops: " << generic / loops << " (target: <= 1.5)\n";
    return 0;
}
