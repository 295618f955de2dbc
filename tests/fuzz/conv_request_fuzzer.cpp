// libFuzzer target: `ncv conv`'s reader and solver on arbitrary bytes: a clear input_error or an answer, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "conv_command.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto request = ncv::tool::read_conv_request(ncv::tool::parse_json(text, "input"));
        const auto& p = request.problem;
        if (p.input.rows() * p.input.cols() <= 4096 && p.kernel.rows() * p.kernel.cols() <= 256)  // bound the work
            (void)ncv::tool::solve_conv(request);
    } catch (const ncv::tool::input_error&) {
    }
    return 0;
}
