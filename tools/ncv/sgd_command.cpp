// Implements `ncv sgd`: the generic ncv::sgd run exactly, on 64-bit rationals while they suffice, else unbounded ones.
#include "sgd_command.hpp"

#include <concepts>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include <ncv/array/matrix.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/number/rational.hpp>

#include "answer_text.hpp"
#include "streamed_problem.hpp"
#include "worked_solutions.hpp"

namespace ncv::tool {

namespace {

// The checks both readers share once the points are read, with the same words.
void check_start(std::size_t given, std::size_t dimension) {
    if (given != dimension)
        throw input_error("w0", "has dimension " + std::to_string(given) + " but the points have " + std::to_string(dimension));
}
void check_steps(std::size_t given, std::size_t count) {
    if (given != count)
        throw input_error("steps", "has " + std::to_string(given) + " step sizes for " + std::to_string(count) +
                                       " points: give one per step");
}

template <class S>
std::vector<S> from_exact_all(const std::vector<exact>& values) {
    std::vector<S> result;
    result.reserve(values.size());
    for (const auto& v : values) result.push_back(from_exact<S>(v));
    return result;
}

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
template basic_sgd_request<rational<std::int64_t>> read_sgd_request_as<rational<std::int64_t>>(const boost::json::value&);

sgd_request read_sgd_request(const boost::json::value& input) { return read_sgd_request_as<exact>(input); }

namespace {

// A point as the request gave it: a number for flat input, else a list of numbers.
template <class S, class V>
void append_point(std::string& out, const V& v, bool flat) {
    if constexpr (std::is_same_v<V, S>) {
        if (!flat) out += '[';
        append_number(out, v);
        if (!flat) out += ']';
    } else {
        out += '[';
        for (std::size_t k = 0; k < v.rows(); ++k) {
            if (k) out += ',';
            append_number(out, v(k, 0));
        }
        out += ']';
    }
}

// A number of the request (scalar R) as the scalar S the run computes on: throws
// std::overflow_error where it does not fit S.
template <class S, class R>
S as_scalar(const R& x) {
    if constexpr (std::same_as<S, R>) return x;
    else if constexpr (std::same_as<S, exact>) return to_exact(x);
    else if constexpr (std::same_as<R, checked_integer<std::int64_t>>) return S(x.value());
    else return from_exact<S>(x);
}

// The points of a one-dimensional request as scalars S, converted as sgd reads each one: a
// million points are not copied into a second vector first.
template <class S, class R>
struct points_as {
    const std::vector<R>& points;
    [[nodiscard]] std::size_t size() const { return points.size(); }
    [[nodiscard]] S operator[](std::size_t i) const { return as_scalar<S>(points[i]); }
};

// Runs the generic sgd on scalar S with vector type V: S itself for d = 1 (no matrix per
// step), a d x 1 dyn_matrix otherwise.
template <class S, class V, class R>
std::string run_with(const basic_sgd_request<R>& request, bool final_only) {
    const std::size_t n = request.count(), d = request.dimension;
    const auto to_vector = [&](std::span<const R> coordinates) {
        if constexpr (std::is_same_v<V, S>) {
            return as_scalar<S>(coordinates[0]);
        } else {
            V v(d, 1);
            for (std::size_t k = 0; k < d; ++k) v(k, 0) = as_scalar<S>(coordinates[k]);
            return v;
        }
    };
    const auto answer = [&](const auto& data) {
        std::string out = "{\"iterates\":[";
        bool first = true;
        const auto visit = [&](std::size_t, const V& w) {
            if (final_only) return;
            if (!first) out += ',';
            first = false;
            append_point<S>(out, w, request.flat);
        };
        const V w0 = to_vector(request.w0);
        const auto step = [&](std::size_t t) { return as_scalar<S>((*request.steps)[t]); };
        const V last = request.steps ? sgd<S>(data, w0, n, visit, step) : sgd<S>(data, w0, n, visit);
        if (final_only) append_point<S>(out, last, request.flat);

        V sum = data[0];
        for (std::size_t i = 1; i < n; ++i) sum = sum + V(data[i]);
        const V mean = S(1) / S(static_cast<long long>(n)) * sum;
        out += "],\"mean\":";
        append_point<S>(out, mean, request.flat);
        out += ",\"final_equals_mean\":";
        out += last == mean ? "true}" : "false}";
        return out;
    };
    if constexpr (std::is_same_v<V, S>) {
        return answer(points_as<S, R>{request.points});
    } else {
        std::vector<V> data;
        data.reserve(n);
        for (std::size_t i = 0; i < n; ++i) data.push_back(to_vector(request.point(i)));
        return answer(data);
    }
}

template <class S, class R>
std::string run_on(const basic_sgd_request<R>& request, bool final_only) {
    return request.dimension == 1 ? run_with<S, S>(request, final_only) : run_with<S, dyn_matrix<S>>(request, final_only);
}

}  // namespace

template <class S>
std::string solve_sgd_text(const basic_sgd_request<S>& request, bool final_only) {
    // 64-bit rationals are several times faster than unbounded ones; any overflow (detected,
    // never wrapped) restarts the whole run on cpp_rational, so the answer is always exact.
    try {
        return run_on<rational<std::int64_t>>(request, final_only);
    } catch (const std::overflow_error&) {
        return run_on<exact>(request, final_only);
    }
}

template std::string solve_sgd_text<exact>(const basic_sgd_request<exact>&, bool);
template std::string solve_sgd_text<rational<std::int64_t>>(const basic_sgd_request<rational<std::int64_t>>&, bool);
template std::string solve_sgd_text<checked_integer<std::int64_t>>(const basic_sgd_request<checked_integer<std::int64_t>>&,
                                                                   bool);

boost::json::object solve_sgd(const sgd_request& request, bool final_only) {
    return parse_json(solve_sgd_text(request, final_only), "ncv sgd's answer").as_object();
}

namespace {

// The input's tiers: read on 64-bit rationals, or (a number beyond them) on cpp_rational.
std::string solve_sgd_text(const boost::json::value& input, bool final_only) {
    std::optional<basic_sgd_request<rational<std::int64_t>>> fast;
    try {
        fast = read_sgd_request_as<rational<std::int64_t>>(input);
    } catch (const std::overflow_error&) {
        return solve_sgd_text(read_sgd_request(input), final_only);
    }
    return solve_sgd_text(*fast, final_only);
}

}  // namespace

std::optional<std::string> solve_streamed_sgd_text(std::string_view text, bool final_only) {
    auto problem = read_streamed_problem(text, {"x"}, {"x", "w0", "steps"}, {"w0"});
    if (!problem) return std::nullopt;
    using integer = checked_integer<std::int64_t>;
    basic_sgd_request<integer> request;
    auto& lists = problem->lists;
    if (const auto list = lists.find("x"); list != lists.end()) {
        request.flat = true;
        request.dimension = 1;
        request.points = std::move(list->second);
    } else if (const auto matrix = problem->matrices.find("x"); matrix != problem->matrices.end()) {
        const auto& m = matrix->second;
        request.dimension = m.cols();
        request.points.assign(m.data(), m.data() + m.rows() * m.cols());
    } else {
        return std::nullopt;  // no x: the DOM reader says so
    }
    const std::size_t d = request.dimension;
    if (const auto w0 = lists.find("w0"); w0 != lists.end()) {
        request.w0 = std::move(w0->second);
    } else if (const auto* scalar = problem->scalars.if_contains("w0")) {
        if (!request.flat || !scalar->is_int64()) return std::nullopt;  // the DOM reader's to judge
        request.w0 = {integer(scalar->get_int64())};
    } else {
        request.w0.assign(d, integer(0));
    }
    check_start(request.w0.size(), d);
    if (const auto steps = lists.find("steps"); steps != lists.end()) {
        request.steps = std::move(steps->second);
        check_steps(request.steps->size(), request.count());
    }
    return solve_sgd_text(request, final_only);
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
                if (!vm.count("explain") && !vm.count("format"))
                    return outcome{solve_sgd_text(input, vm.count("final-only") > 0) + "\n"};
                const auto request = read_sgd_request(input);
                const auto format = explain_format(vm);  // --format without --explain: an input_error
                if (vm.count("final-only")) throw input_error("--final-only", "not with --explain, which shows every step");
                return outcome{explain_sgd(request, format.value())};
            },
            "",
            answer_on_text([](const boost::program_options::variables_map& vm, std::string_view text) {
                return solve_streamed_sgd_text(text, vm.count("final-only") > 0);
            })};
}

}  // namespace ncv::tool
