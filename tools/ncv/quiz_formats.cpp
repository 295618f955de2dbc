// Implements the bank's formats: each writes the same statements and blanks in its own syntax and escapes.
#include "quiz_formats.hpp"

#include <cctype>

#include <boost/multiprecision/cpp_int.hpp>

namespace ncv::tool {

namespace {

bool integral(const exact& x) { return boost::multiprecision::denominator(x) == 1; }

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

// & < > " as HTML and XML write them: MathJax reads the text, so the matrices' & survive.
std::string html(const std::string& s) {
    std::string out;
    for (const char c : s)
        out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : std::string(1, c);
    return out;
}

// Each character of `specials` (the backslash among them) escaped with a backslash: GIFT's
// ~ = # { } : in text, and Cloze's } # ~ / " in an answer.
std::string backslash_escaped(const std::string& s, std::string_view specials) {
    std::string out;
    for (const char c : s) {
        if (specials.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string gift_escaped(const std::string& s) { return backslash_escaped(s, "~=#{}:\\"); }

std::string cloze_escaped(const std::string& s) { return backslash_escaped(s, "}#~/\"\\"); }

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
        out += "# " + v.title + "\n\n" + math(v.conventions) + " " + std::string(exact_answers_rule) + "\n\n## Questions\n\n";
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
        std::string text = "<p>" + html(v.conventions) + " " + std::string(exact_answers_rule) + "</p>\n", feedback;
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
                       gift_escaped("<p>" + html(v.conventions) + " " + std::string(exact_answers_rule) + "</p><p><b>" + part.id + ".</b> " + html(part.statement) +
                                    "</p><p>\\(" + html(b.label) + "\\) =</p>") +
                       answer + "\n\n";
            }
    }
    return out;
}

namespace {

// An exact number's decimal to 6 places, rounded down (or up): a bound Canvas compares with.
std::string decimal_bound(const exact& x, bool up) {
    const boost::multiprecision::cpp_int scale = 1000000;
    const exact scaled = x * exact(scale);
    boost::multiprecision::cpp_int n = boost::multiprecision::numerator(scaled), d = boost::multiprecision::denominator(scaled);
    boost::multiprecision::cpp_int q = n / d;  // truncated towards zero
    if (q * d != n && (n < 0) != up) q += up ? 1 : -1;
    const bool negative = q < 0;
    const std::string digits = (negative ? -q : q).str();
    const std::string padded = std::string(digits.size() < 7 ? 7 - digits.size() : 0, '0') + digits;
    return (negative ? "-" : "") + padded.substr(0, padded.size() - 6) + "." + padded.substr(padded.size() - 6);
}

std::string identifier(std::string s) {  // Q2a.B(1,2) -> Q2a_B_1_2: letters, digits and _ only
    for (auto& c : s)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    while (!s.empty() && s.back() == '_') s.pop_back();
    return s;
}

}  // namespace

std::vector<bank_file> qti_bank(const std::vector<variant_questions>& bank, const std::string& bank_id) {
    const exact tolerance(1, 20000);
    std::string items;
    for (const auto& v : bank)
        for (const auto& part : v.parts)
            for (const auto& b : part.blanks) {
                const bool whole = integral(b.value);
                const std::string rule = whole ? "Give this answer exactly (it is an integer)."
                                               : "Give this answer as a decimal; answers within " + std::string(qti_tolerance) +
                                                     " of the exact value are accepted.";
                const std::string text = "<p>" + html(v.conventions) + "</p><p><b>" + part.id + ".</b> " + html(part.statement) +
                                         "</p><p>" + rule + "</p><p>\\(" + html(b.label) + "\\) =</p>";
                const std::string low = whole ? number_text(b.value) : decimal_bound(b.value - tolerance, false),
                                  high = whole ? number_text(b.value) : decimal_bound(b.value + tolerance, true);
                items += "      <item ident=\"" + identifier(v.title + "_" + b.entry) + "\" title=\"" + html(v.title + ", " + b.entry) + "\">\n"
                         "        <itemmetadata><qtimetadata>\n"
                         "          <qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>numerical_question</fieldentry></qtimetadatafield>\n"
                         "          <qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield>\n"
                         "        </qtimetadata></itemmetadata>\n"
                         "        <presentation>\n"
                         "          <material><mattext texttype=\"text/html\">" + html(text) + "</mattext></material>\n"
                         "          <response_str ident=\"response1\" rcardinality=\"Single\"><render_fib fibtype=\"Decimal\"><response_label ident=\"answer1\"/></render_fib></response_str>\n"
                         "        </presentation>\n"
                         "        <resprocessing>\n"
                         "          <outcomes><decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/></outcomes>\n"
                         "          <respcondition continue=\"No\">\n"
                         "            <conditionvar><vargte respident=\"response1\">" + low + "</vargte><varlte respident=\"response1\">" + high + "</varlte></conditionvar>\n"
                         "            <setvar action=\"Set\" varname=\"SCORE\">100</setvar>\n"
                         "          </respcondition>\n"
                         "        </resprocessing>\n"
                         "      </item>\n";
            }
    const std::string title = bank.empty() ? "ncverify bank" : "ncverify bank: " + bank.front().title + (bank.size() > 1 ? " and " + std::to_string(bank.size() - 1) + " more" : "");
    const std::string assessment =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<questestinterop xmlns=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd\">\n"
        "  <assessment ident=\"" + bank_id + "\" title=\"" + html(title) + "\">\n"
        "    <section ident=\"root_section\">\n" + items + "    </section>\n  </assessment>\n</questestinterop>\n";
    const std::string manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<manifest identifier=\"" + bank_id + "_manifest\" xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1\">\n"
        "  <metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion></metadata>\n"
        "  <organizations/>\n"
        "  <resources>\n"
        "    <resource identifier=\"" + bank_id + "\" type=\"imsqti_xmlv1p2\">\n"
        "      <file href=\"" + bank_id + "/" + bank_id + ".xml\"/>\n"
        "    </resource>\n"
        "  </resources>\n"
        "</manifest>\n";
    return {{"imsmanifest.xml", manifest}, {bank_id + "/" + bank_id + ".xml", assessment}};
}

std::vector<bank_file> prairielearn_bank(const std::vector<variant_questions>& bank, const std::string& uuid) {
    const auto py = [](const std::string& s) {  // a Python string literal
        std::string out = "\"";
        for (const char c : s) out += c == '\\' ? "\\\\" : c == '"' ? "\\\"" : c == '\n' ? "\\n" : std::string(1, c);
        return out + "\"";
    };
    // One pl-number-input per number; the statements, which differ between variants, are params.
    std::string html_text = "<pl-question-panel>\n<p>{{{params.conventions}}} " + std::string(exact_answers_rule) + "</p>\n</pl-question-panel>\n";
    const auto& first = bank.at(0);
    for (const auto& part : first.parts) {
        html_text += "<pl-question-panel>\n<p><b>" + part.id + ".</b> {{{params.statement_" + part.id + "}}}</p>\n</pl-question-panel>\n";
        for (const auto& b : part.blanks)
            html_text += "<pl-number-input answers-name=\"" + identifier(b.entry) + "\" label=\"\\(" + html(b.label) +
                         " =\\)\" comparison=\"relabs\" rtol=\"1e-9\" atol=\"1e-9\" allow-fractions=\"true\"></pl-number-input>\n";
    }
    std::string server = "# A bank written by ncv variant, proven at compile time before it was written; each student gets one variant.\n"
                         "import random\n\nVARIANTS = [\n";
    for (const auto& v : bank) {
        server += "    {\n        \"title\": " + py(v.title) + ",\n        \"params\": {\"conventions\": " + py(html(v.conventions));
        for (const auto& part : v.parts) server += ", \"statement_" + part.id + "\": " + py(html(part.statement));
        server += "},\n        \"answers\": {";
        for (const auto& part : v.parts)
            for (const auto& b : part.blanks) server += "\"" + identifier(b.entry) + "\": \"" + number_text(b.value) + "\", ";
        server += "},\n    },\n";
    }
    server += "]\n\n\n"
              "def generate(data):\n"
              "    variant = random.choice(VARIANTS)  # PrairieLearn seeds random per student variant\n"
              "    data[\"params\"].update(variant[\"params\"])\n"
              "    data[\"params\"][\"title\"] = variant[\"title\"]\n"
              "    for name, exact in variant[\"answers\"].items():  # p/q as written by ncv, compared within rtol 1e-9\n"
              "        numerator, _, denominator = exact.partition(\"/\")\n"
              "        data[\"correct_answers\"][name] = int(numerator) / int(denominator or 1)\n";
    return {{"info.json", "{\n  \"uuid\": \"" + uuid + "\",\n  \"title\": " + py("Convolution and SGD (ncverify, " + std::to_string(bank.size()) + " variants)") +
                              ",\n  \"topic\": \"Convolution and SGD\",\n  \"tags\": [\"ncverify\"],\n  \"type\": \"v3\"\n}\n"},
            {"question.html", html_text},
            {"server.py", server}};
}

}  // namespace ncv::tool
