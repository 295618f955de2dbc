// Defines `ncv conv`: a user's own convolution problem, read as JSON, solved exactly (B, counts, loss, gradients).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include <ncv/nn/conv_loss.hpp>
#include <ncv/number/rational.hpp>

#include "exact_json.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

// The largest B `ncv conv` computes (entries): beyond it, a padding is a typo, not a problem.
inline constexpr std::size_t max_output_entries = std::size_t{1} << 24;

// A problem on scalar S: exact (cpp_rational), or ncv::rational<std::int64_t> for the fast path.
template <class S>
struct basic_conv_request {
    conv_loss_problem<S> problem;  // target and mask are empty when no loss is asked for
    bool has_loss = false;
};
using conv_request = basic_conv_request<exact>;

// Throws input_error, naming the field, for anything malformed or inconsistent; on
// ncv::rational<std::int64_t>, std::overflow_error for a number beyond 64 bits.
template <class S>
[[nodiscard]] basic_conv_request<S> read_conv_request_as(const boost::json::value& input);
[[nodiscard]] conv_request read_conv_request(const boost::json::value& input);

// {"B", "counts"} and, with a loss, {"loss", "dW", "dA"}, as JSON text, on the request's scalar
// (on ncv::rational<std::int64_t>, std::overflow_error at the first overflow).
template <class S>
[[nodiscard]] std::string solve_conv_text(const basic_conv_request<S>& request);

// The input read and solved on 64-bit rationals while they suffice, else (from the first
// overflow, in reading or in computing) all over again on cpp_rational: always exact.
[[nodiscard]] std::string solve_conv_text(const boost::json::value& input);

// The answer for input text read without a DOM (streamed_problem.hpp) when it is a well-formed
// problem of 64-bit integers whose answer fits them; nullopt for anything else, which the DOM
// path (parse_json, then the tiers above) reads, solves or reports, naming the field.
[[nodiscard]] std::optional<std::string> solve_streamed_conv_text(std::string_view text);

// The same answer as a JSON object.
[[nodiscard]] boost::json::object solve_conv(const conv_request& request);

}  // namespace ncv::tool
