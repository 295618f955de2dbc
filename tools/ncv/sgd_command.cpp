// Implements `ncv sgd`: binds its options to the SGD problem and prints the answer or the working.
#include <string>
#include <string_view>

#include <boost/json.hpp>
#include <boost/program_options.hpp>

#include "answer_text.hpp"
#include "exact_json.hpp"
#include "explain_options.hpp"
#include "input_error.hpp"
#include "problem/sgd.hpp"
#include "problem/sgd_while_reading.hpp"
#include "subcommand.hpp"
#include "worked_solutions.hpp"

namespace ncv::tool {

subcommand sgd_subcommand() {
    return {.name = "sgd",
            .summary =
                "run SGD exactly on C(w) = 1/(2n) sum |w - x(i)|^2, the points in the order given (eta_t = 1/(t+1) unless \"steps\")",
            .example = "echo '{\"x\": [[1, 2], [3, \"1/2\"], [5, 0]]}' | ncv sgd",
            .reads_json = true,
            .details =
            "input (a JSON object):\n"
            "  x       the data: a list of points (lists of numbers, one dimension for all) or of numbers (required)\n"
            "  w0      the start (default: zero)\n"
            "  steps   one step size per point (default: eta_t = 1/(t+1), which makes every iterate a running mean)\n"
            "output: iterates (w(1)..w(n), or only w(n) with --final-only), mean, final_equals_mean (JSON);\n"
            "  with --explain, the working instead: every step with its numbers, then the mean\n"
            "exit status: 0 done, 2 bad input, 3 the output could not be written",
            .add_options =
            [](boost::program_options::options_description& options) {
                options.add_options()("final-only", "print only the last iterate w(n) under \"iterates\"");
                add_explain_options(options);
            },
            .run =
            [](const boost::program_options::variables_map& vm, const json_input& input) {
                if (!vm.count("explain") && !vm.count("format")) {
                    sgd_answer_writer writer(vm.count("final-only") > 0);
                    run_sgd_text(input.text, input.source, writer);
                    return outcome{writer.take() + "\n"};
                }
                const auto request = read_sgd_request(parse_json(input.text, input.source));
                const auto format = explain_format(vm);  // --format without --explain: an input_error
                if (vm.count("final-only")) throw input_error("--final-only", "not with --explain, which shows every step");
                return outcome{explain_sgd(request, format.value())};
            }};
}

}  // namespace ncv::tool
