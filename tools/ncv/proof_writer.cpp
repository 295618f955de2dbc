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

#include "entry_name.hpp"
#include "exact_number.hpp"
#include "problem/conv.hpp"
#include "problem/sgd.hpp"

namespace ncv::tool {

namespace {

// An exact number as a C++ expression of ncv::rational<std::int64_t>, the scalar the proof runs
// on. The reader refused given numbers beyond it; a computed one is not provable.
std::string cpp_number(const exact& x, const std::string& field) {
    if (beyond_64_bit_rationals(x))
        throw not_provable(field + " = " + number_text(x) + " does not fit the 64-bit rationals the compile-time proof uses");
    const auto n = boost::multiprecision::numerator(x), d = boost::multiprecision::denominator(x);
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

// A matrix, or (a point) its one row, whose entries are named as a list's.
std::string cpp_matrix(const dyn_matrix<exact>& m, const std::string& field, bool point = false) {
    return cpp_rows(m.rows(), m.cols(), [&](std::size_t i, std::size_t j) {
        return cpp_number(m(i, j), point ? entry_name(field, j) : entry_name(field, i, j));
    });
}

}  // namespace

// The translation units: the problem as constants, what the library computes from it, and one
// ncv::proof::agrees per claim, so that a refuted claim names the entry and both values.
proof_section conv_proof(const conv_request& request, const conv_claims& claims) {
    const auto& p = request.problem;
    const bool loss = request.has_loss;
    const std::size_t rows = conv_output_extent(p.input.rows(), p.kernel.rows(), p.options);
    const std::size_t cols = conv_output_extent(p.input.cols(), p.kernel.cols(), p.options);
    const auto computed = solve_conv(request);
    // What is claimed: the user's answer, or, for a claim not given, what ncv computes.
    const auto claim = [](const std::optional<dyn_matrix<exact>>& given, const auto& ncv) {
        return given ? *given : to_exact_matrix(ncv);
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
        << "constexpr ncv::matrix<number, " << fixed(rows, cols) << "> claimed_B(" << cpp_matrix(claim(claims.b, computed.b), "B")
        << ");\n"
        << "static_assert(agrees<\"B\", B, claimed_B>());\n\n";

    const auto counts = claim(claims.counts, computed.counts);
    out << "constexpr auto counts = ncv::to_fixed<" << fixed(p.input.rows(), p.input.cols())
        << ">(ncv::instrumented_multiplication_counts(" << p.input.rows() << ", " << p.input.cols() << ", " << p.kernel.rows()
        << ", " << p.kernel.cols() << ", problem().options));\n"
        << "constexpr ncv::matrix<std::size_t, " << fixed(p.input.rows(), p.input.cols()) << "> claimed_counts("
        << cpp_rows(counts.rows(), counts.cols(), [&](std::size_t i, std::size_t j) { return numerator(counts(i, j)).str(); })
        << ");\nstatic_assert(agrees<\"counts\", counts, claimed_counts>());\n\n";

    if (loss) {
        out << "constexpr number loss = ncv::conv_loss(problem());\nconstexpr number claimed_loss = "
            << cpp_number(claims.loss ? *claims.loss : to_exact(*computed.loss), "loss") << ";\n"
            << "static_assert(agrees<\"loss\", loss, claimed_loss>());\n\n";
        // Both gradients from one backward pass: a dyn_matrix cannot outlive a constant evaluation,
        // so the pass returns them as fixed matrices together.
        out << "constexpr auto gradients = [] {\n    const auto g = ncv::backprop_gradients(problem());\n"
            << "    return std::pair{ncv::to_fixed<" << fixed(p.kernel.rows(), p.kernel.cols()) << ">(g.kernel), ncv::to_fixed<"
            << fixed(p.input.rows(), p.input.cols()) << ">(g.input)};\n}();\n"
            << "constexpr auto dW = gradients.first;\n"
            << "constexpr ncv::matrix<number, " << fixed(p.kernel.rows(), p.kernel.cols()) << "> claimed_dW("
            << cpp_matrix(claim(claims.dW, *computed.dW), "dW") << ");\n"
            << "static_assert(agrees<\"dW\", dW, claimed_dW>());\n\n";
        out << "constexpr auto dA = gradients.second;\n"
            << "constexpr ncv::matrix<number, " << fixed(p.input.rows(), p.input.cols()) << "> claimed_dA("
            << cpp_matrix(claim(claims.dA, *computed.dA), "dA") << ");\n"
            << "static_assert(agrees<\"dA\", dA, claimed_dA>());\n\n";
    }
    std::vector<std::string> proven{"B", "counts"};
    if (loss) proven.insert(proven.end(), {"loss", "dW", "dA"});
    return {{"array/conv2d.hpp", "array/matrix.hpp", "nn/conv2d_backward.hpp", "nn/conv_loss.hpp", "nn/multiplication_count.hpp"},
            out.str(), proven};
}

// SGD: the points as the rows of a matrix, each iterate w⁽ᵗ⁾ as row t − 1 of another, computed by
// the library's ncv::sgd at compile time, with the user's step sizes or η_t = 1/(t+1).
proof_section sgd_proof(const sgd_request& request, const sgd_claims& claims) {
    const std::size_t n = request.count(), d = request.dimension;
    dyn_matrix<exact> iterates(n, d), final_point(1, d), x(n, d), w0(1, d);
    if (claims.iterates) {
        iterates = *claims.iterates;
    }
    if (!claims.iterates || !claims.final_point) {
        const auto computed = solve_sgd(request);
        for (std::size_t t = 0; t < n && !claims.iterates; ++t)
            for (std::size_t k = 0; k < d; ++k) iterates(t, k) = computed.iterates[t][k];
        for (std::size_t k = 0; k < d && !claims.final_point; ++k) final_point(0, k) = computed.iterates.back()[k];
    }
    for (std::size_t k = 0; k < d && claims.final_point; ++k) final_point(0, k) = (*claims.final_point)[k];
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < d; ++k) x(i, k) = request.point(i)[k];
    for (std::size_t k = 0; k < d; ++k) w0(0, k) = request.w0[k];
    const std::string nd = std::to_string(n) + ", " + std::to_string(d), dims = std::to_string(d);

    std::ostringstream out;
    out << "using point = ncv::matrix<number, " << dims << ", 1>;\n"
        << "constexpr ncv::matrix<number, " << nd << "> x(" << cpp_matrix(x, "x") << ");\n"
        << "constexpr ncv::matrix<number, 1, " << dims << "> w0(" << cpp_matrix(w0, "w0", true) << ");\n";
    if (request.steps) {
        std::string steps;
        for (std::size_t t = 0; t < n; ++t) steps += (t ? ", " : "") + cpp_number((*request.steps)[t], entry_name("steps", t));
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
    out << "constexpr ncv::matrix<number, " << nd << "> claimed_iterates(" << cpp_matrix(iterates, "iterates")
        << ");\nstatic_assert(agrees<\"iterates\", iterates, claimed_iterates>());\n\n";
    out << "constexpr ncv::matrix<number, 1, " << dims << "> final_iterate = [] {\n"
           "    ncv::matrix<number, 1, " << dims << "> last;\n"
           "    for (std::size_t k = 0; k < " << d << "; ++k) last(0, k) = iterates(" << n - 1 << ", k);\n"
           "    return last;\n}();\n";
    out << "constexpr ncv::matrix<number, 1, " << dims << "> claimed_final(" << cpp_matrix(final_point, "final", true)
        << ");\nstatic_assert(agrees<\"final\", final_iterate, claimed_final>());\n\n";
    return {{"array/matrix.hpp", "nn/sgd.hpp"}, out.str(), {"iterates", "final"}};
}

std::string proof_unit(const std::string& written_by, const std::vector<std::pair<std::string, proof_section>>& sections,
                       const std::string& compile_command) {
    std::vector<std::string> headers{"number/rational.hpp", "proof/agrees.hpp"};
    for (const auto& [name, section] : sections) headers.insert(headers.end(), section.headers.begin(), section.headers.end());
    std::sort(headers.begin(), headers.end());
    headers.erase(std::unique(headers.begin(), headers.end()), headers.end());
    std::string text = "// Written by `" + written_by +
                       "`: compiles only if every claimed answer below is what the library computes.\n"
                       "// Check it with:\n//   " + compile_command + "\n"
                       "#include <array>\n#include <cstddef>\n#include <cstdint>\n#include <utility>\n\n";
    for (const auto& header : headers) text += "#include <ncv/" + header + ">\n";
    text += "\nnamespace {\n\nusing number = ncv::rational<std::int64_t>;\nusing ncv::proof::agrees;\n\n";
    for (const auto& [name, section] : sections)
        text += name.empty() ? section.body : "namespace " + name + " {\n\n" + section.body + "}  // namespace " + name + "\n\n";
    return text + "}  // namespace\n";
}

}  // namespace ncv::tool
