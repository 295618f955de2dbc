// Tests ncv::tool::read_problem, the one reader of JSON input: what it types and keeps equals boost::json::parse's DOM.
#define BOOST_TEST_MODULE problem_document
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "input_error.hpp"
#include "problem_document.hpp"

namespace {

using ncv::tool::read_problem;

// Random JSON: integer matrices and lists that turn into something else at a random place
// (a fraction, a float, a huge number, a ragged or empty row, a nested object), and other members.
class random_documents {
public:
    explicit random_documents(unsigned seed) : engine_(seed) {}

    std::string document() {
        std::string text = "{";
        const std::vector<std::string> names{"A", "W", "x", "w0", "other"};
        const int members = pick(1, 5);
        for (int m = 0; m < members; ++m) text += (m ? ", \"" : "\"") + names[static_cast<std::size_t>(m)] + "\": " + value(0);
        return text + "}";
    }

private:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(engine_); }
    std::string number() {
        switch (pick(0, 11)) {
            case 0: return "\"1/2\"";
            case 1: return "2.5";
            case 2: return "18446744073709551615";
            case 3: return "true";
            case 4: return "null";
            case 5: return "{\"k\": [1, {\"j\": 2}]}";
            default: return std::to_string(pick(-99, 99));
        }
    }
    std::string row(int length) {
        std::string text = "[";
        for (int k = 0; k < length; ++k) text += (k ? ", " : "") + (pick(0, 20) == 0 ? number() : std::to_string(pick(-9, 9)));
        return text + "]";
    }
    std::string value(int depth) {
        switch (depth > 1 ? 3 : pick(0, 3)) {
            case 0: {  // a matrix, mostly rectangular
                const int rows = pick(0, 4), cols = pick(0, 4);
                std::string text = "[";
                for (int r = 0; r < rows; ++r) text += (r ? ", " : "") + (pick(0, 15) == 0 ? value(depth + 1) : row(pick(0, 8) == 0 ? cols + 1 : cols));
                return text + "]";
            }
            case 1: return row(pick(0, 6));  // a list
            case 2: return "{\"a\": " + value(depth + 1) + ", \"b\": \"s\"}";
            default: return number();
        }
    }
    std::mt19937 engine_;
};

// The path of the first floating-point number in document order, found on boost::json's DOM: "" if none.
std::string first_float(const boost::json::value& v, const std::string& path) {
    if (v.is_double()) return path.empty() ? "input" : path;
    if (v.is_array())
        for (std::size_t k = 0; k < v.get_array().size(); ++k)
            if (auto at = first_float(v.get_array()[k], (path.empty() ? "input" : path) + "[" + std::to_string(k) + "]");
                !at.empty())
                return at;
    if (v.is_object())
        for (const auto& member : v.get_object())
            if (auto at = first_float(member.value(), (path.empty() ? "" : path + ".") + std::string(member.key())); !at.empty())
                return at;
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(problem_document)

// Whatever is typed, and however far a member got before it turned out not to qualify, the
// document holds what boost::json::parse builds, member for member, in order; a document with a
// floating-point number is refused, naming the path of the first, wherever it is.
BOOST_AUTO_TEST_CASE(typed_or_not_the_document_is_the_dom) {
    random_documents random(31);
    int typed = 0, kept = 0, refused = 0;
    for (int trial = 0; trial < 3'000; ++trial) {
        const std::string text = random.document();
        if (const auto at = first_float(boost::json::parse(text), ""); !at.empty()) {
            try {
                (void)read_problem(text, "input", {"A", "W", "x"}, {"x", "w0"});
                BOOST_TEST(false, "accepted: " + text);
            } catch (const ncv::tool::input_error& e) {
                BOOST_TEST(std::string(e.what()).rfind(ncv::tool::field_label(at) + ": a JSON number with a fraction", 0) == 0u, text + " -> " + e.what());
            }
            ++refused;
            continue;
        }
        const auto document = read_problem(text, "input", {"A", "W", "x"}, {"x", "w0"});
        typed += static_cast<int>(document.matrices.size() + document.lists.size());
        kept += static_cast<int>(document.values.size());
        BOOST_TEST(boost::json::serialize(ncv::tool::to_value(document)) == boost::json::serialize(boost::json::parse(text)), text);
    }
    BOOST_TEST(typed > 1'000);  // both kinds were met, often
    BOOST_TEST(kept > 1'000);
    BOOST_TEST(refused > 100);
}

BOOST_AUTO_TEST_CASE(a_document_that_is_not_an_object_is_kept_whole) {
    for (const std::string text : {"[1, [2, 3], {\"a\": 1}]", "5", "\"x\"", "null", "[[1, 2], [3, 4]]"}) {
        const auto document = read_problem(text, "input", {"A"}, {"x"});
        BOOST_REQUIRE(document.whole.has_value());
        BOOST_TEST(boost::json::serialize(*document.whole) == boost::json::serialize(boost::json::parse(text)));
    }
}

BOOST_AUTO_TEST_CASE(malformed_json_and_repeated_keys_are_named) {
    const auto error = [](const std::string& text) {
        try {
            (void)read_problem(text, "in.json", {"A"}, {});
        } catch (const ncv::tool::input_error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    BOOST_TEST(error("{\"A\": [[1, 2]],\n \"A\": 3}") == "A: appears twice in the same object (at line 2, column 4): give each field once");
    BOOST_TEST(error("{\"b\": {\"c\": [{\"d\": 1, \"d\": 2}]}}").rfind("b.c.d: appears twice", 0) == 0);
    BOOST_TEST(error("{\"A\": [[1, 2]").rfind("in.json: malformed JSON at line 1, column 14", 0) == 0);
    BOOST_TEST(error("{\"A\": 1} x") == "in.json: malformed JSON: extra data");
    BOOST_TEST(error("\xEF\xBB\xBF{\"A\": 1}").empty());
    // Floating point, as written: its JSON path, its text, where it is.
    BOOST_TEST(error("{\"A\": [[1, 2],\n [3, 1.0]]}") ==
               "A[1][1] (JSON path): a JSON number with a fraction or an exponent, or too large for 64 bits, is binary floating point "
               "(here 1.0, at line 2, column 9), which is not exact: write it as a string, e.g. \"7/2\", \"0.25\" or "
               "\"12345678901234567890123\"");
    BOOST_TEST(error("{\"b\": {\"c\": [0, 2.5E-3]}}").rfind("b.c[1] (JSON path): a JSON number with a fraction or an exponent, "
                                                           "or too large for 64 bits, is binary floating point (here 2.5E-3,",
                                                           0) == 0);
    BOOST_TEST(error("[[1e400]]").rfind("input[0][0] (JSON path): a JSON number", 0) == 0);
    // A control character in a key is written out, not left to cut the line.
    BOOST_TEST(error("{\"A\\u0000b\": 1, \"A\\u0000b\": 2}").rfind("A\\u0000b: appears twice", 0) == 0);
}

// The sink sees a list of integers in chunks; a list that turns out not to be one after a chunk
// was handed over is read again, kept whole.
BOOST_AUTO_TEST_CASE(a_sink_takes_the_list_or_the_document_is_read_again) {
    std::string list;
    for (int k = 0; k < 10'000; ++k) list += (k ? "," : "") + std::to_string(k % 7);
    std::size_t seen = 0;
    int calls = 0;
    const ncv::tool::list_sink sink{"x", [&](auto chunk, const auto&, bool) {
                                        seen += chunk.size();
                                        ++calls;
                                        return true;
                                    }};
    const auto whole = read_problem("{\"x\": [" + list + "]}", "input", {}, {"x"}, sink);
    BOOST_TEST(whole.sink_completed);
    BOOST_TEST(seen == 10'000u);
    BOOST_TEST(calls == 3);
    BOOST_TEST(!whole.document.lists.contains("x"));  // handed over, not kept
    const auto broken = read_problem("{\"x\": [" + list + ", \"1/2\"]}", "input", {}, {"x"}, sink);
    BOOST_TEST(!broken.sink_completed);
    BOOST_REQUIRE(broken.document.value("x") != nullptr);
    BOOST_TEST(broken.document.value("x")->as_array().size() == 10'001u);
}

BOOST_AUTO_TEST_SUITE_END()
