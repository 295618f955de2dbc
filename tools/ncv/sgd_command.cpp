// Implements `ncv sgd`: the generic ncv::sgd run exactly, on 64-bit rationals while they suffice, else unbounded ones.
#include "sgd_command.hpp"

#include <atomic>
#include <concepts>
#include <cstdint>
#include <exception>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>

#include <ncv/array/matrix.hpp>
#include <ncv/nn/sgd.hpp>
#include <ncv/number/rational.hpp>

#include "answer_text.hpp"
#include "bounded_queue.hpp"
#include "streamed_problem.hpp"
#include "worked_solutions.hpp"

namespace ncv::tool {

namespace {

// The checks both readers share once the points are read, with the same words.
void check_start(std::size_t given, std::size_t dimension) {
    if (given != dimension)
        throw input_error("w0", "has dimension " + std::to_string(given) + " but the points have " + std::to_string(dimension));
}
void check_steps(std::size_t given, std::size_t count) {
    if (given != count)
        throw input_error("steps", "has " + std::to_string(given) + " step sizes for " + std::to_string(count) +
                                       " points: give one per step");
}

template <class S>
std::vector<S> from_exact_all(const std::vector<exact>& values) {
    std::vector<S> result;
    result.reserve(values.size());
    for (const auto& v : values) result.push_back(from_exact<S>(v));
    return result;
}

}  // namespace

template <class S>
basic_sgd_request<S> read_sgd_request_as(const boost::json::value& input) {
    if (!input.is_object()) throw input_error("input", "expected a JSON object with at least \"x\"");
    const auto& object = input.get_object();
    require_known_fields(object, {"x", "w0", "steps"}, "");
    if (!object.contains("x")) throw input_error("x", "missing (required): the data points");
    const auto& x = object.at("x");
    if (!x.is_array() || x.get_array().empty())
        throw input_error("x", "expected a non-empty list of points (lists of numbers) or of numbers");

    basic_sgd_request<S> request;
    const auto& items = x.get_array();
    request.flat = !items[0].is_array();
    request.dimension = request.flat ? 1 : items[0].get_array().size();
    request.points.reserve(items.size() * request.dimension);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string_view kind = request.flat ? "a number" : "a point";
        if (items[i].is_array() == request.flat)
            throw input_error("x[" + std::to_string(i) + "]", std::string(items[i].is_array() ? "a point" : "a number") +
                                                               ", but x[0] is " + std::string(kind) +
                                                               ": use one form for all points");
        if (request.flat) {
            request.points.push_back(read_number_as<S>(items[i], [&] { return "x[" + std::to_string(i) + "]"; }));
            continue;
        }
        const auto& coordinates = items[i].get_array();
        if (coordinates.empty() || coordinates.size() != request.dimension)
            throw input_error("x[" + std::to_string(i) + "]", "has dimension " + std::to_string(coordinates.size()) +
                                                               " but x[0] has " + std::to_string(request.dimension) +
                                                               " (points need at least one coordinate)");
        for (std::size_t k = 0; k < coordinates.size(); ++k)
            request.points.push_back(read_number_as<S>(
                coordinates[k], [&] { return "x[" + std::to_string(i) + "][" + std::to_string(k) + "]"; }));
    }
    const std::size_t d = request.dimension;
    request.w0.assign(d, S(0));
    if (const auto* w0 = object.if_contains("w0")) {
        request.w0 = from_exact_all<S>(request.flat && !w0->is_array() ? std::vector<exact>{read_number(*w0, "w0")}
                                                                       : read_vector(*w0, "w0"));
        check_start(request.w0.size(), d);
    }
    if (const auto* steps = object.if_contains("steps")) {
        request.steps = from_exact_all<S>(read_vector(*steps, "steps"));
        check_steps(request.steps->size(), request.count());
    }
    return request;
}

template basic_sgd_request<exact> read_sgd_request_as<exact>(const boost::json::value&);
template basic_sgd_request<rational<std::int64_t>> read_sgd_request_as<rational<std::int64_t>>(const boost::json::value&);

sgd_request read_sgd_request(const boost::json::value& input) { return read_sgd_request_as<exact>(input); }

namespace {

// A point as the request gave it: a number for flat input, else a list of numbers.
template <class S, class V>
void append_point(std::string& out, const V& v, bool flat) {
    if constexpr (std::is_same_v<V, S>) {
        if (!flat) out += '[';
        append_number(out, v);
        if (!flat) out += ']';
    } else {
        out += '[';
        for (std::size_t k = 0; k < v.rows(); ++k) {
            if (k) out += ',';
            append_number(out, v(k, 0));
        }
        out += ']';
    }
}

// A number of the request (scalar R) as the scalar S the run computes on: throws
// std::overflow_error where it does not fit S.
template <class S, class R>
S as_scalar(const R& x) {
    if constexpr (std::same_as<S, R>) return x;
    else if constexpr (std::same_as<S, exact>) return to_exact(x);
    else if constexpr (std::same_as<R, checked_integer<std::int64_t>>) return S(x.value());
    else return from_exact<S>(x);
}

// The points of a one-dimensional request as scalars S, converted as sgd reads each one: a
// million points are not copied into a second vector first.
template <class S, class R>
struct points_as {
    std::span<const R> points;
    [[nodiscard]] std::size_t size() const { return points.size(); }
    [[nodiscard]] S operator[](std::size_t i) const { return as_scalar<S>(points[i]); }
};

// The answer's text: {"iterates":[…],"mean":…,"final_equals_mean":…}, the iterates written as
// they come (all, or for --final-only the last), then the mean from the sum of the points.
template <class S, class V>
class answer_writer {
public:
    answer_writer(bool final_only, bool flat) : final_only_(final_only), flat_(flat) {}

    void iterate(const V& w) {
        if (final_only_) return;
        if (!first_) out_ += ',';
        first_ = false;
        append_point<S>(out_, w, flat_);
    }

    [[nodiscard]] std::string finish(const V& last, const V& sum, std::size_t n) {
        if (final_only_) append_point<S>(out_, last, flat_);
        const V mean = S(1) / S(static_cast<long long>(n)) * sum;
        out_ += "],\"mean\":";
        append_point<S>(out_, mean, flat_);
        out_ += ",\"final_equals_mean\":";
        out_ += last == mean ? "true}" : "false}";
        return std::move(out_);
    }

private:
    std::string out_ = "{\"iterates\":[";
    bool final_only_, flat_, first_ = true;
};

// Runs the generic sgd on scalar S with vector type V: S itself for d = 1 (no matrix per
// step), a d x 1 dyn_matrix otherwise.
template <class S, class V, class R>
std::string run_with(const basic_sgd_request<R>& request, bool final_only) {
    const std::size_t n = request.count(), d = request.dimension;
    const auto to_vector = [&](std::span<const R> coordinates) {
        if constexpr (std::is_same_v<V, S>) {
            return as_scalar<S>(coordinates[0]);
        } else {
            V v(d, 1);
            for (std::size_t k = 0; k < d; ++k) v(k, 0) = as_scalar<S>(coordinates[k]);
            return v;
        }
    };
    const auto answer = [&](const auto& data) {
        answer_writer<S, V> out(final_only, request.flat);
        const V w0 = to_vector(request.w0);
        const auto step = [&](std::size_t t) { return as_scalar<S>((*request.steps)[t]); };
        const auto visit = [&](std::size_t, const V& w) { out.iterate(w); };
        const V last = request.steps ? sgd<S>(data, w0, n, visit, step) : sgd<S>(data, w0, n, visit);
        V sum = data[0];
        for (std::size_t i = 1; i < n; ++i) sum = sum + V(data[i]);
        return out.finish(last, sum, n);
    };
    if constexpr (std::is_same_v<V, S>) {
        return answer(points_as<S, R>{request.points});
    } else {
        std::vector<V> data;
        data.reserve(n);
        for (std::size_t i = 0; i < n; ++i) data.push_back(to_vector(request.point(i)));
        return answer(data);
    }
}

template <class S, class R>
std::string run_on(const basic_sgd_request<R>& request, bool final_only) {
    return request.dimension == 1 ? run_with<S, S>(request, final_only) : run_with<S, dyn_matrix<S>>(request, final_only);
}

}  // namespace

template <class S>
std::string solve_sgd_text(const basic_sgd_request<S>& request, bool final_only) {
    // 64-bit rationals are several times faster than unbounded ones; any overflow (detected,
    // never wrapped) restarts the whole run on cpp_rational, so the answer is always exact.
    try {
        return run_on<rational<std::int64_t>>(request, final_only);
    } catch (const std::overflow_error&) {
        return run_on<exact>(request, final_only);
    }
}

template std::string solve_sgd_text<exact>(const basic_sgd_request<exact>&, bool);
template std::string solve_sgd_text<rational<std::int64_t>>(const basic_sgd_request<rational<std::int64_t>>&, bool);
template std::string solve_sgd_text<checked_integer<std::int64_t>>(const basic_sgd_request<checked_integer<std::int64_t>>&,
                                                                   bool);

boost::json::object solve_sgd(const sgd_request& request, bool final_only) {
    return parse_json(solve_sgd_text(request, final_only), "ncv sgd's answer").as_object();
}

namespace {

// The input's tiers: read on 64-bit rationals, or (a number beyond them) on cpp_rational.
std::string solve_sgd_text(const boost::json::value& input, bool final_only) {
    std::optional<basic_sgd_request<rational<std::int64_t>>> fast;
    try {
        fast = read_sgd_request_as<rational<std::int64_t>>(input);
    } catch (const std::overflow_error&) {
        return solve_sgd_text(read_sgd_request(input), final_only);
    }
    return solve_sgd_text(*fast, final_only);
}

}  // namespace

namespace {

using integer = checked_integer<std::int64_t>;

// w0 as the reader found it (zeros if absent), or nullopt where the DOM reader is to judge it
// (a string, or a single number for points of a matrix).
std::optional<std::vector<integer>> start_point(const streamed_problem& problem, bool flat, std::size_t d) {
    if (const auto w0 = problem.lists.find("w0"); w0 != problem.lists.end()) return w0->second;
    if (const auto* scalar = problem.scalars.if_contains("w0")) {
        if (!flat || !scalar->is_int64()) return std::nullopt;
        return std::vector<integer>{integer(scalar->get_int64())};
    }
    return std::vector<integer>(d, integer(0));
}

// The problem as the reader kept it, points and all.
std::optional<std::string> solve_read_problem(streamed_problem& problem, bool final_only) {
    basic_sgd_request<integer> request;
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
        return std::nullopt;  // no x: the DOM reader says so
    }
    auto w0 = start_point(problem, request.flat, request.dimension);
    if (!w0) return std::nullopt;
    request.w0 = std::move(*w0);
    check_start(request.w0.size(), request.dimension);
    if (const auto steps = lists.find("steps"); steps != lists.end()) {
        request.steps = std::move(steps->second);
        check_steps(request.steps->size(), request.count());
    }
    return solve_sgd_text(request, final_only);
}

// SGD on a flat list of integers with the default steps, on 64-bit rationals, run while the reader
// hands over the points (a list_sink's consumer). The points are never stored, which saves writing
// fresh pages, and the steps run on a second thread while the reading goes on (a list of more than
// one chunk), which hides the reading (tools/bench/sgd_vs_fraction.py). Anything the run
// does not cover (a step list, w0 after x or malformed, an overflow) stops it, and the caller
// reads the text again, keeping the points.
class sgd_while_reading {
public:
    using S = rational<std::int64_t>;

    explicit sgd_while_reading(bool final_only) : out_(final_only, true) {}
    sgd_while_reading(const sgd_while_reading&) = delete;
    sgd_while_reading& operator=(const sgd_while_reading&) = delete;
    ~sgd_while_reading() { wait(); }

    // The reader's thread.
    bool consume(std::span<const integer> chunk, const streamed_problem& so_far, bool last) {
        if (stopped_) return false;
        if (!started_) {
            started_ = true;
            if (!start(so_far)) return stop();
            if (!last) start_computing();  // one chunk needs no second thread
        }
        if (!computing_.joinable()) return run(chunk);
        chunks_.push(std::vector<integer>(chunk.begin(), chunk.end()));
        return true;
    }

    // Waits for the steps to end; rethrows what ended them other than an overflow.
    void finish() {
        wait();
        if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    }

    [[nodiscard]] bool started() const { return started_; }
    [[nodiscard]] bool stopped() const { return stopped_; }

    // After finish(): the answer, if the whole problem was what the run assumed (no steps, and
    // w0, if any, read before x).
    [[nodiscard]] std::optional<std::string> answer(const streamed_problem& problem) {
        if (stopped_ || problem.lists.contains("steps") || w0_given(problem) != w0_given_) return std::nullopt;
        return out_.finish(w_, sum_, count_);
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
        return true;
    }
    // The generic sgd over the chunk, η_t = 1/(t+1) with t counted from the first point of all:
    // for the chunk's own t, 1/(t + count + 1).
    bool run(std::span<const integer> chunk) {
        try {
            const harmonic_step_rule step{1, static_cast<long long>(count_) + 1};
            w_ = sgd<S>(points_as<S, integer>{chunk}, w_, chunk.size(), [this](std::size_t, const S& w) { out_.iterate(w); },
                        step);
            for (const integer& x : chunk) sum_ = sum_ + as_scalar<S>(x);
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

    answer_writer<S, S> out_;
    S w_, sum_;
    std::size_t count_ = 0;
    bool started_ = false, w0_given_ = false;
    std::atomic<bool> stopped_ = false;
    bounded_queue<std::vector<integer>> chunks_{16};
    std::exception_ptr failure_;
    std::thread computing_;
};

const std::vector<std::string> sgd_lists{"x", "w0", "steps"};

}  // namespace

std::optional<std::string> solve_streamed_sgd_text(std::string_view text, bool final_only) {
    sgd_while_reading running(final_only);
    const list_sink sink{"x", [&](std::span<const integer> chunk, const streamed_problem& so_far, bool last) {
                             return running.consume(chunk, so_far, last);
                         }};
    auto problem = read_streamed_problem(text, {"x"}, sgd_lists, {"w0"}, &sink);
    running.finish();
    if (problem && !running.started()) return solve_read_problem(*problem, final_only);  // x a matrix, or none
    if (problem)
        if (auto answer = running.answer(*problem)) return answer;
    if (!problem && !running.stopped()) return std::nullopt;  // the reader gave up: the DOM reader's turn
    problem = read_streamed_problem(text, {"x"}, sgd_lists, {"w0"});
    return problem ? solve_read_problem(*problem, final_only) : std::nullopt;
}

subcommand sgd_subcommand() {
    return {"sgd", "run SGD exactly on C(w) = 1/(2n) sum |w - x(i)|^2, the points in the order given (eta_t = 1/(t+1) unless \"steps\")",
            "echo '{\"x\": [[1, 2], [3, \"1/2\"], [5, 0]]}' | ncv sgd", true,
            "input (a JSON object):\n"
            "  x       the data: a list of points (lists of numbers, one dimension for all) or of numbers (required)\n"
            "  w0      the start (default: zero)\n"
            "  steps   one step size per point (default: eta_t = 1/(t+1), which makes every iterate a running mean)\n"
            "output: iterates (w(1)..w(n), or only w(n) with --final-only), mean, final_equals_mean (JSON);\n"
            "  with --explain, the working instead: every step with its numbers, then the mean\n"
            "exit status: 0 done, 2 bad input, 3 the output could not be written",
            [](boost::program_options::options_description& options) {
                options.add_options()("final-only", "print only the last iterate w(n) under \"iterates\"");
                add_explain_options(options);
            },
            [](const boost::program_options::variables_map& vm, const boost::json::value& input) {
                if (!vm.count("explain") && !vm.count("format"))
                    return outcome{solve_sgd_text(input, vm.count("final-only") > 0) + "\n"};
                const auto request = read_sgd_request(input);
                const auto format = explain_format(vm);  // --format without --explain: an input_error
                if (vm.count("final-only")) throw input_error("--final-only", "not with --explain, which shows every step");
                return outcome{explain_sgd(request, format.value())};
            },
            "",
            answer_on_text([](const boost::program_options::variables_map& vm, std::string_view text) {
                return solve_streamed_sgd_text(text, vm.count("final-only") > 0);
            })};
}

}  // namespace ncv::tool
