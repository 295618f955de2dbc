#!/usr/bin/env python3
"""Uses ncverify from outside, two ways, in a temporary folder:

  check_consumer.py subproject SOURCE_ROOT        a meson project with subprojects/ncverify
                                                  finds it with dependency('ncverify')
  check_consumer.py installed SOURCE_ROOT BUILD CXX...
                                                  meson install into a staging folder, then
                                                  compile with pkg-config --cflags ncverify
"""
import os
import shutil
import subprocess
import sys
import tempfile


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        print('$ ' + ' '.join(command))
        print(result.stdout + result.stderr)
        raise SystemExit(1)
    return result.stdout


def main():
    mode, source_root = sys.argv[1], os.path.abspath(sys.argv[2])
    consumer = os.path.join(source_root, 'tests', 'consumer')
    with tempfile.TemporaryDirectory() as folder:
        if mode == 'subproject':
            project = os.path.join(folder, 'project')
            os.makedirs(os.path.join(project, 'subprojects'))
            for name in ('meson.build', 'consumer.cpp'):
                shutil.copy(os.path.join(consumer, name), project)
            # The library as a subproject: a copy of its build definition (with its options) and headers only.
            sub = os.path.join(project, 'subprojects', 'ncverify')
            os.makedirs(sub)
            shutil.copy(os.path.join(source_root, 'meson.build'), sub)
            shutil.copy(os.path.join(source_root, 'meson_options.txt'), sub)
            shutil.copytree(os.path.join(source_root, 'include'), os.path.join(sub, 'include'))
            env = dict(os.environ)
            run(['meson', 'setup', os.path.join(folder, 'build'), project], env=env)
            run(['meson', 'compile', '-C', os.path.join(folder, 'build')], env=env)
            run([os.path.join(folder, 'build', 'consumer')])
            print('the subproject consumer built and ran')
        else:
            build, compiler = sys.argv[3], sys.argv[4:]
            stage = os.path.join(folder, 'stage')
            run(['meson', 'install', '-C', build, '--destdir', stage, '--no-rebuild', '--quiet'])
            pcs = [os.path.join(root, n) for root, _, names in os.walk(stage) for n in names if n == 'ncverify.pc']
            if not pcs:
                print('FAIL: meson install produced no ncverify.pc')
                return 1
            env = dict(os.environ, PKG_CONFIG_PATH=os.path.dirname(pcs[0]), PKG_CONFIG_SYSROOT_DIR=stage)
            cflags = run(['pkg-config', '--cflags', 'ncverify'], env=env).split()
            run(compiler + cflags + ['-fsyntax-only', os.path.join(consumer, 'consumer.cpp')])
            print('compiled against the installed headers with: pkg-config --cflags ncverify = ' + ' '.join(cflags))
    return 0


if __name__ == '__main__':
    sys.exit(main())
