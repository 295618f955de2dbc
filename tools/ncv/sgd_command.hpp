// Defines `ncv sgd`: exact SGD on a user's data for C(w) = 1/(2n) Σ‖w − x⁽ⁱ⁾‖², read as JSON.
#pragma once

#include <cstddef>
#include <span>
#include <optional>
#include <vector>

#include <boost/json.hpp>

#include "exact_json.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

struct sgd_request {
    std::size_t dimension = 0;                 // d
    std::vector<exact> points;                 // n points of dimension d, row after row (n·d numbers)
    std::vector<exact> w0;                     // d numbers; zeros by default
    std::optional<std::vector<exact>> steps;   // n step sizes; η_t = 1/(t+1) by default
    bool flat = false;                         // points were given as a flat list of numbers (d = 1)

    [[nodiscard]] std::size_t count() const { return points.size() / dimension; }
    [[nodiscard]] std::span<const exact> point(std::size_t i) const { return {points.data() + i * dimension, dimension}; }
};

// Throws input_error, naming the field, for anything malformed or inconsistent.
[[nodiscard]] sgd_request read_sgd_request(const boost::json::value& input);

// {"iterates": [w1, …, wn] (or [wn] with final_only), "mean": …, "final_equals_mean": …}.
[[nodiscard]] boost::json::object solve_sgd(const sgd_request& request, bool final_only);

}  // namespace ncv::tool
