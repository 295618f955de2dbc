// Defines `ncv report`: the paper's worked solutions, each answer computed, compared with the claim, and its proof named.
#pragma once

#include <string>

#include "subcommand.hpp"
#include "worked_text.hpp"

namespace ncv::tool {

// Throws input_error naming "--format" for an unknown format.
[[nodiscard]] report_format parse_report_format(const std::string& name);

[[nodiscard]] std::string make_report(report_format format);

}  // namespace ncv::tool
