#!/usr/bin/env python3
"""Runs the library mutants: each plausible bug in include/ncv/ must break a proof or a unit test.

usage: run_library_mutants.py MUTANTS.json SOURCE_ROOT [--jobs N] [--only K,...] [--test NAME ...] -- COMPILER AND PROOF FLAGS...

Each mutant (file, original, replacement) is applied to a scratch copy of include/. Only what can
notice it is rebuilt: the proofs whose include closure reaches the mutated header (compiled with
-fsyntax-only: compiling is verifying), cheapest first, and, if all of them still compile, the
library's Boost.Test executables (--test, named by tests/meson.build) that include it, built and
run. The first failure (a compile error, a failed test, or a run past the time limit) kills the
mutant. Prints one line per mutant and `library mutants: K killed of N`; exits 1 unless K = N.
"""
import argparse
import concurrent.futures
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
# The proofs that take longest go last: most mutants are killed long before them.
SLOW_PROOFS = ['q1a_global_minimiser.cpp', 'q2_many_shapes.cpp', 'q2_many_shapes_flipped.cpp', 'q1b_many_data_sets.cpp']
TIMEOUT = 600


def include_closure(path, include_root, seen=None):
    """The library headers (relative to include/ncv) that a file reaches through its includes."""
    seen = set() if seen is None else seen
    for kind, name in INCLUDE.findall(path.read_text(encoding='utf-8')):
        target = include_root / name if kind == '<' else path.parent / name
        if kind == '<' and not name.startswith('ncv/'):
            continue
        if target.exists() and target not in seen:
            seen.add(target)
            include_closure(target, include_root, seen)
    return {str(p.relative_to(include_root / 'ncv')) for p in seen if (include_root / 'ncv') in p.parents}


def run(command, cwd=None):
    try:
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT).returncode
    except subprocess.TimeoutExpired:
        return 'timeout'


def try_mutant(index, mutant, root, compiler, test_flags, tests):
    with tempfile.TemporaryDirectory(prefix='ncv-library-mutant-') as scratch:
        scratch = pathlib.Path(scratch)
        shutil.copytree(root / 'include', scratch / 'include')
        header = scratch / 'include' / 'ncv' / mutant['file']
        text = header.read_text(encoding='utf-8')
        if text.count(mutant['original']) != 1:
            return index, 'error', 'the original text does not occur exactly once in ' + mutant['file']
        header.write_text(text.replace(mutant['original'], mutant['replacement']), encoding='utf-8')
        include = ['-I' + str(scratch / 'include')]

        proofs = sorted(p for p in (root / 'proofs').glob('*.cpp')
                        if mutant['file'] in include_closure(p, root / 'include'))
        proofs.sort(key=lambda p: SLOW_PROOFS.index(p.name) if p.name in SLOW_PROOFS else -1)
        for proof in proofs:
            # The scratch include directory comes first, so <ncv/...> resolves to the mutated copy.
            if run(compiler[:1] + include + compiler[1:] + ['-fsyntax-only', str(proof)]) != 0:
                return index, 'killed', 'by proofs/' + proof.name

        # The test named after the header first: tests mirror headers, so it is the likeliest to notice.
        stem = pathlib.Path(mutant['file']).stem + '_test'
        for name in sorted(tests, key=lambda n: n != stem):
            source = root / 'tests' / (name + '.cpp')
            if mutant['file'] not in include_closure(source, root / 'include'):
                continue
            executable = scratch / name
            build = compiler[:1] + include + compiler[1:] + test_flags + [str(source), '-o', str(executable),
                                                                          '-lboost_unit_test_framework']
            if run(build) != 0:
                return index, 'killed', 'by tests/' + name + '.cpp (does not compile)'
            if run([str(executable)]) != 0:
                return index, 'killed', 'by tests/' + name + '.cpp'
        return index, 'survived', 'no proof or unit test noticed it'


def main():
    arguments, compiler = sys.argv[1:], []
    if '--' in arguments:
        split = arguments.index('--')
        arguments, compiler = arguments[:split], arguments[split + 1:]
    parser = argparse.ArgumentParser()
    parser.add_argument('mutants')
    parser.add_argument('root')
    parser.add_argument('--jobs', type=int, default=2)
    parser.add_argument('--only', default='')
    parser.add_argument('--test', action='append', default=[], help='a library unit test, e.g. rational_test')
    parser.add_argument('--test-flag', action='append', default=[])
    options = parser.parse_args(arguments)
    root = pathlib.Path(options.root)
    mutants = json.loads(pathlib.Path(options.mutants).read_text(encoding='utf-8'))
    chosen = [int(k) for k in options.only.split(',') if k] or range(len(mutants))
    test_flags = ['-I' + str(root / 'tests'), '-O1', '-DBOOST_TEST_DYN_LINK=1', '-DBOOST_ALL_NO_LIB'] + options.test_flag

    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        futures = [pool.submit(try_mutant, k, mutants[k], root, compiler, test_flags, options.test) for k in chosen]
        for future in concurrent.futures.as_completed(futures):
            index, outcome, detail = future.result()
            m = mutants[index]
            results[index] = outcome
            print(f'{outcome:8} #{index} {m["file"]}: {m["why"]} ({detail})', flush=True)
    killed = sum(1 for outcome in results.values() if outcome == 'killed')
    print(f'library mutants: {killed} killed of {len(results)}')
    return 0 if killed == len(results) else 1


if __name__ == '__main__':
    sys.exit(main())
