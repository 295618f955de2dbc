#!/usr/bin/env python3
"""Uses ncverify from outside, by one route, in a temporary folder, with each compiler given:

  check_consumer.py subproject SOURCE_ROOT --ncv NCV --compilers CXX... --large CXX
      a meson project with subprojects/ncverify finds it with dependency('ncverify')
  check_consumer.py pkg-config SOURCE_ROOT --build BUILD --ncv NCV --compilers CXX... --large CXX
      meson install into a staging folder; compile with pkg-config's Cflags and cflags_gcc / cflags_clang
  check_consumer.py cmake SOURCE_ROOT --build BUILD --ncv NCV --compilers CXX... --large CXX
      the same install; a CMake project with find_package(ncverify 0.2 CONFIG REQUIRED), built as
      Release with -Werror, with the project's examples; a request for 0.3 or 1.0 must be refused

For each compiler the consumer (tests/consumer/consumer.cpp) proves its own 3x3 convolution and one
gradient entry and runs; the same program with a wrong claim must be refused naming claim_refuted.
With the --large compiler, a 40x40 unit written by `ncv prove conv --emit` must compile: it needs
the constant-evaluation budget the route carries (clang's default step limit refuses it).
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(command, expect_success=True, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if (result.returncode == 0) != expect_success:
        print('$ ' + ' '.join(command))
        print(result.stdout + result.stderr)
        print('FAIL: expected ' + ('success' if expect_success else 'failure'))
        raise SystemExit(1)
    return result.stdout + result.stderr


def refused_naming_claim(output, how):
    if 'claim_refuted' not in output or 'consumer.dW11' not in output:
        print(output)
        print(f'FAIL: {how}: the wrong claim was refused, but not naming claim_refuted and consumer.dW11')
        raise SystemExit(1)
    print(f'{how}: the wrong claim is refused, naming claim_refuted<"consumer.dW11", ...>')


def write_large_unit(ncv, folder):
    """A 40x40 problem's answer key as a proof unit, written by ncv prove conv --emit."""
    n = 40
    problem = {'A': [[(7 * i + 3 * j) % 11 - 5 for j in range(n)] for i in range(n)],
               'W': [[1, -2, 1], [0, 3, -1], [2, 0, -1]],
               'C': [[0] * (n - 2) for _ in range(n - 2)]}
    source, unit = os.path.join(folder, 'problem40.json'), os.path.join(folder, 'unit40.cpp')
    with open(source, 'w') as out:
        json.dump(problem, out)
    run([ncv, 'prove', 'conv', '--emit', unit, source])
    return unit


def staged_install(build, folder):
    stage = os.path.join(folder, 'stage')
    run(['meson', 'install', '-C', build, '--destdir', stage, '--no-rebuild', '--quiet'])
    pcs = glob.glob(os.path.join(stage, '**', 'ncverify.pc'), recursive=True)
    configs = glob.glob(os.path.join(stage, '**', 'ncverifyConfig.cmake'), recursive=True)
    if not pcs or not configs:
        print('FAIL: meson install produced no ncverify.pc or no ncverifyConfig.cmake')
        raise SystemExit(1)
    return stage, os.path.dirname(pcs[0]), configs[0]


def each_compiler(args):
    """The compilers given, then the one for the large unit if it is not among them, each once."""
    return list(dict.fromkeys(args.compilers + [args.large]))


def family(compiler):
    return 'clang' if 'clang' in os.path.basename(compiler) else 'gcc'


def via_subproject(args, folder, unit):
    project = os.path.join(folder, 'project')
    sub = os.path.join(project, 'subprojects', 'ncverify')
    os.makedirs(sub)
    for name in ('meson.build', 'consumer.cpp'):
        shutil.copy(os.path.join(HERE, name), project)
    # The library as a subproject: its build definition (with its options) and headers only.
    for name in ('meson.build', 'meson_options.txt'):
        shutil.copy(os.path.join(args.source_root, name), sub)
    shutil.copytree(os.path.join(args.source_root, 'include'), os.path.join(sub, 'include'))
    for compiler in each_compiler(args):
        if compiler == args.large:
            shutil.copy(unit, os.path.join(project, 'unit40.cpp'))
        build = os.path.join(folder, 'build-' + os.path.basename(compiler))
        env = dict(os.environ, CXX=compiler)
        run(['meson', 'setup', build, project], env=env)
        run(['meson', 'compile', '-C', build], env=env)
        run([os.path.join(build, 'consumer')])
        refused_naming_claim(run(['meson', 'compile', '-C', build, 'consumer_wrong'], expect_success=False, env=env),
                             f'subproject, {compiler}')
        if compiler == args.large:
            print(f'subproject, {compiler}: the 40x40 unit of ncv prove --emit compiled')
            os.remove(os.path.join(project, 'unit40.cpp'))


def via_pkg_config(args, folder, unit):
    stage, pc_dir, _ = staged_install(args.build, folder)
    env = dict(os.environ, PKG_CONFIG_PATH=pc_dir, PKG_CONFIG_SYSROOT_DIR=stage)
    cflags = run(['pkg-config', '--cflags', 'ncverify'], env=env).split()
    consumer = os.path.join(HERE, 'consumer.cpp')
    for compiler in each_compiler(args):
        budget = run(['pkg-config', '--variable=cflags_' + family(compiler), 'ncverify'], env=env).split()
        if not budget:
            print(f'FAIL: pkg-config has no cflags_{family(compiler)}')
            return 1
        flags = cflags + budget + ['-Wall', '-Wextra', '-Wpedantic', '-Werror']
        program = os.path.join(folder, 'consumer-' + os.path.basename(compiler))
        run([compiler] + flags + [consumer, '-o', program])
        run([program])
        refused_naming_claim(run([compiler] + flags + ['-DNCV_CONSUMER_WRONG_CLAIM', '-fsyntax-only', consumer],
                                 expect_success=False), f'pkg-config, {compiler}')
        if compiler == args.large:
            run([compiler] + flags + ['-fsyntax-only', unit])
            print(f'pkg-config, {compiler} {" ".join(cflags + budget)}: the 40x40 unit of ncv prove --emit compiled')
    return 0


def via_cmake(args, folder, unit):
    stage, _, config = staged_install(args.build, folder)
    prefix = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(config))))  # <prefix>/share/cmake/ncverify
    project = os.path.join(folder, 'project')
    os.makedirs(project)
    for name in ('CMakeLists.txt', 'consumer.cpp'):
        shutil.copy(os.path.join(HERE, name), project)
    examples = sorted(glob.glob(os.path.join(args.source_root, 'examples', '*.cpp')))
    for compiler in each_compiler(args):
        build = os.path.join(folder, 'build-' + os.path.basename(compiler))
        configure = ['cmake', '-S', project, '-B', build, '-DCMAKE_BUILD_TYPE=Release',
                     '-DCMAKE_CXX_COMPILER=' + compiler, '-DCMAKE_PREFIX_PATH=' + prefix,
                     '-DNCV_EXAMPLES=' + ';'.join(examples)]
        if compiler == args.large:
            configure.append('-DNCV_UNIT=' + unit)
        run(configure)
        run(['cmake', '--build', build, '--parallel', '2'])
        run([os.path.join(build, 'consumer')])
        for example in examples:
            run([os.path.join(build, 'example_' + os.path.splitext(os.path.basename(example))[0])])
        refused_naming_claim(run(['cmake', '--build', build, '--target', 'consumer_wrong'], expect_success=False),
                             f'cmake, {compiler}')
        print(f'cmake, {compiler}: consumer and {len(examples)} examples built (Release, -Werror) and ran'
              + (', and the 40x40 unit of ncv prove --emit compiled' if compiler == args.large else ''))
    # The version file: same major, no older than asked.
    for request in ('0.3', '1.0'):
        output = run(['cmake', '-S', project, '-B', os.path.join(folder, 'build-' + request),
                      '-DCMAKE_PREFIX_PATH=' + prefix, '-DNCV_REQUEST_VERSION=' + request], expect_success=False)
        if 'ncverify' not in output:
            print(output)
            print(f'FAIL: find_package(ncverify {request}) failed for another reason')
            return 1
    print('cmake: find_package(ncverify 0.3) and (ncverify 1.0) are refused by the version file')
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('route', choices=['subproject', 'pkg-config', 'cmake'])
    parser.add_argument('source_root')
    parser.add_argument('--build')
    parser.add_argument('--ncv', required=True)
    parser.add_argument('--compilers', nargs='+', required=True)
    parser.add_argument('--large', required=True)
    args = parser.parse_args()
    args.source_root = os.path.abspath(args.source_root)
    with tempfile.TemporaryDirectory() as folder:
        unit = write_large_unit(args.ncv, folder)
        route = {'subproject': via_subproject, 'pkg-config': via_pkg_config, 'cmake': via_cmake}[args.route]
        return route(args, folder, unit) or 0


if __name__ == '__main__':
    sys.exit(main())
