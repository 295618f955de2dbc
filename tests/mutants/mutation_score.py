#!/usr/bin/env python3
"""Prints the mutation score of this run, 'mutants: K killed of N', and fails unless K = N.

  mutation_score.py RESULTS_DIR N

Every mutant test writes RESULTS_DIR/<claim>[<entry>] (killed or survived). meson runs this
test last and alone (lowest priority, not parallel); it consumes the records, so a mutant
that did not run in this run counts as not killed.
"""
import os
import sys


def main():
    results, expected = sys.argv[1], int(sys.argv[2])
    records = sorted(os.listdir(results)) if os.path.isdir(results) else []
    killed = []
    for name in records:
        path = os.path.join(results, name)
        with open(path) as f:
            outcome = f.read().strip()
        os.remove(path)
        if outcome == 'killed':
            killed.append(name)
        else:
            print(f'survived: {name}')
    if len(records) < expected:
        print(f'{expected - len(records)} mutants did not run (run the whole suite: meson test --suite mutants)')
    print(f'mutants: {len(killed)} killed of {expected}')
    return 0 if len(killed) == expected else 1


if __name__ == '__main__':
    sys.exit(main())
