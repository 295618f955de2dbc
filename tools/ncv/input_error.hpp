// Defines how a subcommand fails: input_error (bad input, one line naming the field, exit status 2), output_error (exit 3), not_proven (exit 4), interrupted (exit 130).
#pragma once

#include <stdexcept>
#include <string>

namespace ncv::tool {

// The message on one printable line: a control character the input carried (a NUL or a newline
// inside a key) is written as JSON writes it, \u0000, instead of cutting or breaking the line.
inline std::string one_line(const std::string& text) {
    constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) out += std::string("\\u00") + hex[u >> 4] + hex[u & 15];
        else out += c;
    }
    return out;
}

// The field as a message names it: a JSON path into the input (A[0][1], counting from 0 as JSON
// does) is labelled as one, so that it is not read as an entry of an answer (B(1,2), from 1).
inline std::string field_label(const std::string& field) {
    return field.find('[') == std::string::npos ? field : field + " (JSON path)";
}

class input_error : public std::runtime_error {
public:
    input_error(const std::string& field, const std::string& problem)
        : std::runtime_error(one_line(field_label(field) + ": " + problem)) {}
};

// An output that could not be written (a full disk, a closed pipe), named as input_error names a field; exit status 3.
class output_error : public std::runtime_error {
public:
    output_error(const std::string& where, const std::string& problem) : std::runtime_error(where + ": " + problem) {}
};

// Answers that were to be proven before being written and were not (the compiler refused them or
// could not run); nothing is written, the reason goes to standard error; exit status 4.
class not_proven : public std::runtime_error {
public:
    explicit not_proven(const std::string& why) : std::runtime_error("not proven: " + one_line(why)) {}
};

// The user pressed Ctrl-C while a subcommand waited on another program; exit status 130 (128 + SIGINT).
struct interrupted {};

inline constexpr int exit_input_error = 2;
inline constexpr int exit_output_error = 3;
inline constexpr int exit_not_proven = 4;
inline constexpr int exit_interrupted = 130;

}  // namespace ncv::tool
