// Implements the writer of compile-time proofs: a problem and claimed answers as static_asserts over its data.
#include "proof_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <ncv/array/conv2d.hpp>

#include "conv_command.hpp"
#include "exact_number.hpp"
#include "sgd_command.hpp"

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
        throw input_error(field, "shape " + shape_text(m.rows(), m.cols()) + " differs from " + whose + "'s " + shape_text(rows, cols));
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

}  // namespace

// The translation units: the problem as constants, what the library computes from it, and one
// ncv::proof::agrees per claim, so that a refuted claim names the entry and both values.
proof_section conv_proof(const boost::json::value& input) {
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
        // Both gradients from one backward pass: a dyn_matrix cannot outlive a constant evaluation,
        // so the pass returns them as fixed matrices together.
        out << "constexpr auto gradients = [] {\n    const auto g = ncv::backprop_gradients(problem());\n"
            << "    return std::pair{ncv::to_fixed<" << fixed(p.kernel.rows(), p.kernel.cols()) << ">(g.kernel), ncv::to_fixed<"
            << fixed(p.input.rows(), p.input.cols()) << ">(g.input)};\n}();\n"
            << "constexpr auto dW = gradients.first;\n"
            << "constexpr ncv::matrix<number, " << fixed(p.kernel.rows(), p.kernel.cols()) << "> claimed_dW("
            << cpp_matrix(claimed_matrix(claim("dW"), "dW", p.kernel.rows(), p.kernel.cols(), "W"), "dW", given("dW")) << ");\n"
            << "static_assert(agrees<\"dW\", dW, claimed_dW>());\n\n";
        out << "constexpr auto dA = gradients.second;\n"
            << "constexpr ncv::matrix<number, " << fixed(p.input.rows(), p.input.cols()) << "> claimed_dA("
            << cpp_matrix(claimed_matrix(claim("dA"), "dA", p.input.rows(), p.input.cols(), "A"), "dA", given("dA")) << ");\n"
            << "static_assert(agrees<\"dA\", dA, claimed_dA>());\n\n";
    }
    std::vector<std::string> claims{"B", "counts"};
    if (loss) claims.insert(claims.end(), {"loss", "dW", "dA"});
    return {{"array/conv2d.hpp", "array/matrix.hpp", "nn/conv2d_backward.hpp", "nn/conv_loss.hpp", "nn/multiplication_count.hpp"},
            out.str(), claims};
}

// SGD: the points as the rows of a matrix, each iterate w⁽ᵗ⁾ as row t − 1 of another, computed by
// the library's ncv::sgd at compile time, with the user's step sizes or η_t = 1/(t+1).
proof_section sgd_proof(const boost::json::value& input) {
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
    return {{"array/matrix.hpp", "nn/sgd.hpp"}, out.str(), sgd_claims};
}

std::string proof_unit(const std::string& written_by, const std::vector<std::pair<std::string, proof_section>>& sections) {
    std::vector<std::string> headers{"number/rational.hpp", "proof/agrees.hpp"};
    for (const auto& [name, section] : sections) headers.insert(headers.end(), section.headers.begin(), section.headers.end());
    std::sort(headers.begin(), headers.end());
    headers.erase(std::unique(headers.begin(), headers.end()), headers.end());
    std::string text = "// Written by `" + written_by +
                       "`: compiles only if every claimed answer below is what the library computes.\n"
                       "#include <array>\n#include <cstddef>\n#include <cstdint>\n#include <utility>\n\n";
    for (const auto& header : headers) text += "#include <ncv/" + header + ">\n";
    text += "\nnamespace {\n\nusing number = ncv::rational<std::int64_t>;\nusing ncv::proof::agrees;\n\n";
    for (const auto& [name, section] : sections)
        text += name.empty() ? section.body : "namespace " + name + " {\n\n" + section.body + "}  // namespace " + name + "\n\n";
    return text + "}  // namespace\n";
}

}  // namespace ncv::tool
