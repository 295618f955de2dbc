// Implements --explain and --format: which working to write, or none (the answer as JSON).
#include "explain_options.hpp"

#include "input_error.hpp"

namespace ncv::tool {

report_format parse_explain_format(const std::string& name) {
    if (name == "text") return report_format::text;
    if (name == "markdown") return report_format::markdown;
    if (name == "latex") return report_format::latex;
    throw input_error("--format", "expected text, markdown or latex, found '" + name + "' (without --explain the output is JSON)");
}

void add_explain_options(boost::program_options::options_description& options) {
    options.add_options()("explain", "write the working for this problem instead of the JSON answer")(
        "format", boost::program_options::value<std::string>(), "with --explain: text (default), markdown or latex");
}

std::optional<report_format> explain_format(const boost::program_options::variables_map& vm) {
    if (!vm.count("explain")) {
        if (vm.count("format")) throw input_error("--format", "only with --explain (without it the output is JSON)");
        return std::nullopt;
    }
    return parse_explain_format(vm.count("format") ? vm["format"].as<std::string>() : "text");
}

}  // namespace ncv::tool
