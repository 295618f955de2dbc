// Prints the exam's claims as verified answers (default) or as one mutant per claim entry (--mutants).
#include <iostream>
#include <string_view>

#include "claim_listing.hpp"

int main(int argc, char** argv) {
    const bool mutants = argc == 2 && std::string_view(argv[1]) == "--mutants";
    if (argc > 2 || (argc == 2 && !mutants)) {
        std::cerr << "usage: list-claims [--mutants]\n";
        return 2;
    }
    ncv::listing::print_claims(mutants);
    return 0;
}
