// Implements `ncv prove conv|sgd`: a user's problem and claimed answers written as a translation unit of static_asserts, and compiled.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "exact_json.hpp"
#include "input_error.hpp"
#include "problem/claims.hpp"
#include "proof_writer.hpp"
#include "prove_config.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

namespace {

std::string shell_quoted(const std::string& s) {
    std::string quoted = "'";
    for (const char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

// The first include directory that holds the headers, if any does.
std::optional<std::string> include_dir() {
    for (const auto dir : prove_config::include_dirs)
        if (std::filesystem::exists(std::filesystem::path(dir) / "ncv" / "ncv.hpp")) return std::string(dir);
    return std::nullopt;
}

// The two integers in `name{a, b}`, the first such group at or after `from`, and where it ends.
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

// The claims the compiler refuted, one line each, read from its diagnostics: g++ and clang++
// both print claim_refuted's template arguments, as
//   claim_refuted<[ncv::]fixed_string<2>{"B"}, [ncv::proof::]entry{1, 1}, ...computed{4, 1}, ...claimed{5, 1}>.
// entry(id, row, column) names the refuted entry as the input names it ("dW[0][1]", "final").
std::vector<std::string> refutations(const std::string& diagnostics,
                                     const std::function<std::string(const std::string&, const std::string&,
                                                                     const std::string&)>& entry) {
    const auto fraction = [](const std::string& n, const std::string& d) { return d == "1" ? n : n + "/" + d; };
    std::vector<std::string> lines;
    for (std::size_t at = diagnostics.find("claim_refuted<"); at != std::string::npos;
         at = diagnostics.find("claim_refuted<", at + 1)) {
        const std::size_t quote = diagnostics.find("{\"", at), unquote = diagnostics.find("\"}", quote + 2);
        if (quote == std::string::npos || unquote == std::string::npos) continue;
        const std::string id = diagnostics.substr(quote + 2, unquote - quote - 2);
        const auto where = integer_pair(diagnostics, "entry", unquote);
        const auto computed = where ? integer_pair(diagnostics, "computed", where->second) : std::nullopt;
        const auto claimed = computed ? integer_pair(diagnostics, "claimed", computed->second) : std::nullopt;
        if (!claimed || claimed->second - at > 400) continue;  // not one claim_refuted's arguments
        const auto& [row, col] = where->first;
        const std::string line = "refuted: " + entry(id, row, col) + " computed " +
                                 fraction(computed->first[0], computed->first[1]) + ", claimed " +
                                 fraction(claimed->first[0], claimed->first[1]);
        if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
    }
    return lines;
}

outcome prove(const boost::program_options::variables_map& vm, const json_input& text) {
    const auto input = parse_json(text.text, text.source);  // a malformed document before the options
    if (!vm.count("problem")) throw input_error("problem", "missing: say what to prove, as in `ncv prove conv [FILE]`");
    const std::string problem = option_text(vm, "problem");
    if (problem != "conv" && problem != "sgd") throw input_error("problem", "expected conv or sgd, found '" + problem + "'");
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
    const std::string source = proof_unit("ncv prove " + problem, {{"", section}});
    const auto& proven = section.claims;
    if (vm.count("emit")) {
        const std::string path = option_text(vm, "emit");
        std::ofstream file(path);
        if (!(file << source) || !file.flush()) throw input_error("--emit", "cannot write " + path);
        return {"written: " + path + " (compile it to prove " + std::to_string(proven.size()) + " claims)\n"};
    }

    const auto headers = include_dir();
    if (!headers)
        return {"not proven: the ncverify headers are in neither " + std::string(prove_config::include_dirs[0]) + " nor " +
                    std::string(prove_config::include_dirs[1]) + "\n",
                4};
    const auto folder = std::filesystem::temp_directory_path() / ("ncv-prove-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    const auto unit = folder / "proof.cpp", log = folder / "compiler.txt";
    std::ofstream(unit) << source;
    const std::string command = std::string(prove_config::compiler) + " " + std::string(prove_config::flags) + " -I" +
                                shell_quoted(*headers) + " -fsyntax-only " + shell_quoted(unit.string()) + " > " +
                                shell_quoted(log.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream log_file(log);
    const std::string diagnostics((std::istreambuf_iterator<char>(log_file)), std::istreambuf_iterator<char>());
    std::filesystem::remove_all(folder);

    const std::string who = "(" + std::string(prove_config::compiler) + ", compile-time evaluation)";
    if (status == 0) {
        std::string names;
        for (const auto& name : proven) names += (names.empty() ? "" : ", ") + name;
        return {"proven: " + names + " " + who + "\n"};
    }
    // As the input writes them: a matrix entry [i][j], the loss alone; for SGD the iterates as a
    // list of points (or numbers, for one dimension) and the final iterate as one point.
    const bool flat = problem == "sgd" && !input.at("x").as_array()[0].is_array();
    const auto refuted = refutations(diagnostics, [&](const std::string& id, const std::string& row, const std::string& col) {
        if (id == "loss") return id;
        if (id == "final") return flat ? id : id + "[" + col + "]";
        if (id == "iterates" && flat) return id + "[" + row + "]";
        return id + "[" + row + "][" + col + "]";
    });
    if (!refuted.empty()) {
        std::string text;
        for (const auto& line : refuted) text += line + "\n";
        return {text, 1};
    }
    // Neither proven nor refuted: the compiler stopped for another reason (an overflow of the
    // 64-bit rationals inside the computation, a budget exceeded). Its first error says which.
    std::istringstream lines(diagnostics);
    std::string line, first_error = "the compiler failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
    while (std::getline(lines, line))
        if (line.find("error") != std::string::npos) {
            first_error = line;
            break;
        }
    return {"not proven: " + first_error + "\n", 4};
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
            "output: `proven: B, counts, ...`, or one line per refuted claim, `refuted: dW[0][1] computed -30, claimed -31`\n"
            "  (iterates[t][k] is coordinate k of w(t+1), final[k] that of w(n))\n"
            "exit status: 0 proven, 1 a claim refuted, 2 bad input, 3 the output could not be written,\n"
            "             4 not proven (an answer beyond 64-bit rationals, or the compiler stopped for another reason)",
            .add_options =
            [](boost::program_options::options_description& options) {
                options.add_options()("problem", boost::program_options::value<std::string>(),
                                      "the kind of problem, the first word: conv or sgd")(
                    "emit", boost::program_options::value<std::string>(), "write the translation unit to this file, do not compile");
            },
            .run = prove,
            .leading_argument = "problem"};
}

}  // namespace ncv::tool
