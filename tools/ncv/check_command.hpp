// Defines `ncv check`: grading a student's answers to the paper (or a variant) with feedback on likely mistakes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "exam_instance.hpp"
#include "problem/grading.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

struct graded_answer {
    std::string id;
    bool correct = false;
    std::string feedback;
};

// Grades every answer given (any subset of gradable_answers(instance)); an unknown id or a value that is not
// numbers throws input_error. Answers of the wrong shape are wrong, with feedback, not errors.
// With a tolerance, an entry within it of the exact value is right (decimals such as -3.3333).
[[nodiscard]] std::vector<graded_answer> check_answers(const exam_instance& instance, const boost::json::value& answers,
                                                       const std::optional<exact>& tolerance = std::nullopt);

// Grades answers to a user's own problem, named as `ncv conv` and `ncv sgd` print them (B, counts,
// loss, dW, dA; iterates, final, mean), against its key; a name the problem has no answer for,
// or a value that is not numbers, throws input_error.
[[nodiscard]] std::vector<graded_answer> check_problem_answers(const std::vector<keyed_answer>& key,
                                                               const boost::json::value& answers,
                                                               const std::optional<exact>& tolerance = std::nullopt);

// {"results": [{"id", "correct", "feedback"}], "score": "k/m"}, or the same as text.
// The tolerance, when given, is stated: "tolerance": "1/10000" (else "exact"), or a line of text.
[[nodiscard]] std::string format_check(const std::vector<graded_answer>& results, bool as_text,
                                       const std::optional<exact>& tolerance = std::nullopt);

}  // namespace ncv::tool
