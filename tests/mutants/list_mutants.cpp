// Prints one line per mutant (claim, entry, row, column, proof, raised value); meson runs it at configure time.
#include "../../proofs/claim_listing.hpp"

int main() {
    ncv::listing::print_claims(true);
    return 0;
}
