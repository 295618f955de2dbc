// Defines ncv_test::by_definition: a convolution loss problem solved from the definitions, without the library, for tests to compare with.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>

#include <boost/multiprecision/cpp_int.hpp>

#include <ncv/array/matrix.hpp>
#include <ncv/nn/conv_loss.hpp>

namespace ncv_test {

using exact = boost::multiprecision::cpp_rational;

// B from the padded input and the (turned) kernel, f as the masked sum of squares, and each
// gradient entry as the sum, over the outputs its element meets, of 2(b − c) times the element it
// multiplies there.
struct reference_answer {
    ncv::dyn_matrix<exact> b, dw, da;
    exact loss = 0;
};

inline reference_answer by_definition(const ncv::conv_loss_problem<exact>& q) {
    const std::size_t n = q.input.rows(), m = q.input.cols(), kr = q.kernel.rows(), kc = q.kernel.cols();
    const std::size_t p = q.options.padding, s = q.options.stride;
    const std::size_t rows = (n + 2 * p - kr) / s + 1, cols = (m + 2 * p - kc) / s + 1;
    const bool turned = q.mode == ncv::conv_mode::convolution;
    // The kernel element over offset (u, v) of a window, as (row, column) of W.
    const auto kernel_at = [&](std::size_t u, std::size_t v) {
        return turned ? std::pair{kr - 1 - u, kc - 1 - v} : std::pair{u, v};
    };
    // The element of A under padded position (r, c), if any.
    const auto input_at = [&](std::size_t r, std::size_t c) -> std::optional<std::pair<std::size_t, std::size_t>> {
        if (r < p || c < p || r - p >= n || c - p >= m) return std::nullopt;
        return std::pair{r - p, c - p};
    };
    reference_answer ref{ncv::dyn_matrix<exact>(rows, cols), ncv::dyn_matrix<exact>(kr, kc), ncv::dyn_matrix<exact>(n, m)};
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j)
            for (std::size_t u = 0; u < kr; ++u)
                for (std::size_t v = 0; v < kc; ++v)
                    if (const auto a = input_at(i * s + u, j * s + v)) {
                        const auto [wr, wc] = kernel_at(u, v);
                        ref.b(i, j) += q.input(a->first, a->second) * q.kernel(wr, wc);
                    }
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) {
            if (q.mask(i, j) == 0) continue;
            const exact residual = ref.b(i, j) - q.target(i, j);
            ref.loss += residual * residual;
            for (std::size_t u = 0; u < kr; ++u)
                for (std::size_t v = 0; v < kc; ++v)
                    if (const auto a = input_at(i * s + u, j * s + v)) {
                        const auto [wr, wc] = kernel_at(u, v);
                        ref.dw(wr, wc) += 2 * residual * q.input(a->first, a->second);
                        ref.da(a->first, a->second) += 2 * residual * q.kernel(wr, wc);
                    }
        }
    return ref;
}

}  // namespace ncv_test
