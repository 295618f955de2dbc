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

// The binary's route (one reading, integer members typed) gives `expected`: an answer or an error message.
void typed_agrees(std::string_view text, const std::string& expected) {
    try {
        if (ncv::tool::answer_json(ncv::tool::solve_conv(text, "input")) != expected) __builtin_trap();
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
        // The fast tiers (64-bit integers, then 64-bit rationals, each restarting at an overflow),
        // on DOM members and on typed ones, must give exactly the unbounded answer.
        const std::string unbounded = ncv::tool::answer_json(ncv::tool::solve_conv(request));
        if (ncv::tool::answer_json(ncv::tool::solve_conv(ncv::tool::document_of(input))) != unbounded) __builtin_trap();
        typed_agrees(text, unbounded);
    } catch (const ncv::tool::input_error& e) {
        typed_agrees(text, e.what());  // an invalid problem: the same message
    }
    return 0;
}
