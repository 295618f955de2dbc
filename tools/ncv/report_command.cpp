// Implements `ncv report`: claims from the exam header, answers recomputed at run time, working, proofs and defects.
#include "report_command.hpp"

#include <sstream>
#include <tuple>
#include <vector>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>
#include <ncv/proof/entries.hpp>

#include "exam_instance.hpp"

namespace ncv::tool {

namespace {

namespace paper = exam::summer2023;

struct answer {
    std::string id, statement, proof;
    int level = 0;
    boost::json::value claimed, computed;
    bool computed_at_run_time = false;
    bool verified = false;
};

// The answers the tool recomputes at run time (the others were computed by the compiler,
// symbolically, when the proofs were built).
boost::json::object run_time_answers(const exam_instance& paper_exam) {
    boost::json::object computed = gradable_answers(paper_exam);
    const auto b = q2_b(paper_exam);
    computed["Q2a.b13"] = write_number(b(0, 2));
    computed["Q2a.b31"] = write_number(b(2, 0));
    const auto problem = q2_problem(paper_exam);
    const auto g = masked_squared_error_gradient(b, problem.target, problem.mask);
    computed["Q2c.df_dbii"] = write_vector({g(0, 0), g(1, 1), g(2, 2)});
    // The chain-rule terms by dual numbers through the convolution, not read off A and W.
    const auto db_dw11 = conv_output_derivative(problem, loss_parameter::kernel, 0, 0);
    computed["Q2c.dbii_dw11"] = write_vector({db_dw11(0, 0), db_dw11(1, 1), db_dw11(2, 2)});
    computed["Q2c.db11_da11"] = write_number(conv_output_derivative(problem, loss_parameter::input, 0, 0)(0, 0));
    return computed;
}

std::vector<answer> all_answers() {
    const auto computed = run_time_answers(paper_instance());
    std::vector<answer> answers;
    std::apply(
        [&](const auto&... record) {
            (answers.push_back([&] {
                answer a{std::string(record.id), std::string(record.statement), std::string(record.proof), record.level,
                         write_grid(grid_of(*record.value)), nullptr, false, true};
                if (const auto* c = computed.if_contains(a.id)) {
                    a.computed = *c;
                    a.computed_at_run_time = true;
                    a.verified = boost::json::serialize(a.computed) == boost::json::serialize(a.claimed);
                } else {
                    a.computed = a.claimed;  // equal by construction: the build would have failed otherwise
                }
                return a;
            }()),
             ...);
        },
        paper::claims);
    return answers;
}

// ∂f/∂(first entry of W or A) by the chain rule, each term from the data: the mask picks the b_ij
// the loss looks at, ∂f/∂b_ij = 2(b_ij − c_ij), and ∂b_ij/∂entry comes from dual numbers
// through the convolution (terms where it is 0 are left out).
std::string chain_rule_working(const exam_instance& exam, loss_parameter which) {
    const auto problem = q2_problem(exam);
    const auto b = q2_b(exam);
    const auto db = conv_output_derivative(problem, which, 0, 0);
    const std::string entry = which == loss_parameter::kernel ? "w_{11}" : "a_{11}";
    std::string symbols, numbers;
    exact total = 0;
    for (std::size_t i = 0; i < b.rows(); ++i)
        for (std::size_t j = 0; j < b.cols(); ++j) {
            if (problem.mask(i, j) == 0 || db(i, j) == 0) continue;
            const std::string ij = std::to_string(i + 1) + std::to_string(j + 1);
            const std::string plus = symbols.empty() ? "" : " + ";
            symbols += plus + "2(b_{" + ij + "} - c_{" + ij + "})\\, \\partial b_{" + ij + "}/\\partial " + entry;
            numbers += plus + "2(" + number_text(b(i, j)) + " - (" + number_text(problem.target(i, j)) + "))\\cdot(" +
                       number_text(db(i, j)) + ")";
            total += 2 * (b(i, j) - problem.target(i, j)) * db(i, j);
        }
    return "$\\partial f/\\partial " + entry + " = " + symbols + " = " + numbers + " = " + number_text(total) + "$";
}

// The working a student should show, per question part, as lines of text (Markdown/LaTeX math inside $…$).
std::vector<std::string> working(const std::string& id) {
    const auto exam = paper_instance();
    std::vector<std::string> lines;
    const auto n = [](const exact& x) { return number_text(x); };
    if (id == "Q2a.B") {
        const auto b = q2_b(exam);
        for (std::size_t i = 0; i < 3; ++i)
            for (std::size_t j = 0; j < 3; ++j) {
                std::string sum = "$b_{" + std::to_string(i + 1) + std::to_string(j + 1) + "} = ";
                bool first = true;
                for (const auto& [a, w] : q2_window(exam, i, j)) {
                    sum += (first ? "" : " + ") + n(a) + "\\cdot(" + n(w) + ")";
                    first = false;
                }
                lines.push_back(sum + " = " + n(b(i, j)) + "$");
            }
    } else if (id == "Q2c.df_dw11" || id == "Q2c.df_da11") {
        lines.push_back(chain_rule_working(exam, id == "Q2c.df_dw11" ? loss_parameter::kernel : loss_parameter::input));
    }
    // The symbolic derivations the exam header writes out for its parts.
    for (const auto& note : paper::derivations)
        if (note.part == id) lines.emplace_back(note.text);
    return lines;
}

std::string plain(std::string s) {  // math markup removed for the text format
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"$", ""}, {"\\cdot", "·"}, {"\\partial ", "∂"}, {"\\sum_i ", "Σ "}, {"\\tfrac12", "½"}, {"\\tfrac13", "⅓"},
             {"\\frac1n ", "(1/n) "}, {"\\frac1t ", "(1/t) "}, {"\\,", " "}, {"\\|", "‖"}, {"\\nabla ", "∇"}}) {
        for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    }
    return s;
}

// LaTeX for a line of plain text: special characters escaped, and the Unicode math of the
// statements spelt as LaTeX math, so the document is plain ASCII that pdflatex compiles.
std::string latex_escape(const std::string& s) {
    static const std::vector<std::pair<std::string, std::string>> symbols{
        {"⁽ⁱ⁾", "$^{(i)}$"}, {"⁽¹⁾", "$^{(1)}$"}, {"⁽²⁾", "$^{(2)}$"}, {"⁽³⁾", "$^{(3)}$"}, {"⁽ⁿ⁾", "$^{(n)}$"},
        {"⁽ᵗ⁾", "$^{(t)}$"}, {"∇", "$\\nabla$"}, {"Σ", "$\\sum$"}, {"η", "$\\eta$"}, {"μ", "$\\mu$"},
        {"σ", "$\\sigma$"}, {"α", "$\\alpha$"}, {"β", "$\\beta$"}, {"ε", "$\\varepsilon$"}, {"²", "$^2$"},
        {"≤", "$\\le$"}, {"≥", "$\\ge$"}, {"⊛", "$\\circledast$"}, {"→", "$\\to$"}, {"≠", "$\\neq$"},
        {"·", "$\\cdot$"}, {"−", "-"}, {"∂", "$\\partial$"}, {"‖", "$\\|$"}, {"½", "$\\frac12$"},
        {"⅓", "$\\frac13$"}, {"—", "--"}, {"δ", "$\\delta$"}, {"ᵢ", "$_i$"},
        {"θ", "$\\theta$"}, {"′", "$'$"}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        for (const auto& [from, to] : symbols)
            if (s.compare(i, from.size(), from) == 0) {
                out += to;
                i += from.size();
                replaced = true;
                break;
            }
        if (replaced) continue;
        const char c = s[i++];
        if (c == '_' || c == '&' || c == '%' || c == '#' || c == '{' || c == '}') out += std::string("\\") + c;
        else if (c == '*') out += "$^*$";
        else out += c;
    }
    return out;
}

}  // namespace

report_format parse_report_format(const std::string& name) {
    if (name == "text") return report_format::text;
    if (name == "markdown") return report_format::markdown;
    if (name == "latex") return report_format::latex;
    if (name == "json") return report_format::json;
    throw input_error("--format", "expected text, markdown, latex or json, found '" + name + "'");
}

std::string make_report(report_format format) {
    const auto answers = all_answers();
    std::ostringstream out;
    if (format == report_format::json) {
        boost::json::array items;
        for (const auto& a : answers)
            items.push_back({{"id", a.id}, {"statement", a.statement}, {"claimed", a.claimed}, {"computed", a.computed},
                             {"computed_at", a.computed_at_run_time ? "run time" : "compile time"},
                             {"verified", a.verified}, {"level", a.level}, {"proof", a.proof}});
        boost::json::array notes;
        for (const auto& e : paper::explained_parts)
            notes.push_back({{"part", e.part}, {"status", "explained, not machine-checked"}, {"text", e.text}});
        boost::json::array faults;
        for (const auto& d : paper::defects) faults.push_back({{"where", d.part}, {"defect", d.text}});
        out << boost::json::serialize(boost::json::object{{"exam", "Neural Computation, Main Summer Examinations 2023"},
                                                          {"answers", items}, {"explained", notes}, {"defects", faults}})
            << "\n";
        return out.str();
    }
    const bool md = format == report_format::markdown, tex = format == report_format::latex;
    if (tex)
        out << "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n"
               "\\title{Neural Computation 2023: verified worked solutions}\n\\begin{document}\n\\maketitle\n";
    else if (md)
        out << "# Neural Computation 2023: verified worked solutions\n\nEach answer is computed by ncverify and compared with "
               "the paper's claim; the level is the proof strength (1: the paper's instance, 2: many instances, 3: for all "
               "data, 4: for every size).\n";
    else
        out << "Neural Computation 2023: verified worked solutions\n";
    std::string part;
    for (const auto& a : answers) {
        const std::string this_part = a.id.substr(0, a.id.find('.'));
        if (this_part != part) {
            part = this_part;
            out << (tex ? "\\section*{" + part + "}\n" : md ? "\n## " + part + "\n\n" : "\n" + part + "\n");
        }
        const std::string status = std::string(a.verified ? "verified" : "NOT verified") + " (level " +
                                   std::to_string(a.level) + ", " + a.proof + ")";
        const std::string value = boost::json::serialize(a.computed);
        if (tex)
            out << "\\paragraph{" << latex_escape(a.id) << "} " << latex_escape(a.statement) << ". Answer: \\texttt{"
                << latex_escape(value) << "}. " << latex_escape(status) << ".\n";
        else if (md)
            out << "- **" << a.id << "**: " << a.statement << ". Answer: `" << value << "` — " << status << "\n";
        else
            out << "  " << a.id << ": " << a.statement << "\n    answer " << value << "  " << status << "\n";
        for (const auto& line : working(a.id)) {
            if (tex) out << "\n" << line << "\n";
            else if (md) out << "  - " << line << "\n";
            else out << "      " << plain(line) << "\n";
        }
    }
    const auto notes = [&](const std::string& title, const auto& list) {
        out << (tex ? "\\section*{" + title + "}\n" : md ? "\n## " + title + "\n\n" : "\n" + title + "\n");
        for (const auto& note : list) {
            const std::string part(note.part), text(note.text);
            out << (tex ? "\\paragraph{" + part + "} " + latex_escape(text) + "\n"
                        : md ? "- **" + part + "**: " + text + "\n" : "  " + part + ": " + text + "\n");
        }
    };
    notes("Explained, not machine-checked", paper::explained_parts);
    notes("Defects of the paper", paper::defects);
    if (tex) out << "\\end{document}\n";
    return out.str();
}

subcommand report_subcommand() {
    return {"report", "the paper's worked solutions: every answer computed, compared with the claim, its proof named",
            "ncv report --format markdown > solutions.md", false,
            "input: none\n"
            "output: for every claim of the paper its statement, the answer computed, whether it equals the claim, the\n"
            "proof and its level, the working; then the parts that are explained rather than computed, and the\n"
            "paper's defects\n"
            "exit status: 0 done, 2 bad option, 3 the output could not be written",
            [](boost::program_options::options_description& options) {
                options.add_options()("format", boost::program_options::value<std::string>()->default_value("text"),
                                      "text, markdown, latex or json");
            },
            [](const boost::program_options::variables_map& vm, const boost::json::value&) {
                return outcome{make_report(parse_report_format(option_text(vm, "format")))};
            }};
}

}  // namespace ncv::tool
