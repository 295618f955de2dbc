// Implements a variant's questions: the statements say the reading, the setting and the conventions; the blanks come from the answer key.
#include "variant_questions.hpp"

#include <algorithm>

#include "entry_name.hpp"

namespace ncv::tool {

std::string latex_matrix(const dyn_matrix<exact>& m) {
    std::string s = "\\begin{bmatrix} ";
    for (std::size_t i = 0; i < m.rows(); ++i) {
        for (std::size_t j = 0; j < m.cols(); ++j) s += (j ? " & " : "") + number_text(m(i, j));
        s += i + 1 < m.rows() ? " \\\\ " : " ";
    }
    return s + "\\end{bmatrix}";
}

namespace {

std::string index(std::size_t i, std::size_t j) {  // b_{12}, b_{1,12}: a comma once an index has two digits
    return i < 9 && j < 9 ? std::to_string(i + 1) + std::to_string(j + 1) : std::to_string(i + 1) + "," + std::to_string(j + 1);
}

std::string setting(conv_options o) {
    return "padding " + std::to_string(o.padding) + " (zeros added on every side) and stride " + std::to_string(o.stride);
}

}  // namespace

variant_questions questions_of(const exam_instance& v) {
    const auto key = gradable_answers(v);
    const std::size_t m = v.c.rows(), k = v.w.rows();
    const bool cross = v.reading == conv_mode::cross_correlation;
    variant_questions q;
    q.title = "Neural computation, variant " + std::to_string(v.seed.value_or(0));
    const std::string window = "a_{(i-1)s+u-p,\\,(j-1)s+v-p}";
    q.conventions =
        "Indices count from 1: \\(a_{ij}\\) is row \\(i\\), column \\(j\\) of \\(A\\). Here \\(B = W \\circledast A\\) means " +
        std::string(cross ? "the cross-correlation, as CNN libraries compute it: \\(W\\) is slid over \\(A\\) as it is, not turned, "
                            "\\(b_{ij} = \\sum_{u,v=1}^{" + std::to_string(k) + "} w_{uv}\\, " + window + "\\)"
                          : "the true convolution: \\(W\\) is turned by 180 degrees first, then slid over \\(A\\), "
                            "\\(b_{ij} = \\sum_{u,v=1}^{" + std::to_string(k) + "} w_{" + std::to_string(k + 1) + "-u,\\," +
                                std::to_string(k + 1) + "-v}\\, " + window + "\\)") +
        ", where \\(p\\) is the padding (entries outside \\(A\\) are 0) and \\(s\\) the stride.";

    question_part q1b{"Q1b", "", {}};
    q1b.statement = "SGD on \\(C(\\mathbf{w}) = \\frac{1}{6}\\sum_{i=1}^{3} \\|\\mathbf{w} - \\mathbf{x}^{(i)}\\|_2^2\\) with "
                    "\\(\\mathbf{w}^{(0)} = \\mathbf{0}\\), step size \\(\\eta_t = 1/(t+1)\\) and the point \\(i_t = t+1\\) at step "
                    "\\(t = 0, 1, 2\\), where ";
    for (std::size_t i = 0; i < v.points.size(); ++i)
        q1b.statement += "\\(\\mathbf{x}^{(" + std::to_string(i + 1) + ")} = (" + number_text(v.points[i][0]) + ", " +
                         number_text(v.points[i][1]) + ")^\\top\\)" + (i + 1 < v.points.size() ? ", " : ". ");
    q1b.statement += "Compute \\(\\mathbf{w}^{(2)}\\) and \\(\\mathbf{w}^{(3)}\\).";
    for (std::size_t t = 2; t <= 3; ++t) {
        const auto& w = key.at("Q1b.w" + std::to_string(t)).values;
        for (std::size_t c = 0; c < w.size(); ++c)
            q1b.blanks.push_back({"w^{(" + std::to_string(t) + ")}_{" + std::to_string(c + 1) + "}",
                                  entry_name("Q1b.w" + std::to_string(t), c), w[c]});
    }
    q.parts.push_back(q1b);

    const auto& b = key.at("Q2a.B");
    const auto given = given_entries(v);
    question_part q2a{"Q2a", "", {}};
    q2a.statement = "With " + setting(v.options) + ", \\(B = W \\circledast A\\) where \\[A = " + latex_matrix(v.a) +
                    ", \\quad W = " + latex_matrix(v.w) + ".\\] Fill in \\(B\\) (" + std::to_string(m) + " by " + std::to_string(m) + ")";
    for (std::size_t g = 0; g < given.size(); ++g)
        q2a.statement += std::string(g == 0 ? ", given " : " and ") + "\\(b_{" + index(given[g].first, given[g].second) +
                         "} = " + number_text(b.at(given[g].first, given[g].second)) + "\\)";
    q2a.statement += ".";
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < m; ++j)
            if (std::find(given.begin(), given.end(), std::pair{i, j}) == given.end())
                q2a.blanks.push_back({"b_{" + index(i, j) + "}", entry_name("Q2a.B", i, j), b.at(i, j)});
    q.parts.push_back(q2a);

    const auto& c = *v.count;
    q.parts.push_back({"Q2b",
                       "With " + setting(c.options) + " instead of Q2a's, how many times is \\(a_{" +
                           index(c.row, c.col) + "}\\) multiplied by an element of \\(W\\) in computing \\(W \\circledast A\\)?",
                       {{"a_{" + index(c.row, c.col) + "}\\text{'s count}", "Q2b.count", key.at("Q2b.count").values.at(0)}}});

    std::string diagonal;
    for (std::size_t i = 0; i < m; ++i) diagonal += (i ? ", " : "") + number_text(v.c(i, i));
    q.parts.push_back({"Q2c",
                       "Back to the \\(B\\) of Q2a. With \\(f = \\sum_{i=1}^{" + std::to_string(m) +
                           "} (b_{ii} - c_{ii})^2\\) and \\(C = \\operatorname{diag}(" + diagonal +
                           ")\\), compute \\(\\partial f/\\partial w_{11}\\) and \\(\\partial f/\\partial a_{11}\\).",
                       {{"\\partial f/\\partial w_{11}", "Q2c.df_dw11", key.at("Q2c.df_dw11").values.at(0)},
                        {"\\partial f/\\partial a_{11}", "Q2c.df_da11", key.at("Q2c.df_da11").values.at(0)}}});
    return q;
}

}  // namespace ncv::tool
