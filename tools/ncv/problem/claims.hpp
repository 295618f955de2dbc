// Defines the claims `ncv prove` checks beside a problem: read from the input, validated once, typed.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include <ncv/array/matrix.hpp>

#include "exact_number.hpp"
#include "problem/conv.hpp"
#include "problem/sgd.hpp"

namespace ncv::tool {

// The answers each problem's claims may give, named as `ncv conv` and `ncv sgd` print them.
inline constexpr std::array<std::string_view, 5> conv_answer_fields{"B", "counts", "loss", "dW", "dA"};
inline constexpr std::array<std::string_view, 2> sgd_answer_fields{"iterates", "final"};

// Answers claimed for a convolution problem, each of the answer's shape; absent when not claimed.
struct conv_claims {
    std::optional<dyn_matrix<exact>> b, counts;  // counts: non-negative integers
    std::optional<exact> loss;                   // loss and gradients only with a target C
    std::optional<dyn_matrix<exact>> dW, dA;
};

// Answers claimed for an SGD problem: w(1)..w(n) as the rows of an n x d matrix, and w(n).
struct sgd_claims {
    std::optional<dyn_matrix<exact>> iterates;
    std::optional<std::vector<exact>> final_point;
};

template <class Problem, class Claims>
struct claimed {
    Problem problem;
    Claims claims;
};

// The input of `ncv conv` (or `ncv sgd`) with claims beside it. Every number given, data and
// claims, must fit the 64-bit rationals a compile-time proof runs on: input_error, naming the
// field, for anything malformed, misshapen or beyond them.
[[nodiscard]] claimed<conv_request, conv_claims> read_conv_claims(const boost::json::value& input);
[[nodiscard]] claimed<sgd_request, sgd_claims> read_sgd_claims(const boost::json::value& input);

// A number that does not fit ncv::rational<std::int64_t>, the scalar of the compile-time proofs.
[[nodiscard]] bool beyond_64_bit_rationals(const exact& x);

}  // namespace ncv::tool
