// Defines how ncv compiles the proofs it writes: in a fresh scratch directory, several units at once, Ctrl-C honoured.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace ncv::tool {

// One unit's compilation: the compiler's exit status (0: every static_assert held) and what it printed.
struct compiled_unit {
    int status = 0;
    std::string diagnostics;
};

// Writes `count` units, unit i's text being unit_text(i, its path), into a fresh directory under
// $TMPDIR (/tmp when unset), compiles each with prove_config's compiler, budget and `headers`,
// as many at once as the machine has cores, and removes the directory. Throws input_error naming
// TMPDIR when no directory can be made or written, and `interrupted` when Ctrl-C stopped a compiler.
[[nodiscard]] std::vector<compiled_unit> compile_units(std::size_t count,
                                                       const std::function<std::string(std::size_t, const std::string&)>& unit_text,
                                                       const std::string& headers);

// The compiler's first line that names an error, or a sentence with its exit status.
[[nodiscard]] std::string first_error(const compiled_unit& unit);

}  // namespace ncv::tool
