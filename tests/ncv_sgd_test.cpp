// Tests `ncv sgd`: exact iterates, the fast path's fallback on overflow, custom steps, and every bad-input path.
#define BOOST_TEST_MODULE ncv_sgd
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "answer_text.hpp"
#include "problem/sgd.hpp"
#include "problem/sgd_while_reading.hpp"
#include "tool_test_support.hpp"
#include "worked_solutions.hpp"

namespace {

// The DOM reader's answer on cpp_rational data, run on the tiers.
std::string solve(const std::string& text, bool final_only = false) {
    ncv::tool::sgd_answer_writer writer(final_only);
    ncv::tool::run_sgd(ncv::tool::read_sgd_request(ncv::tool::parse_json(text, "input")), writer);
    return writer.take();
}

// The binary's route: one reading, integer members typed, a flat list of integers run while read.
std::string streamed_answer(std::string_view text, bool final_only) {
    ncv::tool::sgd_answer_writer writer(final_only);
    ncv::tool::run_sgd_text(text, "input", writer);
    return writer.take();
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
    starts(error_for(R"({"x": [[1, 2], [3]]})"), "x[1] (JSON path):");
    starts(error_for(R"({"x": [[]]})"), "x[0] (JSON path):");
    starts(error_for(R"({"x": [1, [2]]})"), "x[1] (JSON path):");
    starts(error_for(R"({"x": [[1], 2]})"), "x[1] (JSON path):");
    starts(error_for(R"({"x": [1, 0.5]})"), "x[1] (JSON path):");
    starts(error_for(R"({"x": [[1, "a/b"]]})"), "x[0][1] (JSON path):");
    starts(error_for(R"({"x": [1], "w0": [1, 2]})"), "w0:");
    starts(error_for(R"({"x": [1, 2], "steps": [1]})"), "steps:");
    starts(error_for(R"({"x": [1], "steps": ["1/0"]})"), "steps[0] (JSON path):");
    starts(error_for(R"({"x": [1], "step": [1]})"), "step:");
    starts(error_for(R"("x")"), "input:");
}

// The binary's reading (integer members typed, the rest as DOM values) gives the DOM reader's
// answer byte for byte (on 64-bit integers read, 64-bit rationals computed, cpp_rational from the
// first overflow), and on bad input its error, word for word.
BOOST_AUTO_TEST_CASE(the_typed_reading_agrees_with_the_dom) {
    const auto streamed = [](const std::string& text, bool final_only) { return streamed_answer(text, final_only); };
    std::mt19937_64 engine(1128);
    std::uniform_int_distribution<std::int64_t> small(-1000, 1000), size(1, 40), dimension(0, 3);
    std::vector<std::string> accepted{
        R"({"x": [1, 2, 3, 4]})", R"({"x": [[2], [4]], "w0": [100]})", R"({"x": [1, 2], "w0": 5})",
        R"({"x": [1, 2, 3, 4], "steps": [1, 2, 0, -1]})",
        // beyond 64 bits in the arithmetic, not in the input: the cpp_rational tier answers
        R"({"x": [9223372036854775807, 9223372036854775807, -3]})", R"({"x": [[4611686018427387904, 1], [4611686018427387904, 1]]})"};
    for (int trial = 0; trial < 300; ++trial) {
        const std::int64_t n = size(engine), d = dimension(engine);
        std::string x;
        for (std::int64_t i = 0; i < n; ++i) {
            x += i ? ", " : "";
            if (d == 0) {
                x += std::to_string(small(engine));
                continue;
            }
            x += "[";
            for (std::int64_t k = 0; k < d; ++k) x += (k ? ", " : "") + std::to_string(small(engine));
            x += "]";
        }
        std::string text = R"({"x": [)" + x + "]";
        if (trial % 3 == 0) text += d == 0 ? R"(, "w0": 7)" : R"(, "w0": [)" + std::string(d == 1 ? "7" : d == 2 ? "7, -7" : "7, -7, 0") + "]";
        if (trial % 5 == 0) {
            text += R"(, "steps": [)";
            for (std::int64_t i = 0; i < n; ++i) text += (i ? ", " : "") + std::to_string(i % 3 - 1);
            text += "]";
        }
        accepted.push_back(text + "}");
    }
    for (const auto& text : accepted)
        for (const bool final_only : {false, true}) {
            BOOST_TEST(streamed(text, final_only) == solve(text, final_only), text);
        }
    // Members the reader keeps as DOM values, and bad input: fractions, a number beyond 64 bits in
    // the input, floats, duplicates, unknown fields, mixed or ragged or empty points, a point-shaped
    // w0 for numbers, a string w0, nested steps, no x, not an object, trailing text.
    for (const std::string other :
         {R"({"x": ["1/2"]})", R"({"x": [18446744073709551615]})", R"({"x": [1.5]})", R"({"x": [1], "x": [2]})",
          R"({"x": [1], "eta": [1]})", R"({"x": [1, [2]]})", R"({"x": [[1], 2]})", R"({"x": [[1, 2], [3]]})", R"({"x": [[]]})",
          R"({"x": []})", R"({"x": [[1], [2]], "w0": 3})", R"({"x": [1], "w0": "1/2"})", R"({"x": [1], "steps": [[1]]})",
          R"({"w0": [1]})", R"([1])", R"({"x": [1]} trailing)"})
        for (const bool final_only : {false, true})
            BOOST_TEST(answer_or_error([&] { return streamed(other, final_only); }) ==
                           answer_or_error([&] { return solve(other, final_only); }),
                       other);
    // Errors found after the points were read: the binary prints exactly the DOM reader's message.
    for (const std::string bad : {R"({"x": [1], "w0": [1, 2]})", R"({"x": [[1, 2]], "w0": [1]})", R"({"x": [1, 2], "steps": [1]})",
                                  R"({"x": [[1], [2]], "steps": [1, 2, 3]})"}) {
        const auto r = run_ncv("sgd", bad);
        BOOST_TEST(r.status == 2, bad);
        BOOST_TEST(r.err == "ncv sgd: " + error_for(bad) + "\n", bad);
        BOOST_TEST(r.out.empty(), bad);
    }
}

// A list longer than one chunk of the reader (4096 numbers) is run on a second thread while it is
// read. Every way that run can end gives the DOM reader's answer, byte for byte: lengths on and
// beside a chunk's end; w0 or steps before x (used or given up at once) or after it (found only
// at the end: read again); a number that overflows the 64-bit run in the first, a middle or the
// last chunk (stopped, read again, answered by cpp_rational); a fraction after the first chunks
// (read again, the list kept); another member after x (read again, refused).
BOOST_AUTO_TEST_CASE(long_lists_are_run_while_read) {
    std::mt19937_64 engine(4096);
    std::uniform_int_distribution<std::int64_t> small(-1000, 1000);
    for (const std::size_t n : {4095u, 4096u, 4097u, 8192u, 3u * 4096u + 5u}) {
        std::vector<std::string> x(n);
        for (auto& v : x) v = std::to_string(small(engine));
        const auto list = [&](std::size_t huge_at) {
            std::string text = "[";
            for (std::size_t i = 0; i < n; ++i) text += (i ? "," : "") + (i == huge_at ? "9223372036854775807" : x[i]);
            return text + "]";
        };
        std::string steps = "[";
        for (std::size_t i = 0; i < n; ++i) steps += (i ? "," : "") + std::to_string(static_cast<int>(i % 3) - 1);
        steps += "]";
        const std::string plain = list(n);
        const std::vector<std::string> problems{
            R"({"x": )" + plain + "}",
            R"({"w0": 7, "x": )" + plain + "}",
            R"({"w0": [-7], "x": )" + plain + "}",
            R"({"x": )" + plain + R"(, "w0": 7})",
            R"({"steps": )" + steps + R"(, "x": )" + plain + "}",
            R"({"x": )" + plain + R"(, "steps": )" + steps + "}",
            R"({"x": )" + list(5) + "}",
            R"({"x": )" + list(n / 2) + "}",
            R"({"x": )" + list(n - 1) + "}",
            // not integers after chunks were handed over: read again, the list as a DOM value
            R"({"x": )" + plain.substr(0, plain.size() - 1) + R"(, "1/2"]})",
            R"({"x": )" + plain + R"(, "w0": "1/3"})",
        };
        for (const auto& problem : problems)
            for (const bool final_only : {false, true}) {
                BOOST_TEST(streamed_answer(problem, final_only) == solve(problem, final_only),
                           problem.substr(0, 40) << " n = " << n);
            }
        // A bad w0 or steps after the points: the DOM reader's error, not an answer from the run.
        for (const std::string& bad : {R"({"x": )" + plain + R"(, "w0": [1, 2]})", R"({"x": )" + plain + R"(, "steps": [1]})",
                                       R"({"x": )" + plain + R"(, "eta": 1})"}) {
            const auto message = input_error_of([&] { (void)streamed_answer(bad, true); });
            BOOST_TEST(!message.empty());
            BOOST_TEST(message == error_for(bad));
        }
    }
}

// Whatever tier answers (64-bit integers read, 64-bit rationals computed, cpp_rational from the
// first overflow, wherever it happens), the answer is the one unbounded arithmetic gives: here
// computed directly, w ← w − (1/(t+1))(w − x) on cpp_rational, outside the tool.
BOOST_AUTO_TEST_CASE(every_tier_gives_the_unbounded_answer) {
    using exact = ncv::tool::exact;
    std::mt19937_64 engine(2811);
    std::uniform_int_distribution<int> small_bits(1, 12), size(1, 30), kind(0, 3);
    int overflowed = 0;
    for (int trial = 0; trial < 1'000; ++trial) {
        const int n = size(engine), big_at = std::uniform_int_distribution<int>(0, n - 1)(engine);
        std::vector<std::string> text;
        std::vector<exact> values;
        for (int i = 0; i < n; ++i) {
            // mostly small numbers; in half the problems one huge one, first, in the middle or last
            const int b = trial % 2 == 0 && i == big_at ? 63 : small_bits(engine);
            std::uniform_int_distribution<std::int64_t> part(-(std::int64_t{1} << (b - 1)), std::int64_t{1} << (b - 1));
            const std::int64_t numerator = part(engine), denominator = kind(engine) == 0 ? part(engine) % 97 + 98 : 1;
            values.emplace_back(numerator, denominator);
            text.push_back(denominator == 1 ? std::to_string(numerator)
                                            : "\"" + std::to_string(numerator) + "/" + std::to_string(denominator) + "\"");
        }
        exact w(0), sum(0);
        for (int t = 0; t < n; ++t) {
            w = w - exact(1, t + 1) * (w - values[t]);
            sum += values[t];
        }
        const auto expected = boost::json::serialize(ncv::tool::write_number(w));
        std::string problem = R"({"x": [)";
        for (int i = 0; i < n; ++i) problem += (i ? ", " : "") + text[i];
        problem += "]}";
        const auto answer = ncv::tool::parse_json(solve(problem, true), "answer").as_object();
        BOOST_TEST(boost::json::serialize(answer.at("iterates").as_array().at(0)) == expected, problem);
        BOOST_TEST(boost::json::serialize(answer.at("mean")) == boost::json::serialize(ncv::tool::write_number(sum / n)), problem);
        BOOST_TEST(streamed_answer(problem, true) == solve(problem, true));
        const auto fits = [](const exact& v) {  // in 64-bit rationals, with room for the next operation
            return abs(boost::multiprecision::numerator(v)) < (boost::multiprecision::cpp_int(1) << 62) &&
                   boost::multiprecision::denominator(v) < (boost::multiprecision::cpp_int(1) << 62);
        };
        overflowed += !fits(w) || !fits(sum);
    }
    BOOST_TEST_MESSAGE(overflowed << " of 1000 problems end beyond 64-bit rationals");
    BOOST_TEST(overflowed > 100, "too few problems reach the cpp_rational tier: " << overflowed);
}

// --explain: every step with its numbers, from the library's run.
BOOST_AUTO_TEST_CASE(explain_shows_every_step) {
    using namespace ncv::tool;
    const auto mentions = [](const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; };
    const auto text = explain_sgd(read_sgd_request(parse_json(R"({"x": [[1, 2], [3, "1/2"], [5, 0]]})", "input")),
                                  report_format::text);
    BOOST_TEST(mentions(text, "w⁽¹⁾ = w⁽⁰⁾ − η₀ (w⁽⁰⁾ − x⁽¹⁾) = (0, 0) − 1·((0, 0) − (1, 2)) = (1, 2)"));
    BOOST_TEST(mentions(text, "w⁽³⁾ = w⁽²⁾ − η₂ (w⁽²⁾ − x⁽³⁾) = (2, 5/4) − (1/3)·((2, 5/4) − (5, 0)) = (3, 5/6)"));
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
