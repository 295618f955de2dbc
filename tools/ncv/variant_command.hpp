// Defines `ncv variant`: a new, deterministic instance of Q1b and Q2 with its answers, as JSON, Markdown or a C++ proof.
#pragma once

#include <cstdint>
#include <string>

#include "exam_instance.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

enum class variant_format { json, markdown, cpp };

// Throws input_error naming "--format" for an unknown format.
[[nodiscard]] variant_format parse_variant_format(const std::string& name);

[[nodiscard]] std::string format_variant(const exam_instance& variant, variant_format format);

}  // namespace ncv::tool
