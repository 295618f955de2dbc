// Defines the options that choose a bank's variants, shared by `ncv variant` and `ncv check --variant`.
#pragma once

#include <boost/program_options.hpp>

#include "exam_instance.hpp"

namespace ncv::tool {

// --input-size, --kernel-size, --padding, --stride, --reading, --a-range, --w-range, --c-range, --x-range.
void add_variant_options(boost::program_options::options_description& options);

// The options given (the paper's shapes for those not given); input_error names a malformed one.
[[nodiscard]] variant_options read_variant_options(const boost::program_options::variables_map& vm);

}  // namespace ncv::tool
