// Defines `ncv variant`: a bank of fair, deterministic instances of Q1b and Q2, proven at compile time, then written for people and quiz systems.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "exam_instance.hpp"
#include "quiz_formats.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

enum class variant_format { json, markdown, cpp, moodle, gift, qti, prairielearn };

// Throws input_error naming "--format" for an unknown format.
[[nodiscard]] variant_format parse_variant_format(const std::string& name);

// The bank in a format: json is one object for a single variant asked without --count
// (`as_list` false), else an array of them.
[[nodiscard]] std::string format_bank(const std::vector<exam_instance>& bank, variant_format format, bool as_list);

// The formats that are a folder of files (qti, prairielearn), and those files.
[[nodiscard]] bool writes_a_folder(variant_format format);
[[nodiscard]] std::vector<bank_file> format_bank_files(const std::vector<exam_instance>& bank, variant_format format);

// The bank's answer key as one translation unit of static_asserts per part of the bank (the
// variants of part i are those at i, i + parts, …), each compiling only if every answer is right.
[[nodiscard]] std::vector<std::string> bank_proofs(const std::vector<exam_instance>& bank, std::size_t parts,
                                                   const std::vector<std::string>& unit_paths);

}  // namespace ncv::tool
