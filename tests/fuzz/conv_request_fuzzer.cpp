// libFuzzer target: `ncv conv`'s reader and solver on arbitrary bytes: a clear input_error or an answer, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <ncv/array/conv2d.hpp>

#include "conv_command.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto request = ncv::tool::read_conv_request(ncv::tool::parse_json(text, "input"));
        const auto& p = request.problem;
        // Bound the work, so a legitimately large problem is not reported as a hang: the reader
        // accepts outputs up to max_output_entries, far more than one fuzz input should take.
        const std::size_t outputs = ncv::conv_output_extent(p.input.rows(), p.kernel.rows(), p.options) *
                                    ncv::conv_output_extent(p.input.cols(), p.kernel.cols(), p.options);
        if (outputs * p.kernel.rows() * p.kernel.cols() <= (std::size_t{1} << 16)) (void)ncv::tool::solve_conv(request);
    } catch (const ncv::tool::input_error&) {
    }
    return 0;
}
