// Defines the writer of compile-time proofs: a user's problem and claimed answers as a translation unit of static_asserts.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "problem/claims.hpp"

namespace ncv::tool {

// A proof that cannot be written: an answer ncv computed does not fit the compile-time scalar.
struct not_provable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The part of a translation unit that proves one problem: the headers it needs (below
// include/ncv/), its declarations and static_asserts, and the names of the claims it proves.
struct proof_section {
    std::vector<std::string> headers;
    std::string body;
    std::vector<std::string> claims;
};

// A convolution problem and the claims B, counts, loss, dW, dA; a claim not given is ncv's own
// run-time answer, so the compiler checks it as a second evaluator. Each claim is one
// ncv::proof::agrees, which names the refuted entry and both values. Throws not_provable for a
// computed answer beyond 64-bit rationals.
[[nodiscard]] proof_section conv_proof(const conv_request& problem, const conv_claims& claims);

// An SGD problem and the claims iterates (w(1)..w(n)) and final (w(n)).
[[nodiscard]] proof_section sgd_proof(const sgd_request& problem, const sgd_claims& claims);

// One translation unit: what wrote it and the command that compiles it (its first comment), the
// headers of every section, each section in its own namespace (none when the name is empty) so
// that two problems can share a unit.
[[nodiscard]] std::string proof_unit(const std::string& written_by,
                                     const std::vector<std::pair<std::string, proof_section>>& sections,
                                     const std::string& compile_command);

}  // namespace ncv::tool
