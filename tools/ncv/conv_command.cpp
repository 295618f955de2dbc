// Implements `ncv conv`: binds its options to the convolution problem and prints the answer or the working.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>
#include <boost/program_options.hpp>

#include "answer_text.hpp"
#include "exact_json.hpp"
#include "explain_options.hpp"
#include "input_error.hpp"
#include "problem/conv.hpp"
#include "subcommand.hpp"
#include "worked_solutions.hpp"

namespace ncv::tool {

subcommand conv_subcommand() {
    return {.name = "conv",
            .summary = "solve a 2-D convolution problem exactly: B, multiplication counts, loss and gradients",
            .example = "echo '{\"A\": [[1,2,3],[4,5,6],[7,8,9]], \"W\": [[1,0],[0,\"-1/2\"]], \"C\": [[0,0],[0,0]]}' | ncv conv",
            .reads_json = true,
            .details =
            "input (a JSON object):\n"
            "  A, W       the input and the kernel: lists of rows of numbers (required)\n"
            "  padding    zeros around A on every side (default 0); stride (default 1); B may have at most\n"
            "             16777216 (2^24) entries\n"
            "  mode       \"cross-correlation\" (default) or \"convolution\" (W turned by 180 degrees)\n"
            "  C          a target the shape of B: asks for the loss f = sum m_ij (b_ij - c_ij)^2 and its gradients\n"
            "  mask       \"all\" (default), \"diagonal\", or a 0/1 matrix the shape of B\n"
            "output: B, counts (how many kernel elements multiply each a_ij) and, with C, loss, dW, dA (JSON);\n"
            "  with --explain, the working instead: the products of every window of B, the counts axis by axis,\n"
            "  and with C the loss term by term and the chain rule for each --entry (default dW(1,1) and dA(1,1))\n"

            "exit status: 0 done, 2 bad input, 3 the output could not be written",
            .add_options =
            [](boost::program_options::options_description& options) {
                add_explain_options(options);
                options.add_options()("entry", boost::program_options::value<std::vector<std::string>>()->composing(),
                                      "with --explain: a gradient entry to work out, 'dW(i,j)' or 'dA(i,j)' counting from 1 "
                                      "(quoted for the shell), or dW or dA for all; may be repeated");
            },
            .run =
            [](const boost::program_options::variables_map& vm, const json_input& input) {
                if (!vm.count("explain") && !vm.count("format") && !vm.count("entry"))
                    return outcome{answer_json(solve_conv(input.text, input.source)) + "\n"};
                const auto document = parse_json(input.text, input.source);  // a malformed document before the options
                const auto format = explain_format(vm);
                if (!format) throw input_error("--entry", "only with --explain");
                const auto request = read_conv_request(document);
                if (vm.count("entry") && !request.has_loss)
                    throw input_error("--entry", "a gradient needs the loss: give a target C");
                const auto entries = parse_gradient_entries(
                    vm.count("entry") ? vm["entry"].as<std::vector<std::string>>() : std::vector<std::string>{"dW(1,1)", "dA(1,1)"},
                    request.problem);
                return outcome{explain_conv(request, entries, *format)};
            }};
}

}  // namespace ncv::tool
