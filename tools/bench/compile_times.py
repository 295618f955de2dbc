#!/usr/bin/env python3
"""Benchmark: the compile time of verification, per proof file and in all, with g++ and clang++-19.

  compile_times.py SOURCE_ROOT [--jobs 2] -- FLAGS...

For each compiler found, compiles every proofs/*.cpp with -fsyntax-only (whole-process wall
time, one file at a time), then all of them from scratch with JOBS in parallel (the wall time a
clean verification costs on this machine). Targets: all proofs <= 10 s per compiler, the largest
file <= 3 s.
"""
import concurrent.futures
import glob
import os
import shutil
import subprocess
import sys
import time

BUDGET = 1073741824  # constexpr_budget in meson.build


def compile_seconds(command):
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f'FAIL: {" ".join(command)}\n{run.stderr[-2000:]}')
    return time.perf_counter() - start


def main():
    split = sys.argv.index('--')
    args, flags = sys.argv[1:split], sys.argv[split + 1:]
    root = os.path.abspath(args[0])
    jobs = int(args[args.index('--jobs') + 1]) if '--jobs' in args else 2
    proofs = sorted(glob.glob(os.path.join(root, 'proofs', '*.cpp')))
    # (label, compiler, its flags): clang++-22 twice, with its default evaluator and with the bytecode
    # constant interpreter (meson option new_constant_interpreter).
    compilers = [(label, name, limit) for label, name, limit in
                 (('g++', 'g++', [f'-fconstexpr-ops-limit={BUDGET}', f'-fconstexpr-loop-limit={BUDGET}']),
                  ('clang++-19', 'clang++-19', [f'-fconstexpr-steps={BUDGET}']),
                  ('clang++-22', 'clang++-22', [f'-fconstexpr-steps={BUDGET}']),
                  ('clang++-22 new interpreter', 'clang++-22',
                   [f'-fconstexpr-steps={BUDGET}', '-fexperimental-new-constant-interpreter'])) if shutil.which(name)]
    for label, compiler, limits in compilers:
        base = [compiler] + flags + limits + ['-I' + os.path.join(root, 'include'), '-fsyntax-only']
        each = {os.path.basename(p): compile_seconds(base + [p]) for p in proofs}
        start = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(lambda p: compile_seconds(base + [p]), proofs))
        wall = time.perf_counter() - start
        print(f'{label}: all {len(proofs)} proofs, {jobs} jobs: {wall:.1f} s wall (target <= 10 s: '
              f'{"met" if wall <= 10 else "missed"}); one at a time: {sum(each.values()):.1f} s')
        for name, seconds in sorted(each.items(), key=lambda kv: -kv[1]):
            print(f'  {seconds:6.2f} s  {name}{"" if seconds <= 3 else "  (over the 3 s target)"}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
