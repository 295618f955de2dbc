#!/usr/bin/env python3
"""Compiles the C++ proofs `ncv variant --format cpp` emits for several seeds (they must compile),
and a mutant of each (the claimed ∂f/∂w11, dW(1,1), raised by one): it must not compile, and the
compiler must name the refuted claim, its entry and both values (ncv::proof::claim_refuted).

  check_variant_proofs.py NCV_BINARY -- COMPILER ARGS...
"""
import os
import re
import subprocess
import sys
import tempfile

SEEDS = [1, 2, 3, 2023]


def compiles(compiler, path):
    run = subprocess.run(compiler + ['-fsyntax-only', path], capture_output=True, text=True)
    return run.returncode == 0, run.stdout + run.stderr


def main():
    split = sys.argv.index('--')
    ncv, compiler = sys.argv[1], sys.argv[split + 1:]
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        for seed in SEEDS:
            source = subprocess.run([ncv, 'variant', '--seed', str(seed), '--format', 'cpp'],
                                    capture_output=True, text=True, check=True).stdout
            proof = os.path.join(folder, f'variant{seed}.cpp')
            with open(proof, 'w') as out:
                out.write(source)
            ok, output = compiles(compiler, proof)
            if not ok:
                print(f'FAIL: the proof of variant {seed} does not compile:\n{output}')
                failures += 1
                continue
            # Mutant: the claimed ∂f/∂w11 (the first entry of claimed_dW) raised by one.
            pattern = r'(claimed_dW\(\{\{number\()(-?\d+)'
            found = re.search(pattern, source)
            mutated = re.sub(pattern, lambda m: m.group(1) + str(int(m.group(2)) + 1), source, count=1)
            if mutated == source:
                print(f'FAIL: found no ∂f/∂w11 literal to mutate in variant {seed}')
                failures += 1
                continue
            mutant = os.path.join(folder, f'variant{seed}_mutant.cpp')
            with open(mutant, 'w') as out:
                out.write(mutated)
            ok, output = compiles(compiler, mutant)
            # g++ and clang++ print claim_refuted's arguments differently (with or without ncv::).
            claimed = int(found.group(2)) + 1
            named = re.search(r'claim_refuted<(ncv::)?fixed_string<3>\{"dW"\}, (ncv::proof::)?entry\{0, 0\}, (ncv::proof::)?computed\{' +
                              str(claimed - 1) + r', 1\}, (ncv::proof::)?claimed\{' + str(claimed) + r', 1\}>', output)
            if ok or not named:
                print(f'FAIL: the mutant of variant {seed} was not refused as dW(1,1) = {claimed - 1}, not {claimed}:\n{output}')
                failures += 1
            else:
                print(f'variant {seed}: proof compiles, mutant refused')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
