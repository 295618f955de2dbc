// Tests `ncv sgd`: exact iterates, the fast path's fallback on overflow, custom steps, and every bad-input path.
#define BOOST_TEST_MODULE ncv_sgd
#include <boost/test/unit_test.hpp>

#include <string>

#include <boost/json.hpp>

#include "sgd_command.hpp"
#include "tool_test_support.hpp"

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

BOOST_AUTO_TEST_SUITE_END()
