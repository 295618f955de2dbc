// Tests `ncv sgd`: exact iterates, the fast path's fallback on overflow, custom steps, and every bad-input path.
#define BOOST_TEST_MODULE ncv_sgd
#include <boost/test/unit_test.hpp>

#include <string>

#include <boost/json.hpp>

#include "sgd_command.hpp"
#include "tool_test_support.hpp"
#include "worked_solutions.hpp"

namespace {

std::string solve(const std::string& text, bool final_only = false) {
    return boost::json::serialize(
        ncv::tool::solve_sgd(ncv::tool::read_sgd_request(ncv::tool::parse_json(text, "input")), final_only));
}

// The error message for a bad input, or "" if it was accepted.
std::string error_for(const std::string& text) {
    return input_error_of([&] { (void)solve(text); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ncv_sgd)

BOOST_AUTO_TEST_CASE(the_papers_iterates) {
    BOOST_TEST(solve(R"({"x": [[1, 2], [3, "1/2"], [5, 0]]})") ==
               R"({"iterates":[[1,2],[2,"5/4"],[3,"5/6"]],"mean":[3,"5/6"],"final_equals_mean":true})");
    BOOST_TEST(solve(R"({"x": [1, 2, 3, 4]})", true) == R"({"iterates":["5/2"],"mean":"5/2","final_equals_mean":true})");
}

BOOST_AUTO_TEST_CASE(custom_steps_and_start) {
    BOOST_TEST(solve(R"({"x": [1, 2, 3, 4], "steps": [1, "1/2", "1/2", "1/4"]})") ==
               R"({"iterates":[1,"3/2","9/4","43/16"],"mean":"5/2","final_equals_mean":false})");
    BOOST_TEST(solve(R"({"x": [[2], [4]], "w0": [100]})") ==
               R"({"iterates":[[2],[3]],"mean":[3],"final_equals_mean":true})");
}

BOOST_AUTO_TEST_CASE(beyond_64_bits_falls_back_to_unbounded_arithmetic) {
    BOOST_TEST(solve(R"({"x": ["9223372036854775807", "9223372036854775807", "1/3"]})", true) ==
               R"({"iterates":["55340232221128654843/9"],"mean":"55340232221128654843/9","final_equals_mean":true})");
}

BOOST_AUTO_TEST_CASE(bad_inputs_name_the_field) {
    const auto starts = check_names_field;
    starts(error_for(R"({})"), "x:");
    starts(error_for(R"({"x": []})"), "x:");
    starts(error_for(R"({"x": 3})"), "x:");
    starts(error_for(R"({"x": [[1, 2], [3]]})"), "x[1]:");
    starts(error_for(R"({"x": [[]]})"), "x[0]:");
    starts(error_for(R"({"x": [1, [2]]})"), "x[1]:");
    starts(error_for(R"({"x": [[1], 2]})"), "x[1]:");
    starts(error_for(R"({"x": [1, 0.5]})"), "x[1]:");
    starts(error_for(R"({"x": [[1, "a/b"]]})"), "x[0][1]:");
    starts(error_for(R"({"x": [1], "w0": [1, 2]})"), "w0:");
    starts(error_for(R"({"x": [1, 2], "steps": [1]})"), "steps:");
    starts(error_for(R"({"x": [1], "steps": ["1/0"]})"), "steps[0]:");
    starts(error_for(R"({"x": [1], "step": [1]})"), "step:");
    starts(error_for(R"("x")"), "input:");
}

// --explain: every step with its numbers, from the library's run.
BOOST_AUTO_TEST_CASE(explain_shows_every_step) {
    using namespace ncv::tool;
    const auto mentions = [](const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; };
    const auto text = explain_sgd(read_sgd_request(parse_json(R"({"x": [[1, 2], [3, "1/2"], [5, 0]]})", "input")),
                                  report_format::text);
    BOOST_TEST(mentions(text, "w⁽¹⁾ = w⁽⁰⁾ - η₀ (w⁽⁰⁾ - x⁽¹⁾) = (0, 0) - 1·((0, 0) - (1, 2)) = (1, 2)"));
    BOOST_TEST(mentions(text, "w⁽³⁾ = w⁽²⁾ - η₂ (w⁽²⁾ - x⁽³⁾) = (2, 5/4) - (1/3)·((2, 5/4) - (5, 0)) = (3, 5/6)"));
    BOOST_TEST(mentions(text, "(1/n)Σᵢ₌₁ⁿ x⁽ⁱ⁾ = (3, 5/6)"));
    BOOST_TEST(mentions(text, "The last iterate equals the mean of the points."));
    // One dimension, given steps, negative numbers parenthesised inside the step.
    const auto flat = explain_sgd(read_sgd_request(parse_json(R"({"x": [1, -3, "1/2"], "steps": [1, "1/2", "1/2"]})", "input")),
                                  report_format::markdown);
    BOOST_TEST(mentions(flat, "$w^{(3)} = w^{(2)} - \\eta_{2} (w^{(2)} - x^{(3)}) = (-1) - (1/2)\\cdot((-1) - (1/2)) = -1/4$"));
    BOOST_TEST(mentions(flat, "differs from the mean of the points (the step sizes are not 1/(t + 1))"));
    const auto refused = run_ncv("sgd --explain --final-only", R"({"x": [1]})");
    BOOST_TEST(refused.status == 2);
    BOOST_TEST(refused.err.rfind("ncv sgd: --final-only:", 0) == 0u);
    BOOST_TEST(run_ncv("sgd --format text", R"({"x": [1]})").status == 2);
    const auto latex = run_ncv("sgd --explain --format latex", R"({"x": [1]})");
    BOOST_TEST(latex.status == 0);
    BOOST_TEST(mentions(latex.out, "\\end{document}"));
}

BOOST_AUTO_TEST_SUITE_END()
