#!/usr/bin/env python3
"""Every LaTeX document ncv writes (`ncv report --format latex`, `ncv conv --explain --format latex`,
`ncv sgd --explain --format latex`) is standalone: pdflatex compiles it to a PDF with no overfull
line (nothing runs into the margin) and no missing character (nothing silently dropped).

  check_latex_documents.py NCV_BINARY
"""
import json
import os
import subprocess
import sys
import tempfile

PAPER = {'A': [[1, 2, 0, 1, 0], [0, 1, 2, 1, 0], [1, 0, 1, 2, 1], [0, 1, 0, 1, 2], [2, 1, 0, 0, 1]],
         'W': [[1, 0, -1], [0, 2, 0], [-1, 0, 1]], 'C': [[1, 0, 0], [0, 1, 0], [0, 0, 1]], 'mask': 'diagonal'}

# name, arguments, standard input: the paper's report, and worked solutions with padding, stride,
# the true convolution, fractions, a wide input (two-digit subscripts) and one-dimensional SGD.
DOCUMENTS = [
    ('report', ['report', '--format', 'latex'], ''),
    ('conv', ['conv', '--explain', '--format', 'latex', '--entry', 'dW'], json.dumps(PAPER)),
    ('conv_padded', ['conv', '--explain', '--format', 'latex', '--entry', 'dA'],
     json.dumps({'A': [['1/2', -3, 4], [2, '-7/3', 1], [0, 5, '11/13']], 'W': [[1, '-1/2'], [3, 2]],
                 'padding': 1, 'stride': 2, 'mode': 'convolution', 'C': [[1, 0], ['1/3', 2]]})),
    ('conv_wide', ['conv', '--explain', '--format', 'latex', '--entry', 'dA(16,16)'],
     json.dumps({'A': [[(3 * i + j) % 7 - 3 for j in range(16)] for i in range(16)], 'W': [[1, 2, 1], [0, -1, 0], [2, 1, 2]],
                 'C': [[0] * 14 for _ in range(14)]})),
    ('sgd', ['sgd', '--explain', '--format', 'latex'], json.dumps({'x': [[1, 2], [3, '1/2'], [5, 0], ['-7/3', 4]]})),
    ('sgd_flat', ['sgd', '--explain', '--format', 'latex'], json.dumps({'x': [1, -3, '1/2'], 'steps': [1, '1/2', '1/2']})),
]


def check(ncv, folder, name, arguments, stdin):
    source = os.path.join(folder, f'{name}.tex')
    with open(source, 'w') as out:
        out.write(subprocess.run([ncv] + arguments, input=stdin, capture_output=True, text=True, check=True).stdout)
    run = subprocess.run(['pdflatex', '-interaction=nonstopmode', '-halt-on-error', f'{name}.tex'],
                         cwd=folder, capture_output=True, text=True, timeout=300)
    if run.returncode != 0 or not os.path.exists(os.path.join(folder, f'{name}.pdf')):
        print(run.stdout[-3000:])
        print(f'FAIL: pdflatex did not compile {name}.tex (ncv {" ".join(arguments)})')
        return False
    with open(os.path.join(folder, f'{name}.log'), encoding='latin-1') as log_file:
        log = log_file.read()
    problems = [line for line in log.splitlines() if line.startswith('Overfull') or 'Missing character' in line]
    if problems:
        print('\n'.join(problems))
        print(f'FAIL: {len(problems)} overfull lines or missing characters in {name}.tex (ncv {" ".join(arguments)})')
        return False
    print(f'pdflatex compiled {name}.tex: {os.path.getsize(os.path.join(folder, f"{name}.pdf"))} bytes of PDF, '
          'no overfull line, no missing character')
    return True


def main():
    ncv = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        results = [check(ncv, folder, *document) for document in DOCUMENTS]
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
