#!/usr/bin/env python3
"""Reads the formulas `ncv report` prints back and evaluates them at every index, 1-based as printed.

  check_report_formulas.py NCV_BINARY

The count formula r(i) (Q2b), the chain rule for ∂f/∂w_uv and ∂f/∂a_kl (Q2c) and the running mean
w⁽ᵗ⁾ (Q1b) are parsed from the text report, then compared, entry by entry, with what `ncv conv` and
`ncv sgd` compute: on the paper's problem and on random ones (shapes, padding, masks, fractions).
A formula printed 0-based, or with a wrong offset or factor, fails here.
"""
import json
import random
import re
import subprocess
import sys
from fractions import Fraction

SUBSCRIPTS = dict(zip('ᵢⱼₖₗᵤᵥₙₜ₊₋₀₁₂₃₄₅₆₇₈₉₍₎', 'ijkluvnt+-0123456789()'))
PAPER = {'A': [[1, 2, 3, 4, 5], [5, 1, 2, 3, 4], [4, 5, 1, 2, 3], [3, 4, 5, 1, 2], [2, 3, 4, 5, 1]],
         'W': [[-1, -1, -1], [-1, 8, -1], [-1, -1, -1]], 'C': [[-10, 0, 0], [0, -10, 0], [0, 0, -10]],
         'mask': [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}
failures = []


def run(ncv, arguments, document=None):
    done = subprocess.run([ncv] + arguments, input=None if document is None else json.dumps(document),
                          capture_output=True, text=True, check=True)
    return done.stdout


def number(value):
    return Fraction(value) if isinstance(value, str) else Fraction(value)


def python_expression(text):
    """An index expression as printed (2p, −, subscripts) as Python."""
    text = ''.join(SUBSCRIPTS.get(c, c) for c in text).replace('−', '-')
    return re.sub(r'(\d)([a-z])', r'\1*\2', text)


def answer_line(report, start):
    for line in report.splitlines():
        if line.strip().startswith('answer ' + start):
            return line.strip()[len('answer '):].split('  verified')[0]
    failures.append(f'no answer line starting {start!r}')
    return None


def check(condition, message):
    if not condition:
        failures.append(message)


def check_count_formula(ncv, report):
    line = answer_line(report, 'r(i) = min(')
    if line is None:
        return
    terms = [python_expression(t) for t in line[len('r(i) = min('):-1].split(', ')]
    check(len(terms) == 4, f'r(i) has four terms: {line}')
    r = lambda i, n, k, p: min(eval(t, {}, {'i': i, 'n': n, 'k': k, 'p': p}) for t in terms)
    problems = [(PAPER['A'], PAPER['W'], 0)]
    rng = random.Random(7)
    for _ in range(60):
        rows, cols = rng.randint(1, 7), rng.randint(1, 7)
        p = rng.randint(0, 2)
        kr, kc = rng.randint(1, min(4, rows + 2 * p)), rng.randint(1, min(4, cols + 2 * p))
        problems.append(([[rng.randint(-3, 3) for _ in range(cols)] for _ in range(rows)],
                         [[rng.randint(-3, 3) for _ in range(kc)] for _ in range(kr)], p))
    for a, w, p in problems:
        counts = json.loads(run(ncv, ['conv'], {'A': a, 'W': w, 'padding': p}))['counts']
        n, m, kr, kc = len(a), len(a[0]), len(w), len(w[0])
        for i in range(1, n + 1):
            for j in range(1, m + 1):
                printed = r(i, n, kr, p) * r(j, m, kc, p)
                check(printed == counts[i - 1][j - 1],
                      f'count({i}, {j}) by the printed r(i) is {printed}, ncv conv says {counts[i - 1][j - 1]} '
                      f'(A {n}x{m}, W {kr}x{kc}, padding {p})')


def check_chain_rule(ncv, report):
    line = answer_line(report, '∂f/∂w')
    if line is None:
        return
    match = re.fullmatch(r'∂f/∂wᵤᵥ = (\S+) Σᵢⱼ mᵢⱼ \(bᵢⱼ − cᵢⱼ\) a₍(.+?)₎₍(.+?)₎, '
                         r'∂f/∂aₖₗ = (\S+) Σᵢⱼ mᵢⱼ \(bᵢⱼ − cᵢⱼ\) w₍(.+?)₎₍(.+?)₎', line)
    check(match is not None, f'the chain rule as printed: {line}')
    if match is None:
        return
    lam, a_row, a_col, mu, w_row, w_col = match.groups()
    lam, mu = Fraction(lam), Fraction(mu)
    a_row, a_col, w_row, w_col = (python_expression(e) for e in (a_row, a_col, w_row, w_col))
    problems = [PAPER]
    rng = random.Random(11)
    for _ in range(40):
        n, m, kr, kc = rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 3), rng.randint(1, 3)
        if kr > n or kc > m:
            continue
        value = lambda: rng.choice([rng.randint(-4, 4), f'{rng.randint(-5, 5)}/{rng.randint(1, 4)}'])
        problems.append({'A': [[value() for _ in range(m)] for _ in range(n)], 'W': [[value() for _ in range(kc)] for _ in range(kr)],
                         'C': [[value() for _ in range(m - kc + 1)] for _ in range(n - kr + 1)],
                         'mask': [[rng.randint(0, 1) for _ in range(m - kc + 1)] for _ in range(n - kr + 1)]})
    for problem in problems:
        out = json.loads(run(ncv, ['conv'], problem))
        a = [[number(x) for x in row] for row in problem['A']]
        w = [[number(x) for x in row] for row in problem['W']]
        b = [[number(x) for x in row] for row in out['B']]
        c = [[number(x) for x in row] for row in problem['C']]
        mask = problem['mask']
        n, m, kr, kc, br, bc = len(a), len(a[0]), len(w), len(w[0]), len(b), len(b[0])
        at = lambda matrix, rows, cols, i, j: matrix[i - 1][j - 1] if 1 <= i <= rows and 1 <= j <= cols else None
        for u in range(1, kr + 1):
            for v in range(1, kc + 1):
                total = Fraction(0)
                for i in range(1, br + 1):
                    for j in range(1, bc + 1):
                        env = {'i': i, 'j': j, 'u': u, 'v': v}
                        x = at(a, n, m, eval(a_row, {}, env), eval(a_col, {}, env))
                        if x is not None:
                            total += mask[i - 1][j - 1] * (b[i - 1][j - 1] - c[i - 1][j - 1]) * x
                check(lam * total == number(out['dW'][u - 1][v - 1]), f'∂f/∂w{u}{v} by the printed rule: {lam * total}, '
                                                                      f'ncv conv says {out["dW"][u - 1][v - 1]}')
        for k in range(1, n + 1):
            for l in range(1, m + 1):
                total = Fraction(0)
                for i in range(1, br + 1):
                    for j in range(1, bc + 1):
                        env = {'i': i, 'j': j, 'k': k, 'l': l}
                        x = at(w, kr, kc, eval(w_row, {}, env), eval(w_col, {}, env))
                        if x is not None:
                            total += mask[i - 1][j - 1] * (b[i - 1][j - 1] - c[i - 1][j - 1]) * x
                check(mu * total == number(out['dA'][k - 1][l - 1]), f'∂f/∂a{k}{l} by the printed rule: {mu * total}, '
                                                                     f'ncv conv says {out["dA"][k - 1][l - 1]}')


def check_running_mean(ncv, report):
    line = answer_line(report, 'w⁽ᵗ⁾ = ')
    if line is None:
        return
    match = re.fullmatch(r'w⁽ᵗ⁾ = \((\S+)/t\) Σᵢ₌₁ᵗ x⁽ⁱ⁾', line)
    check(match is not None, f'the running mean as printed: {line}')
    if match is None:
        return
    factor = Fraction(match.group(1))
    rng = random.Random(5)
    for _ in range(20):
        points = [[rng.randint(-9, 9), f'{rng.randint(-9, 9)}/{rng.randint(1, 5)}'] for _ in range(rng.randint(1, 8))]
        iterates = json.loads(run(ncv, ['sgd'], {'x': points}))['iterates']
        for t in range(1, len(points) + 1):
            for d in range(2):
                printed = factor / t * sum(number(points[i][d]) for i in range(t))
                check(printed == number(iterates[t - 1][d]), f'w({t})_{d + 1} by the printed formula: {printed}, '
                                                              f'ncv sgd says {iterates[t - 1][d]}')


def main():
    ncv = sys.argv[1]
    report = run(ncv, ['report'])
    check_count_formula(ncv, report)
    check_chain_rule(ncv, report)
    check_running_mean(ncv, report)
    for failure in failures[:20]:
        print('FAIL:', failure)
    print(f"{'FAIL' if failures else 'ok'}: the report's formulas, read back, "
          f"{'disagree in ' + str(len(failures)) + ' places' if failures else 'agree with ncv at every index'}")
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
