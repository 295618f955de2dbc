// libFuzzer target: `ncv sgd`'s readers and solver on arbitrary bytes: a clear input_error or an answer, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "answer_text.hpp"
#include "problem/sgd.hpp"
#include "problem/sgd_while_reading.hpp"

namespace {

// The binary's route (one reading, a list of integers run while read) gives `expected`: an answer or an error message.
void typed_agrees(std::string_view text, bool final_only, const std::string& expected) {
    try {
        ncv::tool::sgd_answer_writer writer(final_only);
        ncv::tool::run_sgd_text(text, "input", writer);
        if (writer.take() != expected) __builtin_trap();
    } catch (const ncv::tool::input_error& e) {
        if (e.what() != expected) __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool final_only = size % 2 == 0;
    try {
        const auto request = ncv::tool::read_sgd_request(ncv::tool::parse_json(text, "input"));
        if (request.points.size() > 4096) return 0;  // bound the work
        ncv::tool::sgd_answer_writer writer(final_only);
        ncv::tool::run_sgd(request, writer);
        const std::string answer = writer.take();
        typed_agrees(text, final_only, answer);
    } catch (const ncv::tool::input_error& e) {
        typed_agrees(text, final_only, e.what());  // invalid: the same message
    }
    return 0;
}
