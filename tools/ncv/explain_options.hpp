// Defines --explain and --format, the options ncv conv and ncv sgd share for their working.
#pragma once

#include <optional>
#include <string>

#include <boost/program_options.hpp>

#include "worked_text.hpp"

namespace ncv::tool {

// The format --explain writes: text (default), markdown or latex; throws input_error naming "--format".
[[nodiscard]] report_format parse_explain_format(const std::string& name);

// Adds --explain and --format to a subcommand's options.
void add_explain_options(boost::program_options::options_description& options);

// The format to explain in, or nothing when --explain is absent (then --format is refused: the output is JSON).
[[nodiscard]] std::optional<report_format> explain_format(const boost::program_options::variables_map& vm);

}  // namespace ncv::tool
