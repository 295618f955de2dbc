// Defines ncv::fixed_string: a string literal usable as a template argument (claim ids, proof labels).
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <string_view>

namespace ncv {

/// A string literal as a structural type, so a claim's id can be a template argument (agrees<"Q2a.B", ...>).
template <std::size_t N>
struct fixed_string {
    char text[N]{};  ///< public: a template argument must be a structural type

    /// From a string literal (N counts its terminating zero).
    constexpr fixed_string(const char (&literal)[N]) {  // NOLINT(google-explicit-constructor)
        for (std::size_t i = 0; i < N; ++i) text[i] = literal[i];
    }

    /// The text without the terminating zero.
    [[nodiscard]] constexpr std::string_view view() const noexcept { return {text, N - 1}; }
};

}  // namespace ncv
