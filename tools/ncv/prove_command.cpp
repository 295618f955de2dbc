// Implements `ncv prove conv|sgd`: a user's problem and claimed answers written as a translation unit of static_asserts, and compiled.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <optional>
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
#include "sgd_command.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

namespace {

// The answers a user may claim beside the problem, in the order they are proven.
const std::vector<std::string> conv_claims{"B", "counts", "loss", "dW", "dA"};
const std::vector<std::string> sgd_claims{"iterates", "final"};

// The problem without the claims (what `ncv conv` or `ncv sgd` reads), and the claims given.
std::pair<boost::json::object, boost::json::object> split_claims(const boost::json::value& input,
                                                                 const std::vector<std::string>& fields,
                                                                 const std::string& required) {
    if (!input.is_object()) throw input_error("input", "expected a JSON object with at least " + required);
    boost::json::object problem = input.get_object(), claims;
    for (const auto& field : fields)
        if (const auto* claimed = problem.if_contains(field)) {
            claims[field] = *claimed;
            problem.erase(field);
        }
    return {problem, claims};
}

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
    auto [problem, claims] = split_claims(input, conv_claims, "\"A\" and \"W\"");
    conv_proof_request request;
    request.claims = std::move(claims);
    request.problem = read_conv_request(problem);
    if (!request.problem.has_loss)
        for (const char* needs_loss : {"loss", "dW", "dA"})
            if (request.claims.contains(needs_loss))
                throw input_error(needs_loss, "claimed without C: the loss and its gradients need a target C");
    return request;
}

// The start of a unit: what wrote it, its headers, the compile-time scalar.
std::string unit_preamble(const std::string& problem, const std::vector<std::string>& headers) {
    std::string text = "// Written by `ncv prove " + problem +
                       "`: compiles only if every claimed answer below is what the library computes.\n"
                       "#include <array>\n#include <cstddef>\n#include <cstdint>\n\n";
    for (const auto& header : headers) text += "#include <ncv/" + header + ">\n";
    return text + "#include <ncv/number/rational.hpp>\n#include <ncv/proof/agrees.hpp>\n\nnamespace {\n\n"
                  "using number = ncv::rational<std::int64_t>;\nusing ncv::proof::agrees;\n\n";
}

// The translation units: the problem as constants, what the library computes from it, and one
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
    out << unit_preamble("conv", {"array/conv2d.hpp", "array/matrix.hpp", "nn/conv2d_backward.hpp", "nn/conv_loss.hpp",
                                  "nn/multiplication_count.hpp"});
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

// SGD: the points as the rows of a matrix, each iterate w⁽ᵗ⁾ as row t − 1 of another, computed by
// the library's ncv::sgd at compile time, with the user's step sizes or η_t = 1/(t+1).
std::string emit_sgd_proof(const boost::json::value& input) {
    auto [problem, claims] = split_claims(input, sgd_claims, "\"x\"");
    const auto request = read_sgd_request(problem);
    const auto computed = solve_sgd(request, false);
    const std::size_t n = request.count(), d = request.dimension;
    const auto given = [&](const std::string& field) { return claims.contains(field); };
    // A list of points (or of numbers, for flat input) as an n x d matrix.
    const auto points = [&](const boost::json::value& value, const std::string& field, std::size_t count) {
        if (!value.is_array() || value.get_array().size() != count)
            throw input_error(field, "expected a list of " + std::to_string(count) + (request.flat ? " numbers" : " points"));
        dyn_matrix<exact> m(count, d);
        for (std::size_t t = 0; t < count; ++t) {
            const std::string at = field + "[" + std::to_string(t) + "]";
            const auto& item = value.get_array()[t];
            const auto coordinates = request.flat ? std::vector<exact>{read_number(item, at)} : read_vector(item, at);
            if (coordinates.size() != d)
                throw input_error(at, "has dimension " + std::to_string(coordinates.size()) + " but the points have " +
                                          std::to_string(d));
            for (std::size_t k = 0; k < d; ++k) m(t, k) = coordinates[k];
        }
        return m;
    };
    const auto& computed_iterates = computed.at("iterates");
    const auto iterates = points(given("iterates") ? claims.at("iterates") : computed_iterates, "iterates", n);
    const auto final_point =
        given("final") ? points(boost::json::array{claims.at("final")}, "final", 1)
                       : points(boost::json::array{computed_iterates.as_array().back()}, "final", 1);
    dyn_matrix<exact> x(n, d), w0(1, d);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < d; ++k) x(i, k) = request.point(i)[k];
    for (std::size_t k = 0; k < d; ++k) w0(0, k) = request.w0[k];
    const std::string nd = std::to_string(n) + ", " + std::to_string(d), dims = std::to_string(d);

    std::ostringstream out;
    out << unit_preamble("sgd", {"array/matrix.hpp", "nn/sgd.hpp"});
    out << "using point = ncv::matrix<number, " << dims << ", 1>;\n"
        << "constexpr ncv::matrix<number, " << nd << "> x(" << cpp_matrix(x, "x") << ");\n"
        << "constexpr ncv::matrix<number, 1, " << dims << "> w0(" << cpp_matrix(w0, "w0") << ");\n";
    if (request.steps) {
        std::string steps;
        for (std::size_t t = 0; t < n; ++t) steps += (t ? ", " : "") + cpp_number((*request.steps)[t], "steps[" + std::to_string(t) + "]");
        out << "constexpr std::array<number, " << n << "> steps{" << steps << "};\n";
    }
    out << "\n// Row t − 1 is w(t), from the library's sgd run on the points in order.\n"
           "constexpr ncv::matrix<number, " << nd << "> iterates = [] {\n"
           "    std::array<point, " << n << "> data;\n"
           "    for (std::size_t i = 0; i < " << n << "; ++i)\n"
           "        for (std::size_t k = 0; k < " << d << "; ++k) data[i](k, 0) = x(i, k);\n"
           "    point start;\n"
           "    for (std::size_t k = 0; k < " << d << "; ++k) start(k, 0) = w0(0, k);\n"
           "    ncv::matrix<number, " << nd << "> rows;\n"
           "    const auto keep = [&](std::size_t t, const point& w) {\n"
           "        for (std::size_t k = 0; k < " << d << "; ++k) rows(t - 1, k) = w(k, 0);\n"
           "    };\n"
        << (request.steps ? "    (void)ncv::sgd<number>(data, start, " + std::to_string(n) +
                                ", keep, [](std::size_t t) { return steps[t]; });\n"
                          : "    (void)ncv::sgd<number>(data, start, " + std::to_string(n) + ", keep);\n")
        << "    return rows;\n}();\n\n";
    out << "constexpr ncv::matrix<number, " << nd << "> claimed_iterates(" << cpp_matrix(iterates, "iterates", given("iterates"))
        << ");\nstatic_assert(agrees<\"iterates\", iterates, claimed_iterates>());\n\n";
    out << "constexpr ncv::matrix<number, 1, " << dims << "> final_iterate = [] {\n"
           "    ncv::matrix<number, 1, " << dims << "> last;\n"
           "    for (std::size_t k = 0; k < " << d << "; ++k) last(0, k) = iterates(" << n - 1 << ", k);\n"
           "    return last;\n}();\n";
    out << "constexpr ncv::matrix<number, 1, " << dims << "> claimed_final(" << cpp_matrix(final_point, "final", given("final"))
        << ");\nstatic_assert(agrees<\"final\", final_iterate, claimed_final>());\n\n";
    out << "}  // namespace\n";
    return out.str();
}

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

outcome prove(const boost::program_options::variables_map& vm, const boost::json::value& input) {
    if (!vm.count("problem")) throw input_error("problem", "missing: say what to prove, as in `ncv prove conv [FILE]`");
    const std::string problem = option_text(vm, "problem");
    if (problem != "conv" && problem != "sgd") throw input_error("problem", "expected conv or sgd, found '" + problem + "'");
    std::string source;
    try {
        source = problem == "conv" ? emit_conv_proof(input) : emit_sgd_proof(input);
    } catch (const not_provable& e) {
        return {std::string("not proven: ") + e.what() + "\n", 4};
    }
    std::vector<std::string> proven = problem == "sgd" ? sgd_claims : std::vector<std::string>{"B", "counts"};
    if (problem == "conv" && input.get_object().contains("C")) proven.insert(proven.end(), {"loss", "dW", "dA"});
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
    return {"prove", "prove a convolution or SGD problem's answers at compile time: static_asserts, compiled",
            "echo '{\"A\": [[1,2],[3,4]], \"W\": [[1]], \"C\": [[0,0],[0,0]], \"dW\": [[60]]}' | ncv prove conv", true,
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
            [](boost::program_options::options_description& options) {
                options.add_options()("problem", boost::program_options::value<std::string>(),
                                      "the kind of problem, the first word: conv or sgd")(
                    "emit", boost::program_options::value<std::string>(), "write the translation unit to this file, do not compile");
            },
            prove, "problem"};
}

}  // namespace ncv::tool
