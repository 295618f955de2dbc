// Implements `ncv sgd`: the generic ncv::sgd run exactly, on 64-bit rationals while they suffice, else unbounded ones.
#include "sgd_command.hpp"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <ncv/array/matrix.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/number/rational.hpp>

#include "worked_solutions.hpp"

namespace ncv::tool {

sgd_request read_sgd_request(const boost::json::value& input) {
    if (!input.is_object()) throw input_error("input", "expected a JSON object with at least \"x\"");
    const auto& object = input.get_object();
    require_known_fields(object, {"x", "w0", "steps"}, "");
    if (!object.contains("x")) throw input_error("x", "missing (required): the data points");
    const auto& x = object.at("x");
    if (!x.is_array() || x.get_array().empty())
        throw input_error("x", "expected a non-empty list of points (lists of numbers) or of numbers");

    sgd_request request;
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
            request.points.push_back(read_number_as<exact>(items[i], [&] { return "x[" + std::to_string(i) + "]"; }));
            continue;
        }
        const auto& coordinates = items[i].get_array();
        if (coordinates.empty() || coordinates.size() != request.dimension)
            throw input_error("x[" + std::to_string(i) + "]", "has dimension " + std::to_string(coordinates.size()) +
                                                               " but x[0] has " + std::to_string(request.dimension) +
                                                               " (points need at least one coordinate)");
        for (std::size_t k = 0; k < coordinates.size(); ++k)
            request.points.push_back(read_number_as<exact>(
                coordinates[k], [&] { return "x[" + std::to_string(i) + "][" + std::to_string(k) + "]"; }));
    }
    const std::size_t d = request.dimension;
    request.w0.assign(d, exact(0));
    if (const auto* w0 = object.if_contains("w0")) {
        request.w0 = request.flat && !w0->is_array() ? std::vector<exact>{read_number(*w0, "w0")} : read_vector(*w0, "w0");
        if (request.w0.size() != d)
            throw input_error("w0", "has dimension " + std::to_string(request.w0.size()) + " but the points have " +
                                        std::to_string(d));
    }
    if (const auto* steps = object.if_contains("steps")) {
        request.steps = read_vector(*steps, "steps");
        if (request.steps->size() != request.count())
            throw input_error("steps", "has " + std::to_string(request.steps->size()) + " step sizes for " +
                                           std::to_string(request.count()) + " points: give one per step");
    }
    return request;
}

namespace {

// The iterates' and the mean's coordinates, in the request's form (numbers for flat input).
boost::json::value write_point(const std::vector<exact>& point, bool flat) {
    return flat ? write_number(point[0]) : write_vector(point);
}

// Runs the generic sgd on scalar S with vector type V: S itself for d = 1 (no matrix per
// step), a d x 1 dyn_matrix otherwise.
template <class S, class V>
boost::json::object run_with(const sgd_request& request, bool final_only) {
    const std::size_t n = request.count(), d = request.dimension;
    const auto to_vector = [&](std::span<const exact> coordinates) {
        if constexpr (std::is_same_v<V, S>) {
            return from_exact<S>(coordinates[0]);
        } else {
            V v(d, 1);
            for (std::size_t k = 0; k < d; ++k) v(k, 0) = from_exact<S>(coordinates[k]);
            return v;
        }
    };
    const auto to_json = [&](const V& v) {
        std::vector<exact> coordinates;
        if constexpr (std::is_same_v<V, S>) coordinates.push_back(to_exact(v));
        else
            for (std::size_t k = 0; k < d; ++k) coordinates.push_back(to_exact(v(k, 0)));
        return write_point(coordinates, request.flat);
    };

    std::vector<V> data;
    data.reserve(n);
    for (std::size_t i = 0; i < n; ++i) data.push_back(to_vector(request.point(i)));
    std::vector<S> steps;
    if (request.steps)
        for (const auto& s : *request.steps) steps.push_back(from_exact<S>(s));

    boost::json::array iterates;
    const auto visit = [&](std::size_t, const V& w) {
        if (!final_only) iterates.push_back(to_json(w));
    };
    const V w0 = to_vector(request.w0);
    const V last = request.steps ? sgd<S>(data, w0, n, visit, [&](std::size_t t) { return steps[t]; })
                                 : sgd<S>(data, w0, n, visit);
    if (final_only) iterates.push_back(to_json(last));

    V sum = data[0];
    for (std::size_t i = 1; i < n; ++i) sum = sum + data[i];
    const V mean = S(1) / S(static_cast<long long>(n)) * sum;
    boost::json::object result;
    result["iterates"] = std::move(iterates);
    result["mean"] = to_json(mean);
    result["final_equals_mean"] = last == mean;
    return result;
}

template <class S>
boost::json::object run(const sgd_request& request, bool final_only) {
    return request.dimension == 1 ? run_with<S, S>(request, final_only) : run_with<S, dyn_matrix<S>>(request, final_only);
}

}  // namespace

boost::json::object solve_sgd(const sgd_request& request, bool final_only) {
    // 64-bit rationals are several times faster than unbounded ones; any overflow (detected,
    // never wrapped) restarts the whole run on cpp_rational, so the answer is always exact.
    try {
        return run<rational<std::int64_t>>(request, final_only);
    } catch (const std::overflow_error&) {
        return run<exact>(request, final_only);
    }
}

subcommand sgd_subcommand() {
    return {"sgd", "run SGD exactly on C(w) = 1/(2n) sum |w - x(i)|^2, the points in the order given (eta_t = 1/(t+1) unless \"steps\")",
            "echo '{\"x\": [[1, 2], [3, \"1/2\"], [5, 0]]}' | ncv sgd", true,
            "input (a JSON object):\n"
            "  x       the data: a list of points (lists of numbers, one dimension for all) or of numbers (required)\n"
            "  w0      the start (default: zero)\n"
            "  steps   one step size per point (default: eta_t = 1/(t+1), which makes every iterate a running mean)\n"
            "output: iterates (w(1)..w(n), or only w(n) with --final-only), mean, final_equals_mean (JSON);\n"
            "  with --explain, the working instead: every step with its numbers, then the mean\n"
            "exit status: 0 done, 2 bad input, 3 the output could not be written",
            [](boost::program_options::options_description& options) {
                options.add_options()("final-only", "print only the last iterate w(n) under \"iterates\"");
                add_explain_options(options);
            },
            [](const boost::program_options::variables_map& vm, const boost::json::value& input) {
                const auto request = read_sgd_request(input);
                if (const auto format = explain_format(vm)) {
                    if (vm.count("final-only")) throw input_error("--final-only", "not with --explain, which shows every step");
                    return outcome{explain_sgd(request, *format)};
                }
                return outcome{boost::json::serialize(solve_sgd(request, vm.count("final-only") > 0)) + "\n"};
            }};
}

}  // namespace ncv::tool
