// Defines the convolution problem of `ncv conv` and its users: the request, read and validated once, and the typed answer.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include <ncv/nn/conv_loss.hpp>

#include "problem/answer.hpp"
#include "problem_document.hpp"
#include "exact_number.hpp"

namespace ncv::tool {

// The largest B `ncv conv` computes (entries): beyond it, a padding is a typo, not a problem.
inline constexpr std::size_t max_output_entries = std::size_t{1} << 24;

// The fields of `ncv conv`'s input.
inline constexpr std::array<std::string_view, 7> conv_input_fields{"A", "W", "padding", "stride", "mode", "C", "mask"};

// A problem on scalar S: exact (cpp_rational), or a 64-bit tier (answer.hpp).
template <class S>
struct basic_conv_request {
    conv_loss_problem<S> problem;  // target and mask are empty when no loss is asked for
    bool has_loss = false;
};
using conv_request = basic_conv_request<exact>;

// B, the multiplication counts and, with a loss, the loss and both gradients, each on the
// fastest tier that sufficed.
struct conv_answer {
    answer_matrix b;
    dyn_matrix<std::size_t> counts;
    std::optional<answer_number> loss;
    std::optional<answer_matrix> dW, dA;
};

// Throws input_error, naming the field, for anything malformed or inconsistent.
[[nodiscard]] conv_request read_conv_request(const boost::json::value& input);

// The answer, exact (for the working and the proofs).
[[nodiscard]] conv_answer solve_conv(const conv_request& request);

// The problem read on the fastest tier that holds it (64-bit integers, moved from a document whose
// A, W and C are typed) and solved on it while it suffices; from the first overflow, the part
// that overflowed (all of it, if B did) again on cpp_rational: always exact.
[[nodiscard]] conv_answer solve_conv(problem_document document);

// The input text read by read_problem (naming `source` in a JSON error) and solved.
[[nodiscard]] conv_answer solve_conv(std::string_view text, const std::string& source);

}  // namespace ncv::tool
