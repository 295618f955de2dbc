// Implements the SGD problem: reading and validating a request once, and its exact answer collected whole.
#include "problem/sgd.hpp"

#include <string>
#include <string_view>
#include <utility>

#include "exact_json.hpp"

namespace ncv::tool {

void check_start(std::size_t given, std::size_t dimension) {
    if (given != dimension)
        throw input_error("w0", "has dimension " + std::to_string(given) + " but the points have " + std::to_string(dimension));
}
void check_steps(std::size_t given, std::size_t count) {
    if (given != count)
        throw input_error("steps", "has " + std::to_string(given) + " step sizes for " + std::to_string(count) +
                                       " points: give one per step");
}

namespace {

template <class S>
std::vector<S> from_exact_all(const std::vector<exact>& values) {
    std::vector<S> result;
    result.reserve(values.size());
    for (const auto& v : values) result.push_back(from_exact<S>(v));
    return result;
}

// A point of a run as d exact numbers.
template <class V>
std::vector<exact> exact_point(const V& w) {
    if constexpr (matrix_like<V>) {
        std::vector<exact> coordinates;
        coordinates.reserve(w.rows());
        for (std::size_t k = 0; k < w.rows(); ++k) coordinates.push_back(to_exact(w(k, 0)));
        return coordinates;
    } else {
        return {to_exact(w)};
    }
}

// The observer that keeps the whole run.
struct answer_collector {
    sgd_answer answer;
    void restart(bool) { answer = {}; }
    template <class V>
    void iterate(const V& w) {
        answer.iterates.push_back(exact_point(w));
    }
    template <class V>
    void finish(const V&, const V& mean, bool last_is_mean) {
        answer.mean = exact_point(mean);
        answer.final_equals_mean = last_is_mean;
    }
};

}  // namespace

template <class S>
basic_sgd_request<S> read_sgd_request_as(const boost::json::value& input) {
    if (!input.is_object()) throw input_error("input", "expected a JSON object with at least \"x\"");
    const auto& object = input.get_object();
    require_known_fields(object, {"x", "w0", "steps"}, "");
    if (!object.contains("x")) throw input_error("x", "missing (required): the data points");
    const auto& x = object.at("x");
    if (!x.is_array() || x.get_array().empty())
        throw input_error("x", "expected a non-empty list of points (lists of numbers) or of numbers");

    basic_sgd_request<S> request;
    const auto& items = x.get_array();
    request.flat = !items[0].is_array();
    request.dimension = request.flat ? 1 : items[0].get_array().size();
    request.points.reserve(items.size() * request.dimension);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string_view kind = request.flat ? "a number" : "a point";
        if (items[i].is_array() == request.flat)
            throw input_error("x[" + std::to_string(i) + "]", std::string(items[i].is_array() ? "a point" : "a number") +
                                                               ", but x[0] is " + std::string(kind) +
                                                               ": use one form for all points");
        if (request.flat) {
            request.points.push_back(read_number_as<S>(items[i], [&] { return "x[" + std::to_string(i) + "]"; }));
            continue;
        }
        const auto& coordinates = items[i].get_array();
        if (coordinates.empty() || coordinates.size() != request.dimension)
            throw input_error("x[" + std::to_string(i) + "]", "has dimension " + std::to_string(coordinates.size()) +
                                                               " but x[0] has " + std::to_string(request.dimension) +
                                                               " (points need at least one coordinate)");
        for (std::size_t k = 0; k < coordinates.size(); ++k)
            request.points.push_back(read_number_as<S>(
                coordinates[k], [&] { return "x[" + std::to_string(i) + "][" + std::to_string(k) + "]"; }));
    }
    const std::size_t d = request.dimension;
    request.w0.assign(d, S(0));
    if (const auto* w0 = object.if_contains("w0")) {
        request.w0 = from_exact_all<S>(request.flat && !w0->is_array() ? std::vector<exact>{read_number(*w0, "w0")}
                                                                       : read_vector(*w0, "w0"));
        check_start(request.w0.size(), d);
    }
    if (const auto* steps = object.if_contains("steps")) {
        request.steps = from_exact_all<S>(read_vector(*steps, "steps"));
        check_steps(request.steps->size(), request.count());
    }
    return request;
}

template basic_sgd_request<exact> read_sgd_request_as<exact>(const boost::json::value&);
template basic_sgd_request<rational64> read_sgd_request_as<rational64>(const boost::json::value&);

sgd_request read_sgd_request(const boost::json::value& input) { return read_sgd_request_as<exact>(input); }

sgd_answer solve_sgd(const sgd_request& request) {
    answer_collector collector;
    run_sgd(request, collector);
    return std::move(collector.answer);
}

}  // namespace ncv::tool
