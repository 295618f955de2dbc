// Defines the streamed SGD run: a problem of integers read without a DOM, and SGD run while the reader hands over the points.
#pragma once

#include <atomic>
#include <exception>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "bounded_queue.hpp"
#include "problem/sgd.hpp"
#include "streamed_problem.hpp"

namespace ncv::tool {

namespace streamed_sgd {

// w0 as the reader found it (zeros if absent), or nullopt where the DOM reader is to judge it
// (a string, or a single number for points of a matrix).
inline std::optional<std::vector<integer64>> start_point(const streamed_problem& problem, bool flat, std::size_t d) {
    if (const auto w0 = problem.lists.find("w0"); w0 != problem.lists.end()) return w0->second;
    if (const auto* scalar = problem.scalars.if_contains("w0")) {
        if (!flat || !scalar->is_int64()) return std::nullopt;
        return std::vector<integer64>{integer64(scalar->get_int64())};
    }
    return std::vector<integer64>(d, integer64(0));
}

// The problem as the reader kept it, points and all: run for the observer (true), or declined.
template <sgd_observer O>
bool run_read_problem(streamed_problem& problem, O& observer) {
    basic_sgd_request<integer64> request;
    auto& lists = problem.lists;
    if (const auto list = lists.find("x"); list != lists.end()) {
        request.flat = true;
        request.dimension = 1;
        request.points = std::move(list->second);
    } else if (const auto matrix = problem.matrices.find("x"); matrix != problem.matrices.end()) {
        const auto& m = matrix->second;
        request.dimension = m.cols();
        request.points.assign(m.data(), m.data() + m.rows() * m.cols());
    } else {
        return false;  // no x: the DOM reader says so
    }
    auto w0 = start_point(problem, request.flat, request.dimension);
    if (!w0) return false;
    request.w0 = std::move(*w0);
    check_start(request.w0.size(), request.dimension);
    if (const auto steps = lists.find("steps"); steps != lists.end()) {
        request.steps = std::move(steps->second);
        check_steps(request.steps->size(), request.count());
    }
    run_sgd(request, observer);
    return true;
}

// SGD on a flat list of integers with the default steps, on 64-bit rationals, run while the reader
// hands over the points (a list_sink's consumer). The points are never stored, which saves writing
// fresh pages, and the steps run on a second thread while the reading goes on (a list of more than
// one chunk), which hides the reading (tools/bench/sgd_vs_fraction.py). Anything the run
// does not cover (a step list, w0 after x or malformed, an overflow) stops it, and the caller
// reads the text again, keeping the points.
template <sgd_observer O>
class sgd_while_reading {
public:
    using S = rational64;

    explicit sgd_while_reading(O& observer) : observer_(observer) {}
    sgd_while_reading(const sgd_while_reading&) = delete;
    sgd_while_reading& operator=(const sgd_while_reading&) = delete;
    ~sgd_while_reading() { wait(); }

    // The reader's thread.
    bool consume(std::span<const integer64> chunk, const streamed_problem& so_far, bool last) {
        if (stopped_) return false;
        if (!started_) {
            started_ = true;
            if (!start(so_far)) return stop();
            if (!last) start_computing();  // one chunk needs no second thread
        }
        if (!computing_.joinable()) return run(chunk);
        chunks_.push(std::vector<integer64>(chunk.begin(), chunk.end()));
        return true;
    }

    // Waits for the steps to end; rethrows what ended them other than an overflow.
    void finish() {
        wait();
        if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    }

    [[nodiscard]] bool started() const { return started_; }
    [[nodiscard]] bool stopped() const { return stopped_; }

    // After finish(): whether the run answered the whole problem, which it then reports to the
    // observer, for it was what the run assumed (no steps, and w0, if any, read before x).
    [[nodiscard]] bool answered(const streamed_problem& problem) {
        if (stopped_ || problem.lists.contains("steps") || w0_given(problem) != w0_given_) return false;
        finish_run<S>(observer_, w_, sum_, count_);
        return true;
    }

private:
    // Where the system refuses a thread, the chunks are run on the reader's, one after another.
    void start_computing() {
        try {
            computing_ = std::thread([this] {
                // Once stopped it still takes every chunk, so that the reader never waits on a full queue.
                while (const auto points = chunks_.pop()) {
                    if (stopped_) continue;
                    try {
                        run(*points);
                    } catch (...) {  // not overflow (run stops for that): bad_alloc, for one
                        failure_ = std::current_exception();
                        stopped_ = true;
                    }
                }
            });
        } catch (const std::system_error&) {
        }
    }
    void wait() {
        if (!computing_.joinable()) return;
        chunks_.close();
        computing_.join();
    }
    static bool w0_given(const streamed_problem& problem) {
        return problem.lists.contains("w0") || problem.scalars.contains("w0");
    }
    bool start(const streamed_problem& so_far) {
        if (so_far.lists.contains("steps")) return false;
        const auto w0 = start_point(so_far, true, 1);
        if (!w0 || w0->size() != 1) return false;
        w0_given_ = w0_given(so_far);
        w_ = as_scalar<S>((*w0)[0]);
        observer_.restart(true);
        return true;
    }
    // The generic sgd over the chunk, η_t = 1/(t+1) with t counted from the first point of all:
    // for the chunk's own t, 1/(t + count + 1).
    bool run(std::span<const integer64> chunk) {
        try {
            const harmonic_step_rule step{1, static_cast<long long>(count_) + 1};
            w_ = sgd<S>(points_as<S, integer64>{chunk}, w_, chunk.size(),
                        [this](std::size_t, const S& w) { observer_.iterate(w); }, step);
            for (const integer64& x : chunk) sum_ = sum_ + as_scalar<S>(x);
        } catch (const std::overflow_error&) {
            return stop();
        }
        count_ += chunk.size();
        return true;
    }
    bool stop() {
        stopped_ = true;
        return false;
    }

    O& observer_;
    S w_, sum_;
    std::size_t count_ = 0;
    bool started_ = false, w0_given_ = false;
    std::atomic<bool> stopped_ = false;
    bounded_queue<std::vector<integer64>> chunks_{16};
    std::exception_ptr failure_;
    std::thread computing_;
};

inline const std::vector<std::string> lists{"x", "w0", "steps"};

}  // namespace streamed_sgd

// Runs the problem in `text` for `observer` when it is a well-formed problem of 64-bit integers
// (streamed_problem.hpp) and returns true; false for anything else, which the DOM reader then
// reads (the observer may have seen part of a run: restart() it). Throws input_error as the DOM
// reader would.
template <sgd_observer O>
[[nodiscard]] bool run_streamed_sgd(std::string_view text, O& observer) {
    streamed_sgd::sgd_while_reading<O> running(observer);
    const list_sink sink{"x", [&](std::span<const integer64> chunk, const streamed_problem& so_far, bool last) {
                             return running.consume(chunk, so_far, last);
                         }};
    auto problem = read_streamed_problem(text, {"x"}, streamed_sgd::lists, {"w0"}, &sink);
    running.finish();
    if (problem && !running.started()) return streamed_sgd::run_read_problem(*problem, observer);  // x a matrix, or none
    if (problem && running.answered(*problem)) return true;
    if (!problem && !running.stopped()) return false;  // the reader gave up: the DOM reader's turn
    problem = read_streamed_problem(text, {"x"}, streamed_sgd::lists, {"w0"});
    return problem && streamed_sgd::run_read_problem(*problem, observer);
}

}  // namespace ncv::tool
