// Defines the convolution problem of `ncv conv` and its users: the request, read and validated once, and the typed answer.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include <boost/json.hpp>

#include <ncv/nn/conv_loss.hpp>

#include "problem/answer.hpp"
#include "exact_number.hpp"

namespace ncv::tool {

// The largest B `ncv conv` computes (entries): beyond it, a padding is a typo, not a problem.
inline constexpr std::size_t max_output_entries = std::size_t{1} << 24;

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

// Throws input_error, naming the field, for anything malformed or inconsistent; on a 64-bit
// tier, std::overflow_error for a number beyond it (and not_an_integer for a fraction on 64-bit
// integers).
template <class S>
[[nodiscard]] basic_conv_request<S> read_conv_request_as(const boost::json::value& input);
[[nodiscard]] conv_request read_conv_request(const boost::json::value& input);

// The answer on the request's scalar while it suffices; from the first overflow, the part that
// overflowed (all of it, if B did) again on cpp_rational: always exact.
template <class S>
[[nodiscard]] conv_answer solve_conv(const basic_conv_request<S>& request);

// The input read on the fastest tier that holds it, then solved as above.
[[nodiscard]] conv_answer solve_conv(const boost::json::value& input);

// The answer for input text read without a DOM (streamed_problem.hpp) when it is a well-formed
// problem of 64-bit integers; nullopt for anything else, which the DOM path (parse_json, then
// solve_conv above) reads, solves or reports, naming the field. Throws input_error as it would.
[[nodiscard]] std::optional<conv_answer> solve_streamed_conv(std::string_view text);

}  // namespace ncv::tool
