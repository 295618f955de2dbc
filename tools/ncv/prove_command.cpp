// Implements `ncv prove conv`: a user's problem and claimed answers written as a translation unit of static_asserts, and compiled.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <ncv/array/conv2d.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/multiplication_count.hpp>

#include "conv_command.hpp"
#include "exact_number.hpp"
#include "prove_config.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

namespace {

// The answers a user may claim beside the problem, in the order they are proven.
const std::vector<std::string> claim_fields{"B", "counts", "loss", "dW", "dA"};

std::string shape(std::size_t rows, std::size_t cols) { return std::to_string(rows) + "x" + std::to_string(cols); }

// A proof that cannot be written: an answer ncv computed does not fit the compile-time scalar.
struct not_provable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// An exact number as a C++ expression of ncv::rational<std::int64_t>, the scalar the proof runs
// on; a number beyond 64 bits is refused here rather than left for the compiler to reject: as bad
// input when the user gave it, as not provable when ncv computed it.
std::string cpp_number(const exact& x, const std::string& field, bool given = true) {
    const boost::multiprecision::cpp_int n = boost::multiprecision::numerator(x), d = boost::multiprecision::denominator(x);
    if (n > std::numeric_limits<std::int64_t>::max() || n < std::numeric_limits<std::int64_t>::min() ||
        d > std::numeric_limits<std::int64_t>::max()) {
        const std::string why = number_text(x) + " does not fit the 64-bit rationals the compile-time proof uses";
        if (given) throw input_error(field, why);
        throw not_provable(field + " = " + why);
    }
    return d == 1 ? "number(" + n.str() + ")" : "number(" + n.str() + ", " + d.str() + ")";
}

template <class Entry>
std::string cpp_rows(std::size_t rows, std::size_t cols, Entry entry) {
    std::string s = "{";
    for (std::size_t i = 0; i < rows; ++i) {
        s += i ? ", {" : "{";
        for (std::size_t j = 0; j < cols; ++j) s += (j ? ", " : "") + entry(i, j);
        s += "}";
    }
    return s + "}";
}

std::string cpp_matrix(const dyn_matrix<exact>& m, const std::string& field, bool given = true) {
    return cpp_rows(m.rows(), m.cols(), [&](std::size_t i, std::size_t j) {
        return cpp_number(m(i, j), field + "[" + std::to_string(i) + "][" + std::to_string(j) + "]", given);
    });
}

// A claimed matrix of the expected shape.
dyn_matrix<exact> claimed_matrix(const boost::json::value& value, const std::string& field, std::size_t rows,
                                 std::size_t cols, const std::string& whose) {
    auto m = read_matrix(value, field);
    if (m.rows() != rows || m.cols() != cols)
        throw input_error(field, "shape " + shape(m.rows(), m.cols()) + " differs from " + whose + "'s " + shape(rows, cols));
    return m;
}

struct conv_proof_request {
    conv_request problem;
    boost::json::object claims;  // only the claim fields, as given
};

conv_proof_request read_conv_proof_request(const boost::json::value& input) {
    if (!input.is_object()) throw input_error("input", "expected a JSON object with at least \"A\" and \"W\"");
    boost::json::object problem = input.get_object();
    conv_proof_request request;
    for (const auto& field : claim_fields)
        if (const auto* claimed = problem.if_contains(field)) {
            request.claims[field] = *claimed;
            problem.erase(field);
        }
    request.problem = read_conv_request(problem);
    if (!request.problem.has_loss)
        for (const char* needs_loss : {"loss", "dW", "dA"})
            if (request.claims.contains(needs_loss))
                throw input_error(needs_loss, "claimed without C: the loss and its gradients need a target C");
    return request;
}

}  // namespace

// The translation unit: the problem as constants, what the library computes from it, and one
// ncv::proof::agrees per claim, so that a refuted claim names the entry and both values.
std::string emit_conv_proof(const boost::json::value& input) {
    const auto request = read_conv_proof_request(input);
    const auto& p = request.problem.problem;
    const bool loss = request.problem.has_loss;
    const std::size_t rows = conv_output_extent(p.input.rows(), p.kernel.rows(), p.options);
    const std::size_t cols = conv_output_extent(p.input.cols(), p.kernel.cols(), p.options);
    const auto computed = solve_conv(request.problem);

    // What is claimed: the user's answer, or, for a field not given, what ncv computes.
    const auto given = [&](const std::string& field) { return request.claims.contains(field); };
    const auto claim = [&](const std::string& field) -> const boost::json::value& {
        return given(field) ? request.claims.at(field) : computed.at(field);
    };
    const auto fixed = [](std::size_t r, std::size_t c) { return std::to_string(r) + ", " + std::to_string(c); };

    std::ostringstream out;
    out << "// Written by `ncv prove conv`: compiles only if every claimed answer below is what the library computes.\n"
           "#include <cstddef>\n#include <cstdint>\n\n#include <ncv/array/conv2d.hpp>\n#include <ncv/array/matrix.hpp>\n"
           "#include <ncv/nn/conv2d_backward.hpp>\n#include <ncv/nn/conv_loss.hpp>\n#include <ncv/nn/multiplication_count.hpp>\n"
           "#include <ncv/number/rational.hpp>\n#include <ncv/proof/agrees.hpp>\n\nnamespace {\n\n"
           "using number = ncv::rational<std::int64_t>;\nusing ncv::proof::agrees;\n\n";
    out << "constexpr ncv::conv_loss_problem<number> problem() {\n    return {ncv::dyn_matrix<number>" << cpp_matrix(p.input, "A")
        << ",\n            ncv::dyn_matrix<number>" << cpp_matrix(p.kernel, "W") << ",\n            ";
    if (loss) {
        out << "ncv::dyn_matrix<number>" << cpp_matrix(p.target, "C") << ",\n            ncv::dyn_matrix<int>"
            << cpp_rows(rows, cols, [&](std::size_t i, std::size_t j) { return std::to_string(p.mask(i, j)); });
    } else {
        out << "{}, {}";
    }
    out << ",\n            ncv::conv_options{.padding = " << p.options.padding << ", .stride = " << p.options.stride << "}, "
        << (p.mode == conv_mode::convolution ? "ncv::conv_mode::convolution" : "ncv::conv_mode::cross_correlation") << "};\n}\n\n";

    out << "constexpr auto B = ncv::to_fixed<" << fixed(rows, cols)
        << ">(ncv::apply_conv(problem().input, problem().kernel, problem().options, problem().mode));\n"
        << "constexpr ncv::matrix<number, " << fixed(rows, cols) << "> claimed_B("
        << cpp_matrix(claimed_matrix(claim("B"), "B", rows, cols, "B"), "B", given("B")) << ");\n"
        << "static_assert(agrees<\"B\", B, claimed_B>());\n\n";

    const auto counts = claimed_matrix(claim("counts"), "counts", p.input.rows(), p.input.cols(), "A");
    out << "constexpr auto counts = ncv::to_fixed<" << fixed(p.input.rows(), p.input.cols())
        << ">(ncv::instrumented_multiplication_counts(" << p.input.rows() << ", " << p.input.cols() << ", " << p.kernel.rows()
        << ", " << p.kernel.cols() << ", problem().options));\n"
        << "constexpr ncv::matrix<std::size_t, " << fixed(p.input.rows(), p.input.cols()) << "> claimed_counts("
        << cpp_rows(counts.rows(), counts.cols(),
                    [&](std::size_t i, std::size_t j) {
                        const exact& c = counts(i, j);
                        if (c < 0 || denominator(c) != 1)
                            throw input_error("counts[" + std::to_string(i) + "][" + std::to_string(j) + "]",
                                              "a count is a non-negative integer, found " + number_text(c));
                        return numerator(c).str();
                    })
        << ");\nstatic_assert(agrees<\"counts\", counts, claimed_counts>());\n\n";

    if (loss) {
        out << "constexpr number loss = ncv::conv_loss(problem());\nconstexpr number claimed_loss = "
            << cpp_number(read_number(claim("loss"), "loss"), "loss", given("loss")) << ";\n"
            << "static_assert(agrees<\"loss\", loss, claimed_loss>());\n\n";
        out << "constexpr auto dW = ncv::to_fixed<" << fixed(p.kernel.rows(), p.kernel.cols())
            << ">(ncv::backprop_gradients(problem()).kernel);\n"
            << "constexpr ncv::matrix<number, " << fixed(p.kernel.rows(), p.kernel.cols()) << "> claimed_dW("
            << cpp_matrix(claimed_matrix(claim("dW"), "dW", p.kernel.rows(), p.kernel.cols(), "W"), "dW", given("dW")) << ");\n"
            << "static_assert(agrees<\"dW\", dW, claimed_dW>());\n\n";
        out << "constexpr auto dA = ncv::to_fixed<" << fixed(p.input.rows(), p.input.cols())
            << ">(ncv::backprop_gradients(problem()).input);\n"
            << "constexpr ncv::matrix<number, " << fixed(p.input.rows(), p.input.cols()) << "> claimed_dA("
            << cpp_matrix(claimed_matrix(claim("dA"), "dA", p.input.rows(), p.input.cols(), "A"), "dA", given("dA")) << ");\n"
            << "static_assert(agrees<\"dA\", dA, claimed_dA>());\n\n";
    }
    out << "}  // namespace\n";
    return out.str();
}

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

// The claims the compiler refuted, one line each, read from its diagnostics: g++ and clang++
// both print claim_refuted's template arguments.
std::vector<std::string> refutations(const std::string& diagnostics) {
    static const std::regex refuted(
        R"re(claim_refuted<[^{]*\{"([^"]*)"\}, (?:ncv::proof::)?entry\{(\d+), (\d+)\}, (?:ncv::proof::)?computed\{(-?\d+), (\d+)\}, (?:ncv::proof::)?claimed\{(-?\d+), (\d+)\}>)re");
    const auto fraction = [](const std::string& n, const std::string& d) { return d == "1" ? n : n + "/" + d; };
    std::vector<std::string> lines;
    for (auto it = std::sregex_iterator(diagnostics.begin(), diagnostics.end(), refuted); it != std::sregex_iterator(); ++it) {
        const auto& m = *it;
        const std::string id = m[1];
        const std::string at = id == "loss" ? "" : "[" + std::string(m[2]) + "][" + std::string(m[3]) + "]";
        const std::string line = "refuted: " + id + at + " computed " + fraction(m[4], m[5]) + ", claimed " + fraction(m[6], m[7]);
        if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
    }
    return lines;
}

outcome prove(const boost::program_options::variables_map& vm, const boost::json::value& input) {
    if (!vm.count("problem")) throw input_error("problem", "missing: say what to prove, as in `ncv prove conv [FILE]`");
    if (option_text(vm, "problem") != "conv")
        throw input_error("problem", "expected conv, found '" + option_text(vm, "problem") + "'");
    std::string source;
    try {
        source = emit_conv_proof(input);
    } catch (const not_provable& e) {
        return {std::string("not proven: ") + e.what() + "\n", 4};
    }
    std::vector<std::string> proven{"B", "counts"};
    if (input.get_object().contains("C")) proven.insert(proven.end(), {"loss", "dW", "dA"});
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
    const auto refuted = refutations(diagnostics);
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
    return {"prove", "prove a convolution problem's answers at compile time: a translation unit of static_asserts, compiled",
            "echo '{\"A\": [[1,2],[3,4]], \"W\": [[1]], \"C\": [[0,0],[0,0]], \"dW\": [[60]]}' | ncv prove conv", true,
            "ncv prove conv [FILE]: the input of `ncv conv` (A, W, padding, stride, mode, C, mask) and, beside it,\n"
            "any of the answers you claim: B, counts, and with C: loss, dW, dA (the fields `ncv conv` prints).\n"
            "An answer not given is taken from ncv's own computation, so it is proven by a second evaluator.\n"
            "ncv writes a C++ translation unit of static_asserts over your data and compiles it with the compiler it\n"
            "was built with and the project's constant-evaluation budget: the compiler computes every answer.\n"
            "Numbers must fit 64-bit rationals (the compile-time scalar).\n"
            "output: `proven: B, counts, ...`, or one line per refuted claim, `refuted: dW[0][1] computed -30, claimed -31`\n"
            "exit status: 0 proven, 1 a claim refuted, 2 bad input, 3 the output could not be written,\n"
            "             4 not proven (the compiler stopped for another reason, e.g. a 64-bit overflow inside the computation)",
            [](boost::program_options::options_description& options) {
                options.add_options()("problem", boost::program_options::value<std::string>(),
                                      "the kind of problem, the first word: conv")(
                    "emit", boost::program_options::value<std::string>(), "write the translation unit to this file, do not compile");
            },
            prove, "problem"};
}

}  // namespace ncv::tool
