#!/usr/bin/env python3
"""Compiles refuted_claim.cpp with b22 claimed as 1/3 instead of 1/2 and checks that the compiler
refuses it with the diagnostic the example's comment shows: claim_refuted naming the claim, the
entry {1, 1}, computed {1, 2} and claimed {1, 3}.

  check_refuted_claim.py EXAMPLE.cpp -- COMPILER ARGS...
"""
import os
import re
import subprocess
import sys
import tempfile

RIGHT, WRONG = '{0, q(1, 2)}});', '{0, q(1, 3)}});'


def main():
    split = sys.argv.index('--')
    example, compiler = sys.argv[1], sys.argv[split + 1:]
    with open(example, encoding='utf-8') as source:
        text = source.read()
    if text.count(RIGHT) != 1:
        print(f'FAIL: {example} no longer holds the claim {RIGHT!r} once; update this test with it')
        return 1
    with tempfile.TemporaryDirectory() as folder:
        wrong = os.path.join(folder, 'refuted_claim.cpp')
        with open(wrong, 'w', encoding='utf-8') as out:
            out.write(text.replace(RIGHT, WRONG))
        run = subprocess.run(compiler + ['-fsyntax-only', wrong], capture_output=True, text=True)
    output = run.stdout + run.stderr
    if run.returncode == 0:
        print('FAIL: the wrong claim compiled')
        return 1
    wanted = r'claim_refuted<(ncv::)?fixed_string<10>\{"example\.B"\}, (ncv::proof::)?entry\{1, 1\}, ' \
             r'(ncv::proof::)?computed\{1, 2\}, (ncv::proof::)?claimed\{1, 3\}>'
    if not re.search(wanted, output):
        print('FAIL: the diagnostic does not name the claim, the entry and both values:\n' + output)
        return 1
    print('refused, naming example.B, entry {1, 1}, computed 1/2, claimed 1/3')
    return 0


if __name__ == '__main__':
    sys.exit(main())
