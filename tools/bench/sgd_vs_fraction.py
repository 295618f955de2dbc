#!/usr/bin/env python3
"""Benchmark: `ncv sgd --final-only` against Python's fractions.Fraction running the same recurrence.

  sgd_vs_fraction.py NCV_BINARY [--points N] [--dimension D] [--rational] [--runs R]

Writes one input file (fixed seed), then times each whole process R times (default 3), on the
same machine in the same run, alternating: ncv reading the file, and a Python process reading
the same file and running w <- w - (1/(t+1)) (w - x) with Fraction. The best run of each is
compared: a single run of a 0.1 s process moved by 25 % with the page cache and the machine's
other load. Checks the final iterates are equal, and prints the figures and the ratio. The
target of the Q1 issue: ncv at least 100x faster.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

PYTHON_SGD = r'''
import json, sys
from fractions import Fraction
def num(v):
    return Fraction(v) if isinstance(v, (int, str)) else None
data = json.load(open(sys.argv[1]))["x"]
flat = not isinstance(data[0], list)
points = [[num(v)] if flat else [num(c) for c in v] for v in data]
w = [Fraction(0)] * len(points[0])
for t, x in enumerate(points):
    eta = Fraction(1, t + 1)
    w = [wk - eta * (wk - xk) for wk, xk in zip(w, x)]
out = [f"{v.numerator}" if v.denominator == 1 else f"{v.numerator}/{v.denominator}" for v in w]
print(json.dumps(out[0] if flat else out))
'''


def normalise(value):
    """A JSON number or "p/q" string as the "p/q" text Fraction prints."""
    return str(value) if isinstance(value, int) else value


def timed(command):
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, run.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('ncv')
    parser.add_argument('--points', type=int, default=1_000_000)
    parser.add_argument('--dimension', type=int, default=1)
    parser.add_argument('--rational', action='store_true', help='points with denominators 1..9 instead of integers')
    parser.add_argument('--runs', type=int, default=3, help='runs of each process; the best is reported')
    args = parser.parse_args()

    rng = random.Random(20231127)
    def value():
        if args.rational:
            return f'{rng.randint(-1000, 1000)}/{rng.randint(1, 9)}'
        return rng.randint(-1000, 1000)
    points = [value() if args.dimension == 1 else [value() for _ in range(args.dimension)] for _ in range(args.points)]

    with tempfile.TemporaryDirectory() as folder:
        data = os.path.join(folder, 'data.json')
        with open(data, 'w') as out:
            json.dump({'x': points}, out)
        script = os.path.join(folder, 'sgd_fraction.py')
        with open(script, 'w') as out:
            out.write(PYTHON_SGD)
        ncv_runs, python_runs = [], []
        for _ in range(args.runs):
            ncv_runs.append(timed([args.ncv, 'sgd', '--final-only', data]))
            python_runs.append(timed([sys.executable, script, data]))
        ncv_seconds, ncv_out = min(ncv_runs)
        python_seconds, python_out = min(python_runs)

    ncv_final = json.loads(ncv_out)['iterates'][0]
    ncv_final = normalise(ncv_final) if args.dimension == 1 else [normalise(v) for v in ncv_final]
    python_final = json.loads(python_out)
    if ncv_final != python_final:
        print(f'FAIL: different final iterates: ncv {ncv_final} vs Fraction {python_final}')
        return 1
    kind = 'rational' if args.rational else 'integer'
    print(f'workload: {args.points} {kind} points, dimension {args.dimension}, final iterates equal')
    print(f'ncv sgd --final-only: {ncv_seconds:.3f} s (whole process, best of {args.runs})')
    print(f'python Fraction:      {python_seconds:.3f} s (whole process, best of {args.runs})')
    print(f'ratio: ncv is {python_seconds / ncv_seconds:.1f}x faster (target: 100x)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
