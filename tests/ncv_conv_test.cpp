// Tests `ncv conv`: the exam's problem, exact output, and every bad-input path (exit status 2, one line, no output).
#define BOOST_TEST_MODULE ncv_conv
#include <boost/test/unit_test.hpp>

#include <string>


#include <boost/json.hpp>

#include "conv_command.hpp"
#include "tool_test_support.hpp"

namespace {

const std::string exam_problem =
    R"({"A": [[1,2,3,4,5],[5,1,2,3,4],[4,5,1,2,3],[3,4,5,1,2],[2,3,4,5,1]],
        "W": [[-1,-1,-1],[-1,8,-1],[-1,-1,-1]],
        "C": [[-10,0,0],[0,-10,0],[0,0,-10]], "mask": "diagonal"})";

boost::json::object solve(const std::string& text) {
    return ncv::tool::solve_conv(ncv::tool::read_conv_request(ncv::tool::parse_json(text, "input")));
}

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
    starts(error_for(R"({"A": [[1,2],[3]], "W": [[1]]})"), "A[1]:");
    starts(error_for(R"({"A": [], "W": [[1]]})"), "A:");
    starts(error_for(R"({"A": [[]], "W": [[1]]})"), "A[0]:");
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
    starts(error_for(R"({"A": [[0.5]], "W": [[1]]})"), "A[0][0]:");
    starts(error_for(R"({"A": [[1e3]], "W": [[1]]})"), "A[0][0]:");
    starts(error_for(R"({"A": [["1/0"]], "W": [[1]]})"), "A[0][0]:");
    starts(error_for(R"({"A": [["x"]], "W": [[1]]})"), "A[0][0]:");
    starts(error_for(R"({"A": [[true]], "W": [[1]]})"), "A[0][0]:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "C": [[1, 2]]})"), "C:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "C": [[1]], "mask": "upper"})"), "mask:");
    starts(error_for(R"({"A": [[1]], "W": [[1]], "C": [[1]], "mask": [[2]]})"), "mask[0][0]:");
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
    BOOST_TEST(bad.err.rfind("ncv conv: A[1]:", 0) == 0u);
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

BOOST_AUTO_TEST_SUITE_END()
