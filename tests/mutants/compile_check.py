#!/usr/bin/env python3
"""Compiles a proof, or a mutant of it, and checks the outcome.

  compile_check.py pass PROOF -- COMPILER ARGS...
      the proof must compile (syntax and constant evaluation only).
  compile_check.py mutant PROOF CLAIM ENTRY ROW COL NUM DEN RESULTS_DIR -- COMPILER ARGS...
      the proof, with entry ENTRY of claim CLAIM raised by one (through the
      ncv::exam::claim_mutation hook), must fail, and the compiler must say that
      this claim was refuted at (ROW, COL) against the claimed value NUM/DEN.
      A failure for any other reason (a typo, a missing include) fails the test.
      The outcome (killed or survived) is written to RESULTS_DIR for the mutation score.
"""
import os
import subprocess
import sys
import tempfile


def compile_source(compiler, path):
    run = subprocess.run(compiler + ['-fsyntax-only', path], capture_output=True, text=True)
    return run.returncode, run.stdout + run.stderr


def main():
    if '--' not in sys.argv:
        sys.exit(__doc__)
    split = sys.argv.index('--')
    args, compiler = sys.argv[1:split], sys.argv[split + 1:]
    mode, proof = args[0], os.path.abspath(args[1])

    if mode == 'pass':
        code, output = compile_source(compiler, proof)
        if code != 0:
            print(output)
            print(f'FAIL: {os.path.basename(proof)} does not compile: a claim is not verified')
            return 1
        print(f'verified: {os.path.basename(proof)} compiles')
        return 0

    claim, entry, row, col, num, den, results = args[2:9]
    os.makedirs(results, exist_ok=True)
    record = os.path.join(results, f'{claim}[{entry}]')
    expected = [
        'claim_refuted<',
        f'{{"{claim}"}}',
        f'entry{{{row}, {col}}}',
        f'claimed{{{num}, {den}}}',
    ]
    with tempfile.TemporaryDirectory() as folder:
        mutant = os.path.join(folder, 'mutant.cpp')
        with open(mutant, 'w') as out:
            out.write(
                f'// Mutant: entry {entry} of claim {claim} raised by one; {os.path.basename(proof)} must refuse it.\n'
                '#include <ncv/exam/claim.hpp>\n'
                'template <> struct ncv::exam::claim_mutation<void> {\n'
                f'    static constexpr std::string_view claim = "{claim}";\n'
                f'    static constexpr std::size_t entry = {entry};\n'
                '};\n'
                f'#include "{proof}"\n')
        code, output = compile_source(compiler, mutant)
    missing = [text for text in expected if text not in output]
    with open(record, 'w') as out:
        out.write('killed\n' if code != 0 and not missing else 'survived\n')
    if code == 0:
        print(f'FAIL: mutant {claim}[{entry}] compiled: the proof does not check this claim entry')
        return 1
    if missing:
        print(output)
        print(f'FAIL: mutant {claim}[{entry}] failed, but not by the assertion for that claim; '
              f'missing from the diagnostics: {missing}')
        return 1
    print(f'killed: mutant {claim}[{entry}] -> claim_refuted {claim} entry{{{row}, {col}}} claimed{{{num}, {den}}}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
