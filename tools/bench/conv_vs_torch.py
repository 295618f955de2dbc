#!/usr/bin/env python3
"""Benchmark: `ncv conv` on a generated N x N problem (3x3 W, full C) against PyTorch (float64,
one thread) doing the forward pass, the loss and both gradients on the same data.

  conv_vs_torch.py NCV_BINARY [--size N] [--rational]

Times the whole ncv process once (reading 30 MB of JSON, computing exactly, writing the answer)
and reads its peak resident memory from the kernel (wait4). PyTorch, when a Python with torch
is found (Debian: python3-torch), loads the same data untimed, runs forward + loss + backward
once to warm up, then once timed; for integer data its float64 gradients are exact and must
equal ncv's. The issue's targets: ncv within 3x of PyTorch, at most 500 MB. Then (integers)
the other memory case: a 2x2 A with padding 2047, whose B is 4095x4095 (target <= 200 MB).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

TORCH = r'''
import json, sys, time
from fractions import Fraction
import torch
torch.set_num_threads(1)
problem = json.load(open(sys.argv[1]))
def tensor(rows):
    return torch.tensor([[float(Fraction(v)) for v in row] for row in rows], dtype=torch.float64)
a, w, c = tensor(problem["A"]), tensor(problem["W"]), tensor(problem["C"])
def run():
    a_ = a.clone().requires_grad_(True)[None, None]
    w_ = w.clone().requires_grad_(True)[None, None]
    a_.retain_grad(); w_.retain_grad()
    b = torch.nn.functional.conv2d(a_, w_)[0, 0]
    loss = ((b - c) ** 2).sum()
    loss.backward()
    return loss, w_.grad[0, 0], a_.grad[0, 0]
run()
start = time.perf_counter()
loss, dw, da = run()
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "dW": dw.tolist(), "dA00": da[0, 0].item()}))
'''


def python_with_torch():
    for candidate in [sys.executable, '/usr/bin/python3']:
        if candidate and shutil.which(candidate) and subprocess.run(
                [candidate, '-c', 'import torch'], capture_output=True).returncode == 0:
            return candidate
    return None


def timed_with_memory(command, stdout_path):
    """Wall seconds and peak resident memory (MB) of one process."""
    with open(stdout_path, 'w') as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f'{" ".join(command)} failed: {process.stderr.read().decode()}')
    return elapsed, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('ncv')
    parser.add_argument('--size', type=int, default=2000)
    parser.add_argument('--rational', action='store_true', help='entries "p/q" with q in 1..9 instead of integers')
    args = parser.parse_args()

    rng = random.Random(20261127)
    def value(low, high):
        return f'{rng.randint(low, high)}/{rng.randint(1, 9)}' if args.rational else rng.randint(low, high)
    n = args.size
    problem = {'A': [[value(-9, 9) for _ in range(n)] for _ in range(n)],
               'W': [[value(-3, 3) for _ in range(3)] for _ in range(3)],
               'C': [[value(-50, 50) for _ in range(n - 2)] for _ in range(n - 2)]}
    kind = 'rational ("p/q")' if args.rational else 'integer'
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'problem.json')
        with open(path, 'w') as out:
            json.dump(problem, out)
        answer_path = os.path.join(folder, 'answer.json')
        seconds, megabytes = timed_with_memory([args.ncv, 'conv', path], answer_path)
        input_mb, output_mb = os.path.getsize(path) / 1e6, os.path.getsize(answer_path) / 1e6
        print(f'ncv conv, {n}x{n} {kind} A, 3x3 W, full C ({input_mb:.0f} MB in, {output_mb:.0f} MB out): '
              f'{seconds:.2f} s, {megabytes:.0f} MB peak RSS (target <= 500 MB for integers)')
        if not args.rational:
            padded = os.path.join(folder, 'padded.json')
            with open(padded, 'w') as out:
                json.dump({'A': [[1, 2], [3, 4]], 'W': [[1, 2], [3, 4]], 'padding': 2047}, out)
            pad_seconds, pad_megabytes = timed_with_memory([args.ncv, 'conv', padded], os.path.join(folder, 'padded_answer.json'))
            print(f'ncv conv, 2x2 A, padding 2047 (B 4095x4095, '
                  f'{os.path.getsize(os.path.join(folder, "padded_answer.json")) / 1e6:.0f} MB out): {pad_seconds:.2f} s, '
                  f'{pad_megabytes:.0f} MB peak RSS (target <= 200 MB)')
        python = python_with_torch()
        if python is None:
            print('FAIL: PyTorch is not installed (apt-get install python3-torch; tools/verify installs it): no ratio')
            return 1
        script = os.path.join(folder, 'torch_conv.py')
        with open(script, 'w') as out:
            out.write(TORCH)
        torch_run = json.loads(subprocess.run([python, script, path], capture_output=True, text=True, check=True).stdout)
        print(f'PyTorch float64, one thread, forward + loss + backward: {torch_run["seconds"]:.2f} s')
        print(f'ratio ncv / PyTorch: {seconds / torch_run["seconds"]:.2f}x' + ('' if args.rational else ' (target <= 3x)'))
        if not args.rational:
            with open(answer_path) as answer_file:
                answer = json.load(answer_file)
            same = answer['dW'] == [[int(v) for v in row] for row in torch_run['dW']] and answer['dA'][0][0] == int(torch_run['dA00'])
            print('dW and dA[0][0] equal PyTorch\'s (exact in float64 for this data)' if same else 'MISMATCH with PyTorch')
            if not same:
                return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
