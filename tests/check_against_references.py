#!/usr/bin/env python3
"""Differential checks against references from outside the project: PyTorch, SymPy, Fraction.

  check_against_references.py NCV_BINARY

- `ncv conv` on random problems (padding, stride, both readings, masks) against PyTorch's conv2d
  and autograd in float64: B, the loss, dW and dA, each exact answer within 1e-9 of PyTorch's.
- `ncv sgd` on random problems against the running mean computed with Python's Fraction: equal.
- `ncv report --format json`: the GAN discriminator optima (Q3c) against SymPy, which solves
  d/dD [a·log D + b·log(1 − D)] = 0 itself; and the KL's stationary point (Q3b) against SymPy's
  solution of ∇[½(μ² + s − 1 − log s)] = 0.

The references are required: without torch or sympy the test fails (Debian: python3-torch,
python3-sympy, which tools/verify installs), it does not pass quietly.
"""
import json
import os
import random
import shutil
import subprocess
import sys
from fractions import Fraction


def python_with_references():
    for candidate in [sys.executable, '/usr/bin/python3']:
        if candidate and shutil.which(candidate) and subprocess.run(
                [candidate, '-c', 'import torch, sympy'], capture_output=True).returncode == 0:
            return candidate
    return None


def run(ncv, arguments, document=None):
    done = subprocess.run([ncv] + arguments, input=None if document is None else json.dumps(document),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f'FAIL: ncv {" ".join(arguments)} exited {done.returncode}: {done.stderr}')
    return json.loads(done.stdout)


def number(value):
    return Fraction(value)


def check_conv_against_torch(ncv, failures):
    import torch
    rng = random.Random(2024)
    problems = 0
    for trial in range(80):
        n, m = rng.randint(2, 7), rng.randint(2, 7)
        padding, stride = rng.randint(0, 2), rng.randint(1, 3)
        kr, kc = rng.randint(1, min(4, n + 2 * padding)), rng.randint(1, min(4, m + 2 * padding))
        mode = rng.choice(['cross-correlation', 'convolution'])
        value = lambda: rng.choice([rng.randint(-5, 5), f'{rng.randint(-7, 7)}/{rng.randint(1, 6)}'])
        a = [[value() for _ in range(m)] for _ in range(n)]
        w = [[value() for _ in range(kc)] for _ in range(kr)]
        rows, cols = (n + 2 * padding - kr) // stride + 1, (m + 2 * padding - kc) // stride + 1
        c = [[value() for _ in range(cols)] for _ in range(rows)]
        mask = [[rng.randint(0, 1) for _ in range(cols)] for _ in range(rows)]
        out = run(ncv, ['conv'], {'A': a, 'W': w, 'C': c, 'mask': mask, 'padding': padding, 'stride': stride, 'mode': mode})
        tensor = lambda rows_: torch.tensor([[float(number(v)) for v in row] for row in rows_], dtype=torch.float64)
        a_t = tensor(a).reshape(1, 1, n, m).requires_grad_(True)
        w_t = tensor(w).reshape(1, 1, kr, kc).requires_grad_(True)
        kernel = torch.flip(w_t, dims=[2, 3]) if mode == 'convolution' else w_t
        b_t = torch.nn.functional.conv2d(a_t, kernel, padding=padding, stride=stride)[0, 0]
        loss = (tensor(mask) * (b_t - tensor(c)) ** 2).sum()
        loss.backward()
        expected = {'B': b_t.detach(), 'dW': w_t.grad[0, 0], 'dA': a_t.grad[0, 0]}
        where = f'trial {trial} ({n}x{m}, W {kr}x{kc}, padding {padding}, stride {stride}, {mode})'
        for name, reference in expected.items():
            got = torch.tensor([[float(number(v)) for v in row] for row in out[name]], dtype=torch.float64)
            if got.shape != reference.shape or not torch.allclose(got, reference, rtol=1e-9, atol=1e-9):
                failures.append(f'{name} differs from PyTorch in {where}: {out[name]} vs {reference.tolist()}')
        if abs(float(number(out['loss'])) - loss.item()) > 1e-9 * max(1.0, abs(loss.item())):
            failures.append(f'the loss differs from PyTorch in {where}: {out["loss"]} vs {loss.item()}')
        problems += 1
    return problems


def check_sgd_against_fraction(ncv, failures):
    rng = random.Random(7)
    for trial in range(40):
        d, n = rng.randint(1, 3), rng.randint(1, 12)
        points = [[f'{rng.randint(-20, 20)}/{rng.randint(1, 9)}' for _ in range(d)] for _ in range(n)]
        steps = None if trial % 2 == 0 else [f'{rng.randint(1, 5)}/{rng.randint(1, 7)}' for _ in range(n)]
        document = {'x': points, **({'steps': steps} if steps else {})}
        out = run(ncv, ['sgd'], document)
        w = [Fraction(0)] * d
        for t, x in enumerate(points):
            eta = Fraction(steps[t]) if steps else Fraction(1, t + 1)
            w = [wk - eta * (wk - Fraction(xk)) for wk, xk in zip(w, x)]
            if [number(v) for v in out['iterates'][t]] != w:
                failures.append(f'sgd trial {trial}: w({t + 1}) is {out["iterates"][t]}, Fraction says {w}')
                break
    return 40


def check_report_against_sympy(ncv, failures):
    import sympy
    report = {a['id']: a for a in run(ncv, ['report', '--format', 'json'])['answers']}
    values = lambda claim: [number(v) for row in report[claim]['computed'] for v in (row if isinstance(row, list) else [row])]
    # Q3c: the discriminator's optimum D* = (c₀·p_data + c₁·p_g)/(p_data + p_g) for the loss
    # p_data·log D + p_g·log(1 − D) (corrected) and with the labels swapped (the paper's).
    D, p_data, p_g = sympy.symbols('D p_data p_g', positive=True)
    for claim, loss in [('Q3c.corrected_optimum', p_data * sympy.log(D) + p_g * sympy.log(1 - D)),
                        ('Q3c.given_optimum', p_g * sympy.log(D) + p_data * sympy.log(1 - D))]:
        optimum = sympy.solve(sympy.diff(loss, D), D)
        c0, c1 = values(claim)
        claimed = (c0 * p_data + c1 * p_g) / (p_data + p_g)
        if len(optimum) != 1 or sympy.simplify(optimum[0] - claimed) != 0:
            failures.append(f'{claim}: SymPy finds D* = {optimum}, ncv claims {claimed}')
    # Q3b: the KL's stationary point.
    mu, s = sympy.symbols('mu s', real=True)
    kl = sympy.Rational(1, 2) * (mu ** 2 + s - 1 - sympy.log(s))
    stationary = sympy.solve([sympy.diff(kl, mu), sympy.diff(kl, s)], [mu, s], dict=True)
    claimed = values('Q3b.kl_stationary_point')
    if stationary != [{mu: claimed[0], s: claimed[1]}]:
        failures.append(f'Q3b.kl_stationary_point: SymPy finds {stationary}, ncv claims {claimed}')
    return 3


def main():
    python = python_with_references()
    if python is None:
        print('FAIL: no Python with torch and sympy (Debian: apt-get install python3-torch python3-sympy; '
              'tools/verify installs them): the references are required, not optional')
        return 1
    if python != sys.executable and os.environ.get('NCV_REFERENCES_CHILD') != '1':
        return subprocess.run([python] + sys.argv, env={**os.environ, 'NCV_REFERENCES_CHILD': '1'}).returncode
    ncv = sys.argv[1]
    failures = []
    conv = check_conv_against_torch(ncv, failures)
    sgd = check_sgd_against_fraction(ncv, failures)
    claims = check_report_against_sympy(ncv, failures)
    for failure in failures[:20]:
        print('FAIL:', failure)
    print(f"{'FAIL' if failures else 'ok'}: {conv} convolution problems against PyTorch, {sgd} SGD runs against Fraction, "
          f"{claims} report claims against SymPy{', ' + str(len(failures)) + ' differences' if failures else ''}")
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
