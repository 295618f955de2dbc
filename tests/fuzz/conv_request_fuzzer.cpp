// libFuzzer target: `ncv conv`'s readers and solver on arbitrary bytes: a clear input_error or the unbounded answer, never a crash.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <ncv/array/conv2d.hpp>

#include "answer_text.hpp"
#include "problem/conv.hpp"

namespace {

// The streamed (DOM-free) reader declines, or gives `expected` (an answer or an error message).
void streamed_agrees(std::string_view text, const std::string& expected) {
    try {
        const auto answer = ncv::tool::solve_streamed_conv(text);
        if (answer && ncv::tool::answer_json(*answer) != expected) __builtin_trap();
    } catch (const ncv::tool::input_error& e) {
        if (e.what() != expected) __builtin_trap();
    }
}

}  // namespace

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
        if (outputs * p.kernel.rows() * p.kernel.cols() > (std::size_t{1} << 16)) return 0;
        // The fast tiers (64-bit integers, then 64-bit rationals, each restarting at an overflow)
        // and the streamed reader must give exactly the unbounded answer.
        const std::string unbounded = ncv::tool::answer_json(ncv::tool::solve_conv(request));
        if (ncv::tool::answer_json(ncv::tool::solve_conv(input)) != unbounded) __builtin_trap();
        streamed_agrees(text, unbounded);
    } catch (const ncv::tool::input_error& e) {
        streamed_agrees(text, e.what());  // an invalid problem: the streamed reader declines or says the same
    }
    return 0;
}
