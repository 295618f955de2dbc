// Implements the compilation of proof units: fork and exec of the configured compiler, at most one per core.
#include "proof_compiler.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "input_error.hpp"
#include "prove_config.hpp"

namespace ncv::tool {

namespace {

// A fresh directory under $TMPDIR (or /tmp), removed when done. Without one, nothing can be
// compiled: that is the user's environment to mend.
class scratch_directory {
public:
    scratch_directory() {
        const char* tmpdir = std::getenv("TMPDIR");
        const std::string parent = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
        std::string pattern = parent + "/ncv-prove-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr)
            throw input_error(tmpdir != nullptr && *tmpdir != '\0' ? "TMPDIR" : "TMPDIR (unset, so /tmp)",
                              "cannot create a directory in " + parent + ": " + std::strerror(errno) +
                                  "; set TMPDIR to a writable directory");
        path_ = pattern;
    }
    scratch_directory(const scratch_directory&) = delete;
    scratch_directory& operator=(const scratch_directory&) = delete;
    ~scratch_directory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// Ctrl-C ignored by ncv while its compilers run (they stop on it, and ncv then reports it);
// the previous disposition restored when done.
class sigint_ignored {
public:
    sigint_ignored() {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        ::sigemptyset(&ignore.sa_mask);
        ::sigaction(SIGINT, &ignore, &previous_);
    }
    sigint_ignored(const sigint_ignored&) = delete;
    sigint_ignored& operator=(const sigint_ignored&) = delete;
    ~sigint_ignored() { ::sigaction(SIGINT, &previous_, nullptr); }

private:
    struct sigaction previous_ {};
};

// Starts `/bin/sh -c command` with Ctrl-C at its default; -1 when no process could be made.
pid_t start(const std::string& command) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::signal(SIGINT, SIG_DFL);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

}  // namespace

std::vector<compiled_unit> compile_units(std::size_t count,
                                         const std::function<std::string(std::size_t, const std::string&)>& unit_text,
                                         const std::string& headers) {
    const scratch_directory folder;
    std::vector<std::string> commands;
    for (std::size_t i = 0; i < count; ++i) {
        const auto unit = folder.path() / ("proof" + std::to_string(i) + ".cpp");
        const auto log = folder.path() / ("compiler" + std::to_string(i) + ".txt");
        if (!(std::ofstream(unit) << unit_text(i, unit.string())))
            throw input_error("TMPDIR", "cannot write " + unit.string() + ": " + std::strerror(errno));
        commands.push_back("exec " + prove_config::compile_command(headers, unit.string()) + " > " +
                           prove_config::shell_quoted(log.string()) + " 2>&1");
    }
    const std::size_t jobs = std::max(1u, std::thread::hardware_concurrency());
    std::vector<compiled_unit> results(count);
    std::map<pid_t, std::size_t> running;
    bool stopped = false;
    {
        const sigint_ignored ctrl_c;
        std::size_t next = 0;
        while (next < count || !running.empty()) {
            while (!stopped && next < count && running.size() < jobs) {
                const pid_t pid = start(commands[next]);
                if (pid < 0) throw input_error("compiler", std::string("cannot start a process: ") + std::strerror(errno));
                running[pid] = next++;
            }
            if (running.empty()) break;
            int status = 0;
            const pid_t done = ::waitpid(-1, &status, 0);
            if (done < 0) {
                if (errno == EINTR) continue;
                break;
            }
            const auto it = running.find(done);
            if (it == running.end()) continue;
            // A compiler ended by Ctrl-C (or a shell reporting 128 + SIGINT) stops the rest.
            if ((WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) || (WIFEXITED(status) && WEXITSTATUS(status) == 128 + SIGINT))
                stopped = true;
            results[it->second].status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            running.erase(it);
        }
    }
    if (stopped) throw interrupted();
    for (std::size_t i = 0; i < count; ++i) {
        std::ifstream log(folder.path() / ("compiler" + std::to_string(i) + ".txt"));
        results[i].diagnostics.assign(std::istreambuf_iterator<char>(log), std::istreambuf_iterator<char>());
    }
    return results;
}

std::string first_error(const compiled_unit& unit) {
    std::istringstream lines(unit.diagnostics);
    std::string line;
    while (std::getline(lines, line))
        if (line.find("error") != std::string::npos) return line;
    return "the compiler failed (exit status " + std::to_string(unit.status) + ")";
}

}  // namespace ncv::tool
