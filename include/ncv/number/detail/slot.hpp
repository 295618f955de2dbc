// Defines ncv::detail::slot<T>: one place of a fixed-capacity container, made empty without making a T.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <type_traits>

namespace ncv::detail {

/// A place that holds nothing (one byte) until a whole T is assigned to it (`place = t`), and is
/// then read and changed through `value`. The growing containers (a polynomial's terms, a tape's
/// nodes) keep arrays of these, not of T: clang's constant evaluator runs the constructor of every
/// element of an array it makes, so an array of T costs T's constructor times the capacity each
/// time a container is made, where an empty place costs one byte (benchmark "compile time of the
/// proofs"). A union copies bytewise, so this form is for T whose copy and destruction are
/// trivial; `slot` gives any other T a struct with the same `value`.
template <class T>
union empty_or_value {
    constexpr empty_or_value() noexcept : empty() {}
    constexpr empty_or_value(const T& t) : value(t) {}  // NOLINT(google-explicit-constructor)

    unsigned char empty;
    T value;
};

/// The same interface for a T that a union cannot copy: made with T's own default value.
template <class T>
struct always_value {
    constexpr always_value() = default;
    constexpr always_value(const T& t) : value(t) {}  // NOLINT(google-explicit-constructor)

    T value{};
};

/// One place for a T in a fixed-capacity container: read `value` only after assigning a T.
template <class T>
using slot = std::conditional_t<std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                                empty_or_value<T>, always_value<T>>;

}  // namespace ncv::detail
