#!/usr/bin/env python3
"""Benchmark: the largest instance each kind of compile-time check reaches within the constexpr
budget set in meson.build and 10 s of compile time per translation unit, with every evaluator of
evaluators.py (g++, clang++-19, clang++-22 and its new constant interpreter).

  constexpr_capacity.py SOURCE_ROOT

Doubles the size from a small start until a compile fails or takes over 10 s, and reports the
largest size that passed with its time. Kinds (targets from the performance issue):
  sgd       n exact SGD steps on 1-D rational data, checked against the mean   (g++ >= 100,000)
  symbolic  the iterate w(N) of SGD on N symbols is (1/N) Σ x(i)             (>= 1,000)
  conv      n x n input, 3x3 kernel: counts both ways and the three gradient
            methods agree                                      (>= 32; 64 the stretch)
"""
import os
import signal
import subprocess
import sys
import tempfile
import time

from evaluators import evaluators

LIMIT_SECONDS = 10.0

PROGRAMS = {
    'sgd': (1000, r'''
#include <cstdint>
#include <ncv/number/rational.hpp>
#include <ncv/nn/sgd.hpp>
using q = ncv::rational<std::int64_t>;
struct generated {  // x(i) on the fly: no array of SIZE constants
    constexpr q operator[](std::size_t i) const { return q(static_cast<std::int64_t>((i * 7919) % 201) - 100); }
    constexpr std::size_t size() const { return SIZE; }
};
constexpr bool holds() {
    const q w = ncv::sgd_final<q>(generated{}, q(0), SIZE);
    q sum(0);
    for (std::size_t i = 0; i < SIZE; ++i) sum += generated{}[i];
    return w == sum / q(static_cast<std::int64_t>(SIZE));
}
static_assert(holds());
'''),
    'symbolic': (64, r'''
#include <cstdint>
#include <ncv/number/linear_form.hpp>
#include <ncv/number/rational.hpp>
#include <ncv/nn/sgd.hpp>
using q = ncv::rational<std::int64_t>;
using form = ncv::linear_form<q, SIZE>;
struct symbols {
    constexpr form operator[](std::size_t i) const { return form::symbol(i); }
    constexpr std::size_t size() const { return SIZE; }
};
constexpr bool holds() {
    const form w = ncv::sgd_final<q>(symbols{}, form{}, SIZE);
    for (std::size_t i = 0; i < SIZE; ++i)
        if (w.coefficient(i) != q(1, static_cast<std::int64_t>(SIZE))) return false;
    return true;
}
static_assert(holds());
'''),
    'conv': (4, r'''
#include <cstdint>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>
#include <ncv/nn/multiplication_count.hpp>
using number = std::int64_t;
constexpr ncv::dyn_matrix<number> generated(std::size_t rows, std::size_t cols, std::size_t seed) {
    ncv::dyn_matrix<number> m(rows, cols);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) m(i, j) = static_cast<number>((3 * i + 5 * j + seed) % 7) - 3;
    return m;
}
constexpr bool holds() {
    if (!ncv::equal_elements(ncv::instrumented_multiplication_counts<SIZE, SIZE, 3, 3>(),
                             ncv::closed_form_multiplication_counts(SIZE, SIZE, 3, 3, {0, 1}))) return false;
    const ncv::conv_loss_problem<number> p{generated(SIZE, SIZE, 1), generated(3, 3, 2), generated(SIZE - 2, SIZE - 2, 4),
        ncv::make_mask(SIZE - 2, SIZE - 2, ncv::mask_kind::all), {0, 1}, ncv::conv_mode::cross_correlation};
    const auto g = ncv::backprop_gradients(p);
    return g == ncv::forward_mode_gradients(p) && g == ncv::central_difference_gradients(p);
}
static_assert(holds());
'''),
}


def attempt(compiler, limits, root, program, size, folder):
    source = os.path.join(folder, 'capacity.cpp')
    with open(source, 'w') as out:
        out.write(program.replace('SIZE', str(size)))
    start = time.perf_counter()
    # The driver (g++, clang++) runs the compiler proper as a child: in a session of its own, so
    # that a timeout stops both. Killing only the driver left cc1plus or clang -cc1 running, and
    # the next, larger attempt then shared the processor with it (clang++'s 32x32 convolution
    # check, 7 s alone, went over 10 s after the 512-symbol run had timed out).
    with subprocess.Popen([compiler, '-std=c++20', '-I' + os.path.join(root, 'include'), '-fsyntax-only', source] + limits,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True) as process:
        try:
            _, stderr = process.communicate(timeout=LIMIT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return None, 'over 10 s'
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        reason = 'budget exhausted' if ('constexpr' in stderr and ('limit' in stderr or 'steps' in stderr)) else 'failed'
        return None, reason
    return seconds, 'ok'


def main():
    root = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        for label, compiler, limits in evaluators():
            for kind, (start, program) in PROGRAMS.items():
                size, best = start, None
                while True:
                    seconds, why = attempt(compiler, limits, root, program, size, folder)
                    if seconds is None:
                        break
                    best = (size, seconds)
                    size *= 2
                if best:
                    print(f'{label} {kind}: largest size {best[0]} in {best[1]:.1f} s (size {size}: {why})')
                else:
                    print(f'{label} {kind}: even size {start} did not pass ({why})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
