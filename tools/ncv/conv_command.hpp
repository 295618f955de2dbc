// Defines `ncv conv`: a user's own convolution problem, read as JSON, solved exactly (B, counts, loss, gradients).
#pragma once

#include <cstddef>
#include <string_view>

#include <boost/json.hpp>

#include <ncv/nn/conv_loss.hpp>

#include "exact_json.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

// The largest B `ncv conv` computes (entries): beyond it, a padding is a typo, not a problem.
inline constexpr std::size_t max_output_entries = std::size_t{1} << 24;

struct conv_request {
    conv_loss_problem<exact> problem;  // target and mask are empty when no loss is asked for
    bool has_loss = false;
};

// Throws input_error, naming the field, for anything malformed or inconsistent.
[[nodiscard]] conv_request read_conv_request(const boost::json::value& input);

// {"B", "counts"} and, with a loss, {"loss", "dW", "dA"}.
[[nodiscard]] boost::json::object solve_conv(const conv_request& request);

}  // namespace ncv::tool
