// The ncv command: exact worked answers for the exam and for a user's own problems.
#include <algorithm>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include "check_command.hpp"
#include "conv_command.hpp"
#include "report_command.hpp"
#include "sgd_command.hpp"
#include "variant_command.hpp"
#include "input_error.hpp"

namespace po = boost::program_options;

namespace {

// What a subcommand produces: its whole output, and the exit status (0, or 1 for `check` with wrong answers).
struct outcome {
    std::string text;
    int status = 0;
};

struct subcommand {
    std::string_view name;
    std::string_view summary;
    std::string_view example;
    bool reads_json;  // a JSON document from FILE or standard input
    // Computes the whole answer; throws input_error on bad input.
    std::function<outcome(const po::variables_map&, const boost::json::value&)> run;
    std::function<void(po::options_description&)> add_options = [](po::options_description&) {};
};

std::string read_input(const std::string& file) {
    std::ostringstream text;
    if (file.empty() || file == "-") {
        text << std::cin.rdbuf();
        return text.str();
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ncv::tool::input_error(file, "cannot open the file");
    text << in.rdbuf();
    return text.str();
}

std::string option(const po::variables_map& vm, const char* name) { return vm[name].as<std::string>(); }

const std::vector<subcommand>& subcommands() {
    static const std::vector<subcommand> all{
        {"conv", "solve a 2-D convolution problem exactly: B, multiplication counts, loss and gradients",
         "echo '{\"A\": [[1,2,3],[4,5,6],[7,8,9]], \"W\": [[1,0],[0,\"-1/2\"]], \"C\": [[0,0],[0,0]]}' | ncv conv", true,
         [](const po::variables_map&, const boost::json::value& input) {
             return outcome{boost::json::serialize(ncv::tool::solve_conv(ncv::tool::read_conv_request(input))) + "\n"};
         }},
        {"sgd", "run SGD exactly on C(w) = 1/(2n) sum |w - x(i)|^2 (eta_t = 1/(t+1), i_t = t+1 unless given)",
         "echo '{\"x\": [[1, 2], [3, \"1/2\"], [5, 0]]}' | ncv sgd", true,
         [](const po::variables_map& vm, const boost::json::value& input) {
             return outcome{boost::json::serialize(ncv::tool::solve_sgd(ncv::tool::read_sgd_request(input),
                                                                        vm.count("final-only") > 0)) +
                            "\n"};
         },
         [](po::options_description& options) {
             options.add_options()("final-only", "print only the last iterate w(n) under \"iterates\"");
         }},
        {"report", "the paper's worked solutions: every answer computed, compared with the claim, its proof named",
         "ncv report --format markdown > solutions.md", false,
         [](const po::variables_map& vm, const boost::json::value&) {
             return outcome{ncv::tool::make_report(ncv::tool::parse_report_format(option(vm, "format")))};
         },
         [](po::options_description& options) {
             options.add_options()("format", po::value<std::string>()->default_value("text"), "text, markdown, latex or json");
         }},
        {"check", "grade a student's answers (JSON: id -> value) to the paper or to a variant, with feedback",
         "echo '{\"Q2c.df_dw11\": -15, \"Q1b.w2\": [\"1/2\", \"1/2\"]}' | ncv check", true,
         [](const po::variables_map& vm, const boost::json::value& input) {
             const auto instance = vm.count("variant") ? ncv::tool::variant_instance(ncv::tool::parse_seed(option(vm, "variant")))
                                                       : ncv::tool::paper_instance();
             const std::string format = option(vm, "format");
             if (format != "json" && format != "text") throw ncv::tool::input_error("--format", "expected json or text, found '" + format + "'");
             const auto results = ncv::tool::check_answers(instance, input);
             const bool all_correct = std::all_of(results.begin(), results.end(), [](const auto& r) { return r.correct; });
             return outcome{ncv::tool::format_check(results, format == "text"), all_correct ? 0 : 1};
         },
         [](po::options_description& options) {
             options.add_options()("variant", po::value<std::string>(), "grade against variant SEED instead of the paper")(
                 "format", po::value<std::string>()->default_value("json"), "json or text");
         }},
        {"variant", "a new instance of Q1b and Q2 with its answers, the same for a seed everywhere",
         "ncv variant --seed 7 --format cpp > variant7.cpp", false,
         [](const po::variables_map& vm, const boost::json::value&) {
             if (!vm.count("seed")) throw ncv::tool::input_error("--seed", "missing (required)");
             return outcome{ncv::tool::format_variant(ncv::tool::variant_instance(ncv::tool::parse_seed(option(vm, "seed"))),
                                                      ncv::tool::parse_variant_format(option(vm, "format")))};
         },
         [](po::options_description& options) {
             options.add_options()("seed", po::value<std::string>(), "the variant's seed (a whole number)")(
                 "format", po::value<std::string>()->default_value("json"), "json, markdown or cpp");
         }},
    };
    return all;
}

void print_usage(std::ostream& out) {
    out << "usage: ncv SUBCOMMAND [OPTIONS] [FILE]\n\nsubcommands:\n";
    for (const auto& s : subcommands()) out << "  " << s.name << "  " << s.summary << "\n";
    out << "\n'ncv SUBCOMMAND --help' describes one. Numbers are JSON integers or strings such as \"-7/2\" or \"0.25\".\n"
           "Exit status: 0 success, 2 bad input (one line on standard error naming the field).\n";
}

int run_subcommand(const subcommand& command, int argc, char** argv) {
    po::options_description options(std::string("ncv ") + std::string(command.name) +
                                    (command.reads_json ? " [OPTIONS] [FILE]" : " [OPTIONS]"));
    options.add_options()("help,h", "describe this subcommand");
    if (command.reads_json)
        options.add_options()("file", po::value<std::string>()->default_value(""), "input JSON file; standard input when absent or -");
    command.add_options(options);
    po::positional_options_description positional;
    if (command.reads_json) positional.add("file", 1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "ncv " << command.name << ": arguments: " << e.what() << "\n";
        return ncv::tool::exit_input_error;
    }
    if (vm.count("help")) {
        std::cout << command.summary << "\n\n" << options << "\nexample:\n  " << command.example << "\n";
        return 0;
    }
    outcome result;
    try {
        boost::json::value input;
        if (command.reads_json) {
            const std::string file = vm["file"].as<std::string>();
            input = ncv::tool::parse_json(read_input(file), file.empty() || file == "-" ? "input" : file);
        }
        result = command.run(vm, input);
    } catch (const ncv::tool::input_error& e) {
        std::cerr << "ncv " << command.name << ": " << e.what() << "\n";
        return ncv::tool::exit_input_error;
    }
    std::cout << result.text;  // only once everything succeeded: no partial output
    return result.status;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
        print_usage(argc < 2 ? std::cerr : std::cout);
        return argc < 2 ? ncv::tool::exit_input_error : 0;
    }
    for (const auto& command : subcommands())
        if (command.name == argv[1]) return run_subcommand(command, argc - 1, argv + 1);
    std::cerr << "ncv: unknown subcommand '" << argv[1] << "' (see ncv --help)\n";
    return ncv::tool::exit_input_error;
}
