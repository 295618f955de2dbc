// Defines the streamed SGD run: a problem of integers read without a DOM, and SGD run while the reader hands over the points.
#pragma once

#include <algorithm>
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
#include "problem_document.hpp"

namespace ncv::tool {

namespace streamed_sgd {

// w0 as the reader found it before x (zero if absent), or nullopt where it is not one integer
// or a list of integers.
inline std::optional<std::vector<integer64>> start_point(const problem_document& so_far) {
    if (const auto w0 = so_far.lists.find("w0"); w0 != so_far.lists.end()) return w0->second;
    if (const auto* value = so_far.value("w0")) {
        if (!value->is_int64()) return std::nullopt;
        return std::vector<integer64>{integer64(value->get_int64())};
    }
    return std::vector<integer64>{integer64(0)};
}

// SGD on a flat list of integers with the default steps, on 64-bit rationals, run while the reader
// hands over the points (a list_sink's consumer). The points are never stored, which saves writing
// fresh pages, and the steps run on a second thread while the reading goes on (a list of more than
// one chunk), which hides the reading (tools/bench/sgd_vs_fraction.py). Anything the run
// does not cover (step sizes, w0 after x or not one number, another member, an overflow) stops
// it, and the caller reads the text again, keeping the points.
template <sgd_observer O>
class sgd_while_reading {
public:
    using S = rational64;

    explicit sgd_while_reading(O& observer) : observer_(observer) {}
    sgd_while_reading(const sgd_while_reading&) = delete;
    sgd_while_reading& operator=(const sgd_while_reading&) = delete;
    ~sgd_while_reading() { wait(); }

    // The reader's thread.
    bool consume(std::span<const integer64> chunk, const problem_document& so_far, bool last) {
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
    [[nodiscard]] bool answered(const problem_document& problem) {
        const auto known = [](const std::string& name) { return name == "x" || name == "w0"; };
        if (stopped_ || !std::all_of(problem.names.begin(), problem.names.end(), known) ||
            problem.contains("w0") != w0_given_)
            return false;
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
    bool start(const problem_document& so_far) {
        if (so_far.contains("steps")) return false;
        const auto w0 = start_point(so_far);
        if (!w0 || w0->size() != 1) return false;
        w0_given_ = so_far.contains("w0");
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

// The problem in `text` (read by read_problem, naming `source` in a JSON error) run for the
// observer: a flat list of integers with the default steps while it is read, anything else once
// read, on the tiers of run_sgd. Throws input_error, naming the field, for bad input.
template <sgd_observer O>
void run_sgd_text(std::string_view text, const std::string& source, O& observer) {
    streamed_sgd::sgd_while_reading<O> running(observer);
    const list_sink sink{"x", [&](std::span<const integer64> chunk, const problem_document& so_far, bool last) {
                             return running.consume(chunk, so_far, last);
                         }};
    auto [document, sink_completed] = read_problem(text, source, {"x"}, streamed_sgd::lists, sink);
    running.finish();
    if (running.started() && sink_completed) {
        if (running.answered(document)) return;
        document = read_problem(text, source, {"x"}, streamed_sgd::lists);  // x was handed over, not kept
    }
    run_sgd(std::move(document), observer);
}

}  // namespace ncv::tool
