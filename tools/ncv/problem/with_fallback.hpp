// Defines ncv::tool::with_fallback: one computation tried on each scalar tier in turn, the first that suffices answering.
#pragma once

#include <concepts>
#include <stdexcept>
#include <type_traits>

#include "exact_number.hpp"

namespace ncv::tool {

// Calls attempt(std::type_identity<S>{}) for each S of the tiers in order and returns the first
// result. A tier hands over to the next when it overflows (std::overflow_error: detected, never
// wrapped) or meets a fraction on the way to an integer scalar (not_an_integer); what the last
// tier throws (cpp_rational does neither) is the caller's.
template <class First, class... Rest, class Attempt>
[[nodiscard]] decltype(auto) with_fallback(Attempt&& attempt) {
    if constexpr (sizeof...(Rest) == 0) {
        return attempt(std::type_identity<First>{});
    } else {
        try {
            return attempt(std::type_identity<First>{});
        } catch (const std::overflow_error&) {
        } catch (const not_an_integer&) {
        }
        return with_fallback<Rest...>(attempt);
    }
}

// The tiers S, then cpp_rational (S alone when it is cpp_rational).
template <class S, class Attempt>
[[nodiscard]] decltype(auto) on_scalar_or_exact(Attempt&& attempt) {
    if constexpr (std::same_as<S, exact>) return attempt(std::type_identity<exact>{});
    else return with_fallback<S, exact>(attempt);
}

}  // namespace ncv::tool
