// Implements the SGD problem: reading and validating a request once, and its exact answer collected whole.
#include "problem/sgd.hpp"

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "exact_json.hpp"
#include "problem_document.hpp"

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

namespace {

// A typed list member as S (moved out of a document the reader may consume).
template <class S, class Document>
std::vector<S> list_member(Document& document, const std::string& name) {
    auto& typed = document.lists.find(name)->second;
    if constexpr (!std::is_const_v<Document> && std::same_as<S, integer64>) {
        return std::move(typed);
    } else {
        std::vector<S> result;
        result.reserve(typed.size());
        for (const auto& x : typed) result.push_back(as_scalar<S>(x));
        return result;
    }
}

// x from a DOM value, naming the item of any error.
template <class S>
void read_points(const boost::json::value& x, basic_sgd_request<S>& request) {
    if (!x.is_array() || x.get_array().empty())
        throw input_error("x", "expected a non-empty list of points (lists of numbers) or of numbers");
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
        if (coordinates.empty())
            throw input_error("x[" + std::to_string(i) + "]", "an empty list, but a point needs at least one coordinate");
        if (coordinates.size() != request.dimension)
            throw input_error("x[" + std::to_string(i) + "]", "has dimension " + std::to_string(coordinates.size()) +
                                                               " but x[0] has " + std::to_string(request.dimension));
        for (std::size_t k = 0; k < coordinates.size(); ++k)
            request.points.push_back(read_number_as<S>(
                coordinates[k], [&] { return "x[" + std::to_string(i) + "][" + std::to_string(k) + "]"; }));
    }
}

template <class S, class Document>
basic_sgd_request<S> read_sgd_document(Document& document) {
    if (document.whole) throw input_error("input", "expected a JSON object with at least \"x\"");
    require_known_fields(document.names, sgd_input_fields, "");
    if (!document.contains("x")) throw input_error("x", "missing (required): the data points");
    basic_sgd_request<S> request;
    if (document.lists.contains("x")) {
        request.flat = true;
        request.dimension = 1;
        request.points = list_member<S>(document, "x");
    } else if (auto typed = document.matrices.find("x"); typed != document.matrices.end()) {
        request.dimension = typed->second.cols();
        const auto& m = typed->second;
        request.points.reserve(m.rows() * m.cols());
        for (std::size_t k = 0; k < m.rows() * m.cols(); ++k) request.points.push_back(as_scalar<S>(m.data()[k]));
    } else {
        read_points(*document.value("x"), request);
    }
    const std::size_t d = request.dimension;
    request.w0.assign(d, S(0));
    if (document.lists.contains("w0")) request.w0 = list_member<S>(document, "w0");
    else if (const auto* w0 = document.value("w0"))
        request.w0 = from_exact_all<S>(request.flat && !w0->is_array() ? std::vector<exact>{read_number(*w0, "w0")}
                                                                       : read_vector(*w0, "w0"));
    if (document.contains("w0")) check_start(request.w0.size(), d);
    if (document.lists.contains("steps")) request.steps = list_member<S>(document, "steps");
    else if (const auto* steps = document.value("steps")) request.steps = from_exact_all<S>(read_vector(*steps, "steps"));
    if (request.steps) check_steps(request.steps->size(), request.count());
    return request;
}

}  // namespace

template <class S>
basic_sgd_request<S> read_sgd_request_as(const problem_document& document) {
    return read_sgd_document<S>(document);
}

template basic_sgd_request<exact> read_sgd_request_as<exact>(const problem_document&);
template basic_sgd_request<rational64> read_sgd_request_as<rational64>(const problem_document&);

std::optional<basic_sgd_request<integer64>> take_integer_request(problem_document& document) {
    const auto typed_or_absent = [&](const char* name) { return document.lists.contains(name) || !document.contains(name); };
    const bool x_typed = document.lists.contains("x") || document.matrices.contains("x");
    const auto* w0 = document.value("w0");
    const bool w0_typed = typed_or_absent("w0") || (w0 && w0->is_int64() && document.lists.contains("x"));
    if (!x_typed || !w0_typed || !typed_or_absent("steps")) return std::nullopt;
    if (w0) {  // a single integer start for numbers: as the reader takes it, a list of one
        document.lists["w0"] = {integer64(w0->get_int64())};
        document.values.erase("w0");
    }
    return read_sgd_document<integer64>(document);
}

sgd_request read_sgd_request(const boost::json::value& input) { return read_sgd_request_as<exact>(document_of(input)); }

sgd_answer solve_sgd(const sgd_request& request) {
    answer_collector collector;
    run_sgd(request, collector);
    return std::move(collector.answer);
}

}  // namespace ncv::tool
