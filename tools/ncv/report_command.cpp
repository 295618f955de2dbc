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

// A computed value's entries, row by row, as text (integers and "p/q" strings as they are).
void entry_texts(const boost::json::value& value, std::vector<std::string>& out) {
    if (value.is_array()) {
        for (const auto& item : value.get_array()) entry_texts(item, out);
    } else {
        out.push_back(value.is_string() ? std::string(value.get_string()) : boost::json::serialize(value));
    }
}

// The answer as a person writes it: the claim's form from the exam header with the computed
// entries in place of {k}; a factor 1 is left out ("1·w" is "w"), a fraction factor is
// parenthesised ("(1/2)·x"), an added 0 is dropped. A claim without a form shows its value.
std::string answer_text(const answer& a) {
    const auto form = std::find_if(paper::answer_forms.begin(), paper::answer_forms.end(),
                                   [&](const paper::paper_note& f) { return f.part == a.id; });
    if (form == paper::answer_forms.end()) return boost::json::serialize(a.computed);
    std::vector<std::string> entries;
    entry_texts(a.computed, entries);
    std::string text(form->text);
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const std::string slot = "{" + std::to_string(k) + "}", times = "·";
        const std::size_t at = text.find(slot);
        if (at == std::string::npos) continue;
        const bool factor = text.compare(at + slot.size(), times.size(), times) == 0;
        const std::string& v = entries[k];
        if (factor && v == "1") text.erase(at, slot.size() + times.size());
        else if (!factor && v == "0" && at >= 3 && text.compare(at - 3, 3, " + ") == 0) text.erase(at - 3, slot.size() + 3);
        else text.replace(at, slot.size(), factor && v.find('/') != std::string::npos ? "(" + v + ")" : v);
    }
    return text;
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

// The text inside the braces that open at s[from] ('{'), and the index after the closing one;
// a single character stands for itself when there are no braces (x^2, \frac1n).
std::pair<std::string, std::size_t> group(const std::string& s, std::size_t from) {
    if (from >= s.size()) return {"", from};
    if (s[from] != '{') {
        const std::size_t length = (static_cast<unsigned char>(s[from]) & 0x80U) == 0 ? 1 : [&] {
            std::size_t n = 1;
            while (from + n < s.size() && (static_cast<unsigned char>(s[from + n]) & 0xC0U) == 0x80U) ++n;
            return n;
        }();
        return {s.substr(from, length), from + length};
    }
    int depth = 0;
    for (std::size_t k = from; k < s.size(); ++k) {
        if (s[k] == '{') ++depth;
        if (s[k] == '}' && --depth == 0) return {s.substr(from + 1, k - from - 1), k + 1};
    }
    return {s.substr(from + 1), s.size()};
}

using replacements = std::vector<std::pair<std::string, std::string>>;

// The entry of the table whose text starts at s[at] and that accepts what follows it, if any.
template <class Accept>
const std::pair<std::string, std::string>* replacement_at(const replacements& table, const std::string& s, std::size_t at,
                                                           Accept accept) {
    for (const auto& entry : table)
        if (s.compare(at, entry.first.size(), entry.first) == 0 && accept(entry.first)) return &entry;
    return nullptr;
}
const std::pair<std::string, std::string>* replacement_at(const replacements& table, const std::string& s, std::size_t at) {
    return replacement_at(table, s, at, [](const std::string&) { return true; });
}

// Each character of text as a superscript (or subscript), or nothing if one has no such form.
std::optional<std::string> shifted(const std::string& text, bool up) {
    static const replacements superscripts{
        {"0", "⁰"}, {"1", "¹"}, {"2", "²"}, {"3", "³"}, {"4", "⁴"}, {"5", "⁵"}, {"6", "⁶"}, {"7", "⁷"}, {"8", "⁸"},
        {"9", "⁹"}, {"+", "⁺"}, {"-", "⁻"}, {"−", "⁻"}, {"(", "⁽"}, {")", "⁾"}, {"=", "⁼"}, {"i", "ⁱ"}, {"n", "ⁿ"},
        {"t", "ᵗ"}, {"k", "ᵏ"}, {"T", "ᵀ"}, {"*", "*"}};
    static const replacements subscripts{
        {"0", "₀"}, {"1", "₁"}, {"2", "₂"}, {"3", "₃"}, {"4", "₄"}, {"5", "₅"}, {"6", "₆"}, {"7", "₇"}, {"8", "₈"},
        {"9", "₉"}, {"+", "₊"}, {"-", "₋"}, {"−", "₋"}, {"(", "₍"}, {")", "₎"}, {"=", "₌"}, {"i", "ᵢ"}, {"j", "ⱼ"},
        {"t", "ₜ"}, {"n", "ₙ"}, {"k", "ₖ"}};
    const auto& table = up ? superscripts : subscripts;
    std::string out;
    for (std::size_t k = 0; k < text.size();) {
        const auto* entry = replacement_at(table, text, k);
        if (entry == nullptr) return std::nullopt;
        out += entry->second;
        k += entry->first.size();
    }
    return out;
}

// A fraction's part, in parentheses unless it is a single name or number.
std::string operand(const std::string& text) {
    const bool simple = text.find_first_of(" +-/·") == std::string::npos && text.find("−") == std::string::npos;
    return simple ? text : "(" + text + ")";
}

// The LaTeX math of the working (between $ signs) as plain Unicode text: Σ, ∂, x⁽ⁱ⁾, b₁₁, 1/(t−1).
std::string plain(const std::string& s) {
    static const replacements commands{
        {"\\tfrac12", "½"}, {"\\tfrac13", "⅓"}, {"\\nabla", "∇"}, {"\\partial", "∂"}, {"\\sum", "Σ"}, {"\\cdot", "·"},
        {"\\le", "≤"}, {"\\ge", "≥"}, {"\\|", "‖"}, {"\\,", " "}, {"\\left", ""}, {"\\right", ""}};
    std::string out;
    for (std::size_t k = 0; k < s.size();) {
        const char c = s[k];
        if (c == '$') {
            ++k;
        } else if (s.compare(k, 5, "\\frac") == 0) {
            const auto [numerator, after] = group(s, k + 5);
            const auto [denominator, end] = group(s, after);
            const std::string fraction = operand(plain(numerator)) + "/" + operand(plain(denominator));
            // Followed by a factor ("\frac1n \sum"), the fraction is parenthesised: (1/n) Σ.
            const std::size_t next = end < s.size() && s[end] == ' ' ? end + 1 : end;
            const bool factor_follows = next < s.size() && std::string("=+-$").find(s[next]) == std::string::npos &&
                                        s.compare(next, 5, "\\cdot") != 0;
            out += factor_follows ? "(" + fraction + ")" : fraction;
            k = end;
        } else if (c == '\\') {
            // A command word is whole: \le must not match the start of \left.
            const auto* entry = replacement_at(commands, s, k, [&](const std::string& from) {
                const std::size_t after = k + from.size();
                return from.size() == 2 || after >= s.size() || !std::isalpha(static_cast<unsigned char>(s[after]));
            });
            if (entry == nullptr) {
                out += s[k++];
                continue;
            }
            const std::string& from = entry->first;
            out += entry->second;
            k += from.size();
            // A command word ends at the space after it, which is not text (\nabla C is ∇C);
            // operators keep theirs (a \cdot b is a · b), and a thin space takes its place.
            const bool op = from == "\\cdot" || from == "\\le" || from == "\\ge";
            const bool word = std::isalpha(static_cast<unsigned char>(from.back())) != 0;
            if ((from == "\\," || (word && !op)) && k < s.size() && s[k] == ' ') ++k;
        } else if (c == '^' || c == '_') {
            const auto [text, end] = group(s, k + 1);
            const std::string inner = plain(text);
            const auto moved = shifted(inner, c == '^');
            out += moved ? *moved : (c == '^' ? "^(" : "_(") + inner + ")";
            k = end;
        } else {
            out += s[k++];
        }
    }
    return out;
}

// LaTeX for a line of plain text: special characters escaped, and the Unicode math of the
// statements spelt as LaTeX math, so the document is plain ASCII that pdflatex compiles.
std::string latex_escape(const std::string& s) {
    static const replacements symbols{
        {"⁽ⁱ⁾", "$^{(i)}$"}, {"⁽⁰⁾", "$^{(0)}$"}, {"⁽¹⁾", "$^{(1)}$"}, {"⁽²⁾", "$^{(2)}$"}, {"⁽³⁾", "$^{(3)}$"}, {"⁽ⁿ⁾", "$^{(n)}$"},
        {"⁽ᵗ⁾", "$^{(t)}$"}, {"∇", "$\\nabla$"}, {"Σ", "$\\sum$"}, {"η", "$\\eta$"}, {"μ", "$\\mu$"},
        {"σ", "$\\sigma$"}, {"α", "$\\alpha$"}, {"β", "$\\beta$"}, {"ε", "$\\varepsilon$"}, {"²", "$^2$"},
        {"≤", "$\\le$"}, {"≥", "$\\ge$"}, {"⊛", "$\\circledast$"}, {"→", "$\\to$"}, {"≠", "$\\neq$"},
        {"·", "$\\cdot$"}, {"−", "-"}, {"∂", "$\\partial$"}, {"‖", "$\\|$"}, {"½", "$\\frac12$"},
        {"⅓", "$\\frac13$"}, {"—", "--"}, {"δ", "$\\delta$"}, {"ᵢ", "$_i$"},
        {"θ", "$\\theta$"}, {"′", "$'$"}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (const auto* entry = replacement_at(symbols, s, i)) {
            out += entry->second;
            i += entry->first.size();
            continue;
        }
        const char c = s[i++];
        if (c == '_' || c == '&' || c == '%' || c == '#' || c == '{' || c == '}') out += std::string("\\") + c;
        else if (c == '*') out += "$^*$";
        else if (c == '<' || c == '>') out += std::string("$") + c + "$";  // the text font has no < or >
        else if (c == ',' || c == '/') out += std::string(1, c) + "\\allowbreak{}";  // long JSON and paths may break here
        else out += c;
    }
    return out;
}

// A matrix of the paper's data as a person writes it: aligned columns in text, pmatrix in LaTeX math.
std::string matrix_text(const std::string& name, const dyn_matrix<exact>& m, report_format format) {
    if (format == report_format::text) {
        std::size_t width = 0;
        for (std::size_t i = 0; i < m.rows(); ++i)
            for (std::size_t j = 0; j < m.cols(); ++j) width = std::max(width, number_text(m(i, j)).size());
        std::string out;
        for (std::size_t i = 0; i < m.rows(); ++i) {
            out += "    " + (i == 0 ? name + " =" : std::string(name.size() + 2, ' '));
            for (std::size_t j = 0; j < m.cols(); ++j) {
                const std::string entry = number_text(m(i, j));
                out += std::string(width + 1 - entry.size(), ' ') + entry;
            }
            out += "\n";
        }
        return out;
    }
    std::string rows;
    for (std::size_t i = 0; i < m.rows(); ++i) {
        for (std::size_t j = 0; j < m.cols(); ++j) rows += (j == 0 ? "" : " & ") + number_text(m(i, j));
        rows += i + 1 < m.rows() ? " \\\\ " : "";
    }
    const std::string math = name + " = \\begin{pmatrix} " + rows + " \\end{pmatrix}";
    return format == report_format::markdown ? "\n$$" + math + "$$\n" : "\\[ " + math + " \\]\n";
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
    if (tex)
        // \sloppy and the emergency stretch let TeX break the long answer lines (JSON, file paths,
        // sums of nine products) at the break points latex_escape offers, instead of overfilling.
        out << "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\usepackage[margin=2.5cm]{geometry}\n"
               "\\sloppy\n\\setlength{\\emergencystretch}{3em}\n"
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
            for (const auto& q : paper::questions)
                if (q.part == part) {
                    const std::string text(q.text);
                    out << (tex ? "\\emph{" + latex_escape(text) + "}\n" : md ? "*" + text + "*\n" : "  " + text + "\n");
                }
            if (part == "Q2a") {  // the data of Q2, once, where Q2 starts
                const auto exam = paper_instance();
                out << (tex ? "\n" : md ? "\n" : "");
                out << matrix_text("A", exam.a, format) << matrix_text("W", exam.w, format) << matrix_text("C", exam.c, format);
                out << (tex || md ? "\n" : "");
            }
        }
        const std::string status = std::string(a.verified ? "verified" : "NOT verified") + " (level " +
                                   std::to_string(a.level) + ", " + a.proof + ")";
        const std::string value = boost::json::serialize(a.computed), written = answer_text(a);
        const bool has_form = written != value;
        if (tex)
            out << "\\paragraph{" << latex_escape(a.id) << "} " << latex_escape(a.statement) << ". Answer: "
                << (has_form ? latex_escape(written) : "\\texttt{" + latex_escape(value) + "}") << ". " << latex_escape(status)
                << ".\n";
        else if (md)
            out << "- **" << a.id << "**: " << a.statement << ". Answer: " << (has_form ? written : "`" + value + "`") << " — "
                << status << "\n";
        else
            out << "  " << a.id << ": " << a.statement << "\n    answer " << written << "  " << status << "\n";
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
                        : md ? "- **" + part + "**: " + text + "\n" : "  " + part + ": " + plain(text) + "\n");
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
