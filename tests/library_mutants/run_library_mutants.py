#!/usr/bin/env python3
"""Runs the library mutants: each plausible bug in include/ncv/ must break a proof or a unit test.

usage: run_library_mutants.py MUTANTS.json SOURCE_ROOT [--jobs N] [--only K,...] [--test NAME ...] [--record]
                               -- COMPILER AND PROOF FLAGS...

Each mutant (file, original, replacement) is applied to a scratch copy of include/. Only what can
notice it is rebuilt: the proofs whose include closure reaches the mutated header (compiled with
-fsyntax-only: compiling is verifying), cheapest first, and, if all of them still compile, the
library's Boost.Test executables (--test, named by tests/meson.build) that include it, built and
run. A mutant marked "no_proof_runs" (naming the branch: code that no proof's constant evaluation
runs, such as an overflow's refusal, the parser, or a header no proof includes) goes to the unit
tests first. The first failure kills the mutant if a check refused it: a failed static_assert or constant
evaluation, a failed test, or a step past the time limit (a mutant that sends a constant
evaluation into a loop). A compile error of any other kind (the mutant breaks the build) is an
error to mend, not a kill. Each verdict names the check and its first error line. Everything is
compiled without -Werror, so a mutant that only leaves a variable unused is not "killed".

A mutant may name the check that killed it last time ("killed_by": "proofs/x.cpp" or
"tests/x_test.cpp"); that check runs first among its kind, so a run of a suite whose mutants are
all killed costs about one compilation per mutant. The hint only orders the search: if it no
longer kills, every other check still runs, so a stale hint costs time, never a wrong verdict.
--record writes the killers found back into MUTANTS.json.

Prints one line per mutant, `library mutants: K killed of N`, and `library mutants killed by the
proofs alone: K of M`, M counting the mutants not marked no_proof_runs, which are listed apart
with their branch; exits 1 unless both are whole.
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
# The proofs that take longest go last: most mutants are killed long before them.
SLOW_PROOFS = ['q1a_global_minimiser.cpp', 'q2_many_shapes.cpp', 'q2_many_shapes_flipped.cpp', 'q1b_many_data_sets.cpp',
               'q1b_many_data_sets_3d.cpp']
# One step (a compilation or a test run) normally takes under 30 s on 2 cores; a mutant that
# sends a constant evaluation into a loop would otherwise run to the 2^30-operation budget.
TIMEOUT = 150


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
    """(exit status or 'timeout', what the command printed). The command gets its own process
    group, so that a timeout stops the compiler proper (cc1plus) too, not only the driver."""
    with subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          errors='replace', start_new_session=True) as process:
        try:
            output, _ = process.communicate(timeout=TIMEOUT)
            return process.returncode, output
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return 'timeout', ''


# A compile error counts as a kill only when its first error line says a check refused a value: a
# failed static_assert, a constant evaluation that did not complete (an exception, undefined
# behaviour, a step limit), or a proof's named diagnostic (claim_refuted, claims_refuted_beyond, law_broken). Anything else
# (a syntax error, a missing name, a type that no longer fits) means the mutant breaks the build:
# an error to mend, not a kill.
REFUSAL = re.compile(r'static assert|static_assert|claim_refuted|claims_refuted_beyond|law_broken|constant expression|'
                     r'constexpr|consteval|constant evaluation|step limit|operations limit|'
                     r'outside the bounds|null pointer|uninitialized|past the end')


def first_error(output):
    """The first line of the output that reports an error, whole (it is shortened only for the report)."""
    for line in output.splitlines():
        if 'error' in line:
            return line.strip()
    return (output.strip().splitlines() or ['(no output)'])[0]


def try_mutant(index, mutant, root, compiler, test_flags, tests):
    """Applies the mutant (none for the unmutated baseline) and returns (index, outcome, killer or message)."""
    with tempfile.TemporaryDirectory(prefix='ncv-library-mutant-') as scratch:
        scratch = pathlib.Path(scratch)
        shutil.copytree(root / 'include', scratch / 'include')
        if 'original' in mutant:
            header = scratch / 'include' / 'ncv' / mutant['file']
            text = header.read_text(encoding='utf-8')
            if text.count(mutant['original']) != 1:
                return index, 'error', 'the original text does not occur exactly once in ' + mutant['file']
            header.write_text(text.replace(mutant['original'], mutant['replacement']), encoding='utf-8')
        include = ['-I' + str(scratch / 'include')]

        def compiled(command):
            """None when it compiled; else (outcome, reason): a refusal is a kill, anything else an error."""
            status, output = run(command)
            if status == 0:
                return None
            if status == 'timeout':
                return 'killed', 'timed out'
            line = first_error(output)
            return ('killed' if REFUSAL.search(line) else 'error'), line[:300]

        def proof_fails(proof):
            # The scratch include directory comes first, so <ncv/...> resolves to the mutated copy.
            return compiled(compiler[:1] + include + compiler[1:] + ['-fsyntax-only', str(proof)])

        def test_fails(name):
            executable = scratch / name
            build = compiler[:1] + include + compiler[1:] + test_flags + [str(root / 'tests' / (name + '.cpp')), '-o',
                                                                          str(executable), '-lboost_unit_test_framework']
            failure = compiled(build)
            if failure:
                return failure
            status, output = run([str(executable), '--color_output=false'])
            if status == 0:
                return None
            return 'killed', 'timed out' if status == 'timeout' else first_error(output)[:300]

        if 'only' in mutant:  # the baseline: just the named check
            check = root / mutant['only']
            failed = proof_fails(check) if check.parent.name == 'proofs' else test_fails(check.stem)
            return index, 'failed' if failed else 'passed', mutant['only'] + (f' ({failed[1]})' if failed else '')

        proofs = sorted(p for p in (root / 'proofs').glob('*.cpp')
                        if mutant['file'] in include_closure(p, root / 'include'))
        proofs.sort(key=lambda p: SLOW_PROOFS.index(p.name) if p.name in SLOW_PROOFS else -1)
        # The test named after the header first: tests mirror headers, so it is the likeliest to notice.
        stem = pathlib.Path(mutant['file']).stem + '_test'
        tests = [name for name in sorted(tests, key=lambda n: n != stem)
                 if mutant['file'] in include_closure(root / 'tests' / (name + '.cpp'), root / 'include')]
        proof_checks = [('proofs/' + p.name, lambda p=p: proof_fails(p)) for p in proofs]
        test_checks = [('tests/' + name + '.cpp', lambda name=name: test_fails(name)) for name in tests]
        for group in (proof_checks, test_checks):
            group.sort(key=lambda check: check[0] != mutant.get('killed_by'))
        # The proofs first, so that a kill by a proof is found (the proof-only score); code that
        # no proof runs goes to its unit tests first.
        checks = test_checks + proof_checks if 'no_proof_runs' in mutant else proof_checks + test_checks
        for name, fails in checks:
            failure = fails()
            if failure:
                outcome, reason = failure
                return index, outcome, f'{name}: {reason}'
        return index, 'survived', None


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
    parser.add_argument('--record', action='store_true', help='write the killers found into MUTANTS.json')
    options = parser.parse_args(arguments)
    # Without -Werror: a mutant that only leaves a variable unused must not count as killed.
    compiler = [flag for flag in compiler if flag != '-Werror']
    root = pathlib.Path(options.root)
    mutants = json.loads(pathlib.Path(options.mutants).read_text(encoding='utf-8'))
    chosen = [int(k) for k in options.only.split(',') if k] or range(len(mutants))
    test_flags = ['-I' + str(root / 'tests'), '-O1', '-DBOOST_TEST_DYN_LINK=1', '-DBOOST_ALL_NO_LIB'] + options.test_flag

    # A check that fails without any mutant would kill every mutant: run each hinted killer once on
    # the unmutated headers first.
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        killers = sorted({mutants[k]['killed_by'] for k in chosen if 'killed_by' in mutants[k]})
        baseline = [pool.submit(try_mutant, k, {'only': killer}, root, compiler, test_flags, options.test)
                    for k, killer in enumerate(killers)]
        broken = [killer for _, outcome, killer in (f.result() for f in baseline) if outcome != 'passed']
    if broken:
        print('library mutants: without any mutant, these checks already fail: ' + ', '.join(broken))
        return 2
    print(f'baseline: the {len(killers)} checks named as killers pass on the unmutated headers', flush=True)

    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        futures = [pool.submit(try_mutant, k, mutants[k], root, compiler, test_flags, options.test) for k in chosen]
        for future in concurrent.futures.as_completed(futures):
            index, outcome, killer = future.result()
            m = mutants[index]
            results[index] = outcome
            if outcome == 'error':
                detail = f'breaks the build, not a check: {killer}; re-aim it'
            else:
                detail = 'by ' + killer if killer else 'no proof or unit test noticed it'
            print(f'{outcome:8} #{index} {m["file"]}: {m["why"]} ({detail})', flush=True)
            if outcome == 'killed':
                m['killed_by'] = killer.split(': ', 1)[0]
    if options.record:
        pathlib.Path(options.mutants).write_text(json.dumps(mutants, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
    killed = sum(1 for outcome in results.values() if outcome == 'killed')
    print(f'library mutants: {killed} killed of {len(results)}')
    evaluated = [k for k in results if 'no_proof_runs' not in mutants[k]]
    by_proofs = [k for k in evaluated if results[k] == 'killed' and mutants[k]['killed_by'].startswith('proofs/')]
    for k in sorted(set(evaluated) - set(by_proofs)):
        print(f'  not by a proof: #{k} {mutants[k]["file"]}: {mutants[k]["why"]}')
    for k in sorted(set(results) - set(evaluated)):
        print(f'  no proof runs it: #{k} {mutants[k]["file"]}: {mutants[k]["no_proof_runs"]}')
    print(f'library mutants killed by the proofs alone: {len(by_proofs)} of {len(evaluated)} '
          f'({len(results) - len(evaluated)} more in code no proof runs, listed apart)')
    # Both must be whole: every mutant killed, and every mutant of code a proof runs killed by a proof.
    return 0 if killed == len(results) and len(by_proofs) == len(evaluated) else 1


if __name__ == '__main__':
    sys.exit(main())
