// Implements `ncv report`: claims from the exam header, answers recomputed at run time, working, proofs and defects.
#include "report_command.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <ncv/exam/summer2023.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>
#include <ncv/proof/entries.hpp>

#include "exact_json.hpp"
#include "exam_instance.hpp"
#include "worked_solutions.hpp"
#include "worked_text.hpp"

namespace ncv::tool {

namespace {

namespace paper = exam::summer2023;

struct answer {
    std::string id, statement, proof;
    int level = 0;
    exact_grid claimed, computed;
    bool computed_at_run_time = false;
    bool verified = false;
};

// The answers the tool recomputes at run time (the others were computed by the compiler,
// symbolically, when the proofs were built).
answer_key run_time_answers(const exam_instance& paper_exam) {
    answer_key computed = gradable_answers(paper_exam);
    const auto b = q2_b(paper_exam);
    computed.add("Q2a.b13", grid_of_number(b(0, 2)));
    computed.add("Q2a.b31", grid_of_number(b(2, 0)));
    const auto problem = q2_problem(paper_exam);
    const auto g = masked_squared_error_gradient(b, problem.target, problem.mask);
    computed.add("Q2c.df_dbii", grid_of_list({g(0, 0), g(1, 1), g(2, 2)}));
    // The chain-rule terms by dual numbers through the convolution, not read off A and W.
    const auto db_dw11 = conv_output_derivative(problem, loss_parameter::kernel, 0, 0);
    computed.add("Q2c.dbii_dw11", grid_of_list({db_dw11(0, 0), db_dw11(1, 1), db_dw11(2, 2)}));
    computed.add("Q2c.db11_da11", grid_of_number(conv_output_derivative(problem, loss_parameter::input, 0, 0)(0, 0)));
    return computed;
}

std::vector<answer> all_answers() {
    const auto computed = run_time_answers(paper_instance());
    std::vector<answer> answers;
    std::apply(
        [&](const auto&... record) {
            (answers.push_back([&] {
                answer a{std::string(record.id), std::string(record.statement), std::string(record.proof), record.level,
                         grid_of(*record.value), {}, false, true};
                if (const auto* c = computed.find(a.id)) {
                    a.computed = *c;
                    a.computed_at_run_time = true;
                    a.verified = a.computed.kind == a.claimed.kind && a.computed == a.claimed;
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

// The answer as a person writes it: the claim's form from the exam header with the computed
// entries in place of {k}; a factor 1 is left out ("1·w" is "w"), a fraction factor is
// parenthesised ("(1/2)·x"), an added 0 and a term with the factor 0 are dropped, and what is
// left alone in parentheses before a fraction bar loses them ("(p_g)/" is "p_g/"). A claim
// without a form shows its value.
std::string answer_text(const answer& a) {
    const auto form = std::find_if(paper::answer_forms.begin(), paper::answer_forms.end(),
                                   [&](const paper::paper_note& f) { return f.part == a.id; });
    if (form == paper::answer_forms.end()) return boost::json::serialize(write_grid(a.computed));
    std::vector<std::string> entries;
    for (const auto& x : a.computed.values) entries.push_back(number_text(x));
    std::string text(form->text);
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const std::string slot = "{" + std::to_string(k) + "}", times = "·";
        const std::size_t at = text.find(slot);
        if (at == std::string::npos) continue;
        const bool factor = text.compare(at + slot.size(), times.size(), times) == 0;
        const std::string& v = entries[k];
        const std::size_t term_end = std::min(text.find(" + ", at), text.find(')', at));
        if (factor && v == "1") text.erase(at, slot.size() + times.size());
        else if (factor && v == "0" && text.compare(term_end, 3, " + ") == 0) text.erase(at, term_end + 3 - at);
        else if (factor && v == "0" && at >= 3 && text.compare(at - 3, 3, " + ") == 0) text.erase(at - 3, term_end - at + 3);
        else if (!factor && v == "0" && at >= 3 && text.compare(at - 3, 3, " + ") == 0) text.erase(at - 3, slot.size() + 3);
        else text.replace(at, slot.size(), factor && v.find('/') != std::string::npos ? "(" + v + ")" : v);
    }
    for (std::size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
        const std::size_t close = text.find(')', open);
        if (close != std::string::npos && text.compare(close + 1, 1, "/") == 0 &&
            text.substr(open + 1, close - open - 1).find_first_of(" (") == std::string::npos)
            text = text.substr(0, open) + text.substr(open + 1, close - open - 1) + text.substr(close + 1);
    }
    return text;
}

// The working a student should show, per question part, as lines of text (Markdown/LaTeX math inside $…$).
std::vector<std::string> working(const std::string& id) {
    const auto exam = paper_instance();
    std::vector<std::string> lines;
    // The windows of B and the chain rule from the library's conv_working, as for a user's problem.
    if (id == "Q2a.B" || id == "Q2c.df_dw11" || id == "Q2c.df_da11") {
        const auto problem = q2_problem(exam);
        const conv_working worked(problem);
        if (id == "Q2a.B") {
            for (std::size_t i = 0; i < worked.b().rows(); ++i)
                for (std::size_t j = 0; j < worked.b().cols(); ++j) lines.push_back("$" + worked.window_sum(i, j) + "$");
        } else {
            lines.push_back("$" + worked.chain_rule({id == "Q2c.df_dw11" ? loss_parameter::kernel : loss_parameter::input, 0, 0}) +
                            "$");
        }
    }
    // The symbolic derivations the exam header writes out for its parts.
    for (const auto& note : paper::derivations)
        if (note.part == id) lines.emplace_back(note.text);
    return lines;
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
    if (format == report_format::json) {
        std::ostringstream out;
        boost::json::array items;
        for (const auto& a : answers)
            items.push_back({{"id", a.id}, {"statement", a.statement}, {"claimed", write_grid(a.claimed)}, {"computed", write_grid(a.computed)},
                             {"computed_at", a.computed_at_run_time ? "run time" : "compile time"},
                             {"verified", a.verified}, {"level", a.level}, {"proof", a.proof}, {"reads", answer_text(a)}});
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
    worked_document doc(format, "Neural Computation 2023: verified worked solutions",
                        md ? "Each answer is computed by ncverify and compared with the paper's claim; the level is the proof "
                             "strength (1: the paper's instance, 2: many instances, 3: for all data, 4: for every size)."
                           : "");
    std::string part;
    for (const auto& a : answers) {
        const std::string this_part = a.id.substr(0, a.id.find('.'));
        if (this_part != part) {
            part = this_part;
            doc.heading(part);
            for (const auto& q : paper::questions)
                if (q.part == part) {
                    const std::string text(q.text);
                    doc.verbatim(tex  ? "\\emph{" + latex_text(text) + "}\n"
                                 : md ? "*" + unicode_text(text) + "*\n"
                                      : "  " + unicode_text(text) + "\n");
                }
            if (part == "Q2a") {  // the data of Q2, once, where Q2 starts
                const auto exam = paper_instance();
                doc.verbatim(tex || md ? "\n" : "");
                doc.matrix("A", exam.a);
                doc.matrix("W", exam.w);
                doc.matrix("C", exam.c);
                doc.verbatim(tex || md ? "\n" : "");
            }
        }
        const std::string status = std::string(a.verified ? "verified" : "NOT verified") + " (level " +
                                   std::to_string(a.level) + ", " + a.proof + ")";
        const std::string value = boost::json::serialize(write_grid(a.computed)), written = answer_text(a);
        const bool has_form = written != value;
        if (tex)
            doc.verbatim("\\paragraph{" + latex_escape(a.id) + "} " + latex_text(a.statement) + ". Answer: " +
                         (has_form ? latex_text(written) : "\\texttt{" + latex_escape(value) + "}") + ". " +
                         latex_escape(status) + ".\n");
        else if (md)
            doc.verbatim("- **" + a.id + "**: " + unicode_text(a.statement) + ". Answer: " +
                         (has_form ? unicode_text(written) : "`" + value + "`") + " — " + status + "\n");
        else
            doc.verbatim("  " + a.id + ": " + unicode_text(a.statement) + "\n    answer " +
                         (has_form ? unicode_text(written) : value.front() == '[' ? value : plain("$" + number_text(a.computed.values.at(0)) + "$")) +
                         "  " + status + "\n");
        for (const auto& line : working(a.id))
            doc.verbatim(tex ? "\n" + line + "\n" : md ? "  - " + line + "\n" : "      " + plain(line) + "\n");
    }
    const auto notes = [&](const std::string& title, const auto& list) {
        doc.heading(title);
        for (const auto& note : list) {
            const std::string part(note.part), text(note.text);
            doc.verbatim(tex  ? "\\paragraph{" + latex_escape(part) + "} " + latex_text(text) + "\n"
                         : md ? "- **" + part + "**: " + unicode_text(text) + "\n"
                              : "  " + part + ": " + unicode_text(text) + "\n");
        }
    };
    notes("Explained, not machine-checked", paper::explained_parts);
    notes("Defects of the paper", paper::defects);
    return doc.finish();
}

subcommand report_subcommand() {
    return {.name = "report",
            .summary = "the paper's worked solutions: every answer computed, compared with the claim, its proof named",
            .example = "ncv report --format markdown > solutions.md",
            .reads_json = false,
            .details =
            "input: none\n"
            "output: for every claim of the paper its statement, the answer computed, whether it equals the claim, the\n"
            "proof and its level, the working; then the parts that are explained rather than computed, and the\n"
            "paper's defects\n"
            "exit status: 0 done, 2 bad option, 3 the output could not be written",
            .add_options =
            [](boost::program_options::options_description& options) {
                options.add_options()("format", boost::program_options::value<std::string>()->default_value("text"),
                                      "text, markdown, latex or json");
            },
            .run =
            [](const boost::program_options::variables_map& vm, const json_input&) {
                return outcome{make_report(parse_report_format(option_text(vm, "format")))};
            }};
}

}  // namespace ncv::tool
