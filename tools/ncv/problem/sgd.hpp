// Defines the SGD problem of `ncv sgd` and its users: the request, read and validated once, the run, and the typed answer.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include <boost/json.hpp>

#include <ncv/array/matrix.hpp>
#include <ncv/nn/sgd.hpp>

#include "exact_number.hpp"
#include "problem/answer.hpp"
#include "problem/with_fallback.hpp"
#include "problem_document.hpp"

namespace ncv::tool {

// The fields of `ncv sgd`'s input.
inline constexpr std::array<std::string_view, 3> sgd_input_fields{"x", "w0", "steps"};

// The problem on scalar R: exact (cpp_rational), a 64-bit tier, or (read without a DOM) 64-bit integers.
template <class R>
struct basic_sgd_request {
    std::size_t dimension = 0;               // d
    std::vector<R> points;                   // n points of dimension d, row after row (n·d numbers)
    std::vector<R> w0;                       // d numbers; zeros by default
    std::optional<std::vector<R>> steps;     // n step sizes; η_t = 1/(t+1) by default
    bool flat = false;                       // points were given as a flat list of numbers (d = 1)

    [[nodiscard]] std::size_t count() const { return points.size() / dimension; }
    [[nodiscard]] std::span<const R> point(std::size_t i) const { return {points.data() + i * dimension, dimension}; }
};
using sgd_request = basic_sgd_request<exact>;

// Throws input_error, naming the field, for anything malformed or inconsistent; on 64-bit
// rationals, std::overflow_error for a number beyond them.
template <class S>
[[nodiscard]] basic_sgd_request<S> read_sgd_request_as(const problem_document& document);
[[nodiscard]] sgd_request read_sgd_request(const boost::json::value& input);

// The request on 64-bit integers, the typed lists moved out of the document, when x, w0 and steps
// are all typed (or absent; w0 may be one integer for numbers); nullopt for any other document.
[[nodiscard]] std::optional<basic_sgd_request<integer64>> take_integer_request(problem_document& document);

// The checks both readers make once the points are read, with the same words.
void check_start(std::size_t given, std::size_t dimension);
void check_steps(std::size_t given, std::size_t count);

// What a run reports, on the tier S it runs on, with V = S for d = 1 and a d x 1 dyn_matrix<S>
// otherwise: restart(flat) before each tier's run (forget what an overflowed tier reported;
// flat: the points were given as numbers), iterate(w) for w(1)..w(n) as they are computed, then
// finish(w(n), mean, w(n) == mean).
template <class O>
concept sgd_observer = requires(O& o, bool flat) { o.restart(flat); };

// The points of a one-dimensional request as scalars S, converted as sgd reads each one: a
// million points are not copied into a second vector first.
template <class S, class R>
struct points_as {
    std::span<const R> points;
    [[nodiscard]] std::size_t size() const { return points.size(); }
    [[nodiscard]] S operator[](std::size_t i) const { return as_scalar<S>(points[i]); }
};

// The end of a run: the mean of the points from their sum, and whether the last iterate is it.
template <class S, class V, sgd_observer O>
void finish_run(O& observer, const V& last, const V& sum, std::size_t n) {
    const V mean = S(1) / S(static_cast<long long>(n)) * sum;
    observer.finish(last, mean, last == mean);
}

namespace detail {

// The generic ncv::sgd on tier S with vector type V (std::overflow_error where S does not suffice).
template <class S, class V, class R, sgd_observer O>
void run_sgd_on(const basic_sgd_request<R>& request, O& observer) {
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
    const auto run = [&](const auto& data) {
        const V w0 = to_vector(request.w0);
        const auto step = [&](std::size_t t) { return as_scalar<S>((*request.steps)[t]); };
        const auto visit = [&](std::size_t, const V& w) { observer.iterate(w); };
        const V last = request.steps ? sgd<S>(data, w0, n, visit, step) : sgd<S>(data, w0, n, visit);
        V sum = data[0];
        for (std::size_t i = 1; i < n; ++i) sum = sum + V(data[i]);
        finish_run<S>(observer, last, sum, n);
    };
    if constexpr (std::is_same_v<V, S>) {
        run(points_as<S, R>{request.points});
    } else {
        std::vector<V> data;
        data.reserve(n);
        for (std::size_t i = 0; i < n; ++i) data.push_back(to_vector(request.point(i)));
        run(data);
    }
}

}  // namespace detail

// The run on 64-bit rationals, several times faster than unbounded ones, while they suffice;
// from the first overflow, all over again on cpp_rational: always exact.
template <class R, sgd_observer O>
void run_sgd(const basic_sgd_request<R>& request, O& observer) {
    with_fallback<rational64, exact>([&]<class S>(std::type_identity<S>) {
        observer.restart(request.flat);
        if (request.dimension == 1) detail::run_sgd_on<S, S>(request, observer);
        else detail::run_sgd_on<S, dyn_matrix<S>>(request, observer);
    });
}

// The document's problem read on the fastest tier that holds it and run as above.
template <sgd_observer O>
void run_sgd(problem_document document, O& observer) {
    if (auto request = take_integer_request(document)) return run_sgd(*request, observer);
    with_fallback<rational64, exact>(
        [&]<class S>(std::type_identity<S>) { run_sgd(read_sgd_request_as<S>(document), observer); });
}

// The whole answer, exact: for the working and the proofs.
struct sgd_answer {
    std::vector<std::vector<exact>> iterates;  // w(1)..w(n), d numbers each
    std::vector<exact> mean;
    bool final_equals_mean = false;
};
[[nodiscard]] sgd_answer solve_sgd(const sgd_request& request);

}  // namespace ncv::tool
