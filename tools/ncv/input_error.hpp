// Defines ncv::tool::input_error: bad user input, reported as one line naming the field, exit status 2.
#pragma once

#include <stdexcept>
#include <string>

namespace ncv::tool {

class input_error : public std::runtime_error {
public:
    input_error(const std::string& field, const std::string& problem) : std::runtime_error(field + ": " + problem) {}
};

inline constexpr int exit_input_error = 2;
inline constexpr int exit_output_error = 3;  // standard output could not be written (a full disk, a closed pipe)

}  // namespace ncv::tool
