// Tests `ncv report`, `ncv check` and `ncv variant`: verified answers, the feedback for each likely mistake, errors.
#define BOOST_TEST_MODULE ncv_exam
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <cstdint>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include <boost/json.hpp>

#include <ncv/exam/summer2023.hpp>

#include "check_command.hpp"
#include "exact_json.hpp"
#include "exam_instance.hpp"
#include "tool_test_support.hpp"
#include "report_command.hpp"
#include "variant_command.hpp"
#include "worked_text.hpp"

using namespace ncv::tool;

namespace {

std::string feedback_for(const exam_instance& instance, const std::string& answers_json) {
    const auto results = check_answers(instance, parse_json(answers_json, "answers"));
    BOOST_REQUIRE(results.size() == 1u);
    BOOST_TEST(!results[0].correct);
    return results[0].feedback;
}

bool mentions(const std::string& text, const std::string& part) {
    BOOST_TEST_MESSAGE(text);
    return text.find(part) != std::string::npos;
}

// A variant whose kernel is not centrosymmetric, so flipping it is a detectable mistake.
exam_instance lopsided_variant() {
    for (std::uint64_t seed = 1;; ++seed) {
        auto v = variant_instance(seed);
        if (!(convolve(v.a, v.w, {0, 1}) == cross_correlate(v.a, v.w, {0, 1}))) return v;
    }
}

std::string json_of(const ncv::dyn_matrix<exact>& m) { return boost::json::serialize(write_matrix(m)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(ncv_exam)

BOOST_AUTO_TEST_CASE(the_report_verifies_every_claim_of_the_header) {
    const auto report = parse_json(make_report(report_format::json), "report");
    const auto& answers = report.at("answers").as_array();
    BOOST_TEST(answers.size() == std::tuple_size_v<std::remove_const_t<decltype(ncv::exam::summer2023::claims)>>);
    int run_time = 0;
    for (const auto& a : answers) {
        BOOST_TEST(a.at("verified").as_bool(), a.at("id").as_string());
        BOOST_TEST(boost::json::serialize(a.at("claimed")) == boost::json::serialize(a.at("computed")));
        if (a.at("computed_at").as_string() == "run time") ++run_time;
    }
    BOOST_TEST(run_time >= 12, "the Q1b and Q2 answers are recomputed at run time");
    BOOST_TEST(report.at("defects").as_array().size() == ncv::exam::summer2023::defects.size());
    BOOST_TEST(mentions(boost::json::serialize(report.at("defects")), "Q2b.counts computes it"));
    // The working of Q2c is computed from the data: three diagonal terms for w11, one for a11,
    // each naming the element the convolution multiplies w11 (or a11) by.
    const auto text = make_report(report_format::text);
    BOOST_TEST(mentions(text, "∂f/∂w₁₁ = 2(b₁₁ − c₁₁) a₁₁ + 2(b₂₂ − c₂₂) a₂₂ + 2(b₃₃ − c₃₃) a₃₃ = "
                              "2(−15 − (−10))·1 + 2(−15 − (−10))·1 + 2(−15 − (−10))·1 = −30"));
    BOOST_TEST(mentions(text, "∂f/∂a₁₁ = 2(b₁₁ − c₁₁) w₁₁ = 2(−15 − (−10))·(−1) = 10"));
    BOOST_TEST(mentions(boost::json::serialize(report.at("explained")), "Q3a(ii)"));
}

BOOST_AUTO_TEST_CASE(report_formats) {
    const auto md = make_report(report_format::markdown);
    BOOST_TEST(mentions(md, "$b_{11} = a_{11}w_{11} + a_{12}w_{12} + "));
    BOOST_TEST(mentions(md, " = 1\\cdot(-1) + 2\\cdot(-1) + 3\\cdot(-1) + "));
    BOOST_TEST(mentions(md, "explained, not machine-checked") == false);  // the heading is capitalised
    BOOST_TEST(mentions(md, "## Explained, not machine-checked"));
    BOOST_TEST(!mentions(md, "NOT verified"));
    const auto tex = make_report(report_format::latex);
    BOOST_TEST(mentions(tex, "\\documentclass{article}"));
    BOOST_TEST(mentions(tex, "\\end{document}"));
    BOOST_TEST(std::all_of(tex.begin(), tex.end(), [](char c) { return static_cast<unsigned char>(c) < 128; }),
               "the LaTeX report is plain ASCII");
    BOOST_TEST(mentions(make_report(report_format::text), "Q2a.B"));
    BOOST_CHECK_THROW((void)parse_report_format("pdf"), input_error);
}

// An instructor hands the report out: each part's question, in our own words, and the data of Q2.
BOOST_AUTO_TEST_CASE(report_shows_questions_and_data) {
    const auto text = make_report(report_format::text);
    for (const auto& q : ncv::exam::summer2023::questions)
        BOOST_TEST(mentions(text, "  " + ncv::tool::unicode_text(std::string(q.text)) + "\n"), "the question of " << q.part);
    BOOST_TEST(mentions(text, "    A = 1 2 3 4 5\n        5 1 2 3 4\n"));
    BOOST_TEST(mentions(text, "    W = −1 −1 −1\n        −1  8 −1\n"));
    BOOST_TEST(mentions(text, "    C = −10   0   0\n"));
    const auto md = make_report(report_format::markdown);
    BOOST_TEST(mentions(md, "$$W = \\begin{pmatrix} -1 & -1 & -1 \\\\ -1 & 8 & -1 \\\\ -1 & -1 & -1 \\end{pmatrix}$$"));
    BOOST_TEST(mentions(make_report(report_format::latex), "\\fitmath{A = \\begin{pmatrix} 1 & 2 & 3 & 4 & 5 \\\\ "));
}

// Answers read as a person writes them, filled in from the computed entries: every form names a
// claim, has one slot per entry of its value, and leaves no slot unfilled.
BOOST_AUTO_TEST_CASE(answers_read_as_a_person_writes_them) {
    const auto text = make_report(report_format::text);
    BOOST_TEST(mentions(text, "    answer w* = (1/n) Σ x⁽ⁱ⁾  verified"));
    BOOST_TEST(mentions(text, "    answer w⁽²⁾ = (1/2)·x⁽¹⁾ + (1/2)·x⁽²⁾  verified"));
    BOOST_TEST(mentions(text, "    answer θ′ = θ − η ∇L(θ)  verified"));
    BOOST_TEST(mentions(text, "    answer r(i) = min(i + p, k, n + p − i + 1, n + 2p − k + 1)  verified"));
    BOOST_TEST(mentions(text, "    answer [[-15,-5,0],[15,-15,-5],[5,15,-15]]  verified"));  // a matrix stays a matrix
    const auto report = boost::json::parse(make_report(report_format::json));
    for (const auto& form : ncv::exam::summer2023::answer_forms) {
        const std::string id(form.part), pattern(form.text);
        const boost::json::object* found = nullptr;
        for (const auto& a : report.at("answers").as_array())
            if (a.at("id").as_string() == id) found = &a.as_object();
        BOOST_TEST_REQUIRE(found != nullptr, "an answer form for an unknown claim: " << id);
        std::size_t entries = 0;
        const std::function<void(const boost::json::value&)> count = [&](const boost::json::value& v) {
            if (v.is_array())
                for (const auto& item : v.get_array()) count(item);
            else
                ++entries;
        };
        count(found->at("computed"));
        std::size_t slots = 0;
        while (pattern.find("{" + std::to_string(slots) + "}") != std::string::npos) ++slots;
        BOOST_TEST(slots == entries, id);
        const std::string reads(found->at("reads").as_string());
        BOOST_TEST(reads.find('{') == std::string::npos, id << " reads " << reads);
    }
}

// The text report is plain Unicode: the LaTeX of the working becomes Σ, ∂, x⁽ⁱ⁾, b₁₁ and 1/(t-1).
BOOST_AUTO_TEST_CASE(text_report_has_no_latex) {
    const auto text = make_report(report_format::text);
    for (const std::string markup : {"\\", "$", "^{", "_{", "\\frac", "\\partial"})
        BOOST_TEST(!mentions(text, markup), "markup left in the text report: " + markup);
    BOOST_TEST(mentions(text, "b₁₁ = a₁₁w₁₁ + a₁₂w₁₂ + "));
    BOOST_TEST(mentions(text, " = 1·(−1) + 2·(−1) + "));
    BOOST_TEST(mentions(text, "∂f/∂w₁₁ = 2(b₁₁ − c₁₁) a₁₁ + "));
    BOOST_TEST(mentions(text, "w⁽ᵗ⁻¹⁾ = (1/(t−1)) S with S = Σᵢ₌₁ᵗ⁻¹ x⁽ⁱ⁾"));
    BOOST_TEST(mentions(text, "(t−1)/t · (1/(t−1)) S"));
    BOOST_TEST(mentions(text, "= w − (1/n) Σᵢ x⁽ⁱ⁾ = 0"));
    BOOST_TEST(mentions(text, "w⁽ⁿ⁾ = w*"));
    // Unicode throughout: outside the claim ids and proof paths (names a user types) and the JSON
    // answers, no underscore and no ASCII hyphen as a minus sign.
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::string prose;
        std::istringstream words(line);
        for (std::string word; words >> word;)
            if (word.rfind("Q", 0) != 0 && word.find("proofs/") == std::string::npos && word.rfind("[[", 0) != 0) prose += word + " ";
        BOOST_TEST(prose.find('_') == std::string::npos, line);
        for (std::size_t k = prose.find('-'); k != std::string::npos; k = prose.find('-', k + 1))
            BOOST_TEST(!(k + 1 < prose.size() && std::isdigit(static_cast<unsigned char>(prose[k + 1])) &&
                         (k == 0 || prose[k - 1] == ' ' || prose[k - 1] == '(')),
                       "an ASCII minus: " + line);
    }
    BOOST_TEST(mentions(text, "D* = p₍g₎/(p₍data₎ + p₍g₎)"), "a term with the factor 0 is left out");
    BOOST_TEST(mentions(text, "L₍rec₎ + L₍rea₎; it means L₍reg₎"));
    BOOST_TEST(mentions(text, "answer adj(E)·(E·x) − det(E)·x = 0 (expanded: 0 terms)"));
}

// The answers a student would give, not ncv's own: the paper's as its worked solutions print them,
// and a variant's worked out here from the definitions (B window by window, the counts by
// visiting every window, the gradients by the chain rule, each iterate as the running mean).
BOOST_AUTO_TEST_CASE(correct_answers_are_graded_correct) {
    const auto paper = paper_instance();
    const auto results = check_answers(paper, parse_json(R"({
        "Q1b.w1": [1], "Q1b.w2": ["1/2", "1/2"], "Q1b.w3": ["1/3", "1/3", "1/3"],
        "Q2a.B": [[-15, -5, 0], [15, -15, -5], [5, 15, -15]],
        "Q2b.counts": [[1, 2, 3, 2, 1], [2, 4, 6, 4, 2], [3, 6, 9, 6, 3], [2, 4, 6, 4, 2], [1, 2, 3, 2, 1]],
        "Q2c.df_dw11": -30, "Q2c.df_da11": 10})", "answers"));
    BOOST_TEST(results.size() == 7u);
    for (const auto& r : results) BOOST_TEST(r.correct, r.id << ": " << r.feedback);

    for (const std::uint64_t seed : {5u, 17u, 123u}) {
        const auto v = variant_instance(seed);
        ncv::dyn_matrix<exact> b(3, 3);
        for (std::size_t i = 0; i < 3; ++i)
            for (std::size_t j = 0; j < 3; ++j)
                for (std::size_t u = 0; u < 3; ++u)
                    for (std::size_t w = 0; w < 3; ++w) b(i, j) += v.a(i + u, j + w) * v.w(u, w);
        // Q2b: visit every window of the padded, strided A and count the visits to the element.
        const auto& q = *v.count;
        const std::size_t padded = 5 + 2 * q.options.padding;
        std::size_t count = 0;
        for (std::size_t top = 0; top + 3 <= padded; top += q.options.stride)
            for (std::size_t left = 0; left + 3 <= padded; left += q.options.stride)
                for (std::size_t u = 0; u < 3; ++u)
                    for (std::size_t w = 0; w < 3; ++w)
                        count += top + u == q.row + q.options.padding && left + w == q.col + q.options.padding;
        exact dw11 = 0;
        for (std::size_t i = 0; i < 3; ++i) dw11 += 2 * (b(i, i) - v.c(i, i)) * v.a(i, i);  // a_ii lies under w11 in window (i, i)
        const exact da11 = 2 * (b(0, 0) - v.c(0, 0)) * v.w(0, 0);                          // a11 lies only in window (1, 1), under w11
        boost::json::object answers{{"Q2a.B", write_matrix(b)}, {"Q2b.count", count},
                                    {"Q2c.df_dw11", write_number(dw11)}, {"Q2c.df_da11", write_number(da11)}};
        std::vector<exact> sum(v.points.at(0).size(), exact(0));
        for (std::size_t t = 1; t <= 3; ++t) {
            std::vector<exact> mean;
            for (std::size_t k = 0; k < sum.size(); ++k) {
                sum[k] += v.points[t - 1][k];
                mean.push_back(sum[k] / exact(t));
            }
            if (t > 1) answers["Q1b.w" + std::to_string(t)] = write_vector(mean);  // w(1) = x(1) is data, not asked
        }
        const auto graded = check_answers(v, answers);
        BOOST_TEST(graded.size() == 6u);
        for (const auto& r : graded) BOOST_TEST(r.correct, "seed " << seed << " " << r.id << ": " << r.feedback);
    }
}

BOOST_AUTO_TEST_CASE(each_likely_mistake_gets_its_feedback) {
    const auto paper = paper_instance();
    // The factor 2 of the square forgotten, and a sign error.
    BOOST_TEST(mentions(feedback_for(paper, R"({"Q2c.df_dw11": -15})"), "factor 2"));
    BOOST_TEST(mentions(feedback_for(paper, R"({"Q2c.df_da11": -10})"), "sign"));
    // ∂b/∂w taken from the wrong element: a_{i,i+1} instead of a_ii gives Σ 2(b_ii+10) a_{i,i+1} = −10(2+2+2).
    BOOST_TEST(mentions(feedback_for(paper, R"({"Q2c.df_dw11": -60})"), "aᵢᵢ (the element under w₁₁)"));
    // ∂b11/∂a11 with w12 = −1 happens to equal w11's value for the paper; with w22 = 8 it does not.
    BOOST_TEST(mentions(feedback_for(paper, R"({"Q2c.df_da11": -80})"), "w₁₁ (the weight over a₁₁)"));
    // η off by one.
    BOOST_TEST(mentions(feedback_for(paper, R"({"Q1b.w1": ["1/2"]})"), "off by one"));
    BOOST_TEST(mentions(feedback_for(paper, R"({"Q1b.w2": [0, 1]})"), "shrink"));
    // The window shifted by one.
    const auto padded = cross_correlate(paper.a, paper.w, {1, 1});
    ncv::dyn_matrix<exact> shifted(3, 3);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j) shifted(i, j) = padded(i + 1, j + 2);
    BOOST_TEST(mentions(feedback_for(paper, R"({"Q2a.B": )" + json_of(shifted) + "}"), "shifted by one"));
    // The kernel flipped, on a variant where that changes B.
    const auto v = lopsided_variant();
    BOOST_TEST(mentions(feedback_for(v, R"({"Q2a.B": )" + json_of(convolve(v.a, v.w, {0, 1})) + "}"), "turned the kernel"));
    // A plain slip: the first wrong entry is named.
    BOOST_TEST(mentions(feedback_for(paper, R"({"Q2a.B": [[-15,-5,0],[15,-15,-5],[5,15,-14]]})"), "Q2a.B(3,3) is wrong"));
    BOOST_TEST(mentions(feedback_for(paper, R"({"Q2b.counts": [[1,2]]})"), "expected 5x5"));
}

BOOST_AUTO_TEST_CASE(bad_answers_files) {
    const auto paper = paper_instance();
    BOOST_CHECK_THROW((void)check_answers(paper, parse_json(R"({"Q9.z": 1})", "answers")), input_error);
    BOOST_CHECK_THROW((void)check_answers(paper, parse_json(R"({"Q2c.df_dw11": "x"})", "answers")), input_error);
    BOOST_CHECK_THROW((void)check_answers(paper, parse_json(R"({"Q2c.df_dw11": 0.5})", "answers")), input_error);
    BOOST_CHECK_THROW((void)check_answers(paper, parse_json(R"([1])", "answers")), input_error);
    BOOST_CHECK_THROW((void)parse_seed("-3"), input_error);
    BOOST_CHECK_THROW((void)parse_seed("12x"), input_error);
    BOOST_CHECK_THROW((void)parse_seed("99999999999999999999999"), input_error);
    BOOST_CHECK_THROW((void)parse_variant_format("pdf"), input_error);
}

BOOST_AUTO_TEST_CASE(variants_are_deterministic_and_self_consistent) {
    const auto json = [](std::uint64_t seed) { return format_bank({variant_instance(seed)}, variant_format::json, false); };
    BOOST_TEST(json(42) == json(42));
    BOOST_TEST(json(42) != json(43));
    // Pinned: the generator is part of the format, the same on every platform.
    const auto v = variant_instance(7);
    BOOST_TEST(json_of(v.w) == "[[-2,-1,2],[-2,-2,0],[-2,0,1]]");
    const auto doc = parse_json(json(7), "variant");
    BOOST_TEST(doc.at("problem").at("Q2").at("given").at("b(1,3)") == doc.at("answers").at("Q2a.B").at(0).at(2));
    BOOST_TEST(doc.at("reading") == "cross-correlation");
    BOOST_TEST(mentions(format_bank({v}, variant_format::markdown, false), "## Solutions"));
    // The C++ proof is written by the same writer as `ncv prove`: one agrees per answer, each
    // problem in its own namespace, the variant's answer key as the claims.
    const auto cpp = format_bank({v}, variant_format::cpp, false);
    for (const std::string claim : {"B", "counts", "loss", "dW", "dA", "iterates", "final"})
        BOOST_TEST(mentions(cpp, "static_assert(agrees<\"" + claim + "\", "), claim);
    for (const std::string part : {"q2", "q2b", "q1b"}) BOOST_TEST(mentions(cpp, "namespace variant7_" + part + " {"));
    const auto dw11 = boost::json::serialize(doc.at("answers").at("Q2c.df_dw11"));
    BOOST_TEST(mentions(cpp, "claimed_dW({{number(" + dw11 + ")"), "the answer key's df_dw11 is the claimed dW[0][0]");
}

BOOST_AUTO_TEST_CASE(exit_statuses_of_the_binary) {
    BOOST_TEST(run_ncv("check", boost::json::serialize(write_grids(gradable_answers(paper_instance())))).status == 0);
    const auto wrong = run_ncv("check --format text", R"({"Q2c.df_dw11": -15})");
    BOOST_TEST(wrong.status == 1);
    BOOST_TEST(mentions(wrong.out, "score: 0/1"));
    const auto unknown = run_ncv("check", R"({"Q7": 1})");
    BOOST_TEST(unknown.status == 2);
    BOOST_TEST(unknown.out.empty());
    BOOST_TEST(unknown.err.rfind("ncv check: Q7:", 0) == 0u);
    BOOST_TEST(run_ncv("check --variant x", "{}").status == 2);
    BOOST_TEST(run_ncv("check --variant 3", boost::json::serialize(write_grids(gradable_answers(variant_instance(3))))).status == 0);
    BOOST_TEST(run_ncv("variant", "").status == 2);
    BOOST_TEST(run_ncv("variant --seed 1 --format pdf", "").status == 2);
    BOOST_TEST(run_ncv("report --format pdf", "").status == 2);
    const auto report = run_ncv("report --format markdown", "");
    BOOST_TEST(report.status == 0);
    BOOST_TEST(mentions(report.out, "# Neural Computation 2023"));
    for (const char* sub : {"report", "check", "variant", "conv", "sgd"})
        BOOST_TEST(mentions(run_ncv(std::string(sub) + " --help", "").out, "example:"));
}

// An instructor's own problem: the answers named as ncv conv and ncv sgd print them, graded
// against it, with the likely mistake found by solving the problem again the wrong way.
BOOST_AUTO_TEST_CASE(check_grades_answers_to_ones_own_problem) {
    const auto dir = std::filesystem::temp_directory_path() / ("ncv_check_problem_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    // W is not centrosymmetric, so the two readings of "convolution" differ.
    const std::string problem = R"({"A": [[1,2,3,4],[5,1,2,3],[4,5,1,2],[3,4,5,1]], "W": [[1,2],[0,-1]],
                                    "C": [[0,0,0],[0,0,0],[0,0,0]]})";
    std::ofstream(dir / "conv.json") << problem;
    const std::string conv = (dir / "conv.json").string();
    const auto right = boost::json::parse(run_ncv("conv", problem).out).as_object();
    const auto all = run_ncv("check --format text --problem " + conv, boost::json::serialize(right));
    BOOST_TEST(all.status == 0, all.out + all.err);
    BOOST_TEST(all.out == "correct  B: correct\ncorrect  counts: correct\ncorrect  loss: correct\ncorrect  dW: correct\n"
                          "correct  dA: correct\nscore: 5/5\n");

    // B of the other reading, dW without the factor 2, dA with the sign flipped: each named.
    auto turned = boost::json::parse(problem).as_object();
    turned["mode"] = "convolution";
    boost::json::object wrong;
    wrong["B"] = boost::json::parse(run_ncv("conv", boost::json::serialize(turned)).out).at("B");
    boost::json::array half, flipped;
    for (const auto& row : right.at("dW").as_array()) {
        boost::json::array r;
        for (const auto& x : row.as_array()) r.push_back(boost::json::string(ncv::tool::number_text(ncv::tool::read_number(x, "") / 2)));
        half.push_back(r);
    }
    for (const auto& row : right.at("dA").as_array()) {
        boost::json::array r;
        for (const auto& x : row.as_array()) r.push_back(ncv::tool::write_number(-ncv::tool::read_number(x, "")));
        flipped.push_back(r);
    }
    wrong["dW"] = half;
    wrong["dA"] = flipped;
    const auto graded = run_ncv("check --format text --problem " + conv, boost::json::serialize(wrong));
    BOOST_TEST(graded.status == 1, graded.out + graded.err);
    BOOST_TEST(mentions(graded.out, "wrong    B: B(1,1) is wrong (you wrote "));
    BOOST_TEST(mentions(graded.out, "you turned the kernel by 180 degrees: this problem is the cross-correlation"));
    BOOST_TEST(mentions(graded.out, "the factor 2 from differentiating the square (b − c)² is missing"));
    BOOST_TEST(mentions(graded.out, "the sign is wrong everywhere"));
    BOOST_TEST(mentions(graded.out, "score: 0/3"));

    // SGD: the step off by one (η_t = 1/(t+2)), computed here, is recognised.
    std::ofstream(dir / "sgd.json") << R"({"x": [[1, 2], [3, "1/2"], [5, 0]]})";
    const std::string sgd = (dir / "sgd.json").string();
    const auto off = run_ncv("check --format text --problem " + sgd, R"({"iterates": [["1/2",1],["4/3","5/6"],["9/4","5/8"]]})");
    BOOST_TEST(off.status == 1, off.out + off.err);
    BOOST_TEST(mentions(off.out, "iterates(1,1) is wrong (you wrote 1/2): the step size is off by one"), off.out);
    BOOST_TEST(run_ncv("check --problem " + sgd, R"({"final": [3, "5/6"], "mean": [3, "5/6"]})").status == 0);

    // Bad input: an answer the problem does not have, both sources of truth, a missing file.
    const auto unknown = run_ncv("check --problem " + conv, R"({"iterates": [1]})");
    BOOST_TEST(unknown.status == 2);
    BOOST_TEST(unknown.err == "ncv check: iterates: not an answer of this problem (its answers: B, counts, loss, dW, dA)\n");
    BOOST_TEST(run_ncv("check --problem " + conv + " --variant 3", R"({"B": 1})").err ==
               "ncv check: --problem: give --problem or --variant, not both\n");
    const auto missing = run_ncv("check --problem " + (dir / "none.json").string(), R"({"B": 1})");
    BOOST_TEST(missing.status == 2);
    BOOST_TEST(mentions(missing.err, "none.json: cannot open the file: No such file or directory"));
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
