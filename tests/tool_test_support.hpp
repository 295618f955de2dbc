// Defines what the ncv command's tests share: running the binary (path in NCV_EXE), and catching and checking input errors.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "input_error.hpp"

struct run_result {
    int status;
    std::string out;
    std::string err;
};

// Runs the installed-to-be binary (path from the NCV_EXE environment variable) on the input, with
// `environment` (such as "TMPDIR=/x") set for it alone.
inline run_result run_ncv(const std::string& arguments, const std::string& input, const std::string& environment = "") {
    const char* exe = std::getenv("NCV_EXE");
    BOOST_REQUIRE_MESSAGE(exe != nullptr, "NCV_EXE must name the ncv binary");
    const auto dir = std::filesystem::temp_directory_path() / ("ncv_tool_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "in.json") << input;
    const std::string command = environment + (environment.empty() ? "" : " ") + std::string(exe) + " " + arguments + " < " + (dir / "in.json").string() + " > " +
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

// The input_error message that f() throws, or "" if it succeeds.
template <class F>
std::string input_error_of(F f) {
    try {
        f();
    } catch (const ncv::tool::input_error& e) {
        return e.what();
    }
    return "";
}

// What f() returns, or the input_error message it throws instead.
template <class F>
std::string answer_or_error(F f) {
    try {
        return f();
    } catch (const ncv::tool::input_error& e) {
        return e.what();
    }
}

// An error message must begin with the field it names.
inline void check_names_field(const std::string& message, const std::string& field) {
    BOOST_TEST_CONTEXT(message) { BOOST_TEST(message.rfind(field, 0) == 0u); }
}
