#!/usr/bin/env python3
"""Benchmark: the compile time of verification, per proof file and in all, with every evaluator of
evaluators.py (g++, clang++-19, clang++-22 and its new constant interpreter).

  compile_times.py SOURCE_ROOT [--jobs 2] -- FLAGS...

For each compiler found, compiles every proofs/*.cpp with -fsyntax-only, one file at a time (the
compiler's CPU time, and the wall time beside it), then all of them from scratch with JOBS in
parallel, started in the order proofs/meson.build lists them, as ninja starts them (the wall time
a clean verification costs on this machine). As the build does, each compiler first makes its
precompiled header (clang++ proofs/pch/proofs_pch.hpp, g++ proofs/pch/standard_headers.hpp) and
every proof reads it; making it is part of the parallel run's wall time, and its cost is printed
apart. Targets: all proofs <= 10 s wall per
compiler, each file <= 3 s of CPU time.
"""
import concurrent.futures
import glob
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

from evaluators import evaluators


def compile_seconds(command):
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f'FAIL: {" ".join(command)}\n{run.stderr[-2000:]}')
    return time.perf_counter() - start


def compile_cpu_and_wall_seconds(command):
    """The compiler's CPU time (user + system) and the wall time of one compilation, run alone. The
    per-file target is judged on CPU time: on this shared machine it moves less than wall time,
    which also counts the moments another tenant had the processor."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = compile_seconds(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main():
    split = sys.argv.index('--')
    args, flags = sys.argv[1:split], sys.argv[split + 1:]
    root = os.path.abspath(args[0])
    jobs = int(args[args.index('--jobs') + 1]) if '--jobs' in args else 2
    proofs = sorted(glob.glob(os.path.join(root, 'proofs', '*.cpp')))
    # The parallel run starts them in the build's order (proofs/meson.build lists the costliest
    # first, and ninja starts ready compilations in that order); any file it does not list, last.
    listed = re.search(r'proof_names = \[([^\]]*)\]', open(os.path.join(root, 'proofs', 'meson.build')).read())
    order = re.findall(r"'([^']+)'", listed.group(1)) if listed else []
    in_build_order = sorted(proofs, key=lambda p: order.index(os.path.basename(p)[:-4])
                            if os.path.basename(p)[:-4] in order else len(order))
    compilers = evaluators()
    scratch = tempfile.TemporaryDirectory()
    for label, compiler, limits in compilers:
        base = [compiler] + flags + limits + ['-I' + os.path.join(root, 'include')]
        # As proofs/meson.build builds them: clang++ reads its header with -include-pch; g++ finds
        # HEADER.gch beside the HEADER named by -include (-Winvalid-pch: say so if it is not used).
        pch_dir = os.path.join(root, 'proofs', 'pch')
        if 'clang' in compiler:
            pch = os.path.join(scratch.name, label.replace(' ', '_') + '.pch')
            make_pch = base + ['-fpch-instantiate-templates', '-x', 'c++-header',
                               os.path.join(pch_dir, 'proofs_pch.hpp'), '-o', pch]
            read_pch = ['-include-pch', pch]
        else:
            header = os.path.join(scratch.name, label.replace(' ', '_') + '_standard_headers.hpp')
            shutil.copyfile(os.path.join(pch_dir, 'standard_headers.hpp'), header)
            make_pch = base + ['-x', 'c++-header', header, '-o', header + '.gch']
            read_pch = ['-Winvalid-pch', '-include', header]
        pch_cpu, pch_wall = compile_cpu_and_wall_seconds(make_pch)
        pch_line = f'  {pch_cpu:6.2f} s CPU ({pch_wall:5.2f} s wall)  the precompiled header, first\n'
        base = base + read_pch
        base = base + ['-fsyntax-only']
        each = {os.path.basename(p): compile_cpu_and_wall_seconds(base + [p]) for p in proofs}
        start = time.perf_counter()
        compile_seconds(make_pch)
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(lambda p: compile_seconds(base + [p]), in_build_order))
        wall = time.perf_counter() - start
        cpu = sum(seconds for seconds, _ in each.values())
        print(f'{label}: all {len(proofs)} proofs, {jobs} jobs: {wall:.1f} s wall (target <= 10 s: '
              f'{"met" if wall <= 10 else "missed"}); one at a time: {cpu:.1f} s CPU, '
              f'{sum(seconds for _, seconds in each.values()):.1f} s wall')
        print(pch_line, end='')
        for name, (seconds, wall_seconds) in sorted(each.items(), key=lambda kv: -kv[1][0]):
            print(f'  {seconds:6.2f} s CPU ({wall_seconds:5.2f} s wall)  {name}'
                  f'{"" if seconds <= 3 else "  (over the 3 s target)"}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
