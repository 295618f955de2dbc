// Example: an identity for all data, proven at compile time with symbols (ncv::multi_polynomial).
#include <array>
#include <cstddef>
#include <cstdio>

#include <ncv/number/multi_polynomial.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<>;
// Four symbols: the data x₁, x₂, x₃ and the weight w. A polynomial's value is the same for every
// choice of them exactly when its normal form is; so an equality of polynomials holds for all data.
constexpr std::size_t symbols = 4;
using poly = ncv::multi_polynomial<q, symbols>;

constexpr poly x(std::size_t i) { return poly::variable(i); }
constexpr poly w = poly::variable(3);

// The paper's cost C(w) = 1/(2n) Σ (w − xᵢ)² with n = 3, and the mean w* = (x₁ + x₂ + x₃)/3.
constexpr poly cost(const poly& at) {
    poly sum;
    for (std::size_t i = 0; i < 3; ++i) sum = sum + (at - x(i)) * (at - x(i));
    return poly(q(1, 6)) * sum;
}
constexpr poly mean = poly(q(1, 3)) * (x(0) + x(1) + x(2));

// C(w) = C(w*) + ½ (w − w*)² for every w and all data: so w* is the minimiser (level 3, n = 3).
static_assert(cost(w) == cost(mean) + poly(q(1, 2)) * (w - mean) * (w - mean), "C(w) = C(w*) + (w - w*)^2 / 2");

// And a claim that is not an identity is refused: C(w) ≠ C(w*) + (w − w*)².
static_assert(!(cost(w) == cost(mean) + (w - mean) * (w - mean)));

// A polynomial evaluates at any point: C at x = (1, 2, 6), w = 3.
constexpr q at_point = cost(w)(std::array<q, symbols>{1, 2, 6, 3});
static_assert(at_point == q(14, 6));

int main() {
    std::printf("C(w) has %zu terms; C(3) at x = (1, 2, 6) is %s\n", cost(w).term_count(), ncv::to_string(at_point).c_str());
    return 0;
}
