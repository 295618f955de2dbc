// Defines random_conv_problems: random valid Q2-style problems (shape, padding, stride, mask, reading) with exact entries.
#pragma once

#include <cstddef>
#include <cstdint>

#include <ncv/array/conv2d.hpp>
#include <ncv/nn/conv_loss.hpp>

#include "random_exact.hpp"

struct random_conv_problems : random_exact {
    explicit random_conv_problems(std::uint64_t seed = 31337) : random_exact(seed, 9, 4) {}
    ncv::dyn_matrix<int> mask(std::size_t rows, std::size_t cols) {
        switch (pick(0, 2)) {
            case 0: return ncv::make_mask(rows, cols, ncv::mask_kind::all);
            case 1: return ncv::make_mask(rows, cols, ncv::mask_kind::diagonal);
            default: {
                ncv::dyn_matrix<int> m(rows, cols);
                for (std::size_t i = 0; i < rows; ++i)
                    for (std::size_t j = 0; j < cols; ++j) m(i, j) = static_cast<int>(pick(0, 1));
                return m;
            }
        }
    }
    // A valid problem of random shape, padding, stride, mask and reading.
    ncv::conv_loss_problem<exact> problem() {
        for (;;) {
            const std::size_t rows = pick(1, 5), cols = pick(1, 5), kr = pick(1, 3), kc = pick(1, 3);
            const ncv::conv_options options{pick(0, 2), pick(1, 3)};
            if (!ncv::conv_shape_valid(rows, kr, options) || !ncv::conv_shape_valid(cols, kc, options)) continue;
            const std::size_t out_rows = ncv::conv_output_extent(rows, kr, options);
            const std::size_t out_cols = ncv::conv_output_extent(cols, kc, options);
            return {matrix(rows, cols), matrix(kr, kc), matrix(out_rows, out_cols), mask(out_rows, out_cols), options,
                    pick(0, 1) == 0 ? ncv::conv_mode::cross_correlation : ncv::conv_mode::convolution};
        }
    }
};
