// libFuzzer target: `ncv check --class`'s reader on arbitrary bytes: rows with answers or errors, a clear input_error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "csv_text.hpp"
#include "problem/class_roster.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto roster = ncv::tool::read_class_roster(text, "input", size % 2 == 0);
        // Every row is read or says why not, and names a line of the input.
        std::size_t lines = 1;
        for (const char c : text) lines += c == '\n';
        for (const auto& row : roster.rows)
            if (row.line < 1 || row.line > lines || (row.error.empty() && row.id.empty())) __builtin_trap();
        // A cell written back as CSV reads back as itself.
        for (const auto& id : roster.answer_ids) {
            const auto again = ncv::tool::read_csv(ncv::tool::csv_cell(id) + "\n", "cell");
            if (!id.empty() && (again.size() != 1 || again[0].cells.size() != 1 || again[0].cells[0] != id)) __builtin_trap();
        }
    } catch (const ncv::tool::input_error&) {
    }
    return 0;
}
