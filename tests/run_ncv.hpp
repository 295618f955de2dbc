// Defines run_ncv for the tool tests: runs the ncv binary (path in NCV_EXE) on an input and captures status, stdout and stderr.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

struct run_result {
    int status;
    std::string out;
    std::string err;
};

// Runs the installed-to-be binary (path from the NCV_EXE environment variable) on the input.
inline run_result run_ncv(const std::string& arguments, const std::string& input) {
    const char* exe = std::getenv("NCV_EXE");
    BOOST_REQUIRE_MESSAGE(exe != nullptr, "NCV_EXE must name the ncv binary");
    const auto dir = std::filesystem::temp_directory_path() / ("ncv_conv_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "in.json") << input;
    const std::string command = std::string(exe) + " " + arguments + " < " + (dir / "in.json").string() + " > " +
                                (dir / "out").string() + " 2> " + (dir / "err").string();
    const int raw = std::system(command.c_str());
    const auto slurp = [](const std::filesystem::path& p) {
        std::stringstream s;
        s << std::ifstream(p).rdbuf();
        return s.str();
    };
    run_result r{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(dir / "out"), slurp(dir / "err")};
    std::filesystem::remove_all(dir);
    return r;
}

