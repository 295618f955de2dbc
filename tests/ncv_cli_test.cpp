// Tests the ncv command's conventions end to end: --version, help, exit statuses, and input that must be refused.
#define BOOST_TEST_MODULE ncv_cli
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "bounded_queue.hpp"
#include "huge_pages.hpp"
#include "tool_test_support.hpp"

namespace {
bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A copy of the binary any user may run, wherever the build directory is (it may be one only its
// owner can enter).
std::filesystem::path copy_anyone_can_run(const std::filesystem::path& copy) {
    const char* exe = std::getenv("NCV_EXE");
    BOOST_REQUIRE(exe != nullptr);
    std::filesystem::copy_file(exe, copy, std::filesystem::copy_options::overwrite_existing);
    std::filesystem::permissions(copy, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                           std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                                           std::filesystem::perms::others_exec);
    return copy;
}

// What runs a command as an ordinary user: root may search any directory and is exempt from the
// process limit, so as root the command runs as nobody.
std::string as_nobody_if_root() { return ::geteuid() == 0 ? "runuser -u nobody -- " : ""; }
}  // namespace

BOOST_AUTO_TEST_SUITE(ncv_cli)

BOOST_AUTO_TEST_CASE(version_and_help) {
    const auto version = run_ncv("--version", "");
    BOOST_TEST(version.status == 0);
    BOOST_TEST(version.out.rfind("ncv ", 0) == 0u);
    const auto help = run_ncv("help", "");
    BOOST_TEST(help.status == 0);
    BOOST_TEST(mentions(help.out, "  conv     solve"), "the subcommand column is aligned");
    BOOST_TEST(mentions(help.out, "3 the output could not be written"));
    const auto help_sgd = run_ncv("help sgd", "");
    BOOST_TEST(help_sgd.status == 0);
    BOOST_TEST(help_sgd.out == run_ncv("sgd --help", "").out);
    BOOST_TEST(run_ncv("help nonsense", "").status == 2);
    BOOST_TEST(mentions(help.out, "count from 1"));
    for (const char* name : {"conv", "sgd", "report", "check", "variant", "prove"}) {
        const auto r = run_ncv(std::string(name) + " --help", "");
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(r.status == 0);
            BOOST_TEST(mentions(r.out, "input"));
            BOOST_TEST(mentions(r.out, "output"));
            BOOST_TEST(mentions(r.out, "exit status: 0"));
            // One convention for naming entries, stated everywhere.
            BOOST_TEST(mentions(r.out, "entries of answers count from 1, as the paper's w11: B(1,2)"));
            BOOST_TEST(mentions(r.out, "(JSON path)"));
        }
    }
}

// A key given twice is refused in every command that reads JSON, naming the key (the DOM would
// silently keep the last value: padding 1, or the second of two answers).
BOOST_AUTO_TEST_CASE(duplicate_keys_are_refused_everywhere) {
    const auto conv = run_ncv("conv", R"({"A": [[1, 2], [3, 4]], "W": [[1]], "padding": 0, "padding": 1})");
    BOOST_TEST(conv.status == 2);
    BOOST_TEST(conv.out.empty());
    BOOST_TEST(mentions(conv.err, "ncv conv: padding: appears twice"));
    const auto sgd = run_ncv("sgd", R"({"x": [1, 2], "x": [3]})");
    BOOST_TEST(sgd.status == 2);
    BOOST_TEST(mentions(sgd.err, "ncv sgd: x: appears twice"));
    const auto check = run_ncv("check", R"({"Q2c.df_dw11": -15, "Q2c.df_dw11": -30})");
    BOOST_TEST(check.status == 2);
    BOOST_TEST(mentions(check.err, "ncv check: Q2c.df_dw11: appears twice"));
    const auto nested = run_ncv("conv", R"({"A": [[1]], "W": [[1]], "C": [[0]], "mask": {"k": 1, "k": 2}})");
    BOOST_TEST(mentions(nested.err, "mask.k: appears twice"));
    // The same key in two different objects is fine.
    BOOST_TEST(run_ncv("sgd", R"({"x": [[1, 2], [3, 4]], "w0": [0, 0]})").status == 0);
}

BOOST_AUTO_TEST_CASE(syntax_errors_give_line_and_column) {
    const auto r = run_ncv("conv", "{\"A\": [[1, 2],\n  [3, 4]],\n  \"W\": [[1]]]\n}");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(mentions(r.err, "malformed JSON at line 3, column 13"), r.err);
}

BOOST_AUTO_TEST_CASE(a_utf8_byte_order_mark_is_accepted) {
    const auto r = run_ncv("conv", "\xEF\xBB\xBF{\"A\": [[1, 2], [3, 4]], \"W\": [[1]]}");
    BOOST_TEST(r.status == 0, r.err);
    BOOST_TEST(mentions(r.out, "\"B\":[[1,2],[3,4]]"));
}

BOOST_AUTO_TEST_CASE(a_directory_is_named_as_one) {
    const auto r = run_ncv("conv " + std::filesystem::temp_directory_path().string(), "");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(mentions(r.err, "is a directory, not a JSON file"));
}

// A file is read whole (a regular file, by its size) or streamed (a pipe, a device): the same
// answer either way, and a missing file is named.
BOOST_AUTO_TEST_CASE(a_file_argument_is_read_whole_or_streamed) {
    const std::string problem = R"({"x": [[1, 2], [3, "1/2"], [5, 0]]})";
    const auto from_stdin = run_ncv("sgd", problem);
    BOOST_TEST(from_stdin.status == 0, from_stdin.err);
    const auto file = std::filesystem::temp_directory_path() / ("ncv_cli_file_" + std::to_string(::getpid()) + ".json");
    std::ofstream(file) << problem;
    const auto regular = run_ncv("sgd " + file.string(), "");
    const auto device = run_ncv("sgd /dev/stdin", problem);
    std::filesystem::remove(file);
    BOOST_TEST(regular.status == 0, regular.err);
    BOOST_TEST(regular.out == from_stdin.out);
    BOOST_TEST(device.status == 0, device.err);
    BOOST_TEST(device.out == from_stdin.out);
    const auto missing = run_ncv("sgd " + file.string(), "");
    BOOST_TEST(missing.status == 2);
    // The system's reason, which tells a missing file from one that cannot be opened.
    BOOST_TEST(missing.err == "ncv sgd: " + file.string() + ": cannot open the file: No such file or directory\n");
    const auto through_a_file = run_ncv("sgd /etc/hostname/p.json", "");
    BOOST_TEST(through_a_file.err == "ncv sgd: /etc/hostname/p.json: cannot open the file: Not a directory\n");
}

// A regular file is mapped, not read: its last byte is the JSON's last, with nothing after it
// (a file of exactly one or two pages ends where the mapping does), and an empty file, which
// cannot be mapped, is read. Each gives what the same text gives on standard input, answer or error.
BOOST_AUTO_TEST_CASE(a_mapped_file_ends_at_its_last_byte) {
    const auto file = std::filesystem::temp_directory_path() / ("ncv_cli_mapped_" + std::to_string(::getpid()) + ".json");
    const auto padded = [](std::string head, std::string tail, std::size_t size) {
        return head + std::string(size - head.size() - tail.size(), ' ') + tail;
    };
    const std::vector<std::pair<std::string, std::string>> cases{
        {"sgd", padded(R"({"x": [1, 2, 3])", "}", 4096)},
        {"sgd", padded(R"({"x": [[1, "1/2"], [3, 4]])", "}", 8192)},
        {"conv", padded(R"({"A": [[1, 2], [3, 4]], "W": [[1]])", "}", 4096)},
        {"conv", padded(R"({"A": [[1, 2], [3, 4)", "5", 4096)},  // cut short at the page's end
        {"sgd", padded(R"({"x": [1, 2, 3)", "4", 4096)},
        {"sgd", ""}};
    for (const auto& [command, text] : cases) {
        std::ofstream(file, std::ios::binary) << text;
        const auto mapped = run_ncv(command + " " + file.string(), "");
        const auto piped = run_ncv(command, text);
        BOOST_TEST_CONTEXT(command << " on " << text.size() << " bytes") {
            BOOST_TEST(mapped.status == piped.status);
            BOOST_TEST(mapped.out == piped.out);
            std::string err = mapped.err;  // the same message, naming the file where the other names "input"
            if (const auto at = err.find(file.string()); at != std::string::npos) err.replace(at, file.string().size(), "input");
            BOOST_TEST(err == piped.err);
            BOOST_TEST((!text.empty() && text.back() == '}' ? mapped.status == 0 : mapped.status == 2), mapped.err);
        }
    }
    std::filesystem::remove(file);
}

// A named pipe (not mapped: read from the descriptor ncv opened) gives what its text gives on
// standard input. Opening it once, not twice, cannot be forced from here: the window in which a
// second opening loses the writer's text is microseconds, and this writer starts slower.
BOOST_AUTO_TEST_CASE(a_named_pipe_is_read_through_one_opening) {
    const char* exe = std::getenv("NCV_EXE");
    BOOST_REQUIRE(exe != nullptr);
    const auto pipe = std::filesystem::temp_directory_path() / ("ncv_cli_pipe_" + std::to_string(::getpid()));
    const auto out = pipe.string() + ".out";
    std::filesystem::remove(pipe);
    const std::string command = "mkfifo " + pipe.string() + " && (printf '{\"x\": [1, 2]}' > " + pipe.string() +
                                " &) && timeout 20 " + exe + " sgd " + pipe.string() + " > " + out;
    const int raw = std::system(command.c_str());
    std::stringstream answer;
    answer << std::ifstream(out).rdbuf();
    std::filesystem::remove(pipe);
    std::filesystem::remove(out);
    BOOST_TEST((WIFEXITED(raw) && WEXITSTATUS(raw) == 0), "status " << raw);
    BOOST_TEST(answer.str() == run_ncv("sgd", R"({"x": [1, 2]})").out);
}

// The queue from ncv sgd's reading thread to its computing one: every value once and in order,
// though the producer outruns a capacity of 3 (and so waits, and is woken, many times); after
// close, what is left, then nothing.
BOOST_AUTO_TEST_CASE(the_bounded_queue_hands_over_every_value_in_order) {
    ncv::tool::bounded_queue<int> queue(3);
    std::vector<int> received;
    std::thread consumer([&] {
        while (const auto value = queue.pop()) received.push_back(*value);
    });
    constexpr int count = 100'000;
    for (int i = 0; i < count; ++i) queue.push(i);
    queue.close();
    consumer.join();
    BOOST_TEST(received.size() == std::size_t(count));
    bool in_order = true;
    for (int i = 0; i < int(received.size()); ++i) in_order = in_order && received[i] == i;
    BOOST_TEST(in_order);

    ncv::tool::bounded_queue<int> closed(4);
    closed.push(1);
    closed.push(2);
    closed.close();
    BOOST_TEST(closed.pop().value_or(0) == 1);
    BOOST_TEST(closed.pop().value_or(0) == 2);
    BOOST_TEST(!closed.pop().has_value());
}

// Only the whole 2 MB blocks inside a buffer are asked to be huge pages: never memory around it.
BOOST_AUTO_TEST_CASE(huge_pages_are_asked_only_inside_the_buffer) {
    constexpr std::uintptr_t mb2 = std::uintptr_t(2) << 20;
    using ncv::tool::whole_huge_pages;
    BOOST_TEST(whole_huge_pages(mb2, 2 * mb2).first == mb2);
    BOOST_TEST(whole_huge_pages(mb2, 2 * mb2).last == 3 * mb2);
    BOOST_TEST(whole_huge_pages(mb2 + 16, 2 * mb2).first == 2 * mb2);
    BOOST_TEST(whole_huge_pages(mb2 + 16, 2 * mb2).last == 3 * mb2);
    BOOST_TEST(whole_huge_pages(mb2 - 16, 2 * mb2 + 15).first == mb2);
    BOOST_TEST(whole_huge_pages(mb2 - 16, 2 * mb2 + 15).last == 2 * mb2);
    const auto small = whole_huge_pages(mb2 + 4096, mb2 - 8192);  // inside one block: none
    BOOST_TEST(small.first >= small.last);
}

// A path ncv may not even examine (a directory it cannot search) is bad input, exit status 2,
// not an uncaught std::filesystem error. As root, the check runs as nobody (root may search
// anything); as another user, in a directory of mode 000.
BOOST_AUTO_TEST_CASE(an_unsearchable_path_is_bad_input_not_a_crash) {
    const auto locked = std::filesystem::temp_directory_path() / ("ncv_cli_locked_" + std::to_string(::getpid()));
    std::filesystem::create_directories(locked);
    std::filesystem::permissions(locked, ::geteuid() == 0 ? std::filesystem::perms::owner_all : std::filesystem::perms::none);
    const auto err = locked.string() + ".err";
    const auto copy = copy_anyone_can_run(locked.string() + ".ncv");
    const std::string command = as_nobody_if_root() + copy.string() + " conv " + (locked / "p.json").string() +
                                " > /dev/null 2> " + err;
    const int raw = std::system(command.c_str());
    std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
    std::filesystem::remove_all(locked);
    std::filesystem::remove(copy);
    std::stringstream message;
    message << std::ifstream(err).rdbuf();
    std::filesystem::remove(err);
    BOOST_TEST((WIFEXITED(raw) && WEXITSTATUS(raw) == 2), "status " << raw << ": " << message.str());
    BOOST_TEST(mentions(message.str(), "cannot open the file: Permission denied"), message.str());
}

// Where the system refuses ncv sgd its second thread (here at most one process or thread for the
// user, set with prlimit), the steps run on the reading thread: the same answer, not an uncaught
// std::system_error and an abort, as before.
BOOST_AUTO_TEST_CASE(sgd_without_a_second_thread_gives_the_same_answer) {
    std::string input = R"({"x": [)";
    for (int i = 0; i < 10'000; ++i) input += (i ? "," : "") + std::to_string(i % 201 - 100);
    input += "]}";
    const auto expected = run_ncv("sgd --final-only", input);
    BOOST_REQUIRE(expected.status == 0);
    const auto base = std::filesystem::temp_directory_path() / ("ncv_cli_one_thread_" + std::to_string(::getpid()));
    const auto json = base.string() + ".json", out = base.string() + ".out", err = base.string() + ".err";
    std::ofstream(json) << input;
    std::filesystem::permissions(json, std::filesystem::perms::others_read, std::filesystem::perm_options::add);
    const auto copy = copy_anyone_can_run(base.string() + ".ncv");
    // Under AddressSanitizer the leak check at exit needs a thread of its own, which the limit
    // refuses too: it is turned off for this one run (the other tests keep it).
    const int raw = std::system((as_nobody_if_root() + "env ASAN_OPTIONS=\"$ASAN_OPTIONS:detect_leaks=0\" prlimit --nproc=1:1 " +
                                 copy.string() + " sgd --final-only " + json + " > " + out + " 2> " + err)
                                    .c_str());
    std::stringstream answer, message;
    answer << std::ifstream(out).rdbuf();
    message << std::ifstream(err).rdbuf();
    for (const auto& file : {json, out, err, copy.string()}) std::filesystem::remove(file);
    BOOST_TEST((WIFEXITED(raw) && WEXITSTATUS(raw) == 0), "status " << raw << ": " << message.str());
    BOOST_TEST(answer.str() == expected.out);
    BOOST_TEST(message.str().empty());
}

BOOST_AUTO_TEST_CASE(nothing_to_grade_is_bad_input) {
    const auto r = run_ncv("check", "{}");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(mentions(r.err, "answers: nothing to grade"));
}

// Each message names the field at fault, at the right depth, with what the user wrote.
BOOST_AUTO_TEST_CASE(messages_name_the_right_field) {
    const auto error = [](const std::string& arguments, const std::string& input) {
        const auto r = run_ncv(arguments, input);
        BOOST_TEST(r.status == 2, arguments + " " + input);
        BOOST_TEST(r.out.empty());
        return r.err;
    };
    BOOST_TEST(error("prove sgd", R"({"x": [[1,2],[3,4]], "final": [[1,2]]})") ==
               "ncv prove: final[0] (JSON path): expected a number, found a list\n");
    BOOST_TEST(error("prove sgd", R"({"x": [[1,2],[3,4]], "final": [1]})") ==
               "ncv prove: final: has dimension 1 but the points have 2\n");
    BOOST_TEST(error("prove conv", R"({"A": [[1]], "W": [[1]], "dw": [[1]]})") ==
               "ncv prove: dw: unknown field (known fields: A, W, padding, stride, mode, C, mask; answers: B, counts, loss, dW, dA)\n");
    BOOST_TEST(error("prove sgd", R"({"x": [1], "last": 1})") ==
               "ncv prove: last: unknown field (known fields: x, w0, steps; answers: iterates, final)\n");
    BOOST_TEST(error("sgd", R"({"x": [[], []]})") == "ncv sgd: x[0] (JSON path): an empty list, but a point needs at least one coordinate\n");
    BOOST_TEST(error("sgd", R"({"x": [[1], []]})") == "ncv sgd: x[1] (JSON path): an empty list, but a point needs at least one coordinate\n");
    BOOST_TEST(mentions(error("sgd", R"({"x": [[1.0]]})"), "(here 1.0, at line 1, column 12)"));
    BOOST_TEST(error("conv", "{\"A\\u0000b\": [[1]], \"W\": [[1]]}") ==
               "ncv conv: A\\u0000b: unknown field (known fields: A, W, padding, stride, mode, C, mask)\n");
    // A count may be a string, as any number may.
    const auto padded = run_ncv("conv", R"({"A": [[1]], "W": [[1]], "padding": "1", "stride": "2/2"})");
    BOOST_TEST(padded.status == 0, padded.err);
    BOOST_TEST(padded.out == run_ncv("conv", R"({"A": [[1]], "W": [[1]], "padding": 1})").out);
    BOOST_TEST(error("conv", R"({"A": [[1]], "W": [[1]], "padding": "1/2"})") ==
               "ncv conv: padding: expected a whole number of at least 0, found \"1/2\"\n");
}

// ncv conv computes B of at most 2^24 entries; beyond, the field to blame is the one that made B so large.
BOOST_AUTO_TEST_CASE(the_size_limit_blames_the_padding_or_the_input) {
    const auto error = [](const std::string& input) { return run_ncv("conv", input).err; };
    BOOST_TEST(error(R"({"A": [[1]], "W": [[1]], "padding": 2048})") ==
               "ncv conv: padding: B would be 4097x4097, more than ncv's limit of 16777216 entries (2^24): reduce the padding "
               "or raise the stride\n");
    // W fits A only with the padding: without it there is no B to compare (once a division by zero).
    BOOST_TEST(error(R"({"A": [[1]], "W": [[-1, -1]], "padding": 2048})") ==
               "ncv conv: padding: B would be 4097x4096, more than ncv's limit of 16777216 entries (2^24): reduce the padding "
               "or raise the stride\n");
    std::string row = "[1", a = "[";
    for (int k = 1; k < 4097; ++k) row += ",1";
    row += "]";
    for (int k = 0; k < 4097; ++k) a += (k ? "," : "") + row;
    BOOST_TEST(error(R"({"A": )" + a + R"(], "W": [[1]]})") ==
               "ncv conv: A: B would be 4097x4097, more than ncv's limit of 16777216 entries (2^24): use a smaller A or raise "
               "the stride\n");
    const auto help = run_ncv("conv --help", "");
    BOOST_TEST(mentions(help.out, "16777216"), help.out);
}

BOOST_AUTO_TEST_CASE(an_unwritable_output_is_an_error) {
    const char* exe = std::getenv("NCV_EXE");
    BOOST_REQUIRE(exe != nullptr);
    // Answers, help and the version alike: what did not arrive is an error, exit status 3.
    for (const char* arguments : {"report", "--help", "help", "help conv", "conv --help", "--version"}) {
        const int raw = std::system((std::string(exe) + " " + arguments + " > /dev/full 2> /dev/null").c_str());
        BOOST_TEST((WIFEXITED(raw) && WEXITSTATUS(raw) == 3), arguments);
    }
}

BOOST_AUTO_TEST_SUITE_END()
