// Defines a variant as questions a student answers: statements with their conventions, and one blank per number asked.
#pragma once

#include <string>
#include <vector>

#include "exact_number.hpp"
#include "exam_instance.hpp"

namespace ncv::tool {

// One number a student enters: its label in LaTeX math (b_{12}), the entry it grades, as every
// subcommand names one (Q2a.B(1,2)), and its exact value.
struct blank {
    std::string label, entry;
    exact value;
};

// One question: its id (Q2a), its statement (HTML-safe prose with LaTeX math between \( and \),
// displays between \[ and \]), and the numbers it asks for, in order.
struct question_part {
    std::string id, statement;
    std::vector<blank> blanks;
};

// A variant as an exam states it: a title, the conventions every question relies on (the reading
// of "convolution", padding and stride, indices from 1; each format adds how to write a number), and the parts
// Q1b, Q2a, Q2b, Q2c. Every blank's value is the variant's answer key's.
struct variant_questions {
    std::string title, conventions;
    std::vector<question_part> parts;
};

[[nodiscard]] variant_questions questions_of(const exam_instance& variant);

// A matrix in LaTeX math: \begin{bmatrix} 1 & -2 \\ 3 & 4 \end{bmatrix}.
[[nodiscard]] std::string latex_matrix(const dyn_matrix<exact>& m);

}  // namespace ncv::tool
