#!/usr/bin/env python3
"""Benchmark: a bank of 200 variants proven and exported, `ncv variant --seed 0 --count 200
--format moodle`, end to end (the variants drawn, their answer key compiled as static_asserts by the
compiler ncv was built with, one unit per core, then Moodle XML written). Target: at most 60 s.
Beside it, for the record, the same bank's proof as one unit under clang++-22's new constant
interpreter (no target: a second evaluator, not what an instructor waits for).

  variant_bank.py NCV_BINARY SOURCE_DIR [--count N] [--budget STEPS]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('ncv')
    parser.add_argument('source')
    parser.add_argument('--count', type=int, default=200)
    parser.add_argument('--budget', default='1073741824')
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.monotonic()
        run = subprocess.run([args.ncv, 'variant', '--seed', '0', '--count', str(args.count), '--format', 'moodle',
                              '--output', os.path.join(tmp, 'bank.xml')], capture_output=True, text=True)
        bank_seconds = time.monotonic() - start
        if run.returncode != 0:
            print(f'FAIL: ncv variant exited {run.returncode}: {run.stderr}')
            return 1
        unit = os.path.join(tmp, 'bank.cpp')
        with open(unit, 'w') as f:
            f.write(subprocess.run([args.ncv, 'variant', '--seed', '0', '--count', str(args.count), '--format', 'cpp'],
                                   capture_output=True, text=True, check=True).stdout)
        clang = shutil.which('clang++-22')
        if clang is None:
            print('FAIL: clang++-22 is not installed (tools/verify installs it for CXX=clang++-22)')
            return 1
        start = time.monotonic()
        interpreted = subprocess.run([clang, '-std=c++20', '-fexperimental-new-constant-interpreter', f'-fconstexpr-steps={args.budget}',
                                      '-I', os.path.join(args.source, 'include'), '-fsyntax-only', unit], capture_output=True, text=True)
        interpreter_seconds = time.monotonic() - start
        if interpreted.returncode != 0:
            print(f'FAIL: the bank does not compile under the new interpreter:\n{interpreted.stderr[:2000]}')
            return 1
    print(f'{args.count} variants proven and exported as Moodle XML: {bank_seconds:.1f} s (target 60 s)')
    print(f'the same proof as one unit, clang++-22 -fexperimental-new-constant-interpreter: {interpreter_seconds:.1f} s')
    return 0 if bank_seconds <= 60 else 1


if __name__ == '__main__':
    sys.exit(main())
