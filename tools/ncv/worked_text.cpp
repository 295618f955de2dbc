// Implements the writing of worked solutions: LaTeX math to plain Unicode, Unicode to LaTeX, matrices, documents.
#include "worked_text.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ncv::tool {

namespace {

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
        {"t", "ₜ"}, {"n", "ₙ"}, {"k", "ₖ"}, {"a", "ₐ"}, {"e", "ₑ"}, {"h", "ₕ"}, {"l", "ₗ"}, {"m", "ₘ"}, {"o", "ₒ"},
        {"p", "ₚ"}, {"r", "ᵣ"}, {"s", "ₛ"}, {"u", "ᵤ"}, {"v", "ᵥ"}, {"x", "ₓ"}};
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
    // A number, or a name without digits; "2n" is a product and gets its parentheses: 1/(2n).
    const bool number = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    const bool name = text.find_first_of(" +-/·0123456789") == std::string::npos && text.find("−") == std::string::npos;
    const bool simple = number || name;
    return simple ? text : "(" + text + ")";
}

// A sub- or superscript of the exam's prose at s[at] (just after '_' or '^'): parenthesised groups
// "(i+u−1)(j+v−1)" (one group loses its parentheses) or a run of letters and digits; the groups
// and where they end, nothing if no script starts there.
struct script {
    std::vector<std::string> groups;
    std::size_t end;
};
std::optional<script> script_at(const std::string& s, std::size_t at) {
    script found{{}, at};
    while (found.end < s.size() && s[found.end] == '(') {
        const std::size_t close = s.find(')', found.end);
        if (close == std::string::npos) break;
        found.groups.push_back(s.substr(found.end + 1, close - found.end - 1));
        found.end = close + 1;
    }
    if (found.groups.empty()) {
        while (found.end < s.size() && std::isalnum(static_cast<unsigned char>(s[found.end])) != 0) ++found.end;
        if (found.end == at) return std::nullopt;
        found.groups.push_back(s.substr(at, found.end - at));
    }
    return found;
}

// A hyphen that is a minus sign: before a digit, after a space, an opening parenthesis or the start.
bool minus_at(const std::string& s, std::size_t k) {
    return s[k] == '-' && k + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[k + 1])) != 0 &&
           (k == 0 || s[k - 1] == ' ' || s[k - 1] == '(' || s[k - 1] == '[');
}

// A script's group in LaTeX math: the Unicode operators as commands, a word upright.
std::string latex_group(const std::string& group) {
    if (group.size() > 2 && std::all_of(group.begin(), group.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
        return "\\mathrm{" + group + "}";
    static const replacements operators{{"−", "-"}, {"≤", "\\le "}, {"<", "<"}};
    std::string out;
    for (std::size_t k = 0; k < group.size();) {
        if (const auto* entry = replacement_at(operators, group, k)) {
            out += entry->second;
            k += entry->first.size();
        } else {
            out += group[k++];
        }
    }
    return out;
}

}  // namespace

std::string unicode_text(const std::string& s) {
    std::string out;
    for (std::size_t k = 0; k < s.size();) {
        const char c = s[k];
        const auto found = c == '_' || c == '^' ? script_at(s, k + 1) : std::nullopt;
        if (found) {
            const bool several = found->groups.size() > 1;
            for (const auto& group : found->groups) {
                // A word (three letters or more: data, rec) keeps its letters, bracketed; indices move.
                const bool word = group.size() > 2 && std::all_of(group.begin(), group.end(), [](char ch) {
                    return std::isalpha(static_cast<unsigned char>(ch)) != 0;
                });
                const auto moved = word ? std::nullopt : shifted(group, c == '^');
                const std::string open = c == '^' ? "⁽" : "₍", close = c == '^' ? "⁾" : "₎";
                out += moved && !several ? *moved : moved ? open + *moved + close : open + group + close;
            }
            k = found->end;
        } else if (minus_at(s, k)) {
            out += "−";
            ++k;
        } else {
            out += s[k++];
        }
    }
    return out;
}

std::string latex_text(const std::string& s) {
    std::string out;
    bool quote_open = false;
    for (std::size_t k = 0; k < s.size();) {
        const char c = s[k];
        const auto found = c == '_' || c == '^' ? script_at(s, k + 1) : std::nullopt;
        if (found) {
            // The name it belongs to joins the math: a symbol just written as $…$, or one letter.
            if (!out.empty() && out.back() == '$') {
                out.pop_back();
            } else if (!out.empty() && std::isalpha(static_cast<unsigned char>(out.back())) != 0) {
                const char base = out.back();
                out.back() = '$';
                out += base;
            } else {
                out += "$";
            }
            std::string inner;
            for (const auto& group : found->groups)
                inner += found->groups.size() > 1 ? "(" + latex_group(group) + ")" : latex_group(group);
            out += std::string(1, c) + "{" + inner + "}$";
            k = found->end;
        } else if (c == '"') {
            out += quote_open ? "''" : "``";
            quote_open = !quote_open;
            ++k;
        } else if (minus_at(s, k)) {
            out += "$-$";
            ++k;
        } else {
            // Up to the next script, quote or minus, as latex_escape writes it.
            std::size_t next = k + 1;
            while (next < s.size() && s[next] != '_' && s[next] != '^' && s[next] != '"' && !minus_at(s, next)) ++next;
            out += latex_escape(s.substr(k, next - k));
            k = next;
        }
    }
    return out;
}

namespace {

// plain(), starting inside math or not.
std::string plain_from(const std::string& s, bool in_math) {
    static const replacements commands{
        {"\\tfrac12", "½"}, {"\\tfrac13", "⅓"}, {"\\nabla", "∇"}, {"\\eta", "η"}, {"\\partial", "∂"}, {"\\sum", "Σ"}, {"\\cdot", "·"},
        {"\\le", "≤"}, {"\\ge", "≥"}, {"\\|", "‖"}, {"\\,", " "}, {"\\left", ""}, {"\\right", ""},
        {"\\lfloor", "⌊"}, {"\\rfloor", "⌋"}};
    std::string out;
    bool math = in_math;  // between $ signs a hyphen is a minus sign
    for (std::size_t k = 0; k < s.size();) {
        const char c = s[k];
        if (c == '$') {
            math = !math;
            ++k;
        } else if (c == '-' && math) {
            out += "−";
            ++k;
        } else if (s.compare(k, 5, "\\frac") == 0) {
            const auto [numerator, after] = group(s, k + 5);
            const auto [denominator, end] = group(s, after);
            const std::string fraction = operand(plain_from(numerator, math)) + "/" + operand(plain_from(denominator, math));
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
            const bool op = from == "\\cdot" || from == "\\le" || from == "\\ge" || from == "\\lfloor" || from == "\\rfloor";
            const bool word = std::isalpha(static_cast<unsigned char>(from.back())) != 0;
            if ((from == "\\," || (word && !op)) && k < s.size() && s[k] == ' ') ++k;
        } else if (c == '^' || c == '_') {
            const auto [text, end] = group(s, k + 1);
            const std::string inner = plain_from(text, math);
            const auto moved = shifted(inner, c == '^');
            out += moved ? *moved : (c == '^' ? "^(" : "_(") + inner + ")";
            k = end;
        } else {
            out += s[k++];
        }
    }
    return out;
}

}  // namespace

std::string plain(const std::string& s) { return plain_from(s, false); }

std::string latex_escape(const std::string& s) {
    static const replacements symbols{
        {"⁽ⁱ⁾", "$^{(i)}$"}, {"⁽⁰⁾", "$^{(0)}$"}, {"⁽¹⁾", "$^{(1)}$"}, {"⁽²⁾", "$^{(2)}$"}, {"⁽³⁾", "$^{(3)}$"}, {"⁽ⁿ⁾", "$^{(n)}$"},
        {"⁽ᵗ⁾", "$^{(t)}$"}, {"∇", "$\\nabla$"}, {"Σ", "$\\sum$"}, {"η", "$\\eta$"}, {"μ", "$\\mu$"},
        {"σ", "$\\sigma$"}, {"α", "$\\alpha$"}, {"β", "$\\beta$"}, {"ε", "$\\varepsilon$"}, {"²", "$^2$"},
        {"≤", "$\\le$"}, {"≥", "$\\ge$"}, {"⊛", "$\\circledast$"}, {"→", "$\\to$"}, {"≠", "$\\neq$"},
        {"·", "$\\cdot$"}, {"−", "$-$"}, {"∂", "$\\partial$"}, {"‖", "$\\|$"}, {"½", "$\\frac12$"},
        {"⅓", "$\\frac13$"}, {"—", "--"}, {"δ", "$\\delta$"}, {"ᵢ", "$_i$"},
        {"θ", "$\\theta$"}, {"′", "$'$"}, {"⌊", "$\\lfloor$"}, {"⌋", "$\\rfloor$"}};
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

std::string matrix_text(const std::string& name, const dyn_matrix<exact>& m, report_format format) {
    if (format == report_format::text) {
        // Entries with a minus sign (−), aligned by characters, not bytes.
        const auto entry = [&](std::size_t i, std::size_t j) { return plain("$" + number_text(m(i, j)) + "$"); };
        const auto width_of = [](const std::string& text) {
            return static_cast<std::size_t>(
                std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
        };
        std::size_t width = 0;
        for (std::size_t i = 0; i < m.rows(); ++i)
            for (std::size_t j = 0; j < m.cols(); ++j) width = std::max(width, width_of(entry(i, j)));
        std::string out;
        for (std::size_t i = 0; i < m.rows(); ++i) {
            out += "    " + (i == 0 ? name + " =" : std::string(name.size() + 2, ' '));
            for (std::size_t j = 0; j < m.cols(); ++j) {
                const std::string text = entry(i, j);
                out += std::string(width + 1 - width_of(text), ' ') + text;
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
    // LaTeX: \fitmath (the document's preamble) scales a matrix wider than the line down to it.
    return format == report_format::markdown ? "\n$$" + math + "$$\n" : "\\begin{center}\\fitmath{" + math + "}\\end{center}\n";
}

worked_document::worked_document(report_format format, const std::string& title, const std::string& introduction)
    : format_(format) {
    if (format == report_format::json) throw std::logic_error("worked_document: json is not a written format");
    if (format == report_format::latex) {
        // \sloppy and the emergency stretch let TeX break long lines (JSON, file paths, sums of
        // many products) at the break points latex_escape offers, instead of overfilling them.
        // \fitmath sets display math at its width, or scaled down to the line's when wider (a 16 x 16
        // matrix of four-digit numbers).
        out_ << "\\documentclass{article}\n\\usepackage{amsmath,amssymb,graphicx}\n\\usepackage[margin=2.5cm]{geometry}\n"
                "\\sloppy\n\\setlength{\\emergencystretch}{3em}\n\\setcounter{MaxMatrixCols}{64}\n"
                "\\newsavebox{\\ncvbox}\n\\newcommand{\\fitmath}[1]{\\sbox{\\ncvbox}{$\\displaystyle #1$}"
                "\\ifdim\\wd\\ncvbox>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox{\\ncvbox}}\\else\\usebox{\\ncvbox}\\fi}\n"
                "\\title{"
             << latex_escape(title) << "}\n\\date{}\n\\begin{document}\n\\maketitle\n";
        if (!introduction.empty()) out_ << latex_escape(introduction) << "\n";
    } else if (format == report_format::markdown) {
        out_ << "# " << title << "\n" << (introduction.empty() ? "" : "\n" + introduction + "\n");
    } else {
        out_ << title << "\n" << (introduction.empty() ? "" : plain(introduction) + "\n");
    }
}

void worked_document::heading(const std::string& title) {
    if (format_ == report_format::latex) out_ << "\\section*{" << latex_escape(title) << "}\n";
    else if (format_ == report_format::markdown) out_ << "\n## " << title << "\n\n";
    else out_ << "\n" << title << "\n";
}

void worked_document::sentence(const std::string& text) {
    if (format_ == report_format::latex) {
        // Prose escaped, the math between $ signs kept as LaTeX math.
        std::size_t at = 0;
        for (bool math = false; at <= text.size(); math = !math) {
            const std::size_t next = std::min(text.find('$', at), text.size());
            out_ << (math ? "$" + text.substr(at, next - at) + "$" : latex_escape(text.substr(at, next - at)));
            at = next + 1;
        }
        out_ << "\n\n";
    } else if (format_ == report_format::markdown) {
        out_ << text << "\n\n";
    } else {
        out_ << "  " << plain(text) << "\n";
    }
}

void worked_document::math(const std::string& latex) {
    // Inline math in LaTeX: TeX may break a long sum after a + or =, which display math cannot.
    if (format_ == report_format::latex) out_ << "$" << latex << "$\n\n";
    else if (format_ == report_format::markdown) out_ << "$" << latex << "$\n\n";
    else out_ << "    " << plain("$" + latex + "$") << "\n";
}

void worked_document::matrix(const std::string& name, const dyn_matrix<exact>& m) { out_ << matrix_text(name, m, format_); }

std::string worked_document::finish() {
    if (format_ == report_format::latex) out_ << "\\end{document}\n";
    return out_.str();
}

}  // namespace ncv::tool
