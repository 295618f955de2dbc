// Tests `ncv conv`: the exam's problem, exact output, and every bad-input path (exit status 2, one line, no output).
#define BOOST_TEST_MODULE ncv_conv
#include <boost/test/unit_test.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "answer_text.hpp"
#include "entry_name.hpp"
#include "exact_json.hpp"
#include "problem/conv.hpp"
#include "conv_by_definition.hpp"
#include "random_conv_problems.hpp"
#include "tool_test_support.hpp"
#include "worked_solutions.hpp"

namespace {

const std::string exam_problem =
    R"({"A": [[1,2,3,4,5],[5,1,2,3,4],[4,5,1,2,3],[3,4,5,1,2],[2,3,4,5,1]],
        "W": [[-1,-1,-1],[-1,8,-1],[-1,-1,-1]],
        "C": [[-10,0,0],[0,-10,0],[0,0,-10]], "mask": "diagonal"})";

boost::json::object solve(const std::string& text) {
    const auto answer = ncv::tool::solve_conv(ncv::tool::read_conv_request(ncv::tool::parse_json(text, "input")));
    return boost::json::parse(ncv::tool::answer_json(answer)).as_object();
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The error message for a bad input, or "" if it was accepted.
std::string error_for(const std::string& text) {
    return input_error_of([&] { (void)solve(text); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ncv_conv)

BOOST_AUTO_TEST_CASE(the_exam_problem) {
    const auto result = solve(exam_problem);
    BOOST_TEST(boost::json::serialize(result.at("B")) == "[[-15,-5,0],[15,-15,-5],[5,15,-15]]");
    BOOST_TEST(boost::json::serialize(result.at("counts")) ==
               "[[1,2,3,2,1],[2,4,6,4,2],[3,6,9,6,3],[2,4,6,4,2],[1,2,3,2,1]]");
    BOOST_TEST(result.at("loss").as_int64() == 75);
    BOOST_TEST(result.at("dW").as_array()[0].as_array()[0].as_int64() == -30);
    BOOST_TEST(result.at("dA").as_array()[0].as_array()[0].as_int64() == 10);
}

BOOST_AUTO_TEST_CASE(without_c_there_is_no_loss) {
    const auto result = solve(R"({"A": [[1,2],[3,4]], "W": [[1]]})");
    BOOST_TEST(!result.contains("loss"));
    BOOST_TEST(!result.contains("dW"));
    BOOST_TEST(boost::json::serialize(result.at("B")) == "[[1,2],[3,4]]");
}

BOOST_AUTO_TEST_CASE(rationals_decimals_and_huge_values_stay_exact) {
    const auto result = solve(R"({"A": [["1/3", "0.25"]], "W": [["3", "-4"]], "C": [["123456789012345678901234567890"]]})");
    BOOST_TEST(boost::json::serialize(result.at("B")) == "[[0]]");
    BOOST_TEST(boost::json::serialize(result.at("loss")) == R"("15241578753238836750495351562536198787501905199875019052100")");
    const auto fractional = solve(R"({"A": [["1/3"]], "W": [["1/2"]]})");
    BOOST_TEST(boost::json::serialize(fractional.at("B")) == R"([["1/6"]])");
}

BOOST_AUTO_TEST_CASE(padding_stride_and_the_true_convolution) {
    const auto cross = solve(R"({"A": [[1,2,3],[4,5,6],[7,8,9]], "W": [[1,0],[0,0]], "padding": 1, "stride": 2})");
    BOOST_TEST(boost::json::serialize(cross.at("B")) == "[[0,0],[0,5]]");
    const auto flipped = solve(R"({"A": [[1,2],[3,4]], "W": [[1,0],[0,0]], "mode": "convolution"})");
    BOOST_TEST(boost::json::serialize(flipped.at("B")) == "[[4]]");
}

BOOST_AUTO_TEST_CASE(bad_inputs_name_the_field) {
    const auto starts = check_names_field;
    starts(error_for(R"({"A": [[1,2],[3]], "W": [[1]]})"), "A[1] (JSON path):");
    starts(error_for(R"({"A": [], "W": [[1]]})"), "A:");
    starts(error_for(R"({"A": [[]], "W": [[1]]})"), "A[0] (JSON path):");
    starts(error_for(R"({"A": 3, "W": [[1]]})"), "A:");
    starts(error_for(R"({"W": [[1]]})"), "A:");
    starts(error_for(R"({"A": [[1]]})"), "W:");
    starts(error_for(R"({"A": [[1,2]], "W": [[1,2,3]]})"), "W:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "stride": 0})"), "stride:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "padding": -1})"), "padding:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "padding": 0.5})"), "padding:");
    // Found by the fuzzer: a huge padding must be refused, not allocated.
    starts(error_for(R"({"A": [[1,2,3,4,5,1]], "W": [[-1,-1]], "padding": 888888888888880, "stride": 2})"), "padding:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "padding": 18446744073709551615})"), "padding:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "padding": 5000})"), "padding:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "mode": "conv"})"), "mode:");
    starts(error_for(R"({"A": [[0.5]], "W": [[1]]})"), "A[0][0] (JSON path):");
    starts(error_for(R"({"A": [[1e3]], "W": [[1]]})"), "A[0][0] (JSON path):");
    starts(error_for(R"({"A": [["1/0"]], "W": [[1]]})"), "A[0][0] (JSON path):");
    starts(error_for(R"({"A": [["x"]], "W": [[1]]})"), "A[0][0] (JSON path):");
    starts(error_for(R"({"A": [[true]], "W": [[1]]})"), "A[0][0] (JSON path):");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "C": [[1, 2]]})"), "C:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "C": [[1]], "mask": "upper"})"), "mask:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "C": [[1]], "mask": [[2]]})"), "mask[0][0] (JSON path):");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "C": [[1]], "mask": [[1, 1]]})"), "mask:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "mask": "all"})"), "mask:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "strides": 2})"), "strides:");
    starts(error_for(R"([1, 2])"), "input:");
    starts(error_for(R"({"A": [[1]], )"), "input:");
}

BOOST_AUTO_TEST_CASE(the_binary_end_to_end) {
    const auto good = run_ncv("conv", exam_problem);
    BOOST_TEST(good.status == 0);
    BOOST_TEST(good.err.empty());
    BOOST_TEST(good.out.find("\"loss\":75") != std::string::npos);

    const auto bad = run_ncv("conv", R"({"A": [[1,2],[3]], "W": [[1]]})");
    BOOST_TEST(bad.status == 2);
    BOOST_TEST(bad.out.empty(), "no partial output");
    BOOST_TEST(bad.err.rfind("ncv conv: A[1] (JSON path):", 0) == 0u);
    BOOST_TEST(bad.err.find('\n') == bad.err.size() - 1, "exactly one line");

    const auto malformed = run_ncv("conv -", "{not json");
    BOOST_TEST(malformed.status == 2);
    BOOST_TEST(malformed.out.empty());

    const auto missing_file = run_ncv("conv /nonexistent/problem.json", "");
    BOOST_TEST(missing_file.status == 2);
    BOOST_TEST(missing_file.err.find("/nonexistent/problem.json") != std::string::npos);

    BOOST_TEST(run_ncv("frobnicate", "").status == 2);
    BOOST_TEST(run_ncv("conv --no-such-option", "").status == 2);
    const auto help = run_ncv("conv --help", "");
    BOOST_TEST(help.status == 0);
    BOOST_TEST(help.out.find("example:") != std::string::npos);
}

// --explain: the working of the user's problem, each line adding up to what the library computed.
BOOST_AUTO_TEST_CASE(explain_shows_windows_counts_loss_and_chain_rule) {
    using namespace ncv::tool;
    const auto request = read_conv_request(parse_json(exam_problem, "input"));
    const auto text = explain_conv(request, parse_gradient_entries({"dW(1,1)", "dA(1,1)", "dW(3,2)"}, request.problem),
                                   report_format::text);
    BOOST_TEST(mentions(text, "b₁₁ = a₁₁w₁₁ + a₁₂w₁₂ + a₁₃w₁₃ + a₂₁w₂₁ + a₂₂w₂₂ + a₂₃w₂₃ + a₃₁w₃₁ + a₃₂w₃₂ + a₃₃w₃₃ = "
                              "1·(−1) + 2·(−1) + 3·(−1) + 5·(−1) + 1·8 + 2·(−1) + 4·(−1) + 5·(−1) + 1·(−1) = −15"));
    BOOST_TEST(mentions(text, "Kernel rows landing on rows 1..5 of A: 1, 2, 3, 2, 1."));
    BOOST_TEST(mentions(text, "f = Σᵢⱼ mᵢⱼ(bᵢⱼ − cᵢⱼ)² = (−15 − (−10))² + (−15 − (−10))² + (−15 − (−10))² = 75"));
    BOOST_TEST(mentions(text, "∂f/∂w₁₁ = 2(b₁₁ − c₁₁) a₁₁ + 2(b₂₂ − c₂₂) a₂₂ + 2(b₃₃ − c₃₃) a₃₃ = "
                              "2(−15 − (−10))·1 + 2(−15 − (−10))·1 + 2(−15 − (−10))·1 = −30"));
    BOOST_TEST(mentions(text, "∂f/∂a₁₁ = 2(b₁₁ − c₁₁) w₁₁ = 2(−15 − (−10))·(−1) = 10"));
    BOOST_TEST(mentions(text, "∂f/∂w₃₂ = 2(b₁₁ − c₁₁) a₃₂ + 2(b₂₂ − c₂₂) a₄₃ + 2(b₃₃ − c₃₃) a₅₄ = "));
    BOOST_TEST(!mentions(text, "\\"), "plain text, no LaTeX");
    const auto md = explain_conv(request, {}, report_format::markdown);
    BOOST_TEST(mentions(md, "$b_{11} = a_{11}w_{11} + "));
    BOOST_TEST(!mentions(md, "\\partial f/\\partial w"), "no entry asked for, no chain rule");
    const auto tex = explain_conv(request, {}, report_format::latex);
    BOOST_TEST(mentions(tex, "\\documentclass{article}"));
    BOOST_TEST(mentions(tex, "\\end{document}"));
    // Without a target there is no loss and no gradient.
    const auto plain_b = explain_conv(read_conv_request(parse_json(R"({"A": [[1,2],[3,4]], "W": [[2]]})", "input")), {},
                                      report_format::text);
    BOOST_TEST(mentions(plain_b, "b₂₂ = a₂₂w₁₁ = 4·2 = 8"));
    BOOST_TEST(!mentions(plain_b, "The loss"));
}

// Padding, stride, the true convolution and two-digit indices: windows and terms come from the
// convolution itself; an index beyond 9 is written with a comma.
BOOST_AUTO_TEST_CASE(explain_follows_padding_stride_and_the_turned_kernel) {
    using namespace ncv::tool;
    const auto request = read_conv_request(parse_json(
        R"({"A": [[1,2],[3,4]], "W": [[1,2],[3,5]], "padding": 1, "stride": 2, "mode": "convolution", "C": [[0,0],[0,0]]})",
        "input"));
    const auto text = explain_conv(request, parse_gradient_entries({"dA(2,2)"}, request.problem), report_format::text);
    // b11's window is a11 alone under the turned kernel's last element, w11.
    BOOST_TEST(mentions(text, "b₁₁ = a₁₁w₁₁ = 1·1 = 1"));
    BOOST_TEST(mentions(text, "b₂₂ = a₂₂w₂₂ = 4·5 = 20"));
    BOOST_TEST(mentions(text, "∂f/∂a₂₂ = 2(b₂₂ − c₂₂) w₂₂ = 2(20 − 0)·5 = 200"));
    std::string wide = R"({"A": [)";
    for (int i = 0; i < 10; ++i) wide += std::string(i ? "," : "") + "[1,1,1,1,1,1,1,1,1,1]";
    const auto wide_text = explain_conv(read_conv_request(parse_json(wide + R"(], "W": [[1]]})", "input")), {}, report_format::text);
    BOOST_TEST(mentions(wide_text, "b_(10,10) = a_(10,10)w₁₁ = 1·1 = 1"));
}

// The value at the end of each line of working (every window of B, the loss, every entry of both
// gradients) against the problem solved from the definitions, without the library
// (conv_by_definition.hpp).
namespace {

using exact = ncv::tool::exact;
using ncv_test::by_definition;

// The 0-based (row, column) of a 1-based subscript as the working writes it: "23" or "10,3".
std::pair<std::size_t, std::size_t> subscript(const std::string& text) {
    const auto comma = text.find(',');
    if (comma == std::string::npos) return {std::stoul(text.substr(0, 1)) - 1, std::stoul(text.substr(1)) - 1};
    return {std::stoul(text.substr(0, comma)) - 1, std::stoul(text.substr(comma + 1)) - 1};
}

}  // namespace

BOOST_AUTO_TEST_CASE(explain_adds_up_to_the_definitions_on_random_problems) {
    using namespace ncv::tool;
    random_conv_problems random(4242);
    for (int trial = 0; trial < 300; ++trial) {
        const conv_request request{random.problem(), true};
        const auto& q = request.problem;
        const auto ref = by_definition(q);
        const auto entries = parse_gradient_entries({"dW", "dA"}, q);
        const std::string text = explain_conv(request, entries, report_format::latex);
        std::size_t windows = 0, gradients = 0, losses = 0;
        std::istringstream lines(text);
        for (std::string l; std::getline(lines, l);) {
            // $b_{ij} = … = v$, $f = … = v$, $\partial f/\partial w_{ij} = … = v$ (or a_{ij}); v ends the line.
            const auto starts = [&](const std::string& prefix) { return l.rfind(prefix, 0) == 0; };
            const bool window = starts("$b_{"), loss = starts("$f = "), dw = starts("$\\partial f/\\partial w_{"),
                       da = starts("$\\partial f/\\partial a_{");
            if (!(window || loss || dw || da) || l.back() != '$') continue;
            const std::size_t last = l.rfind(" = ");
            const exact value = read_number(boost::json::value(l.substr(last + 3, l.size() - last - 4)), "working");
            if (loss) {
                BOOST_TEST(value == ref.loss, l);
                ++losses;
                continue;
            }
            const std::size_t open = l.find("_{") + 2;
            const auto [i, j] = subscript(l.substr(open, l.find('}', open) - open));
            const auto& expected = window ? ref.b : dw ? ref.dw : ref.da;
            BOOST_TEST(value == expected(i, j), l);
            (window ? windows : gradients) += 1;
        }
        BOOST_TEST(windows == ref.b.rows() * ref.b.cols());
        BOOST_TEST(gradients == entries.size());
        BOOST_TEST(losses == 1u);
    }
}

BOOST_AUTO_TEST_CASE(explain_options_are_checked) {
    const auto explained = run_ncv("conv --explain --format markdown --entry 'dW(2,2)'", exam_problem);
    BOOST_TEST(explained.status == 0);
    BOOST_TEST(mentions(explained.out, "$\\partial f/\\partial w_{22} = "));
    const auto refused = [](const std::string& arguments, const std::string& input, const std::string& message) {
        const auto r = run_ncv(arguments, input);
        BOOST_TEST(r.status == 2, arguments);
        BOOST_TEST(r.out.empty(), arguments);
        BOOST_TEST(r.err.rfind("ncv conv: " + message, 0) == 0u, r.err);
    };
    refused("conv --explain --entry 'dW(4,1)'", exam_problem, "--entry: dW(4,1) is outside W, whose entries run from dW(1,1) to dW(3,3)");
    refused("conv --explain --entry 'dX(1,1)'", exam_problem, "--entry: expected dW(i,j), dA(i,j), dW or dA, counting from 1");
    refused("conv --explain --entry 'dW(1)'", exam_problem, "--entry: expected dW(i,j)");
    refused("conv --explain --entry 'dW(0,1)'", exam_problem, "--entry: expected dW(i,j)");
    // The JSON index, from 0, is not an entry's name: refused with the convention, not read another way.
    refused("conv --explain --entry 'dW[0][0]'", exam_problem, "--entry: expected dW(i,j), dA(i,j), dW or dA, counting from 1 "
                                                               "as the paper's w11 (dW(1,1)), found 'dW[0][0]'");
    refused("conv --explain --entry dW", R"({"A": [[1]], "W": [[1]]})", "--entry: a gradient needs the loss");
    refused("conv --entry dW", exam_problem, "--entry: only with --explain");
    refused("conv --format latex", exam_problem, "--format: only with --explain");
    refused("conv --explain --format json", exam_problem, "--format: expected text, markdown or latex");
}

// The fast tiers of `ncv conv` (64-bit integers, 64-bit rationals) against the unbounded one.
namespace {

// The binary's route: one reading, A, W and C typed where they are integers, on the tiers.
std::string fast_answer(const std::string& text) { return ncv::tool::answer_json(ncv::tool::solve_conv(text, "input")); }
std::string unbounded_answer(const std::string& text) {
    return ncv::tool::answer_json(ncv::tool::solve_conv(ncv::tool::read_conv_request(ncv::tool::parse_json(text, "input"))));
}

std::string json_matrix(const ncv::dyn_matrix<ncv::tool::exact>& m) { return boost::json::serialize(ncv::tool::write_matrix(m)); }

}  // namespace

// An overflow of the 64-bit path, wherever it happens, restarts on cpp_rational: the first, a
// middle and the last entry of B, the loss, the last entry of dA, and a fraction's denominator.
BOOST_AUTO_TEST_CASE(an_overflow_anywhere_gives_the_unbounded_answer) {
    const std::string big = "4611686018427387904";  // 2^62: doubled, it no longer fits
    const auto with_big_at = [&](int at) {
        std::string a = "[";
        for (int k = 0; k < 9; ++k) a += std::string(k ? "," : "") + (k % 3 == 0 ? "[" : "") + (k == at ? big : "1") + (k % 3 == 2 ? "]" : "");
        return R"({"A": )" + a + R"(], "W": [[2]], "C": [[0,0,0],[0,0,0],[0,0,0]]})";
    };
    for (const int at : {0, 4, 8}) {
        const std::string problem = with_big_at(at);
        BOOST_TEST(fast_answer(problem) == unbounded_answer(problem), "2^62 at " << at);
        BOOST_TEST(mentions(fast_answer(problem), "9223372036854775808"), "2^63 in B, written exactly");
    }
    // Without C: only B and the counts, restarted on cpp_rational whole.
    const std::string without_c = R"({"A": [["4611686018427387904", -9, "4/3"]], "W": [[-3, 0, -2]], "stride": 2})";
    BOOST_TEST(fast_answer(without_c) == unbounded_answer(without_c));
    BOOST_TEST(fast_answer(without_c) == R"({"B":[["-41505174165846491144/3"]],"counts":[[1,1,1]]})");
    // B fits, the loss (a sum of squares of 2^32-sized differences) does not.
    const std::string loss = R"({"A": [[4294967296, 4294967296]], "W": [[1]], "C": [[-4294967296, 0]]})";
    BOOST_TEST(fast_answer(loss) == unbounded_answer(loss));
    BOOST_TEST(mentions(fast_answer(loss), R"("loss":"92233720368547758080")"));
    // B, the loss and dW fit (b − c = 1, A is 0); only the last entry of dA, 2 (b − c) w_22 = 2^63, does not.
    const std::string corner = R"({"A": [[0, 0], [0, 0]], "W": [[1, 1], [1, 4611686018427387904]], "C": [[-1]]})";
    BOOST_TEST(fast_answer(corner) == unbounded_answer(corner));
    BOOST_TEST(mentions(fast_answer(corner), R"("loss":1,"dW":[[0,0],[0,0]],"dA":[[2,2],[2,"9223372036854775808"]])"));
    // The rational tier: denominators whose product leaves 64 bits.
    const std::string fractions = R"({"A": [["1/3037000493", "1/3037000453"]], "W": [[1]], "C": [[0, 0]]})";
    BOOST_TEST(fast_answer(fractions) == unbounded_answer(fractions));
}

// 1,000 random problems (shapes, padding, stride, mask, both readings), half with integer data
// (the integer tier) and half with fractions (the rational tier): the answer equals cpp_rational's.
BOOST_AUTO_TEST_CASE(fast_tiers_agree_with_cpp_rational_on_random_problems) {
    random_conv_problems random(777);
    for (int trial = 0; trial < 1'000; ++trial) {
        auto p = random.problem();
        if (trial % 2 == 0)  // denominators are at most 4: times 12, every entry is an integer
            for (auto* m : {&p.input, &p.kernel, &p.target})
                for (std::size_t i = 0; i < m->rows(); ++i)
                    for (std::size_t j = 0; j < m->cols(); ++j) (*m)(i, j) *= 12;
        ncv::dyn_matrix<ncv::tool::exact> mask(p.mask.rows(), p.mask.cols());
        for (std::size_t i = 0; i < mask.rows(); ++i)
            for (std::size_t j = 0; j < mask.cols(); ++j) mask(i, j) = p.mask(i, j);
        const std::string problem = R"({"A": )" + json_matrix(p.input) + R"(, "W": )" + json_matrix(p.kernel) + R"(, "C": )" +
                                    json_matrix(p.target) + R"(, "mask": )" + json_matrix(mask) +
                                    R"(, "padding": )" + std::to_string(p.options.padding) + R"(, "stride": )" +
                                    std::to_string(p.options.stride) + R"(, "mode": )" +
                                    (p.mode == ncv::conv_mode::convolution ? R"("convolution")" : R"("cross-correlation")") + "}";
        BOOST_TEST(fast_answer(problem) == unbounded_answer(problem), problem);
    }
}

// The binary's reading (A, W and C typed where they are integers, the rest DOM values) gives the
// answer of a reading that keeps every member as a DOM value, byte for byte, and on bad input its
// error, word for word.
BOOST_AUTO_TEST_CASE(the_typed_reading_agrees_with_the_dom) {
    const auto streamed = [](const std::string& text) { return fast_answer(text); };
    // Every member a DOM value, on the tiers.
    const auto dom = [](const std::string& text) {
        return ncv::tool::answer_json(ncv::tool::solve_conv(ncv::tool::document_of(ncv::tool::parse_json(text, "input"))));
    };
    BOOST_TEST((streamed(exam_problem) == dom(exam_problem)));
    random_conv_problems random(99);
    for (int trial = 0; trial < 300; ++trial) {
        auto p = random.problem();
        for (auto* m : {&p.input, &p.kernel, &p.target})
            for (std::size_t i = 0; i < m->rows(); ++i)
                for (std::size_t j = 0; j < m->cols(); ++j) (*m)(i, j) *= 12;  // integers: denominators are at most 4
        const bool with_loss = trial % 3 != 0;
        const std::string text = R"({"stride": )" + std::to_string(p.options.stride) + R"(, "A": )" + json_matrix(p.input) +
                                 R"(, "W": )" + json_matrix(p.kernel) + R"(, "padding": )" + std::to_string(p.options.padding) +
                                 (with_loss ? R"(, "C": )" + json_matrix(p.target) + (trial % 2 ? R"(, "mask": "diagonal")" : "") : "") +
                                 (p.mode == ncv::conv_mode::convolution ? R"(, "mode": "convolution")" : "") + "}";
        BOOST_TEST(streamed(text) == dom(text), text);
    }
    // An answer beyond 64 bits (B, or only the loss or a gradient): the problem read is solved
    // again on cpp_rational, without reading the text a second time.
    for (const std::string beyond : {R"({"A": [[4611686018427387904]], "W": [[2]]})",
                                     R"({"A": [[4611686018427387904, 1]], "W": [[2]], "stride": 2})",
                                     R"({"A": [[4294967296, 4294967296]], "W": [[1]], "C": [[-4294967296, 0]]})"})
        BOOST_TEST(streamed(beyond) == unbounded_answer(beyond), beyond);
    // Members kept as DOM values, and bad input: fractions, strings in a matrix, a mask matrix,
    // numbers beyond 64 bits as input, duplicates, unknown fields, ragged or empty rows, floats, a
    // byte order mark, an integer matrix turning into something else after some rows.
    for (const std::string other :
         {R"({"A": [["1/2"]], "W": [[1]]})", R"({"A": [[1]], "W": [[1]], "C": [[1]], "mask": [[1]]})",
          R"({"A": [[18446744073709551615]], "W": [[1]]})",
          R"({"A": [[1]], "A": [[2]], "W": [[1]]})", R"({"A": [[1]], "W": [[1]], "strides": 2})", R"({"A": [[1,2],[3]], "W": [[1]]})",
          R"({"A": [[]], "W": [[1]]})", R"({"A": [[1.5]], "W": [[1]]})", "\xEF\xBB\xBF" R"({"A": [[1]], "W": [[1]]})",
          R"({"A": [[1]]})", R"([1])", R"({"A": [[1]], "W": [[1]])",
          R"({"A": [[1]], "W": [[1]]} trailing)", R"({"A": [[1, 2], [3, 4], [5, "6"]], "W": [[1]]})",
          R"({"A": [[1, 2], [3, 4], 5], "W": [[1]]})", R"({"A": [[1, 2], [3, 4]], "W": [[1]], "C": [[1, 2], [3, {"a": 1}]]})"})
        BOOST_TEST(answer_or_error([&] { return streamed(other); }) == answer_or_error([&] { return dom(other); }), other);
    // Errors found after A and W were read (options, shapes, C): the binary prints exactly the
    // message of the DOM reading.
    for (const std::string bad :
         {R"({"A": [[1]], "W": [[1]], "stride": 0})", R"({"A": [[1]], "W": [[1]], "padding": "1/2"})",
          R"({"A": [[1,2]], "W": [[1,2,3]]})", R"({"A": [[1]], "W": [[1]], "C": [[1, 2]]})",
          R"({"A": [[1]], "W": [[1]], "mask": "all"})", R"({"A": [[1]], "W": [[1]], "C": [[1]], "mask": "upper"})",
          R"({"A": [[1]], "W": [[1]], "mode": "conv"})", R"({"A": [[1]], "W": [[1]], "padding": 5000})",
          // found by the fuzzer: a valid document followed by more text is malformed JSON, not a problem
          R"({"A": [[1,2,3,4,5,1]], "W": [[-1,-1]], "padding": 888888888888880, "mode": "con"}lution"})"}) {
        const auto r = run_ncv("conv", bad);
        BOOST_TEST(r.status == 2, bad);
        BOOST_TEST(r.err == "ncv conv: " + error_for(bad) + "\n", bad);
        BOOST_TEST(r.out.empty(), bad);
    }
}

// Every subcommand names an entry from 1, as dW(1,2); --entry reads back exactly what is written.
BOOST_AUTO_TEST_CASE(entry_names_read_back) {
    for (std::size_t i = 0; i < 12; ++i)
        for (std::size_t j = 0; j < 12; ++j) {
            const auto read = ncv::tool::parse_entry_name(ncv::tool::entry_name("dW", i, j), "dW");
            BOOST_TEST((read && read->first == i && read->second == j), ncv::tool::entry_name("dW", i, j));
        }
    BOOST_TEST(ncv::tool::entry_name("final", 1) == "final(2)");
    BOOST_TEST((ncv::tool::parse_entry_name("dA(2, 3)", "dA") == std::pair<std::size_t, std::size_t>{1, 2}));
    for (const char* bad : {"dW(0,1)", "dW(1,)", "dW(01,1)", "dW(1,1", "dW1,1)", "dW(1;1)", "dW[0][0]", "dA(1,1)", "dW(-1,1)"})
        BOOST_TEST(!ncv::tool::parse_entry_name(bad, "dW").has_value(), bad);
}

BOOST_AUTO_TEST_SUITE_END()
