#!/usr/bin/env python3
"""Compiles every public header of include/ncv/ alone in its own translation unit (twice, to
check the include guard), like Boost.Hana's header tests: a header that relies on another
being included first fails here. Each must also reach no Boost header: the library's
dependency (and its pkg-config file) promises consumers the standard library only. And each
includes only headers of its own layer or a lower one (LAYERS, lowest first), as ncv.hpp lists them.
Under -std=c++17 each must stop with <ncv/version.hpp>'s one-line #error as its first error.

  compile_each.py INCLUDE_DIR -- COMPILER ARGS...
"""
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

LAYERS = ['number', 'array', 'nn', 'proof', 'exam']
TOO_OLD = 'ncverify needs C++20 or later'


def layer_violations(include_dir, header):
    """The includes of a header that reach a higher layer than its own."""
    own = header.split('/')[1]
    if own not in LAYERS:
        return []
    with open(os.path.join(include_dir, header), encoding='utf-8') as source:
        reached = re.findall(r'#include <ncv/([a-z_]+)/', source.read())
    return [f'{header} includes a header of layer {layer}' for layer in reached
            if layer not in LAYERS or LAYERS.index(layer) > LAYERS.index(own)]


def main():
    split = sys.argv.index('--')
    include_dir, compiler = sys.argv[1], sys.argv[split + 1:]
    headers = sorted(os.path.relpath(os.path.join(root, name), include_dir)
                     for root, _, names in os.walk(os.path.join(include_dir, 'ncv'))
                     for name in names if name.endswith('.hpp'))
    with tempfile.TemporaryDirectory() as folder:
        def check(header):
            source = os.path.join(folder, header.replace('/', '_') + '.cpp')
            with open(source, 'w') as out:
                out.write(f'#include <{header}>\n#include <{header}>\nint main() {{ return 0; }}\n')
            run = subprocess.run(compiler + ['-fsyntax-only', source], capture_output=True, text=True)
            if run.returncode != 0:
                return header, run.returncode, run.stdout + run.stderr
            listed = subprocess.run(compiler + ['-M', source], capture_output=True, text=True)
            if listed.returncode != 0:
                return header, listed.returncode, 'listing its includes (-M) failed:\n' + listed.stderr
            boost = [d for d in listed.stdout.split() if '/boost/' in d]
            if boost:
                return header, 1, 'it includes Boost: ' + ' '.join(boost[:3])
            old = subprocess.run(compiler + ['-std=c++17', '-fsyntax-only', source], capture_output=True, text=True)
            errors = [line for line in (old.stdout + old.stderr).splitlines() if 'error' in line]
            if old.returncode == 0 or not errors or TOO_OLD not in errors[0]:
                return header, 1, f'under -std=c++17 the first error is not "{TOO_OLD}": ' + (errors[0] if errors else 'none')
            return header, 0, ''
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            results = list(pool.map(check, headers))
    failed = [(h, out) for h, code, out in results if code != 0]
    failed += [(h, '\n'.join(v)) for h in headers for v in [layer_violations(include_dir, h)] if v]
    for header, output in failed:
        print(f'FAIL: {header} does not stand on its own:\n{output}')
    print(f'{len(headers) - len(failed)} of {len(headers)} headers compile on their own')
    return 1 if failed or not headers else 0


if __name__ == '__main__':
    sys.exit(main())
