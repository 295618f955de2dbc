// Defines the formats a bank of variants is written in for people and quiz systems: Markdown, Moodle XML, GIFT.
#pragma once

#include <string>
#include <vector>

#include "variant_questions.hpp"

namespace ncv::tool {

// Questions, then the solutions, per variant; math between $ signs.
[[nodiscard]] std::string markdown_bank(const std::vector<variant_questions>& bank);

// Moodle XML: a category, then one Cloze question per variant with a blank per number. An integer
// is a NUMERICAL blank with tolerance 0; a fraction a SHORTANSWER blank whose answer is the
// fraction in lowest terms as a student types it (Moodle's NUMERICAL compares decimals only).
[[nodiscard]] std::string moodle_bank(const std::vector<variant_questions>& bank);

// GIFT: a category per variant and one question per number (GIFT has one blank per question):
// the conventions, the part's statement, then {#v:0} for an integer, {=p/q} for a fraction.
[[nodiscard]] std::string gift_bank(const std::vector<variant_questions>& bank);

}  // namespace ncv::tool
