// Implements `ncv variant`: the problem and answers of a generated instance, and a translation unit that proves them.
#include "variant_command.hpp"

#include <sstream>
#include <utility>

#include "exact_json.hpp"
#include "problem/claims.hpp"
#include "problem/conv.hpp"
#include "proof_writer.hpp"
#include "prove_config.hpp"

namespace ncv::tool {

namespace {

std::string latex_matrix(const dyn_matrix<exact>& m) {
    std::string s = "\\begin{bmatrix} ";
    for (std::size_t i = 0; i < m.rows(); ++i) {
        for (std::size_t j = 0; j < m.cols(); ++j) s += (j ? " & " : "") + number_text(m(i, j));
        s += i + 1 < m.rows() ? " \\\\ " : " ";
    }
    return s + "\\end{bmatrix}";
}

// The variant's answer key as claims for the proof writer, which `ncv prove` uses too: Q2 with
// B, the counts and the gradients (Q2c.df_dw11 is dW(1,1), Q2c.df_da11 is dA(1,1); the other
// entries are ncv's own), Q1b with the iterates w(1), w(2), w(3). A wrong answer is then refused
// with the entry, the computed and the claimed value.
std::string variant_proof(const exam_instance& v, const answer_key& answers) {
    const conv_request q2{q2_problem(v), true};
    const auto computed = solve_conv(q2);
    conv_claims q2_claims{.b = matrix_of(answers.at("Q2a.B")), .counts = matrix_of(answers.at("Q2b.counts")), .loss = {},
                          .dW = to_exact_matrix(*computed.dW), .dA = to_exact_matrix(*computed.dA)};
    (*q2_claims.dW)(0, 0) = answers.at("Q2c.df_dw11").values.at(0);
    (*q2_claims.dA)(0, 0) = answers.at("Q2c.df_da11").values.at(0);

    sgd_request q1b{.dimension = v.points.at(0).size(), .points = {}, .w0 = {}, .steps = {}, .flat = false};
    for (const auto& p : v.points) q1b.points.insert(q1b.points.end(), p.begin(), p.end());
    q1b.w0.assign(q1b.dimension, exact(0));
    dyn_matrix<exact> iterates(3, q1b.dimension);
    for (std::size_t t = 0; t < 3; ++t)
        for (std::size_t k = 0; k < q1b.dimension; ++k) iterates(t, k) = answers.at("Q1b.w" + std::to_string(t + 1)).values.at(k);

    const std::string seed = std::to_string(v.seed.value_or(0));
    auto q2_section = conv_proof(q2, q2_claims), q1b_section = sgd_proof(q1b, {.iterates = iterates, .final_point = {}});
    q2_section.body = "// Q2a.B is B, Q2b.counts is counts, Q2c.df_dw11 is dW(1,1), Q2c.df_da11 is dA(1,1).\n\n" + q2_section.body;
    q1b_section.body = "// Q1b.w1, Q1b.w2, Q1b.w3 are the rows of iterates.\n\n" + q1b_section.body;
    return proof_unit("ncv variant --seed " + seed + " --format cpp", {{"q2", q2_section}, {"q1b", q1b_section}},
                      prove_config::compile_command(prove_config::include_dir().value_or(std::string(prove_config::include_dirs[1])),
                                                    "variant-" + seed + ".cpp"));
}

}  // namespace

variant_format parse_variant_format(const std::string& name) {
    if (name == "json") return variant_format::json;
    if (name == "markdown") return variant_format::markdown;
    if (name == "cpp") return variant_format::cpp;
    throw input_error("--format", "expected json, markdown or cpp, found '" + name + "'");
}

std::string format_variant(const exam_instance& v, variant_format format) {
    const auto answers = gradable_answers(v);
    const auto b = q2_b(v);
    const std::string seed = std::to_string(v.seed.value_or(0));
    std::ostringstream out;
    if (format == variant_format::json) {
        boost::json::array points;
        for (const auto& p : v.points) points.push_back(write_vector(p));
        boost::json::object problem{
            {"Q1b", {{"x", points}, {"eta", "1/(t+1)"}, {"w0", "0"}}},
            {"Q2", {{"A", write_matrix(v.a)}, {"W", write_matrix(v.w)}, {"C", write_matrix(v.c)},
                    {"given", {{"b13", write_number(b(0, 2))}, {"b31", write_number(b(2, 0))}}}}}};
        out << boost::json::serialize(boost::json::object{{"seed", v.seed.value_or(0)}, {"problem", problem}, {"answers", write_grids(answers)}})
            << "\n";
    } else if (format == variant_format::markdown) {
        out << "# Neural computation, variant " << seed << "\n\n## Questions\n\n";
        out << "**Q1(b).** SGD on $C(\\mathbf{w}) = \\frac{1}{6}\\sum_{i=1}^{3} \\|\\mathbf{w} - \\mathbf{x}^{(i)}\\|_2^2$ with "
               "$\\mathbf{w}^{(0)} = \\mathbf{0}$, $\\eta_t = 1/(t+1)$ and $i_t = t+1$, where\n";
        for (std::size_t i = 0; i < v.points.size(); ++i)
            out << "$\\mathbf{x}^{(" << i + 1 << ")} = (" << number_text(v.points[i][0]) << ", " << number_text(v.points[i][1])
                << ")^\\top$" << (i + 1 < v.points.size() ? ", " : ".\n");
        out << " Compute $\\mathbf{w}^{(1)}, \\mathbf{w}^{(2)}, \\mathbf{w}^{(3)}$.\n\n";
        out << "**Q2.** With padding 0 and stride 1, $B = W \\circledast A$ where\n\n$$A = " << latex_matrix(v.a)
            << ", \\quad W = " << latex_matrix(v.w) << ".$$\n\n";
        out << "(a) Fill in $B$, given $b_{13} = " << number_text(b(0, 2)) << "$ and $b_{31} = " << number_text(b(2, 0))
            << "$. (b) How many times is each $a_{ij}$ multiplied by an element of $W$? (c) With $f = \\sum_{i=1}^{3}(b_{ii} - "
               "c_{ii})^2$ and $C = "
            << latex_matrix(v.c) << "$, compute $\\partial f/\\partial w_{11}$ and $\\partial f/\\partial a_{11}$.\n\n";
        out << "## Solutions\n\n";
        for (std::size_t t = 1; t <= 3; ++t) {
            const auto& w = answers.at("Q1b.w" + std::to_string(t)).values;
            out << "- $\\mathbf{w}^{(" << t << ")} = (" << number_text(w[0]) << ", " << number_text(w[1]) << ")^\\top$\n";
        }
        out << "- $B = " << latex_matrix(b) << "$\n- counts $= " << latex_matrix(matrix_of(answers.at("Q2b.counts")))
            << "$\n- $\\partial f/\\partial w_{11} = " << number_text(answers.at("Q2c.df_dw11").values.at(0))
            << "$, $\\partial f/\\partial a_{11} = " << number_text(answers.at("Q2c.df_da11").values.at(0)) << "$\n";
    } else {
        out << variant_proof(v, answers);
    }
    return out.str();
}

subcommand variant_subcommand() {
    return {.name = "variant",
            .summary = "a new instance of Q1b and Q2 with its answers, the same for a seed everywhere",
            .example = "ncv variant --seed 7 --format cpp > variant7.cpp",
            .reads_json = false,
            .details =
            "input: none (--seed is required)\n"
            "output: the variant's data (three points in the plane for Q1b; A, W, C for Q2) and its answers, as JSON or\n"
            "Markdown, or (cpp) a translation unit of static_asserts that compiles only if the answers are right\n"
            "exit status: 0 done, 2 bad option, 3 the output could not be written",
            .add_options =
            [](boost::program_options::options_description& options) {
                options.add_options()("seed", boost::program_options::value<std::string>(), "the variant's seed (a whole number)")(
                    "format", boost::program_options::value<std::string>()->default_value("json"), "json, markdown or cpp");
            },
            .run =
            [](const boost::program_options::variables_map& vm, const json_input&) {
                if (!vm.count("seed")) throw input_error("--seed", "missing (required)");
                return outcome{format_variant(variant_instance(parse_seed(option_text(vm, "seed"))),
                                              parse_variant_format(option_text(vm, "format")))};
            }};
}

}  // namespace ncv::tool
