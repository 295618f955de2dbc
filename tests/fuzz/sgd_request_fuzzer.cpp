// libFuzzer target: `ncv sgd`'s reader and solver on arbitrary bytes: a clear input_error or an answer, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sgd_command.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto request = ncv::tool::read_sgd_request(ncv::tool::parse_json(text, "input"));
        if (request.points.size() <= 4096) (void)ncv::tool::solve_sgd(request, size % 2 == 0);  // bound the work
    } catch (const ncv::tool::input_error&) {
    }
    return 0;
}
