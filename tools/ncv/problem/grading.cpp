// Implements problem_key: the problem solved exactly, and solved again the ways students go wrong.
#include "problem/grading.hpp"

#include <cstddef>
#include <optional>

#include "input_error.hpp"
#include "problem/answer.hpp"
#include "problem/conv.hpp"
#include "problem/sgd.hpp"

namespace ncv::tool {

namespace {

exact_grid transposed(const exact_grid& g) {
    exact_grid t{g.kind, g.cols, g.rows, g.values};
    for (std::size_t i = 0; i < g.rows; ++i)
        for (std::size_t j = 0; j < g.cols; ++j) t.values[j * g.rows + i] = g.values[i * g.cols + j];
    return t;
}

std::vector<keyed_answer> conv_key(const conv_request& request) {
    const conv_answer answer = solve_conv(request);
    // The other reading of "convolution": the same problem with the kernel turned (or not).
    conv_request other = request;
    const bool turned = request.problem.mode == conv_mode::convolution;
    other.problem.mode = turned ? conv_mode::cross_correlation : conv_mode::convolution;
    const conv_answer other_answer = solve_conv(other);
    const std::string other_reading = turned ? "you did not turn the kernel: this problem is the true convolution"
                                             : "you turned the kernel by 180 degrees: this problem is the cross-correlation";
    const auto with_reading = [&](exact_grid correct, exact_grid by_other_reading, bool gradient) {
        std::vector<mistake> m{{std::move(by_other_reading), other_reading}, {negated(correct), "the sign is wrong everywhere"}};
        if (gradient)
            m.push_back({scaled(correct, exact(1, 2)), "the factor 2 from differentiating the square (b − c)² is missing"});
        return m;
    };
    std::vector<keyed_answer> key;
    const exact_grid b = grid_of_matrix(to_exact_matrix(answer.b));
    auto b_mistakes = with_reading(b, grid_of_matrix(to_exact_matrix(other_answer.b)), false);
    b_mistakes.push_back({transposed(b), "rows and columns are swapped"});
    key.push_back({"B", b, b_mistakes});
    key.push_back({"counts", grid_of_matrix(answer.counts), {}});
    if (answer.loss) {
        key.push_back({"loss", grid_of_number(to_exact(*answer.loss)), {}});
        key.push_back({"dW", grid_of_matrix(to_exact_matrix(*answer.dW)),
                       with_reading(grid_of_matrix(to_exact_matrix(*answer.dW)), grid_of_matrix(to_exact_matrix(*other_answer.dW)),
                                    true)});
        key.push_back({"dA", grid_of_matrix(to_exact_matrix(*answer.dA)),
                       with_reading(grid_of_matrix(to_exact_matrix(*answer.dA)), grid_of_matrix(to_exact_matrix(*other_answer.dA)),
                                    true)});
    }
    return key;
}

// The iterates as the input writes points: a list of numbers in one dimension, else rows.
exact_grid iterates_grid(const sgd_request& request, const sgd_answer& answer) {
    dyn_matrix<exact> m(answer.iterates.size(), request.dimension);
    for (std::size_t t = 0; t < answer.iterates.size(); ++t)
        for (std::size_t k = 0; k < request.dimension; ++k) m(t, k) = answer.iterates[t][k];
    if (!request.flat) return grid_of_matrix(m);
    std::vector<exact> flat;
    for (const auto& w : answer.iterates) flat.push_back(w[0]);
    return grid_of_list(flat);
}

exact_grid point_grid(const sgd_request& request, const std::vector<exact>& w) {
    return request.flat ? grid_of_number(w.at(0)) : grid_of_list(w);
}

std::vector<keyed_answer> sgd_key(const sgd_request& request) {
    const sgd_answer answer = solve_sgd(request);
    std::vector<std::pair<sgd_answer, std::string>> wrong_runs;
    if (!request.steps) {  // the default η_t = 1/(t+1), and the two ways to get it wrong
        sgd_request off_by_one = request, constant = request;
        off_by_one.steps.emplace();
        constant.steps.emplace();
        for (std::size_t t = 0; t < request.count(); ++t) {
            off_by_one.steps->push_back(exact(1, static_cast<long long>(t) + 2));
            constant.steps->push_back(exact(1));
        }
        wrong_runs.push_back({solve_sgd(off_by_one), "the step size is off by one: the step that produces w(t+1) uses "
                                                     "ηₜ = 1/(t+1), so the first step has η₀ = 1"});
        wrong_runs.push_back({solve_sgd(constant), "η must shrink as 1/(t+1); with η = 1 every step jumps to the newest point"});
    }
    const auto mistakes = [&](auto grid_of_run) {
        std::vector<mistake> m;
        for (const auto& [run, feedback] : wrong_runs) m.push_back({grid_of_run(run), feedback});
        return m;
    };
    const exact_grid iterates = iterates_grid(request, answer);
    const exact_grid last = point_grid(request, answer.iterates.back()), mean = point_grid(request, answer.mean);
    return {{"iterates", iterates, mistakes([&](const sgd_answer& run) { return iterates_grid(request, run); })},
            {"final", last, mistakes([&](const sgd_answer& run) { return point_grid(request, run.iterates.back()); })},
            {"mean", mean, {}}};
}

}  // namespace

std::vector<keyed_answer> problem_key(const boost::json::value& problem) {
    if (problem.is_object() && problem.get_object().contains("x")) return sgd_key(read_sgd_request(problem));
    if (problem.is_object() && (problem.get_object().contains("A") || problem.get_object().contains("W")))
        return conv_key(read_conv_request(problem));
    throw input_error("--problem", "expected the input of ncv conv (A, W, ...) or of ncv sgd (x, ...)");
}

}  // namespace ncv::tool
