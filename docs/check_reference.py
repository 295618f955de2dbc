#!/usr/bin/env python3
"""Generates the reference with Doxygen and fails on any warning: an undocumented public entity
(WARN_IF_UNDOCUMENTED) or a malformed comment. Doxygen 1.9 does not warn about an undocumented
concept, so concepts are checked here: each at namespace scope outside detail has a '///' comment.

  check_reference.py DOXYGEN DOXYFILE WARNINGS_FILE INCLUDE_DIR
"""
import os
import re
import subprocess
import sys


def undocumented_concepts(include_dir):
    found = []
    for root, _, names in os.walk(os.path.join(include_dir, 'ncv')):
        if os.path.basename(root) == 'detail':
            continue
        for name in names:
            path = os.path.join(root, name)
            lines = open(path, encoding='utf-8').read().split('\n')
            for k, line in enumerate(lines):
                match = re.match(r'concept (\w+)', line)
                if not match:
                    continue
                above = k - 1
                while above >= 0 and lines[above].startswith('template'):
                    above -= 1
                if above < 0 or not lines[above].lstrip().startswith('///'):
                    found.append(f'{os.path.relpath(path, include_dir)}:{k + 1}: concept {match.group(1)} is not documented')
    return found


def main():
    doxygen, doxyfile, warnings_file, include_dir = sys.argv[1:5]
    os.makedirs(os.path.dirname(warnings_file), exist_ok=True)  # doxygen writes no log into a missing folder
    run = subprocess.run([doxygen, doxyfile], capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout + run.stderr)
        print('FAIL: doxygen failed')
        return 1
    warnings = [w for w in open(warnings_file, encoding='utf-8').read().splitlines() if w.strip()]
    warnings += undocumented_concepts(include_dir)
    for warning in warnings:
        print(warning)
    print(f'{len(warnings)} undocumented or malformed entities' if warnings else 'every public entity is documented')
    return 1 if warnings else 0


if __name__ == '__main__':
    sys.exit(main())
