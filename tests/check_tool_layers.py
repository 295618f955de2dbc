"""The layers of tools/ncv: every quoted include goes to the same layer or a lower one, no file
includes another command's header, and the include graph has no cycle (a header and its .cpp
count as one unit)."""
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1]) / "tools" / "ncv"

# Lowest first. A file under problem/ is in "problem"; a file named *_command.* or main.cpp in
# "command"; every other file must be listed here, so a new file is placed on purpose.
LAYERS = ["base", "problem", "output", "command"]
PLACED = {
    "input_error.hpp": "base", "exact_number.hpp": "base", "exact_grid.hpp": "base", "exact_json.hpp": "base",
    "exact_json.cpp": "base", "input_text.hpp": "base", "input_text.cpp": "base", "huge_pages.hpp": "base",
    "bounded_queue.hpp": "base", "entry_name.hpp": "base", "csv_text.hpp": "base", "problem_document.hpp": "base", "problem_document.cpp": "base",
    "exam_instance.hpp": "problem", "exam_instance.cpp": "problem",
    "answer_text.hpp": "output", "worked_text.hpp": "output", "worked_text.cpp": "output",
    "worked_solutions.hpp": "output", "worked_solutions.cpp": "output", "proof_writer.hpp": "output",
    "proof_writer.cpp": "output", "proof_compiler.hpp": "output", "proof_compiler.cpp": "output",
    "variant_questions.hpp": "output", "variant_questions.cpp": "output", "quiz_formats.hpp": "output",
    "quiz_formats.cpp": "output", "variant_settings.hpp": "command", "variant_settings.cpp": "command",
    "subcommand.hpp": "command", "explain_options.hpp": "command", "explain_options.cpp": "command",
    "prove_config.hpp": "base", "prove_config.hpp.in": "base",
}


def layer_of(name):
    if name.startswith("problem/"):
        return "problem"
    if re.fullmatch(r"\w+_command\.(hpp|cpp)", name) or name == "main.cpp":
        return "command"
    return PLACED.get(name)


def command_of(name):
    match = re.fullmatch(r"(\w+)_command\.(hpp|cpp)", name)
    return match.group(1) if match else None


def unit_of(name):
    return name.rsplit(".", 1)[0]


problems = []
graph = {}
for path in sorted(ROOT.rglob("*")):
    if path.suffix not in (".hpp", ".cpp"):
        continue
    name = path.relative_to(ROOT).as_posix()
    if layer_of(name) is None:
        problems.append(f"{name}: not placed in a layer (add it to PLACED in {sys.argv[0]})")
        continue
    for included in re.findall(r'^#include "([^"]+)"', path.read_text(), re.M):
        target = layer_of(included)
        if target is None:
            problems.append(f"{name}: includes {included}, which is in no layer")
            continue
        if LAYERS.index(target) > LAYERS.index(layer_of(name)):
            problems.append(f"{name} ({layer_of(name)}) includes {included} ({target}): upward")
        if command_of(included) and command_of(included) != command_of(name):
            problems.append(f"{name} includes {included}: another command's header")
        if unit_of(included) != unit_of(name):
            graph.setdefault(unit_of(name), set()).add(unit_of(included))


def cycle_from(start):
    stack, seen = [(start, [start])], set()
    while stack:
        node, path = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt == start:
                return path + [start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, path + [nxt]))
    return None


for unit in sorted(graph):
    cycle = cycle_from(unit)
    if cycle:
        problems.append("include cycle: " + " -> ".join(cycle))
        break

for problem in problems:
    print(problem)
print(f"{'FAIL' if problems else 'ok'}: {len(problems)} layering problems in {ROOT}")
sys.exit(1 if problems else 0)
