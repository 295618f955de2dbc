// Implements the bank's formats: each writes the same statements and blanks in its own syntax and escapes.
#include "quiz_formats.hpp"

#include <boost/multiprecision/cpp_int.hpp>

namespace ncv::tool {

namespace {

bool integral(const exact& x) { return boost::multiprecision::denominator(x) == 1; }

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

// & < > as HTML writes them: MathJax reads the text, so the matrices' & survive.
std::string html(const std::string& s) {
    std::string out;
    for (const char c : s) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
    return out;
}

// Each character GIFT gives a meaning to, escaped with a backslash (the backslash too).
std::string gift_escaped(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (std::string_view("~=#{}:\\").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// In a Cloze answer } # ~ / " \ are escaped with a backslash.
std::string cloze_escaped(const std::string& s) {
    std::string out;
    for (const char c : s) {
        if (std::string_view("}#~/\"\\").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string cloze_blank(const exact& value) {
    return integral(value) ? "{1:NUMERICAL:=" + number_text(value) + ":0}" : "{1:SHORTANSWER:=" + cloze_escaped(number_text(value)) + "}";
}

}  // namespace

std::string markdown_bank(const std::vector<variant_questions>& bank) {
    const auto math = [](const std::string& s) {
        return replaced(replaced(replaced(replaced(s, "\\[", "\n\n$$"), "\\]", "$$\n\n"), "\\(", "$"), "\\)", "$");
    };
    std::string out;
    for (const auto& v : bank) {
        out += "# " + v.title + "\n\n" + math(v.conventions) + "\n\n## Questions\n\n";
        for (const auto& part : v.parts) out += "**" + part.id + ".** " + math(part.statement) + "\n\n";
        out += "## Solutions\n\n";
        for (const auto& part : v.parts)
            for (const auto& b : part.blanks) out += "- " + part.id + ": $" + b.label + " = " + number_text(b.value) + "$\n";
        out += "\n";
    }
    return out;
}

std::string moodle_bank(const std::vector<variant_questions>& bank) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
                      "  <question type=\"category\">\n    <category><text>$course$/top/ncverify variants</text></category>\n"
                      "  </question>\n";
    for (const auto& v : bank) {
        std::string text = "<p>" + html(v.conventions) + "</p>\n", feedback;
        for (const auto& part : v.parts) {
            text += "<p><b>" + part.id + ".</b> " + html(part.statement) + "</p>\n<p>";
            for (const auto& b : part.blanks) {
                text += "\\(" + html(b.label) + "\\) = " + cloze_blank(b.value) + " &nbsp; ";
                feedback += "\\(" + html(b.label) + " = " + number_text(b.value) + "\\) ";
            }
            text += "</p>\n";
        }
        out += "  <question type=\"cloze\">\n    <name><text>" + v.title + "</text></name>\n"
               "    <questiontext format=\"html\"><text><![CDATA[" + text + "]]></text></questiontext>\n"
               "    <generalfeedback format=\"html\"><text><![CDATA[<p>" + feedback + "</p>]]></text></generalfeedback>\n"
               "    <penalty>0.3333333</penalty>\n    <hidden>0</hidden>\n  </question>\n";
    }
    return out + "</quiz>\n";
}

std::string gift_bank(const std::vector<variant_questions>& bank) {
    std::string out;
    for (const auto& v : bank) {
        out += "$CATEGORY: $course$/top/ncverify variants/" + gift_escaped(v.title) + "\n\n";
        for (const auto& part : v.parts)
            for (const auto& b : part.blanks) {
                const std::string answer = integral(b.value) ? "{#" + number_text(b.value) + ":0}" : "{=" + gift_escaped(number_text(b.value)) + "}";
                out += "::" + gift_escaped(v.title + ", " + b.entry) + "::[html]" +
                       gift_escaped("<p>" + html(v.conventions) + "</p><p><b>" + part.id + ".</b> " + html(part.statement) +
                                    "</p><p>\\(" + html(b.label) + "\\) =</p>") +
                       answer + "\n\n";
            }
    }
    return out;
}

}  // namespace ncv::tool
