// Tests `ncv prove conv` and `ncv prove sgd` end to end: the unit each writes is compiled, and claims are proven or refuted by the compiler.
#define BOOST_TEST_MODULE ncv_prove
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
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
    BOOST_TEST(r.out == "refuted: dW(1,1) computed -30, claimed -31\n");
}

BOOST_AUTO_TEST_CASE(every_refuted_entry_gets_a_line_with_fractions) {
    const auto r = run_ncv("prove conv", R"({"A": [[1,2],[3,4]], "W": [["1/2"]], "C": [[0,0],[0,0]],
                                             "B": [["1/2",1],["3/2",3]], "loss": "15/2", "dA": [[0,0],[0,0]]})");
    BOOST_TEST(r.status == 1, r.out + r.err);
    BOOST_TEST(r.out == "refuted: B(2,2) computed 2, claimed 3\nrefuted: dA(1,1) computed 1/2, claimed 0\n"
                        "refuted: dA(1,2) computed 1, claimed 0\nrefuted: dA(2,1) computed 3/2, claimed 0\n"
                        "refuted: dA(2,2) computed 2, claimed 0\n");
}

BOOST_AUTO_TEST_CASE(many_refuted_entries_are_listed_up_to_twenty_then_counted) {
    // B and counts of a 6x6 problem claimed all zero: 72 wrong entries; the compiler names 16 of
    // each claim and counts the rest, ncv prints 20 in order and how many more.
    std::string zeros = "[", a = "[";
    for (int i = 0; i < 6; ++i) {
        zeros += std::string(i ? "," : "") + "[0,0,0,0,0,0]";
        a += std::string(i ? "," : "") + "[1,1,1,1,1,1]";
    }
    const auto r = run_ncv("prove conv", R"({"A": )" + a + R"(], "W": [[2]], "B": )" + zeros + R"(], "counts": )" + zeros + "]}");
    BOOST_TEST(r.status == 1, r.out + r.err);
    std::string expected;
    for (int k = 0; k < 16; ++k)
        expected += "refuted: B(" + std::to_string(k / 6 + 1) + "," + std::to_string(k % 6 + 1) + ") computed 2, claimed 0\n";
    for (int k = 0; k < 4; ++k) expected += "refuted: counts(1," + std::to_string(k + 1) + ") computed 1, claimed 0\n";
    BOOST_TEST(r.out == expected + "and 52 more refuted entries\n");
}

BOOST_AUTO_TEST_CASE(without_claims_ncv_proves_what_it_computes) {
    const auto r = run_ncv("prove conv", R"({"A": [[1,2,3],[4,5,6]], "W": [[1,"-1/3"]], "padding": 1, "stride": 2})");
    BOOST_TEST(r.status == 0, r.out + r.err);
    BOOST_TEST(r.out.rfind("proven: B, counts (", 0) == 0u, r.out);
}

BOOST_AUTO_TEST_CASE(emit_writes_the_unit_without_compiling) {
    const auto path = std::filesystem::temp_directory_path() / ("ncv_prove_test_emitted_" + std::to_string(::getpid()) + ".cpp");
    const auto r = run_ncv("prove conv --emit " + path.string(), with(R"("dW": [[-30,0,0],[0,0,0],[0,0,0]])"));
    BOOST_TEST(r.status == 0, r.out + r.err);
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    BOOST_TEST(text.str().find("static_assert(agrees<\"dW\", dW, claimed_dW>());") != std::string::npos);
    BOOST_TEST(text.str().find("number(-30)") != std::string::npos);
    // The unit's first comment gives the command that compiles it; run as written, it refutes the claim.
    std::string line;
    std::getline(text, line);
    std::getline(text, line);
    BOOST_TEST(line == "// Check it with:");
    std::getline(text, line);
    BOOST_REQUIRE(line.rfind("//   ", 0) == 0u);
    const int raw = std::system((line.substr(5) + " > /dev/null 2>&1").c_str());
    BOOST_TEST((WIFEXITED(raw) && WEXITSTATUS(raw) == 1), line);
    const auto fixed = run_ncv("prove conv --emit " + path.string(), with(""));
    BOOST_TEST(fixed.status == 0, fixed.out + fixed.err);
    BOOST_TEST(std::system((line.substr(5) + " > /dev/null 2>&1").c_str()) == 0, line);
    std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(an_unwritable_emit_is_a_write_error) {
    const auto full = run_ncv("prove conv --emit /dev/full", with(""));
    BOOST_TEST(full.status == 3, full.out + full.err);
    BOOST_TEST(full.err == "ncv prove: --emit: cannot write /dev/full: No space left on device\n");
    BOOST_TEST(full.out.empty());
    const auto nowhere = run_ncv("prove conv --emit /nonexistent/unit.cpp", with(""));
    BOOST_TEST(nowhere.status == 2, nowhere.out + nowhere.err);
    BOOST_TEST(nowhere.err == "ncv prove: --emit: cannot write /nonexistent/unit.cpp: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(without_a_writable_temporary_directory_the_reason_is_given) {
    for (const std::string& dir : {std::string("/nonexistent"), std::string("/etc/hostname")}) {
        const auto r = run_ncv("prove conv", with(""), "TMPDIR=" + dir);
        BOOST_TEST(r.status == 2, r.out + r.err);
        BOOST_TEST(r.out.empty());
        BOOST_TEST(r.err.rfind("ncv prove: TMPDIR: cannot create a directory in " + dir + ": ", 0) == 0u, r.err);
        BOOST_TEST(r.err.find("set TMPDIR to a writable directory\n") != std::string::npos, r.err);
    }
}

BOOST_AUTO_TEST_CASE(the_problem_word_is_required_before_any_input_is_read) {
    // The file named where the word belongs, or nothing at all: refused at once, whatever standard
    // input holds (at a terminal, reading it would look like a hang).
    const auto file = run_ncv("prove ok.json", "{ not json");
    BOOST_TEST(file.status == 2);
    BOOST_TEST(file.err == "ncv prove: problem: expected conv or sgd as the first word, found 'ok.json'\n");
    const auto none = run_ncv("prove", "{ not json");
    BOOST_TEST(none.status == 2);
    BOOST_TEST(none.err.rfind("ncv prove: problem: missing", 0) == 0u, none.err);
}

BOOST_AUTO_TEST_CASE(ctrl_c_while_compiling_exits_130_and_says_interrupted) {
    // A 40x40 problem takes the compiler seconds; SIGINT goes to the whole process group, as a
    // terminal's Ctrl-C does, once the compiler has started (its log file exists).
    const char* exe = std::getenv("NCV_EXE");
    BOOST_REQUIRE(exe != nullptr);
    const auto dir = std::filesystem::temp_directory_path() / ("ncv_prove_interrupt_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string a = "[", c = "[";
    for (int i = 0; i < 40; ++i) {
        a += std::string(i ? "," : "") + "[";
        for (int j = 0; j < 40; ++j) a += std::string(j ? "," : "") + std::to_string((i * 7 + j * 3) % 19 - 9);
        a += "]";
    }
    std::string zero_row = "[0";
    for (int j = 1; j < 36; ++j) zero_row += ",0";
    for (int i = 0; i < 36; ++i) c += std::string(i ? "," : "") + zero_row + "]";
    std::ofstream(dir / "big.json") << R"({"A": )" << a << R"(], "W": [[1,2,3,2,1],[0,1,0,1,0],[2,0,-1,0,2],[1,1,1,1,1],[3,0,0,0,3]],)"
                                    << R"( "C": )" << c << "]}";
    const pid_t child = ::fork();
    BOOST_REQUIRE(child >= 0);
    if (child == 0) {
        ::setpgid(0, 0);
        ::setenv("TMPDIR", dir.c_str(), 1);
        const std::string out = (dir / "out").string(), err = (dir / "err").string();
        if (std::freopen(out.c_str(), "w", stdout) == nullptr || std::freopen(err.c_str(), "w", stderr) == nullptr) ::_exit(99);
        ::execl(exe, exe, "prove", "conv", (dir / "big.json").c_str(), static_cast<char*>(nullptr));
        ::_exit(98);
    }
    ::setpgid(child, child);
    bool compiling = false;
    for (int k = 0; k < 600 && !compiling; ++k) {
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().filename().string().rfind("ncv-prove-", 0) == 0 && std::filesystem::exists(e.path() / "compiler0.txt"))
                compiling = true;
        if (!compiling) ::usleep(100000);
    }
    BOOST_TEST(compiling);
    ::usleep(200000);
    ::kill(-child, SIGINT);
    int raw = 0;
    ::waitpid(child, &raw, 0);
    const auto slurp = [](const std::filesystem::path& p) {
        std::stringstream s;
        s << std::ifstream(p).rdbuf();
        return s.str();
    };
    BOOST_TEST((WIFEXITED(raw) && WEXITSTATUS(raw) == 130), raw);
    BOOST_TEST(slurp(dir / "out").empty());
    BOOST_TEST(slurp(dir / "err") == "ncv prove: interrupted\n");
    std::size_t left = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) left += e.path().filename().string().rfind("ncv-prove-", 0) == 0;
    BOOST_TEST(left == 0u, "the scratch directory is removed");
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_before_compiling) {
    const auto refused = [](const std::string& arguments, const std::string& input, const std::string& field) {
        const auto r = run_ncv(arguments, input);
        BOOST_TEST(r.status == 2, input);
        BOOST_TEST(r.out.empty());
        BOOST_TEST(r.err.rfind("ncv prove: " + ncv::tool::field_label(field) + ":", 0) == 0u, r.err);
    };
    refused("prove conv", R"({"A": [[1]], "W": [[1]], "loss": 0})", "loss");
    refused("prove conv", with(R"("dW": [[1,2],[3,4]])"), "dW");
    refused("prove conv", with(R"("counts": [[1,2,3,2,1],[2,4,6,4,2],[3,6,9,6,3],[2,4,6,4,2],[1,2,3,2,"1/2"]])"),
            "counts[4][4]");
    refused("prove conv", R"({"A": [[10000000000000000000]], "W": [[1]]})", "A[0][0]");
    refused("prove svm", R"({"x": [1]})", "problem");
    refused("prove conv", R"({"A": [[1]]})", "W");
    refused("prove", R"({"A": [[1]], "W": [[1]]})", "problem");
    refused("prove {}", R"({"A": [[1]], "W": [[1]]})", "problem");
}

BOOST_AUTO_TEST_CASE(an_answer_beyond_64_bits_is_not_a_verdict) {
    // Each number fits 64 bits; B = 1.6·10¹⁹ does not: the proof cannot be written, and ncv says so.
    const auto r = run_ncv("prove conv", R"({"A": [[4000000000]], "W": [[4000000000]]})");
    BOOST_TEST(r.status == 4, r.out + r.err);
    BOOST_TEST(r.out.rfind("not proven: B(1,1) = 16000000000000000000 does not fit", 0) == 0u, r.out);
}

// SGD: the paper's running mean on the README's points; the iterates as `ncv sgd` prints them.
BOOST_AUTO_TEST_CASE(sgd_iterates_are_proven_or_refuted) {
    const std::string points = R"("x": [[1, 2], [3, "1/2"], [5, 0]])";
    const auto proven = run_ncv("prove sgd", "{" + points + R"(, "iterates": [[1,2],[2,"5/4"],[3,"5/6"]], "final": [3,"5/6"]})");
    BOOST_TEST(proven.status == 0, proven.out + proven.err);
    BOOST_TEST(proven.out.rfind("proven: iterates, final (", 0) == 0u, proven.out);
    const auto refuted = run_ncv("prove sgd", "{" + points + R"(, "iterates": [[1,2],[2,"5/4"],[3,"5/7"]], "final": [3,1]})");
    BOOST_TEST(refuted.status == 1, refuted.out + refuted.err);
    BOOST_TEST(refuted.out == "refuted: iterates(3,2) computed 5/6, claimed 5/7\nrefuted: final(2) computed 5/6, claimed 1\n");
    // One dimension, the user's step sizes: the entries are named as the input writes them.
    const auto flat = run_ncv("prove sgd", R"({"x": [1, 3, 2], "steps": [1, "1/2", "1/4"], "iterates": [1, 3, 2], "final": "7/4"})");
    BOOST_TEST(flat.status == 1, flat.out + flat.err);
    BOOST_TEST(flat.out == "refuted: iterates(2) computed 2, claimed 3\nrefuted: final computed 2, claimed 7/4\n");
    const auto bad = run_ncv("prove sgd", R"({"x": [1, 3], "iterates": [1]})");
    BOOST_TEST(bad.status == 2);
    BOOST_TEST(bad.err.rfind("ncv prove: iterates:", 0) == 0u, bad.err);
}

BOOST_AUTO_TEST_CASE(help_lists_the_claims_and_exit_statuses) {
    const auto r = run_ncv("prove --help", "");
    BOOST_TEST(r.status == 0);
    for (const char* part : {"B, counts", "loss, dW, dA", "iterates", "final", "1 a claim refuted", "2 bad input", "4 not proven",
                             "--emit", "130 interrupted", "count from 1", "$TMPDIR"})
        BOOST_TEST(r.out.find(part) != std::string::npos, part);
}

BOOST_AUTO_TEST_SUITE_END()
