// Defines the formats a bank of variants is written in for people and quiz systems: Markdown, Moodle XML, GIFT, QTI 1.2, PrairieLearn.
#pragma once

#include <cstdint>
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

// How a student writes a number where fractions are read exactly (Markdown, Moodle, GIFT, PrairieLearn).
inline constexpr std::string_view exact_answers_rule = "Write each answer as an integer or a fraction in lowest terms, such as -10/3.";

// A file of a format that is a folder of files: its path inside the folder and its text.
struct bank_file {
    std::string path, text;
};

// QTI 1.2 as Canvas imports it (zip the folder): imsmanifest.xml and one assessment with an item
// per number, Canvas's numerical_question. An integer must be given exactly; Canvas compares
// decimals only, so a fraction is accepted within the stated tolerance qti_tolerance, which the
// question states, with bounds rounded outwards to 6 decimals.
[[nodiscard]] std::vector<bank_file> qti_bank(const std::vector<variant_questions>& bank, const std::string& bank_id);
inline constexpr std::string_view qti_tolerance = "0.00005";

// A PrairieLearn question (info.json, question.html, server.py): each student gets one of the
// bank's variants; pl-number-input and pl-matrix-component-input blanks take fractions (a/b) and
// compare within 1e-9 relative, far below the gap between two fractions with the bank's denominators.
[[nodiscard]] std::vector<bank_file> prairielearn_bank(const std::vector<variant_questions>& bank, const std::string& uuid);

}  // namespace ncv::tool
