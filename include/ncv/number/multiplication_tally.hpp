// Defines ncv::multiplication_tally: a scalar that records every multiplication an input element takes part in.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>

namespace ncv {

/// The counting scalar. An input element carries the address of its own counter; every product
/// in which it is an operand adds one to that counter, and the product (like a sum) is a plain
/// value that carries no counter. Running the unchanged generic cross_correlate once on these
/// scalars therefore leaves, in the counters, how many multiplications each input element took
/// part in: one pass for the whole count matrix. The counters live outside the scalars (in the
/// caller's count matrix), so a copy of an element records into the same counter, and the
/// scalar holds no container (g++ 12 mishandles fixed-size arrays of allocating objects
/// returned from constant evaluation). Two values are equal when they record into the same
/// counter.
class multiplication_tally {
public:
    constexpr multiplication_tally() = default;  ///< zero: padding, a kernel element, any product or sum

    /// An input element whose multiplications are added to `counter`, which must outlive every
    /// multiplication of it.
    [[nodiscard]] static constexpr multiplication_tally recorded_in(std::size_t& counter) noexcept {
        multiplication_tally t;
        t.counter_ = &counter;
        return t;
    }

    /// A sum adds no multiplication: the tally of a sum is empty.
    [[nodiscard]] friend constexpr multiplication_tally operator+(const multiplication_tally&,
                                                                  const multiplication_tally&) noexcept {
        return {};
    }

    /// A product of two tallies records one multiplication of their input elements.
    [[nodiscard]] friend constexpr multiplication_tally operator*(const multiplication_tally& a,
                                                                  const multiplication_tally& b) noexcept {
        if (a.counter_ != nullptr) ++*a.counter_;
        if (b.counter_ != nullptr) ++*b.counter_;
        return {};
    }

    /// Equal tallies.
    friend constexpr bool operator==(const multiplication_tally&, const multiplication_tally&) = default;

private:
    std::size_t* counter_ = nullptr;
};

}  // namespace ncv
