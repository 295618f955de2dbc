#!/usr/bin/env python3
"""Benchmark: the compile-time cost per exact SGD step of ncv::sgd_final on ncv::rational<std::int64_t>,
against a naive rational (two int64_t, Euclid's gcd after every operation, no overflow checks),
compiled in the same run with every evaluator of evaluators.py (g++, clang++-19, clang++-22 and
its new constant interpreter).

  lean_rational.py SOURCE_ROOT [--steps N]

Each program is compiled (-fsyntax-only) with N steps and with 1 step; the difference is the cost of
N steps without the includes. CPU time of the compiler (user + system), the median of three, so that
a loaded machine disturbs it less than wall time. Target (the compile-time issue): ratio <= 1.5.
With valgrind installed, g++'s ratio is also given by the instructions its compiler executes,
which repeat where seconds do not.
"""
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile

from constexpr_capacity import PROGRAMS
from evaluators import evaluators


# The same data and the same steps in both: x(i) = (7919 i mod 201) − 100, η_t = 1/(t+1), from
# w = 0, then the check that the last iterate is the mean. Ours is the capacity benchmark's program.
OURS = PROGRAMS['sgd'][1]

NAIVE = r'''
#include <cstdint>
struct q {
    std::int64_t n = 0, d = 1;
    constexpr q(std::int64_t a, std::int64_t b = 1) : n(a), d(b) {
        if (d < 0) { n = -n; d = -d; }
        std::int64_t x = n < 0 ? -n : n, y = d;
        while (y != 0) { const std::int64_t r = x % y; x = y; y = r; }
        n /= x; d /= x;
    }
    friend constexpr q operator+(q a, q b) { return q(a.n * b.d + b.n * a.d, a.d * b.d); }
    friend constexpr q operator-(q a, q b) { return q(a.n * b.d - b.n * a.d, a.d * b.d); }
    friend constexpr q operator*(q a, q b) { return q(a.n * b.n, a.d * b.d); }
    friend constexpr q operator/(q a, q b) { return q(a.n * b.d, a.d * b.n); }
    friend constexpr bool operator==(q a, q b) { return a.n == b.n && a.d == b.d; }
};
constexpr q x(std::size_t i) { return q(static_cast<std::int64_t>((i * 7919) % 201) - 100); }
constexpr bool holds() {
    q w(0);
    for (std::size_t t = 0; t < SIZE; ++t) w = w - q(1, static_cast<std::int64_t>(t + 1)) * (w - x(t));
    q sum(0);
    for (std::size_t i = 0; i < SIZE; ++i) sum = sum + x(i);
    return w == sum / q(static_cast<std::int64_t>(SIZE));
}
static_assert(holds());
'''


def cpu_seconds(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run(command, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        raise SystemExit('lean_rational: compilation failed:\n' + run.stderr[:2000])
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def compiler_instructions(command):
    """The instructions the compiler proper executes (valgrind's cachegrind, the largest `I refs` of
    the processes g++ starts: cc1plus). They repeat to a few in a thousand between runs, where this
    shared machine's seconds vary by half, so they settle what the seconds leave open."""
    run = subprocess.run(['valgrind', '--tool=cachegrind', '--cache-sim=no', '--trace-children=yes',
                          '--cachegrind-out-file=/dev/null'] + command, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit('lean_rational: compilation under valgrind failed:\n' + run.stderr[-2000:])
    return max(int(count.replace(',', '')) for count in re.findall(r'I\s+refs:\s+([\d,]+)', run.stderr))


def main():
    root = os.path.abspath(sys.argv[1])
    steps = int(sys.argv[sys.argv.index('--steps') + 1]) if '--steps' in sys.argv else 16000
    with tempfile.TemporaryDirectory() as folder:
        for label, compiler, limits in evaluators():
            cost = {}
            for name, program in (('ncv::sgd_final on ncv::rational', OURS), ('naive rational', NAIVE)):
                times = {}
                for size in (1, steps):
                    source = os.path.join(folder, f'{len(cost)}_{size}.cpp')
                    with open(source, 'w') as out:
                        out.write(program.replace('SIZE', str(size)))
                    command = [compiler, '-std=c++20', '-I' + os.path.join(root, 'include'), '-fsyntax-only', source] + limits
                    times[size] = statistics.median(cpu_seconds(command) for _ in range(3))
                cost[name] = times[steps] - times[1]
                print(f'{label}: {name}: {steps} steps {times[steps]:.2f} s, includes alone {times[1]:.2f} s, '
                      f'{1e6 * cost[name] / steps:.0f} µs per step')
            ratio = cost['ncv::sgd_final on ncv::rational'] / cost['naive rational']
            print(f'{label}: ratio {ratio:.2f} (target <= 1.5: {"met" if ratio <= 1.5 else "missed"})')
            if label == 'g++' and shutil.which('valgrind'):
                steps_cost = {}
                for index, (name, program) in enumerate((('ncv::sgd_final on ncv::rational', OURS),
                                                         ('naive rational', NAIVE))):
                    counts = {}
                    for size in (1, steps):
                        source = os.path.join(folder, f'instructions_{index}_{size}.cpp')
                        with open(source, 'w') as out:
                            out.write(program.replace('SIZE', str(size)))
                        counts[size] = compiler_instructions(
                            [compiler, '-std=c++20', '-I' + os.path.join(root, 'include'), '-fsyntax-only', source] + limits)
                    steps_cost[name] = counts[steps] - counts[1]
                    print(f'{label}: {name}: {steps_cost[name] / steps / 1000:.0f} k instructions per step (valgrind)')
                by_instructions = steps_cost['ncv::sgd_final on ncv::rational'] / steps_cost['naive rational']
                print(f'{label}: ratio by instructions {by_instructions:.2f}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
