#!/usr/bin/env python3
"""Prints the mutation score of this run, 'mutants: K killed of N', and fails unless K = N.

  mutation_score.py RESULTS_DIR NAME...

Every mutant test writes RESULTS_DIR/<claim>[<entry>] (killed or survived). meson runs this
test last and alone (lowest priority, not parallel) with the names of the N mutants it expects;
only their records count: a record of another name (left by an earlier or partial run) is
reported and ignored, and a mutant without a record counts as not killed. The records are
consumed, so a mutant that did not run in this run counts as not killed.
"""
import os
import sys


def main():
    results, expected = sys.argv[1], sys.argv[2:]
    records = {}
    for name in sorted(os.listdir(results)) if os.path.isdir(results) else []:
        path = os.path.join(results, name)
        with open(path) as f:
            records[name] = f.read().strip()
        os.remove(path)
    for name in sorted(set(records) - set(expected)):
        print(f'ignored: {name} is not a mutant of this run (a record left by another run)')
    killed = [name for name in expected if records.get(name) == 'killed']
    for name in expected:
        if name not in records:
            print(f'did not run: {name} (run the whole suite: meson test --suite mutants)')
        elif records[name] != 'killed':
            print(f'survived: {name}')
    print(f'mutants: {len(killed)} killed of {len(expected)}')
    return 0 if expected and len(killed) == len(expected) else 1


if __name__ == '__main__':
    sys.exit(main())
