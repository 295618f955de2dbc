// Prints one line per mutant (claim, entry, row, column, proof, raised value); tests/meson.build runs it at configure time.
#include "claim_listing.hpp"

int main() {
    ncv::listing::print_claims(true);
    return 0;
}
