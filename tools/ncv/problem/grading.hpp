// Defines the answer key of a user's own problem: each answer `ncv conv` or `ncv sgd` prints, and what the likely mistakes make of it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "exact_grid.hpp"

namespace ncv::tool {

// A wrong answer a likely mistake produces, and what to tell the student who gave it.
struct mistake {
    exact_grid answer;
    std::string feedback;
};

// One answer of the key: its name as the subcommand prints it, the correct value, the mistakes.
struct keyed_answer {
    std::string id;
    exact_grid correct;
    std::vector<mistake> mistakes;
};

// The key of a convolution problem (the input of `ncv conv`: B, counts and, with C, loss, dW,
// dA) or an SGD problem (the input of `ncv sgd`: iterates, final, mean), whichever the document
// is (A and W, or x). Throws input_error for a document that is neither, or malformed.
[[nodiscard]] std::vector<keyed_answer> problem_key(const boost::json::value& problem);

}  // namespace ncv::tool
