// Defines how the exam's claims are declared: ncv::exam::claim, the mutation hook mutants use, and claim_record.
#pragma once

#include <ncv/version.hpp>  // first: it refuses a language older than C++20

#include <cstddef>
#include <string_view>

#include <ncv/proof/entries.hpp>
#include <ncv/proof/fixed_string.hpp>

namespace ncv::exam {

/// The mutation hook. By default it changes nothing. A mutant translation unit (tests/mutants)
/// specialises claim_mutation<void> before the exam header is included, naming one claim and
/// one entry; claim() then raises that entry by one, and the proofs must fail to compile.
/// This keeps mutants free of macros and generated from the claims themselves.
template <class = void>
struct claim_mutation {
    /// The id of the claim to change ("" for none).
    static constexpr std::string_view claim{};
    /// Which entry of it, row-major from 0.
    static constexpr std::size_t entry = 0;
};

namespace detail {
/// void, spelled through a class template so that claim_mutation<void> stays a dependent
/// name inside claim() and is instantiated only after a mutant's specialisation
/// (clang folds std::void_t<T> to plain void too early for that).
template <class>
struct void_for {
    using type = void;
};
}  // namespace detail

/// Declares a claim of the paper: the value, as printed, under a stable id such as "Q2a.B".
template <fixed_string Id, class T>
[[nodiscard]] constexpr T claim(T value) {
    using mutation = claim_mutation<typename detail::void_for<T>::type>;
    if (mutation::claim == Id.view()) {
        auto& entry = entry_grid<T>::at(value, mutation::entry);
        entry = entry + 1;
    }
    return value;
}

/// What tools and tests need to know about a claim besides its value.
template <class T>
struct claim_record {
    std::string_view id;         ///< "Q2a.B"
    std::string_view statement;  ///< one line: what the paper claims
    std::string_view proof;      ///< the proof file that checks it, relative to the project root
    int level;                   ///< the proof strength, as the README defines it (1 = one instance ... 4 = every size)
    /// The claimed value, a constant with static storage.
    const T* value;
};

/// The value type from the pointer.
template <class T>
claim_record(std::string_view, std::string_view, std::string_view, int, const T*) -> claim_record<T>;

}  // namespace ncv::exam
