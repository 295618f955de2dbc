// Defines ncv::tool::subcommand: what each `ncv` subcommand registers (name, help, options, and how it runs).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include <boost/program_options.hpp>

namespace ncv::tool {

// What a subcommand produces: its whole output, and the exit status (0, or 1 for answers found wrong).
struct outcome {
    outcome(std::string text = {}, int status = 0, std::string notes = {})
        : text(std::move(text)), status(status), notes(std::move(notes)) {}
    std::string text;
    int status = 0;
    std::string notes;  // lines for standard error beside a complete output (a class's bad rows)
};

// The input of a subcommand that reads one: the JSON text, and the name a JSON error gives it
// ("input" for standard input, else the file's name).
struct json_input {
    std::string_view text;
    std::string source;
};

// Each subcommand's file defines one of these; main.cpp only lists them and runs the chosen one.
struct subcommand {
    std::string_view name;
    std::string_view summary;
    std::string_view example;
    bool reads_json = false;  // a JSON document from FILE or standard input
    std::string_view details;  // for --help: the input fields, the output fields, the exit statuses
    // Adds the subcommand's own options (beyond --help and FILE).
    std::function<void(boost::program_options::options_description&)> add_options;
    // Reads the input (a malformed document is reported before the options), validates the
    // options, computes the whole answer; throws input_error on bad input.
    std::function<outcome(const boost::program_options::variables_map&, const json_input&)> run;
    std::string_view leading_argument{};  // the name of an option given as the first word, before FILE ("prove conv")
    // Validates the arguments that need no input, before any is read: `ncv prove FILE` (the word
    // forgotten) is refused at once instead of waiting on standard input. Throws input_error.
    std::function<void(const boost::program_options::variables_map&)> check_arguments{};
};

// The value of a string option that has a default or was checked to be present.
[[nodiscard]] inline std::string option_text(const boost::program_options::variables_map& vm, const char* name) {
    return vm[name].as<std::string>();
}

[[nodiscard]] subcommand conv_subcommand();
[[nodiscard]] subcommand sgd_subcommand();
[[nodiscard]] subcommand report_subcommand();
[[nodiscard]] subcommand check_subcommand();
[[nodiscard]] subcommand variant_subcommand();
[[nodiscard]] subcommand prove_subcommand();

}  // namespace ncv::tool
