#!/usr/bin/env python3
"""`ncv report --format latex` is a standalone document that pdflatex compiles to a PDF, with
no overfull line (nothing runs into the margin) and no missing character (nothing silently dropped).

  check_latex_report.py NCV_BINARY
"""
import os
import subprocess
import sys
import tempfile


def main():
    ncv = sys.argv[1]
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, 'report.tex')
        with open(source, 'w') as out:
            out.write(subprocess.run([ncv, 'report', '--format', 'latex'], capture_output=True, text=True, check=True).stdout)
        run = subprocess.run(['pdflatex', '-interaction=nonstopmode', '-halt-on-error', 'report.tex'],
                             cwd=folder, capture_output=True, text=True, timeout=300)
        if run.returncode != 0 or not os.path.exists(os.path.join(folder, 'report.pdf')):
            print(run.stdout[-3000:])
            print('FAIL: pdflatex did not compile the report')
            return 1
        with open(os.path.join(folder, 'report.log'), encoding='latin-1') as log_file:
            log = log_file.read()
        problems = [line for line in log.splitlines() if line.startswith('Overfull') or 'Missing character' in line]
        if problems:
            print('\n'.join(problems))
            print(f'FAIL: {len(problems)} overfull lines or missing characters in the LaTeX report')
            return 1
        print(f'pdflatex compiled the report: {os.path.getsize(os.path.join(folder, "report.pdf"))} bytes of PDF, '
              'no overfull line, no missing character')
    return 0


if __name__ == '__main__':
    sys.exit(main())
