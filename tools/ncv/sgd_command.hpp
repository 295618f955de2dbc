// Defines `ncv sgd`: exact SGD on a user's data for C(w) = 1/(2n) Σ‖w − x⁽ⁱ⁾‖², read as JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "exact_json.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

// The problem on scalar S: exact (cpp_rational) or ncv::rational<std::int64_t>.
template <class S>
struct basic_sgd_request {
    std::size_t dimension = 0;               // d
    std::vector<S> points;                   // n points of dimension d, row after row (n·d numbers)
    std::vector<S> w0;                       // d numbers; zeros by default
    std::optional<std::vector<S>> steps;     // n step sizes; η_t = 1/(t+1) by default
    bool flat = false;                       // points were given as a flat list of numbers (d = 1)

    [[nodiscard]] std::size_t count() const { return points.size() / dimension; }
    [[nodiscard]] std::span<const S> point(std::size_t i) const { return {points.data() + i * dimension, dimension}; }
};
using sgd_request = basic_sgd_request<exact>;

// Throws input_error, naming the field, for anything malformed or inconsistent; on
// ncv::rational<std::int64_t>, std::overflow_error for a number beyond 64 bits.
template <class S>
[[nodiscard]] basic_sgd_request<S> read_sgd_request_as(const boost::json::value& input);
[[nodiscard]] sgd_request read_sgd_request(const boost::json::value& input);

// {"iterates": [w1, …, wn] (or [wn] with final_only), "mean": …, "final_equals_mean": …} as
// JSON text: on 64-bit rationals while they suffice, else (from the first overflow) all over
// again on cpp_rational, so the answer is always exact.
template <class S>
[[nodiscard]] std::string solve_sgd_text(const basic_sgd_request<S>& request, bool final_only);
[[nodiscard]] boost::json::object solve_sgd(const sgd_request& request, bool final_only);

// The same from the input text, read without a DOM (integer data only; see streamed_problem),
// or nullopt for anything else, which the DOM reader then reads; throws input_error as it would.
[[nodiscard]] std::optional<std::string> solve_streamed_sgd_text(std::string_view text, bool final_only);

}  // namespace ncv::tool
