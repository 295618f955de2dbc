// Defines the listing of the exam's claims: as verified answers, or as one mutant per claim entry.
#pragma once

#include <cstddef>
#include <iostream>
#include <string>
#include <tuple>

#include <ncv/exam/summer2023.hpp>

#include "exact_grid.hpp"

namespace ncv::listing {

// A mutant raises one entry by one (ncv::exam::claim); the line says what the proof must then report.
template <class T>
void list_mutants(const exam::claim_record<T>& record) {
    const auto grid = tool::grid_of(*record.value);
    for (std::size_t k = 0; k < grid.values.size(); ++k) {
        const tool::exact raised = grid.values[k] + 1;
        std::cout << record.id << ' ' << k << ' ' << k / grid.cols << ' ' << k % grid.cols << ' ' << record.proof << ' '
                  << boost::multiprecision::numerator(raised) << ' ' << boost::multiprecision::denominator(raised) << '\n';
    }
}

template <class T>
void list_verified(const exam::claim_record<T>& record) {
    std::cout << "verified  " << record.id << " = " << tool::grid_text(tool::grid_of(*record.value)) << "  (" << record.statement
              << "; level " << record.level << ", " << record.proof << ")\n";
}

// Every claim of the paper, as verified answers or as mutants.
inline void print_claims(bool mutants) {
    std::apply([&](const auto&... record) { ((mutants ? list_mutants(record) : list_verified(record)), ...); },
               exam::summer2023::claims);
}

}  // namespace ncv::listing
