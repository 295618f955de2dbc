// Tests `ncv variant`'s banks: fair variants (the rules hold for every seed), the options, several at once, bad options.
#define BOOST_TEST_MODULE ncv_variant
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <tuple>

#include <boost/json.hpp>

#include <ncv/array/conv2d.hpp>

#include "check_command.hpp"
#include "exact_json.hpp"
#include "exam_instance.hpp"
#include "tool_test_support.hpp"
#include "variant_command.hpp"
#include "variant_questions.hpp"

using namespace ncv::tool;

namespace {

// B from the definition, window by window, in either reading: b_ij = Σ w'_uv a(i·s + u − p, j·s + v − p),
// w' = W or W turned by 180 degrees, entries outside A are 0.
ncv::dyn_matrix<exact> b_by_definition(const exam_instance& v) {
    const std::size_t n = v.a.rows(), k = v.w.rows(), p = v.options.padding, s = v.options.stride, m = (n + 2 * p - k) / s + 1;
    const bool turned = v.reading == ncv::conv_mode::convolution;
    ncv::dyn_matrix<exact> b(m, m);
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < m; ++j)
            for (std::size_t u = 0; u < k; ++u)
                for (std::size_t w = 0; w < k; ++w) {
                    const auto r = static_cast<std::ptrdiff_t>(i * s + u) - static_cast<std::ptrdiff_t>(p);
                    const auto c = static_cast<std::ptrdiff_t>(j * s + w) - static_cast<std::ptrdiff_t>(p);
                    if (r < 0 || c < 0 || r >= static_cast<std::ptrdiff_t>(n) || c >= static_cast<std::ptrdiff_t>(n)) continue;
                    const exact weight = turned ? v.w(k - 1 - u, k - 1 - w) : v.w(u, w);
                    b(i, j) += weight * v.a(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
                }
    return b;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ncv_variant)

// The counts on the old generator: W never centrosymmetric yet the reading unstated, w11 = 0
// in 40 of 200 seeds (∂f/∂a11 = 0 gives itself away), Q2b the same matrix in every variant.
BOOST_AUTO_TEST_CASE(two_hundred_variants_are_fair) {
    std::set<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> q2b_questions;
    std::set<std::string> q2b_answers;
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        const auto v = variant_instance(seed);
        for (const auto& [id, answer] : gradable_answers(v))
            for (const auto& x : answer.values) BOOST_TEST(x != 0, "seed " << seed << ": " << id << " has a 0");
        BOOST_TEST(gradable_answers(v).find("Q1b.w1") == nullptr, "w(1) = x(1) is data, not a question");
        auto other = v;
        other.reading = ncv::conv_mode::convolution;
        BOOST_TEST(!(b_by_definition(other) == b_by_definition(v)), "seed " << seed << ": the readings agree, so the stated one does not matter");
        const auto q = questions_of(v);
        BOOST_TEST(q.conventions.find("cross-correlation") != std::string::npos);
        BOOST_TEST(q.conventions.find("Indices count from 1") != std::string::npos);
        q2b_questions.insert({v.count->options.padding, v.count->options.stride, v.count->row, v.count->col});
        q2b_answers.insert(number_text(gradable_answers(v).at("Q2b.count").values.at(0)));
    }
    BOOST_TEST(q2b_questions.size() > 50u, "Q2b asks about an element, padding and stride that vary");
    BOOST_TEST(q2b_answers.size() >= 4u, "and its answer varies");
}

// The instructor's choices: sizes, padding, stride, the reading and the ranges, all honoured, and
// the answers right against B computed here from the definition.
BOOST_AUTO_TEST_CASE(options_choose_the_variants) {
    variant_options o;
    o.input_size = 7;
    o.kernel_size = 2;
    o.q2 = {1, 2};
    o.reading = ncv::conv_mode::convolution;
    o.a = {-3, 3};
    o.w = {1, 4};
    o.c = {20, 30};
    o.x = {10, 12};
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const auto v = variant_instance(seed, o);
        BOOST_TEST(v.a.rows() == 7u);
        BOOST_TEST(v.w.rows() == 2u);
        BOOST_TEST(v.c.rows() == 4u);  // (7 + 2 − 2)/2 + 1
        for (std::size_t i = 0; i < 7; ++i)
            for (std::size_t j = 0; j < 7; ++j) BOOST_TEST((v.a(i, j) >= -3 && v.a(i, j) <= 3));
        for (std::size_t i = 0; i < 2; ++i)
            for (std::size_t j = 0; j < 2; ++j) BOOST_TEST((v.w(i, j) >= 1 && v.w(i, j) <= 4));
        for (std::size_t i = 0; i < 4; ++i) BOOST_TEST((v.c(i, i) >= 20 && v.c(i, i) <= 30));
        for (const auto& p : v.points)
            for (const auto& x : p) BOOST_TEST((x >= 10 && x <= 12));
        const auto b = b_by_definition(v);
        BOOST_TEST((grid_of_matrix(b) == gradable_answers(v).at("Q2a.B")), "seed " << seed);
        BOOST_TEST(questions_of(v).conventions.find("true convolution") != std::string::npos);
        // Grading follows the stated reading: the kernel left as it is is the mistake now.
        auto unturned = v;
        unturned.reading = ncv::conv_mode::cross_correlation;
        const auto graded = check_answers(v, boost::json::object{{"Q2a.B", write_matrix(b_by_definition(unturned))}});
        BOOST_TEST(graded.at(0).feedback.find("you did not turn the kernel") != std::string::npos, graded.at(0).feedback);
    }
}

BOOST_AUTO_TEST_CASE(many_at_once_and_the_same_options_for_check) {
    const auto bank = run_ncv("variant --seed 40 --count 3 --padding 1", "");
    BOOST_TEST(bank.status == 0, bank.err);
    const auto all = boost::json::parse(bank.out).as_array();
    BOOST_TEST(all.size() == 3u);
    for (std::size_t k = 0; k < all.size(); ++k) {
        BOOST_TEST(all[k].at("seed").to_number<std::uint64_t>() == 40 + k);
        BOOST_TEST(all[k].at("problem").at("Q2").at("padding") == 1);
        // Each row of the bank is graded by ncv check --variant with the same options.
        const auto graded = run_ncv("check --variant " + std::to_string(40 + k) + " --padding 1",
                                    boost::json::serialize(all[k].at("answers")));
        BOOST_TEST(graded.status == 0, graded.out << graded.err);
    }
    BOOST_TEST(run_ncv("variant --seed 40 --count 3 --format markdown", "").out.find("# Neural computation, variant 42") != std::string::npos);
    BOOST_TEST(boost::json::parse(run_ncv("variant --seed 40", "").out).is_object(), "one variant without --count is an object");
}

BOOST_AUTO_TEST_CASE(bad_options_are_named) {
    for (const auto& [arguments, field] : {std::pair{"--kernel-size 0", "--kernel-size"}, std::pair{"--padding 3", "--padding"},
                                           std::pair{"--input-size 13", "--input-size"}, std::pair{"--a-range 5..1", "--a-range"},
                                           std::pair{"--w-range=0..0", "--seed"}, std::pair{"--reading conv", "--reading"},
                                           std::pair{"--count 0", "--count"}, std::pair{"--x-range 3", "--x-range"},
                                           std::pair{"--stride x", "--stride"}, std::pair{"--format qti", "--output"}}) {
        const auto run = run_ncv(std::string("variant --seed 1 ") + arguments, "");
        BOOST_TEST(run.status == 2, arguments);
        BOOST_TEST(run.out.empty());
        BOOST_TEST(run.err.rfind(std::string("ncv variant: ") + field + ":", 0) == 0u, arguments << " -> " << run.err);
    }
}

BOOST_AUTO_TEST_SUITE_END()
