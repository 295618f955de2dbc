// The ncv command: exact worked answers for the exam and for a user's own problems.
#include <algorithm>
#include <cstddef>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>
#include <ncv/version.hpp>

#include "entry_name.hpp"
#include "input_error.hpp"
#include "input_text.hpp"
#include "subcommand.hpp"

namespace po = boost::program_options;

namespace {

// Each subcommand registers itself in its own file; this is only the list, in the order help shows it.
const std::vector<ncv::tool::subcommand>& subcommands() {
    static const std::vector<ncv::tool::subcommand> all{ncv::tool::conv_subcommand(), ncv::tool::sgd_subcommand(),
                                                        ncv::tool::report_subcommand(), ncv::tool::check_subcommand(),
                                                        ncv::tool::variant_subcommand(), ncv::tool::prove_subcommand()};
    return all;
}

void print_usage(std::ostream& out) {
    out << "usage: ncv SUBCOMMAND [OPTIONS] [FILE]\n       ncv help [SUBCOMMAND] | ncv --version\n\nsubcommands:\n";
    std::size_t width = 0;
    for (const auto& s : subcommands()) width = std::max(width, s.name.size());
    for (const auto& s : subcommands()) out << "  " << s.name << std::string(width - s.name.size() + 2, ' ') << s.summary << "\n";
    out << "\n'ncv SUBCOMMAND --help' describes one. Numbers are JSON integers or strings such as \"-7/2\" or \"0.25\".\n"
           "Exit status: 0 done; 1 answers graded wrong (check) or a claim refuted (prove); 2 bad input (one line on\n"
           "standard error naming the field); 3 the output could not be written; 4 not proven (prove: the compiler\n"
           "stopped for another reason; variant: the bank, so nothing is written); 130 interrupted.\n"
           "Names: " << ncv::tool::entry_naming << ".\n";
}

// 0 when standard output took everything; else (a full disk, a closed pipe: the answer did not
// arrive) a line saying so and exit status 3.
int written(std::string_view who) {
    if (std::cout.flush()) return 0;
    std::cerr << who << ": cannot write the output to standard output\n";
    return ncv::tool::exit_output_error;
}

int run_subcommand(const ncv::tool::subcommand& command, int argc, char** argv) {
    po::options_description options(std::string("ncv ") + std::string(command.name) +
                                    (command.reads_json ? " [OPTIONS] [FILE]" : " [OPTIONS]"));
    options.add_options()("help,h", "describe this subcommand");
    if (command.reads_json)
        options.add_options()("file", po::value<std::string>()->default_value(""), "input JSON file; standard input when absent or -");
    command.add_options(options);
    po::positional_options_description positional;
    if (!command.leading_argument.empty()) positional.add(std::string(command.leading_argument).c_str(), 1);
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
        std::cout << command.summary << "\n\n" << options << "\n" << command.details << "\n" << ncv::tool::entry_naming
                  << "\n\nexample:\n  " << command.example << "\n" << std::flush;
        return written("ncv " + std::string(command.name));
    }
    ncv::tool::outcome result;
    try {
        if (command.check_arguments) command.check_arguments(vm);
        if (command.reads_json) {
            const std::string file = vm["file"].as<std::string>();
            const ncv::tool::input_text text(file);
            result = command.run(vm, {text.view(), file.empty() || file == "-" ? "input" : file});
        } else {
            result = command.run(vm, {});
        }
    } catch (const ncv::tool::input_error& e) {
        std::cerr << "ncv " << command.name << ": " << e.what() << "\n";
        return ncv::tool::exit_input_error;
    } catch (const ncv::tool::output_error& e) {
        std::cerr << "ncv " << command.name << ": " << e.what() << "\n";
        return ncv::tool::exit_output_error;
    } catch (const ncv::tool::not_proven& e) {
        std::cerr << "ncv " << command.name << ": " << e.what() << "\n";
        return ncv::tool::exit_not_proven;
    } catch (const ncv::tool::interrupted&) {
        std::cerr << "ncv " << command.name << ": interrupted\n";
        return ncv::tool::exit_interrupted;
    }
    std::cout << result.text << std::flush;  // only once everything succeeded: no partial output
    std::cerr << result.notes;
    const int write_status = written("ncv " + std::string(command.name));
    return write_status != 0 ? write_status : result.status;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
        print_usage(argc < 2 ? std::cerr : std::cout);
        return argc < 2 ? ncv::tool::exit_input_error : written("ncv");
    }
    if (std::string_view(argv[1]) == "--version") {
        std::cout << "ncv " << NCV_VERSION_MAJOR << "." << NCV_VERSION_MINOR << "." << NCV_VERSION_PATCH << "\n";
        return written("ncv");
    }
    if (std::string_view(argv[1]) == "help") {  // ncv help [SUBCOMMAND]: the same as --help
        if (argc == 2) {
            print_usage(std::cout);
            return written("ncv");
        }
        char help_flag[] = "--help";
        char* help_argv[] = {argv[2], help_flag};
        for (const auto& command : subcommands())
            if (command.name == argv[2]) return run_subcommand(command, 2, help_argv);
        std::cerr << "ncv: unknown subcommand '" << argv[2] << "' (see ncv --help)\n";
        return ncv::tool::exit_input_error;
    }
    for (const auto& command : subcommands())
        if (command.name == argv[1]) return run_subcommand(command, argc - 1, argv + 1);
    std::cerr << "ncv: unknown subcommand '" << argv[1] << "' (see ncv --help)\n";
    return ncv::tool::exit_input_error;
}
