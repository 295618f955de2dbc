// Defines the listing of the exam's claims: as verified answers, or as one mutant per claim entry.
#pragma once

#include <cstddef>
#include <iostream>
#include <sstream>
#include <string>
#include <tuple>

#include <ncv/exam/summer2023.hpp>
#include <ncv/proof/entries.hpp>

namespace ncv::listing {

template <class T>
std::string format_value(const T& value) {
    using grid = entry_grid<T>;
    std::ostringstream out;
    const auto entry = [&](std::size_t k) { out << as_rational(grid::at(value, k)); };
    if constexpr (grid::rows == 1 && grid::cols == 1) {
        entry(0);
    } else {
        const bool nested = grid::rows > 1;
        out << '[';
        for (std::size_t i = 0; i < grid::rows; ++i) {
            if (i > 0) out << ", ";
            if (nested) out << '[';
            for (std::size_t j = 0; j < grid::cols; ++j) {
                if (j > 0) out << ", ";
                entry(i * grid::cols + j);
            }
            if (nested) out << ']';
        }
        out << ']';
    }
    return out.str();
}

// A mutant raises one entry by one (ncv::exam::claim); the line says what the proof must then report.
template <class T>
void list_mutants(const exam::claim_record<T>& record) {
    using grid = entry_grid<T>;
    for (std::size_t k = 0; k < entry_count<T>; ++k) {
        const auto raised = as_rational(grid::at(*record.value, k)) + 1;
        std::cout << record.id << ' ' << k << ' ' << k / grid::cols << ' ' << k % grid::cols << ' ' << record.proof
                  << ' ' << raised.numerator() << ' ' << raised.denominator() << '\n';
    }
}

template <class T>
void list_verified(const exam::claim_record<T>& record) {
    std::cout << "verified  " << record.id << " = " << format_value(*record.value) << "  (" << record.statement
              << "; level " << record.level << ", " << record.proof << ")\n";
}

// Every claim of the paper, as verified answers or as mutants.
inline void print_claims(bool mutants) {
    std::apply([&](const auto&... record) { ((mutants ? list_mutants(record) : list_verified(record)), ...); },
               exam::summer2023::claims);
}

}  // namespace ncv::listing
