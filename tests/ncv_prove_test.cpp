// Tests `ncv prove conv` and `ncv prove sgd` end to end: the unit each writes is compiled, and claims are proven or refuted by the compiler.
#define BOOST_TEST_MODULE ncv_prove
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <boost/json.hpp>

#include "answer_text.hpp"
#include "problem/conv.hpp"
#include "tool_test_support.hpp"

namespace {

// The paper's Q2: A, W, C and the diagonal mask.
const std::string paper_problem =
    R"("A": [[1,2,3,4,5],[5,1,2,3,4],[4,5,1,2,3],[3,4,5,1,2],[2,3,4,5,1]], "W": [[-1,-1,-1],[-1,8,-1],[-1,-1,-1]],
       "C": [[-10,0,0],[0,-10,0],[0,0,-10]], "mask": "diagonal")";

std::string with(const std::string& claims) { return "{" + paper_problem + (claims.empty() ? "" : ", " + claims) + "}"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(ncv_prove)

BOOST_AUTO_TEST_CASE(the_papers_answers_are_proven) {
    const auto r = run_ncv("prove conv", with(R"("B": [[-15,-5,0],[15,-15,-5],[5,15,-15]], "loss": 75)"));
    BOOST_TEST(r.status == 0, r.out + r.err);
    BOOST_TEST(r.out.rfind("proven: B, counts, loss, dW, dA (", 0) == 0u, r.out);
    BOOST_TEST(r.err.empty());
}

BOOST_AUTO_TEST_CASE(a_wrong_claim_is_refuted_naming_entry_and_both_values) {
    // ∂f/∂w11 is −30 (the paper's answer): claiming −31 is refused by the compiler.
    auto dw = boost::json::parse(ncv::tool::answer_json(ncv::tool::solve_conv(ncv::tool::read_conv_request(boost::json::parse(with(""))))))
                  .at("dW");
    BOOST_TEST(boost::json::serialize(dw.as_array()[0].as_array()[0]) == "-30");
    dw.as_array()[0].as_array()[0] = -31;
    const auto r = run_ncv("prove conv", with("\"dW\": " + boost::json::serialize(dw)));
    BOOST_TEST(r.status == 1, r.out + r.err);
    BOOST_TEST(r.out == "refuted: dW[0][0] computed -30, claimed -31\n");
}

BOOST_AUTO_TEST_CASE(every_refuted_claim_gets_a_line_with_fractions) {
    const auto r = run_ncv("prove conv", R"({"A": [[1,2],[3,4]], "W": [["1/2"]], "C": [[0,0],[0,0]],
                                             "B": [["1/2",1],["3/2",3]], "loss": "15/2", "dA": [[0,0],[0,0]]})");
    BOOST_TEST(r.status == 1, r.out + r.err);
    BOOST_TEST(r.out == "refuted: B[1][1] computed 2, claimed 3\nrefuted: dA[0][0] computed 1/2, claimed 0\n");
}

BOOST_AUTO_TEST_CASE(without_claims_ncv_proves_what_it_computes) {
    const auto r = run_ncv("prove conv", R"({"A": [[1,2,3],[4,5,6]], "W": [[1,"-1/3"]], "padding": 1, "stride": 2})");
    BOOST_TEST(r.status == 0, r.out + r.err);
    BOOST_TEST(r.out.rfind("proven: B, counts (", 0) == 0u, r.out);
}

BOOST_AUTO_TEST_CASE(emit_writes_the_unit_without_compiling) {
    const auto path = std::filesystem::temp_directory_path() / "ncv_prove_test_emitted.cpp";
    const auto r = run_ncv("prove conv --emit " + path.string(), with(R"("dW": [[-30,0,0],[0,0,0],[0,0,0]])"));
    BOOST_TEST(r.status == 0, r.out + r.err);
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    std::filesystem::remove(path);
    BOOST_TEST(text.str().find("static_assert(agrees<\"dW\", dW, claimed_dW>());") != std::string::npos);
    BOOST_TEST(text.str().find("number(-30)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_before_compiling) {
    const auto refused = [](const std::string& arguments, const std::string& input, const std::string& field) {
        const auto r = run_ncv(arguments, input);
        BOOST_TEST(r.status == 2, input);
        BOOST_TEST(r.out.empty());
        BOOST_TEST(r.err.rfind("ncv prove: " + field + ":", 0) == 0u, r.err);
    };
    refused("prove conv", R"({"A": [[1]], "W": [[1]], "loss": 0})", "loss");
    refused("prove conv", with(R"("dW": [[1,2],[3,4]])"), "dW");
    refused("prove conv", with(R"("counts": [[1,2,3,2,1],[2,4,6,4,2],[3,6,9,6,3],[2,4,6,4,2],[1,2,3,2,"1/2"]])"),
            "counts[4][4]");
    refused("prove conv", R"({"A": [[10000000000000000000]], "W": [[1]]})", "A[0][0]");
    refused("prove svm", R"({"x": [1]})", "problem");
    refused("prove conv", R"({"A": [[1]]})", "W");
    refused("prove", R"({"A": [[1]], "W": [[1]]})", "problem");
}

BOOST_AUTO_TEST_CASE(an_answer_beyond_64_bits_is_not_a_verdict) {
    // Each number fits 64 bits; B = 1.6·10¹⁹ does not: the proof cannot be written, and ncv says so.
    const auto r = run_ncv("prove conv", R"({"A": [[4000000000]], "W": [[4000000000]]})");
    BOOST_TEST(r.status == 4, r.out + r.err);
    BOOST_TEST(r.out.rfind("not proven: B[0][0] = 16000000000000000000 does not fit", 0) == 0u, r.out);
}

// SGD: the paper's running mean on the README's points; the iterates as `ncv sgd` prints them.
BOOST_AUTO_TEST_CASE(sgd_iterates_are_proven_or_refuted) {
    const std::string points = R"("x": [[1, 2], [3, "1/2"], [5, 0]])";
    const auto proven = run_ncv("prove sgd", "{" + points + R"(, "iterates": [[1,2],[2,"5/4"],[3,"5/6"]], "final": [3,"5/6"]})");
    BOOST_TEST(proven.status == 0, proven.out + proven.err);
    BOOST_TEST(proven.out.rfind("proven: iterates, final (", 0) == 0u, proven.out);
    const auto refuted = run_ncv("prove sgd", "{" + points + R"(, "iterates": [[1,2],[2,"5/4"],[3,"5/7"]], "final": [3,1]})");
    BOOST_TEST(refuted.status == 1, refuted.out + refuted.err);
    BOOST_TEST(refuted.out == "refuted: iterates[2][1] computed 5/6, claimed 5/7\nrefuted: final[1] computed 5/6, claimed 1\n");
    // One dimension, the user's step sizes: the entries are named as the input writes them.
    const auto flat = run_ncv("prove sgd", R"({"x": [1, 3, 2], "steps": [1, "1/2", "1/4"], "iterates": [1, 3, 2], "final": "7/4"})");
    BOOST_TEST(flat.status == 1, flat.out + flat.err);
    BOOST_TEST(flat.out == "refuted: iterates[1] computed 2, claimed 3\nrefuted: final computed 2, claimed 7/4\n");
    const auto bad = run_ncv("prove sgd", R"({"x": [1, 3], "iterates": [1]})");
    BOOST_TEST(bad.status == 2);
    BOOST_TEST(bad.err.rfind("ncv prove: iterates:", 0) == 0u, bad.err);
}

BOOST_AUTO_TEST_CASE(help_lists_the_claims_and_exit_statuses) {
    const auto r = run_ncv("prove --help", "");
    BOOST_TEST(r.status == 0);
    for (const char* part : {"B, counts", "loss, dW, dA", "iterates", "final", "1 a claim refuted", "2 bad input", "4 not proven",
                             "--emit"})
        BOOST_TEST(r.out.find(part) != std::string::npos, part);
}

BOOST_AUTO_TEST_SUITE_END()
