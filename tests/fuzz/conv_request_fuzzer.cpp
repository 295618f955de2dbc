// libFuzzer target: `ncv conv`'s reader and solver on arbitrary bytes: a clear input_error or the unbounded answer, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <ncv/array/conv2d.hpp>

#include "conv_command.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto input = ncv::tool::parse_json(text, "input");
        const auto request = ncv::tool::read_conv_request(input);
        const auto& p = request.problem;
        // Bound the work, so a legitimately large problem is not reported as a hang: the reader
        // accepts outputs up to max_output_entries, far more than one fuzz input should take.
        const std::size_t outputs = ncv::conv_output_extent(p.input.rows(), p.kernel.rows(), p.options) *
                                    ncv::conv_output_extent(p.input.cols(), p.kernel.cols(), p.options);
        // The fast tiers (64-bit integers, then 64-bit rationals, each restarting at an overflow)
        // must give exactly the unbounded answer.
        if (outputs * p.kernel.rows() * p.kernel.cols() <= (std::size_t{1} << 16) &&
            ncv::tool::solve_conv_text(input) != ncv::tool::solve_conv_text(request))
            __builtin_trap();
    } catch (const ncv::tool::input_error&) {
    }
    return 0;
}
