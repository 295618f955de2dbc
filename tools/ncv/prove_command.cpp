// Implements `ncv prove conv|sgd`: a user's problem and claimed answers written as a translation unit of static_asserts, and compiled.

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "entry_name.hpp"
#include "exact_json.hpp"
#include "input_error.hpp"
#include "problem/claims.hpp"
#include "proof_compiler.hpp"
#include "proof_writer.hpp"
#include "prove_config.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

namespace {

// The integers in `name{a, b}` (or `name, n>` for one), the first such group at or after `from`, and where it ends.
std::optional<std::pair<std::array<std::string, 2>, std::size_t>> integer_pair(const std::string& text, const std::string& name,
                                                                               std::size_t from) {
    const std::size_t open = text.find(name + "{", from);
    if (open == std::string::npos) return std::nullopt;
    const std::size_t first = open + name.size() + 1, comma = text.find(", ", first), close = text.find('}', first);
    if (comma == std::string::npos || close == std::string::npos || comma > close) return std::nullopt;
    std::array<std::string, 2> numbers{text.substr(first, comma - first), text.substr(comma + 2, close - comma - 2)};
    for (const auto& n : numbers)
        if (n.empty() || n.find_first_not_of("-0123456789") != std::string::npos) return std::nullopt;
    return std::pair{numbers, close + 1};
}

// One refuted entry as the compiler named it: the claim, the entry (from 0), both values.
struct refutation {
    std::string claim;
    std::size_t row = 0, col = 0;
    std::string computed, claimed;
};

// The claim's name in `{"dW"}`, the first at or after `from`, and where it ends.
std::optional<std::pair<std::string, std::size_t>> claim_name(const std::string& text, std::size_t from) {
    const std::size_t quote = text.find("{\"", from), unquote = text.find("\"}", quote == std::string::npos ? from : quote + 2);
    if (quote == std::string::npos || unquote == std::string::npos || quote - from > 80) return std::nullopt;
    return std::pair{text.substr(quote + 2, unquote - quote - 2), unquote + 2};
}

// The claims the compiler refuted, read from its diagnostics: g++ and clang++ both print the
// template arguments of each claim_refuted and claims_refuted_beyond, as
//   claim_refuted<[ncv::]fixed_string<2>{"B"}, [ncv::proof::]entry{1, 1}, ...computed{4, 1}, ...claimed{5, 1}>
//   claims_refuted_beyond<[ncv::]fixed_string<2>{"B"}, 9>
// in an order of their own: the entries come back once each, and the number beyond them per claim.
std::pair<std::vector<refutation>, std::map<std::string, std::size_t>> refutations(const std::string& diagnostics) {
    const auto fraction = [](const std::array<std::string, 2>& f) { return f[1] == "1" ? f[0] : f[0] + "/" + f[1]; };
    std::vector<refutation> entries;
    for (std::size_t at = diagnostics.find("claim_refuted<"); at != std::string::npos;
         at = diagnostics.find("claim_refuted<", at + 1)) {
        const auto id = claim_name(diagnostics, at);
        const auto where = id ? integer_pair(diagnostics, "entry", id->second) : std::nullopt;
        const auto computed = where ? integer_pair(diagnostics, "computed", where->second) : std::nullopt;
        const auto claimed = computed ? integer_pair(diagnostics, "claimed", computed->second) : std::nullopt;
        if (!claimed || claimed->second - at > 400) continue;  // not one claim_refuted's arguments
        refutation r{id->first, std::stoul(where->first[0]), std::stoul(where->first[1]), fraction(computed->first),
                     fraction(claimed->first)};
        if (std::none_of(entries.begin(), entries.end(),
                         [&](const refutation& e) { return e.claim == r.claim && e.row == r.row && e.col == r.col; }))
            entries.push_back(std::move(r));
    }
    std::map<std::string, std::size_t> beyond;
    for (std::size_t at = diagnostics.find("claims_refuted_beyond<"); at != std::string::npos;
         at = diagnostics.find("claims_refuted_beyond<", at + 1)) {
        const auto id = claim_name(diagnostics, at);
        if (!id || diagnostics.compare(id->second, 2, ", ") != 0) continue;
        const std::size_t digits = id->second + 2, end = diagnostics.find_first_not_of("0123456789", digits);
        if (end == digits || end == std::string::npos || diagnostics[end] != '>') continue;
        beyond[id->first] = std::stoul(diagnostics.substr(digits, end - digits));
    }
    return {entries, beyond};
}

// At most this many refuted entries are printed, then how many more there are.
constexpr std::size_t refutations_shown = 20;

void check_problem_word(const boost::program_options::variables_map& vm) {
    if (!vm.count("problem")) throw input_error("problem", "missing: say what to prove, as in `ncv prove conv [FILE]`");
    const std::string problem = option_text(vm, "problem");
    if (problem != "conv" && problem != "sgd")
        throw input_error("problem", "expected conv or sgd as the first word, found '" + problem + "'");
}

outcome prove(const boost::program_options::variables_map& vm, const json_input& text) {
    const auto input = parse_json(text.text, text.source);
    const std::string problem = option_text(vm, "problem");
    proof_section section;
    try {
        if (problem == "conv") {
            const auto [request, claims] = read_conv_claims(input);
            section = conv_proof(request, claims);
        } else {
            const auto [request, claims] = read_sgd_claims(input);
            section = sgd_proof(request, claims);
        }
    } catch (const not_provable& e) {
        return {std::string("not proven: ") + e.what() + "\n", 4};
    }
    const auto headers = prove_config::include_dir();
    const auto unit_text = [&](const std::string& unit) {
        return proof_unit("ncv prove " + problem, {{"", section}},
                          prove_config::compile_command(headers.value_or(std::string(prove_config::include_dirs[1])), unit));
    };
    const auto& proven = section.claims;
    if (vm.count("emit")) {
        const std::string path = option_text(vm, "emit");
        std::ofstream file(path);
        if (!file) throw input_error("--emit", "cannot write " + path + ": " + std::strerror(errno));
        if (!(file << unit_text(path)) || !file.flush())
            throw output_error("--emit", "cannot write " + path + ": " + std::strerror(errno));
        return {"written: " + path + " (compile it to prove " + std::to_string(proven.size()) + " claims)\n"};
    }
    if (!headers)
        return {"not proven: the ncverify headers are in neither " + std::string(prove_config::include_dirs[0]) + " nor " +
                    std::string(prove_config::include_dirs[1]) + "\n",
                4};

    const auto compiled = compile_units(1, [&](std::size_t, const std::string& path) { return unit_text(path); }, *headers).at(0);
    const int status = compiled.status;
    const std::string& diagnostics = compiled.diagnostics;

    const std::string who = "(" + std::string(prove_config::compiler) + ", compile-time evaluation)";
    if (status == 0) {
        std::string names;
        for (const auto& name : proven) names += (names.empty() ? "" : ", ") + name;
        return {"proven: " + names + " " + who + "\n"};
    }
    auto [refuted, beyond] = refutations(diagnostics);
    if (!refuted.empty()) {
        const auto order = [&](const std::string& claim) { return std::find(proven.begin(), proven.end(), claim) - proven.begin(); };
        std::sort(refuted.begin(), refuted.end(), [&](const refutation& x, const refutation& y) {  // (claim, row, col) once each
            return std::tuple(order(x.claim), x.row, x.col) < std::tuple(order(y.claim), y.row, y.col);
        });
        // The entries as every subcommand names them, counting from 1: dW(1,2), loss, iterates(t,k)
        // for coordinate k of w(t) (iterates(t) in one dimension), final(k) (final).
        const bool flat = problem == "sgd" && !input.at("x").as_array()[0].is_array();
        const auto name = [&](const refutation& r) {
            if (r.claim == "loss" || (r.claim == "final" && flat)) return r.claim;
            if (r.claim == "final") return entry_name(r.claim, r.col);
            if (r.claim == "iterates" && flat) return entry_name(r.claim, r.row);
            return entry_name(r.claim, r.row, r.col);
        };
        std::string text;
        for (std::size_t k = 0; k < std::min(refuted.size(), refutations_shown); ++k)
            text += "refuted: " + name(refuted[k]) + " computed " + refuted[k].computed + ", claimed " + refuted[k].claimed + "\n";
        std::size_t more = refuted.size() - std::min(refuted.size(), refutations_shown);
        for (const auto& [claim, count] : beyond) more += count;
        if (more > 0) text += "and " + std::to_string(more) + " more refuted entries\n";
        return {text, 1};
    }
    // Neither proven nor refuted: the compiler stopped for another reason (an overflow of the
    // 64-bit rationals inside the computation, a budget exceeded). Its first error says which.
    return {"not proven: " + first_error(compiled) + "\n", 4};
}

}  // namespace

subcommand prove_subcommand() {
    return {.name = "prove",
            .summary = "prove a convolution or SGD problem's answers at compile time: static_asserts, compiled",
            .example = "echo '{\"A\": [[1,2],[3,4]], \"W\": [[1]], \"C\": [[0,0],[0,0]], \"dW\": [[60]]}' | ncv prove conv",
            .reads_json = true,
            .details =
            "ncv prove conv [FILE]: the input of `ncv conv` (A, W, padding, stride, mode, C, mask) and, beside it,\n"
            "  any of the answers you claim: B, counts, and with C: loss, dW, dA (the fields `ncv conv` prints).\n"
            "ncv prove sgd [FILE]: the input of `ncv sgd` (x, w0, steps) and any of: iterates (w(1)..w(n)), final (w(n)).\n"
            "An answer not given is taken from ncv's own computation, so it is proven by a second evaluator.\n"
            "ncv writes a C++ translation unit of static_asserts over your data and compiles it with the compiler it\n"
            "was built with and the project's constant-evaluation budget: the compiler computes every answer.\n"
            "Numbers must fit 64-bit rationals (the compile-time scalar).\n"
            "output: `proven: B, counts, ...`, or one line per refuted entry, `refuted: dW(1,2) computed -30, claimed -31`,\n"
            "  at most 20, then `and N more refuted entries`. Entries count from 1, as the paper's w11: dW(i,j) is row i,\n"
            "  column j; iterates(t,k) is coordinate k of w(t) (iterates(t) in one dimension); final(k) that of w(n)\n"
            "The unit is compiled in a fresh directory under $TMPDIR (/tmp when unset); --emit writes it instead, its\n"
            "first comment giving the command that compiles it.\n"
            "exit status: 0 proven, 1 a claim refuted, 2 bad input (or no writable $TMPDIR), 3 the output could not be\n"
            "             written, 4 not proven (an answer beyond 64-bit rationals, or the compiler stopped for another\n"
            "             reason), 130 interrupted",
            .add_options =
            [](boost::program_options::options_description& options) {
                options.add_options()("problem", boost::program_options::value<std::string>(),
                                      "the kind of problem, the first word: conv or sgd")(
                    "emit", boost::program_options::value<std::string>(), "write the translation unit to this file, do not compile");
            },
            .run = prove,
            .leading_argument = "problem",
            .check_arguments = check_problem_word};
}

}  // namespace ncv::tool
