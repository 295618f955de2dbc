// Implements `ncv variant`: the problem and answers of a generated instance, and a translation unit that proves them.
#include "variant_command.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <thread>
#include <utility>

#include "exact_json.hpp"
#include "problem/claims.hpp"
#include "problem/conv.hpp"
#include "proof_compiler.hpp"
#include "proof_writer.hpp"
#include "prove_config.hpp"
#include "quiz_formats.hpp"
#include "variant_questions.hpp"
#include "variant_settings.hpp"
#include "entry_name.hpp"
#include "input_error.hpp"

namespace ncv::tool {

namespace {

// The variant's answer key as claims for the proof writer, which `ncv prove` uses too: Q2 with B
// and the gradients (Q2c.df_dw11 is dW(1,1), Q2c.df_da11 is dA(1,1); the other entries are ncv's
// own), Q2b with its setting's counts (the asked element's is the key's), Q1b with the iterates
// (w(1) = x(1), then the key's w(2), w(3)). A wrong answer is then refused with the entry, the
// computed and the claimed value.
std::vector<std::pair<std::string, proof_section>> variant_sections(const exam_instance& v, const answer_key& answers) {
    const conv_request q2{q2_problem(v), true};
    const auto computed = solve_conv(q2);
    conv_claims q2_claims{.b = matrix_of(answers.at("Q2a.B")), .counts = {}, .loss = {},
                          .dW = to_exact_matrix(*computed.dW), .dA = to_exact_matrix(*computed.dA)};
    (*q2_claims.dW)(0, 0) = answers.at("Q2c.df_dw11").values.at(0);
    (*q2_claims.dA)(0, 0) = answers.at("Q2c.df_da11").values.at(0);

    const auto& count = *v.count;
    const conv_request q2b{{v.a, v.w, {}, {}, count.options, v.reading}, false};
    auto counts = to_exact_matrix(solve_conv(q2b).counts);
    counts(count.row, count.col) = answers.at("Q2b.count").values.at(0);

    sgd_request q1b{.dimension = v.points.at(0).size(), .points = {}, .w0 = {}, .steps = {}, .flat = false};
    for (const auto& p : v.points) q1b.points.insert(q1b.points.end(), p.begin(), p.end());
    q1b.w0.assign(q1b.dimension, exact(0));
    dyn_matrix<exact> iterates(3, q1b.dimension);
    for (std::size_t c = 0; c < q1b.dimension; ++c) iterates(0, c) = v.points[0][c];  // w(1) = x(1): data, not asked
    for (std::size_t t = 1; t < 3; ++t)
        for (std::size_t c = 0; c < q1b.dimension; ++c) iterates(t, c) = answers.at("Q1b.w" + std::to_string(t + 1)).values.at(c);

    const std::string seed = std::to_string(v.seed.value_or(0));
    auto q2_section = conv_proof(q2, q2_claims), q2b_section = conv_proof(q2b, {.b = {}, .counts = counts, .loss = {}, .dW = {}, .dA = {}}),
         q1b_section = sgd_proof(q1b, {.iterates = iterates, .final_point = {}});
    q2_section.body = "// Variant " + seed + ": Q2a.B is B, Q2c.df_dw11 is dW(1,1), Q2c.df_da11 is dA(1,1).\n\n" + q2_section.body;
    q2b_section.body = "// Variant " + seed + ": Q2b.count is counts(" + std::to_string(count.row + 1) + "," +
                       std::to_string(count.col + 1) + ").\n\n" + q2b_section.body;
    q1b_section.body = "// Variant " + seed + ": Q1b.w2, Q1b.w3 are rows 2 and 3 of iterates.\n\n" + q1b_section.body;
    return {{"variant" + seed + "_q2", q2_section}, {"variant" + seed + "_q2b", q2b_section}, {"variant" + seed + "_q1b", q1b_section}};
}

}  // namespace

variant_format parse_variant_format(const std::string& name) {
    if (name == "json") return variant_format::json;
    if (name == "markdown") return variant_format::markdown;
    if (name == "cpp") return variant_format::cpp;
    if (name == "moodle") return variant_format::moodle;
    if (name == "gift") return variant_format::gift;
    if (name == "qti") return variant_format::qti;
    if (name == "prairielearn") return variant_format::prairielearn;
    throw input_error("--format", "expected json, markdown, cpp, moodle, gift, qti or prairielearn, found '" + name + "'");
}

namespace {

boost::json::object variant_json(const exam_instance& v) {
    const auto answers = gradable_answers(v);
    const auto& b = answers.at("Q2a.B");
    boost::json::array points;
    for (const auto& p : v.points) points.push_back(write_vector(p));
    boost::json::object given;
    for (const auto& [i, j] : given_entries(v)) given[entry_name("b", i, j)] = write_number(b.at(i, j));
    const auto& count = *v.count;
    boost::json::object problem{
        {"Q1b", {{"x", points}, {"eta", "1/(t+1)"}, {"w0", "0"}}},
        {"Q2", {{"A", write_matrix(v.a)}, {"W", write_matrix(v.w)}, {"C", write_matrix(v.c)}, {"padding", v.options.padding},
                {"stride", v.options.stride}, {"given", given}}},
        {"Q2b", {{"padding", count.options.padding}, {"stride", count.options.stride},
                 {"element", entry_name("a", count.row, count.col)}}}};
    return {{"seed", v.seed.value_or(0)}, {"reading", reading_name(v.reading)}, {"problem", problem}, {"answers", write_grids(answers)}};
}

}  // namespace

std::string format_bank(const std::vector<exam_instance>& bank, variant_format format, bool as_list) {
    std::vector<variant_questions> questions;
    switch (format) {
    case variant_format::json: {
        if (!as_list) return boost::json::serialize(variant_json(bank.at(0))) + "\n";
        boost::json::array all;
        for (const auto& v : bank) all.push_back(variant_json(v));
        return boost::json::serialize(all) + "\n";
    }
    case variant_format::cpp: {
        const std::string first = std::to_string(bank.at(0).seed.value_or(0));
        const std::string name = bank.size() == 1 ? "variant-" + first + ".cpp" : "variants-" + first + ".cpp";
        return bank_proofs(bank, 1, {name}).at(0);
    }
    default:
        for (const auto& v : bank) questions.push_back(questions_of(v));
    }
    if (format == variant_format::markdown) return markdown_bank(questions);
    if (format == variant_format::moodle) return moodle_bank(questions);
    return gift_bank(questions);
}

bool writes_a_folder(variant_format format) { return format == variant_format::qti || format == variant_format::prairielearn; }

std::vector<bank_file> format_bank_files(const std::vector<exam_instance>& bank, variant_format format) {
    std::vector<variant_questions> questions;
    for (const auto& v : bank) questions.push_back(questions_of(v));
    // A name and a UUID the same for the same bank on every platform: FNV-1a over its JSON.
    const std::string text = format_bank(bank, variant_format::json, true);
    std::uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
    for (const unsigned char c : text) {
        h1 = (h1 ^ c) * 0x100000001b3ULL;
        h2 = (h2 ^ c) * 0x100000001b3ULL + 1;
    }
    if (format == variant_format::qti) return qti_bank(questions, "ncv_bank_" + std::to_string(bank.at(0).seed.value_or(0)));
    char uuid[37];
    std::snprintf(uuid, sizeof uuid, "%08llx-%04llx-4%03llx-8%03llx-%012llx", static_cast<unsigned long long>(h1 >> 32),
                  static_cast<unsigned long long>((h1 >> 16) & 0xffff), static_cast<unsigned long long>(h1 & 0xfff),
                  static_cast<unsigned long long>(h2 >> 52), static_cast<unsigned long long>(h2 & 0xffffffffffffULL));
    return prairielearn_bank(questions, uuid);
}

std::vector<std::string> bank_proofs(const std::vector<exam_instance>& bank, std::size_t parts, const std::vector<std::string>& unit_paths) {
    std::vector<std::vector<std::pair<std::string, proof_section>>> sections(parts);
    for (std::size_t i = 0; i < bank.size(); ++i)
        for (auto& section : variant_sections(bank[i], gradable_answers(bank[i]))) sections[i % parts].push_back(std::move(section));
    const std::string headers = prove_config::include_dir().value_or(std::string(prove_config::include_dirs[1]));
    const std::string first = std::to_string(bank.at(0).seed.value_or(0));
    const std::string written_by = "ncv variant --seed " + first + (bank.size() > 1 ? " --count " + std::to_string(bank.size()) : "") + " --format cpp";
    std::vector<std::string> units;
    for (std::size_t p = 0; p < parts; ++p)
        units.push_back(proof_unit(written_by, sections[p], prove_config::compile_command(headers, unit_paths.at(p))));
    return units;
}

namespace {

// The bank's answers proven by the compiler, as many units as cores compiled at once: nullopt, or
// why not (the first refuted or failing unit's first error).
std::optional<std::string> unproven(const std::vector<exam_instance>& bank) {
    const auto headers = prove_config::include_dir();
    if (!headers)
        return "the ncverify headers are in neither " + std::string(prove_config::include_dirs[0]) + " nor " +
               std::string(prove_config::include_dirs[1]);
    const std::size_t parts = std::min<std::size_t>(bank.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::string> units;
    const auto compiled = compile_units(
        parts,
        [&](std::size_t p, const std::string& path) {
            if (units.empty()) units = bank_proofs(bank, parts, std::vector<std::string>(parts, path));
            return units.at(p);
        },
        *headers);
    for (const auto& unit : compiled)
        if (unit.status != 0) return first_error(unit);
    return std::nullopt;
}

}  // namespace

subcommand variant_subcommand() {
    return {.name = "variant",
            .summary = "fair instances of Q1b and Q2 with their answers, proven at compile time, for people and quiz systems",
            .example = "ncv variant --seed 7 --count 3 --format moodle > bank.xml",
            .reads_json = false,
            .details =
            "input: none (--seed is required); --count N writes the variants of seeds S, S+1, ..., S+N-1\n"
            "Each variant states its reading of \"convolution\" (--reading), its padding and stride, and that indices\n"
            "count from 1. It is fair: no number asked for is 0, and the two readings give different B, so the stated\n"
            "one matters; a draw that breaks a rule is drawn again from the same seed's stream. w(1) = x(1) is data, so\n"
            "Q1b asks for w(2) and w(3); Q2b asks how often one element a_ij is multiplied under a padding and stride of\n"
            "its own, both drawn, so its answer differs between variants. Ranges with a minus: --w-range=-3..3.\n"
            "Before anything is written the bank's answers are proven: compiled as static_asserts by the compiler ncv\n"
            "was built with, one unit per core.\n"
            "output (--format): json (one variant's data and answers; an array of them with --count), markdown\n"
            "  (questions and solutions), cpp (the translation unit of static_asserts), moodle (Moodle XML: a Cloze\n"
            "  question per variant, integers NUMERICAL with tolerance 0, fractions SHORTANSWER in lowest terms),\n"
            "  gift (a question per number: {#v:0} for an integer, {=p/q} for a fraction), qti (QTI 1.2 as Canvas imports\n"
            "  it, a folder to zip: a numerical question per number, integers exact, fractions as decimals within 0.00005),\n"
            "  prairielearn (a question folder: info.json, question.html with pl-number-input, server.py holding the bank)\n"
            "exit status: 0 done, 2 bad option, 3 the output could not be written, 4 not proven (nothing written),\n"
            "             130 interrupted",
            .add_options =
            [](boost::program_options::options_description& options) {
                options.add_options()("seed", boost::program_options::value<std::string>(), "the first variant's seed (a whole number)")(
                    "count", boost::program_options::value<std::string>(), "how many variants (1 to 10000; default 1)")(
                    "format", boost::program_options::value<std::string>()->default_value("json"),
                    "json, markdown, cpp, moodle, gift, qti or prairielearn")(
                    "output", boost::program_options::value<std::string>(),
                    "write to this file (this folder for qti and prairielearn, where it is required) instead of standard output");
                add_variant_options(options);
            },
            .run =
            [](const boost::program_options::variables_map& vm, const json_input&) {
                if (!vm.count("seed")) throw input_error("--seed", "missing (required)");
                const std::uint64_t seed = parse_seed(option_text(vm, "seed"));
                std::uint64_t count = 1;
                if (vm.count("count")) {
                    count = parse_seed(option_text(vm, "count"));
                    if (count < 1 || count > 10000) throw input_error("--count", "expected 1 to 10000, found " + option_text(vm, "count"));
                    if (seed > std::numeric_limits<std::uint64_t>::max() - (count - 1))
                        throw input_error("--count", "the seeds would pass 2^64 - 1");
                }
                const auto format = parse_variant_format(option_text(vm, "format"));
                if (writes_a_folder(format) && !vm.count("output"))
                    throw input_error("--output", "missing: " + option_text(vm, "format") + " writes a folder of files; name it with --output DIR");
                const auto options = read_variant_options(vm);
                std::vector<exam_instance> bank;
                for (std::uint64_t s = 0; s < count; ++s) bank.push_back(variant_instance(seed + s, options));
                if (const auto why = unproven(bank)) throw not_proven(*why);
                if (!vm.count("output")) return outcome{format_bank(bank, format, vm.count("count") > 0)};
                const std::filesystem::path output = option_text(vm, "output");
                const auto files = writes_a_folder(format) ? format_bank_files(bank, format)
                                                           : std::vector<bank_file>{{"", format_bank(bank, format, vm.count("count") > 0)}};
                for (const auto& file : files) {
                    const auto path = file.path.empty() ? output : output / file.path;
                    std::error_code error;
                    std::filesystem::create_directories(path.parent_path().empty() ? "." : path.parent_path(), error);
                    std::ofstream stream(path, std::ios::binary);
                    if (error || !stream || !(stream << file.text) || !stream.flush())
                        throw output_error("--output", "cannot write " + path.string() + ": " +
                                                           (error ? error.message() : std::string(std::strerror(errno))));
                }
                return outcome{"written: " + output.string() + (writes_a_folder(format) ? " (" + std::to_string(files.size()) + " files)" : "") +
                               ", " + std::to_string(bank.size()) + " variants proven\n"};
            }};
}

}  // namespace ncv::tool
