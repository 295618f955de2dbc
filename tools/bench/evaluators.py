"""The constant evaluators the compile-time benchmarks measure, and the budget they all run with.

g++ 12, clang++-19, clang++-22, and clang++-22 again with its bytecode constant interpreter (the
meson option new_constant_interpreter): each a (label, compiler, flags) triple, for the compilers
this machine has.
"""
import shutil

BUDGET = 1073741824  # constexpr_budget in meson.build

_ALL = (
    ('g++', 'g++', [f'-fconstexpr-ops-limit={BUDGET}', f'-fconstexpr-loop-limit={BUDGET}']),
    ('clang++-19', 'clang++-19', [f'-fconstexpr-steps={BUDGET}']),
    ('clang++-22', 'clang++-22', [f'-fconstexpr-steps={BUDGET}']),
    ('clang++-22 new interpreter', 'clang++-22', [f'-fconstexpr-steps={BUDGET}', '-fexperimental-new-constant-interpreter']),
)


def evaluators():
    """Every evaluator whose compiler is installed, in the order above."""
    return [(label, compiler, list(flags)) for label, compiler, flags in _ALL if shutil.which(compiler)]
