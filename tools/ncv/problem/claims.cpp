// Implements the reading of claims: the problem without them, each claim's shape, and every number within 64-bit rationals.
#include "problem/claims.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include <ncv/array/conv2d.hpp>

#include "exact_json.hpp"

namespace ncv::tool {

bool beyond_64_bit_rationals(const exact& x) {
    const auto n = boost::multiprecision::numerator(x), d = boost::multiprecision::denominator(x);
    return n > std::numeric_limits<std::int64_t>::max() || n < std::numeric_limits<std::int64_t>::min() ||
           d > std::numeric_limits<std::int64_t>::max();
}

namespace {

// The problem without the claims (what `ncv conv` or `ncv sgd` reads), and the claims given.
std::pair<boost::json::object, boost::json::object> split_claims(const boost::json::value& input,
                                                                 std::span<const std::string_view> input_fields,
                                                                 std::span<const std::string_view> fields,
                                                                 const std::string& required) {
    if (!input.is_object()) throw input_error("input", "expected a JSON object with at least " + required);
    boost::json::object problem = input.get_object(), claims;
    std::vector<std::string> names;
    for (const auto& member : problem) names.emplace_back(member.key());
    require_known_fields(names, input_fields, "", fields);
    for (const auto field : fields)
        if (const auto* claimed = problem.if_contains(field)) {
            claims[field] = *claimed;
            problem.erase(field);
        }
    return {problem, claims};
}

void require_provable(const exact& x, const std::string& field) {
    if (beyond_64_bit_rationals(x))
        throw input_error(field, number_text(x) + " does not fit the 64-bit rationals the compile-time proof uses");
}

template <class S>
void require_provable(const dyn_matrix<S>& m, const std::string& field) {
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j)
            require_provable(m(i, j), field + "[" + std::to_string(i) + "][" + std::to_string(j) + "]");
}

// A claimed matrix of the expected shape.
dyn_matrix<exact> claimed_matrix(const boost::json::value& value, const std::string& field, std::size_t rows,
                                 std::size_t cols, const std::string& whose) {
    auto m = read_matrix(value, field);
    if (m.rows() != rows || m.cols() != cols)
        throw input_error(field, "shape " + shape_text(m.rows(), m.cols()) + " differs from " + whose + "'s " + shape_text(rows, cols));
    return m;
}

}  // namespace

claimed<conv_request, conv_claims> read_conv_claims(const boost::json::value& input) {
    const auto [problem, claims] = split_claims(input, conv_input_fields, conv_answer_fields, "\"A\" and \"W\"");
    claimed<conv_request, conv_claims> result{read_conv_request(problem), {}};
    const auto& p = result.problem.problem;
    if (!result.problem.has_loss)
        for (const char* needs_loss : {"loss", "dW", "dA"})
            if (claims.contains(needs_loss))
                throw input_error(needs_loss, "claimed without C: the loss and its gradients need a target C");
    require_provable(p.input, "A");
    require_provable(p.kernel, "W");
    if (result.problem.has_loss) require_provable(p.target, "C");

    const std::size_t rows = conv_output_extent(p.input.rows(), p.kernel.rows(), p.options);
    const std::size_t cols = conv_output_extent(p.input.cols(), p.kernel.cols(), p.options);
    // Each claim checked whole (shape, then entries) in the order they are proven.
    const auto matrix = [&](const char* field, std::size_t r, std::size_t c, const char* whose) -> std::optional<dyn_matrix<exact>> {
        const auto* value = claims.if_contains(field);
        if (!value) return std::nullopt;
        auto m = claimed_matrix(*value, field, r, c, whose);
        require_provable(m, field);
        return m;
    };
    auto& claimed = result.claims;
    claimed.b = matrix("B", rows, cols, "B");
    if (const auto* counts = claims.if_contains("counts")) {
        claimed.counts = claimed_matrix(*counts, "counts", p.input.rows(), p.input.cols(), "A");
        for (std::size_t i = 0; i < p.input.rows(); ++i)
            for (std::size_t j = 0; j < p.input.cols(); ++j)
                if (const exact& c = (*claimed.counts)(i, j); c < 0 || denominator(c) != 1)
                    throw input_error("counts[" + std::to_string(i) + "][" + std::to_string(j) + "]",
                                      "a count is a non-negative integer, found " + number_text(c));
    }
    if (const auto* loss = claims.if_contains("loss")) {
        claimed.loss = read_number(*loss, "loss");
        require_provable(*claimed.loss, "loss");
    }
    claimed.dW = matrix("dW", p.kernel.rows(), p.kernel.cols(), "W");
    claimed.dA = matrix("dA", p.input.rows(), p.input.cols(), "A");
    return result;
}

claimed<sgd_request, sgd_claims> read_sgd_claims(const boost::json::value& input) {
    const auto [problem, claims] = split_claims(input, sgd_input_fields, sgd_answer_fields, "\"x\"");
    claimed<sgd_request, sgd_claims> result{read_sgd_request(problem), {}};
    const auto& request = result.problem;
    const std::size_t n = request.count(), d = request.dimension;
    // One point (a number, for flat input), at `field`.
    const auto point = [&](const boost::json::value& item, const std::string& field) {
        const auto coordinates = request.flat ? std::vector<exact>{read_number(item, field)} : read_vector(item, field);
        if (coordinates.size() != d)
            throw input_error(field, "has dimension " + std::to_string(coordinates.size()) + " but the points have " +
                                         std::to_string(d));
        return coordinates;
    };
    // A list of points (or of numbers, for flat input) as a count x d matrix.
    const auto points = [&](const boost::json::value& value, const std::string& field, std::size_t count) {
        if (!value.is_array() || value.get_array().size() != count)
            throw input_error(field, "expected a list of " + std::to_string(count) + (request.flat ? " numbers" : " points"));
        dyn_matrix<exact> m(count, d);
        for (std::size_t t = 0; t < count; ++t) {
            const auto coordinates = point(value.get_array()[t], field + "[" + std::to_string(t) + "]");
            for (std::size_t k = 0; k < d; ++k) m(t, k) = coordinates[k];
        }
        return m;
    };
    std::optional<dyn_matrix<exact>> final_point;
    if (const auto* iterates = claims.if_contains("iterates")) result.claims.iterates = points(*iterates, "iterates", n);
    if (const auto* last = claims.if_contains("final")) {
        const auto coordinates = point(*last, "final");
        final_point.emplace(1, d);
        for (std::size_t k = 0; k < d; ++k) (*final_point)(0, k) = coordinates[k];
    }

    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < d; ++k)
            require_provable(request.point(i)[k], "x[" + std::to_string(i) + "][" + std::to_string(k) + "]");
    for (std::size_t k = 0; k < d; ++k) require_provable(request.w0[k], "w0[0][" + std::to_string(k) + "]");
    if (request.steps)
        for (std::size_t t = 0; t < n; ++t) require_provable((*request.steps)[t], "steps[" + std::to_string(t) + "]");
    if (result.claims.iterates) require_provable(*result.claims.iterates, "iterates");
    if (final_point) {
        require_provable(*final_point, "final");
        result.claims.final_point.emplace();
        for (std::size_t k = 0; k < d; ++k) result.claims.final_point->push_back((*final_point)(0, k));
    }
    return result;
}

}  // namespace ncv::tool
