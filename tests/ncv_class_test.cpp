// Tests `ncv check --class` and --tolerance: a class in CSV or JSON lines graded row by row, bad rows kept with their line, decimals by opt-in.
#define BOOST_TEST_MODULE ncv_class
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "csv_text.hpp"
#include "input_error.hpp"
#include "problem/class_roster.hpp"
#include "tool_test_support.hpp"

using namespace ncv::tool;

namespace {

std::filesystem::path write_file(const std::string& name, const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("ncv_class_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(path) << text;
    return path;
}

// The output's rows as cells, by the CSV reader the tests share with ncv (itself tested below).
std::vector<std::vector<std::string>> rows_of(const std::string& csv) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& record : read_csv(csv, "output")) rows.push_back(record.cells);
    return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ncv_class)

BOOST_AUTO_TEST_CASE(csv_as_rfc_4180_writes_it) {
    const auto records = read_csv("a,\"b, \"\"c\"\"\"\r\n\n\"x\ny\",z\n", "t");
    BOOST_TEST(records.size() == 2u);
    BOOST_TEST(records[0].cells == (std::vector<std::string>{"a", "b, \"c\""}), boost::test_tools::per_element());
    BOOST_TEST(records[1].line == 3u);
    BOOST_TEST(records[1].cells == (std::vector<std::string>{"x\ny", "z"}), boost::test_tools::per_element());
    BOOST_CHECK_THROW((void)read_csv("a,\"b\n", "t"), input_error);
    BOOST_TEST(csv_cell("plain") == "plain");
    BOOST_TEST(csv_cell("say \"hi\", then go") == "\"say \"\"hi\"\", then go\"");
}

// The paper for one row, a variant for another, a problem file for a class; the feedback of
// single grading in every row; one bad row reported with its line while the others are graded.
BOOST_AUTO_TEST_CASE(a_class_in_csv_is_graded_row_by_row) {
    const auto file = write_file("class.csv",
                                 "id,variant,Q2c.df_dw11,Q2c.df_da11,Q1b.w2,Q2a.B\n"
                                 "ada,,-30,10,,\n"
                                 "bob,,-15,10,,\n"
                                 "cy,7,-16,48,-2 5/2,\"-22 -6 -5; -15 -3 -9; -5 -21 -32\"\n"
                                 "eve,x,1,2,,\n"
                                 "fay,7,-16,48,\"[-2, \"\"5/2\"\"]\",\n");
    const auto run = run_ncv("check --class " + file.string(), "");
    BOOST_TEST(run.status == 2, "a bad row makes the status 2, the other rows still graded");
    const auto rows = rows_of(run.out);
    BOOST_REQUIRE(rows.size() == 6u);
    BOOST_TEST(rows[0] == (std::vector<std::string>{"id", "score", "tolerance", "Q2c.df_dw11", "Q2c.df_dw11 feedback", "Q2c.df_da11",
                                                    "Q2c.df_da11 feedback", "Q1b.w2", "Q1b.w2 feedback", "Q2a.B", "Q2a.B feedback", "error"}),
               boost::test_tools::per_element());
    BOOST_TEST(rows[1][1] == "2/4");
    BOOST_TEST(rows[1][2] == "exact");
    BOOST_TEST(rows[1][8] == "no answer");
    BOOST_TEST(rows[2][1] == "1/4");
    BOOST_TEST(rows[2][3] == "wrong");
    BOOST_TEST(rows[2][4].find("factor 2") != std::string::npos, rows[2][4]);
    BOOST_TEST(rows[3][1] == "4/4", "variant 7's answers, B as rows separated by semicolons");
    BOOST_TEST(rows[4][0] == "eve");
    BOOST_TEST(rows[4][11] == "line 5: variant: 'x' is not a variant's seed (a non-negative whole number below 2^64)");
    BOOST_TEST(rows[5][1] == "3/4", "a JSON array in a cell");
    BOOST_TEST(run.err == "ncv check: " + file.string() + ", line 5: variant: 'x' is not a variant's seed (a non-negative whole number below 2^64)\n");
    std::filesystem::remove(file);
}

BOOST_AUTO_TEST_CASE(json_lines_and_decimals_by_opt_in) {
    const auto file = write_file("class.jsonl", "{\"id\": \"g1\", \"Q2c.df_dw11\": -30.0}\n\n{\"id\": 7, \"variant\": 7, \"Q1b.w3\": [\"-3.3333\", 3]}\n");
    const auto exact = run_ncv("check --class " + file.string(), "");
    BOOST_TEST(exact.status == 2);
    auto rows = rows_of(exact.out);
    BOOST_REQUIRE(rows.size() == 3u);
    BOOST_TEST(rows[1][5].find("line 1: Q2c.df_dw11: a JSON number with a fraction") == 0u, rows[1][5]);
    BOOST_TEST(rows[1][5].find("--tolerance") != std::string::npos, "the refusal says how to allow decimals");
    BOOST_TEST(rows[2][0] == "7");
    BOOST_TEST(rows[2][1] == "0/1");
    BOOST_TEST(rows[2][4] == "Q1b.w3(1) is wrong (you wrote -33333/10000)");
    const auto within = run_ncv("check --class " + file.string() + " --tolerance 0.001", "");
    BOOST_TEST(within.status == 1, within.err);
    rows = rows_of(within.out);
    BOOST_TEST(rows[1][2] == "within 0.001", "the tolerance is stated in every row");
    BOOST_TEST(rows[1][3] == "right");
    BOOST_TEST(rows[2][5] == "right");
    std::filesystem::remove(file);
}

BOOST_AUTO_TEST_CASE(a_class_against_ones_own_problem) {
    const auto problem = write_file("problem.json", R"({"A": [[1,2],[3,4]], "W": [[1]], "C": [[0,0],[0,0]]})");
    const auto file = write_file("own.csv", "id,B,dW,variant\ns1,1 2; 3 4,60,\ns2,1 2; 3 5,60,\ns3,1 2; 3 4,60,3\n");
    const auto run = run_ncv("check --class " + file.string() + " --problem " + problem.string(), "");
    const auto rows = rows_of(run.out);
    BOOST_REQUIRE(rows.size() == 4u);
    BOOST_TEST(rows[1][1] == "2/2");
    BOOST_TEST(rows[2][1] == "1/2");
    BOOST_TEST(rows[2][4] == "B(2,2) is wrong (you wrote 5)");
    BOOST_TEST(rows[3][7] == "line 4: variant: given, but the class is graded against --problem");
    std::filesystem::remove(file);
    std::filesystem::remove(problem);
}

BOOST_AUTO_TEST_CASE(one_student_with_a_tolerance_and_the_float_message) {
    const auto refused = run_ncv("check", R"({"Q2c.df_dw11": -30.0})");
    BOOST_TEST(refused.status == 2);
    BOOST_TEST(refused.out.empty());
    BOOST_TEST(refused.err.find("; or let ncv check grade decimals within a tolerance: --tolerance 0.0001\n") != std::string::npos, refused.err);
    const auto allowed = run_ncv("check --tolerance 1/100 --variant 7", R"({"Q1b.w3": [-3.331, 3]})");
    BOOST_TEST(allowed.status == 0, allowed.out << allowed.err);
    BOOST_TEST(allowed.out.find("\"tolerance\":\"1/100\"") != std::string::npos, allowed.out);
    BOOST_TEST(run_ncv("check --variant 7", R"({"Q1b.w3": ["-3.331", 3]})").status == 1, "exact by default");
    BOOST_TEST(run_ncv("check --tolerance -1", "{}").err.rfind("ncv check: --tolerance:", 0) == 0u);
    BOOST_TEST(run_ncv("check --class --format text", "id\n").err == "ncv check: --format: --class writes CSV\n");
    BOOST_TEST(run_ncv("check --class", "name,Q2a.B\n").err.rfind("ncv check: input: line 1: the header has no id column", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
