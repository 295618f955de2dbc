#!/usr/bin/env python3
"""Fails if a claim declared with ncv::exam::claim<"ID"> in the exam header is missing from its
claims registry (and so would get no mutant), or if the registry names an undeclared claim.

  check_registry.py HEADER LIST-CLAIMS-EXECUTABLE
"""
import re
import subprocess
import sys


def main():
    header, lister = sys.argv[1:3]
    declared = set(re.findall(r'claim<"([^"]+)">', open(header, encoding='utf-8').read()))
    listed = subprocess.run([lister, '--mutants'], capture_output=True, text=True, check=True).stdout
    registered = {line.split()[0] for line in listed.splitlines() if line.strip()}
    problems = [f'declared but not registered: {sorted(declared - registered)}'] if declared - registered else []
    if registered - declared:
        problems.append(f'registered but not declared: {sorted(registered - declared)}')
    for problem in problems:
        print('FAIL:', problem)
    print(f'{len(declared)} claims declared, {len(registered)} registered')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
