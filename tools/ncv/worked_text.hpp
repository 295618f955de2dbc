// Defines how ncv writes worked solutions: plain Unicode text, Markdown with $…$ math, or a LaTeX document.
#pragma once

#include <sstream>
#include <string>

#include <ncv/array/matrix.hpp>

#include "exact_number.hpp"

namespace ncv::tool {

enum class report_format { text, markdown, latex, json };

// A line whose math is LaTeX between $ signs, as plain Unicode text: Σ, ∂, x⁽ⁱ⁾, b₁₁, 1/(t−1).
[[nodiscard]] std::string plain(const std::string& s);

// A line of plain Unicode text as LaTeX: special characters escaped, the Unicode math spelt as
// LaTeX math, so the document is plain ASCII that pdflatex compiles.
[[nodiscard]] std::string latex_escape(const std::string& s);

// A matrix as a person writes it: aligned columns in text, a pmatrix in Markdown and LaTeX math.
[[nodiscard]] std::string matrix_text(const std::string& name, const dyn_matrix<exact>& m, report_format format);

// A worked solution in one of the three written formats (not json): a title, headings,
// sentences of plain Unicode text, lines of LaTeX math and matrices, each written as the format
// writes it. finish() closes the document and returns it.
class worked_document {
public:
    worked_document(report_format format, const std::string& title, const std::string& introduction = "");

    void heading(const std::string& title);
    void sentence(const std::string& text);
    void math(const std::string& latex);  // one line of LaTeX math, without the $ signs
    void matrix(const std::string& name, const dyn_matrix<exact>& m);
    // Text already written for this format (the report's own answer layout).
    void verbatim(const std::string& text) { out_ << text; }

    [[nodiscard]] report_format format() const noexcept { return format_; }
    [[nodiscard]] std::string finish();

private:
    report_format format_;
    std::ostringstream out_;
};

}  // namespace ncv::tool
