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

// The exam's prose (statements, answers, notes), which writes subscripts and superscripts as
// x_ij, p_data, a_(i+u−1)(j+v−1), Σ_(i=1)^t: as Unicode text (x_ij is xᵢⱼ; a subscript with a
// letter Unicode lacks is bracketed, p₍data₎), a minus before a number as −.
[[nodiscard]] std::string unicode_text(const std::string& s);

// The same prose as LaTeX: each subscripted name in math mode (p$_{\mathrm{data}}$, $\eta_{t}$),
// quotes as `` and '', everything else as latex_escape writes it.
[[nodiscard]] std::string latex_text(const std::string& s);

// A matrix as a person writes it: aligned columns in text, a pmatrix in Markdown and LaTeX math.
[[nodiscard]] std::string matrix_text(const std::string& name, const dyn_matrix<exact>& m, report_format format);

// A worked solution in one of the three written formats (not json): a title, headings,
// sentences of plain Unicode text, lines of LaTeX math and matrices, each written as the format
// writes it. finish() closes the document and returns it.
class worked_document {
public:
    worked_document(report_format format, const std::string& title, const std::string& introduction = "");

    void heading(const std::string& title);
    void sentence(const std::string& text);  // Unicode prose; any math in it between $ signs, as LaTeX
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
