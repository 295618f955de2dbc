// Implements `ncv conv`: JSON in, exact B, multiplication counts, loss and gradients out.
#include "conv_command.hpp"

#include <concepts>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <ncv/array/conv2d.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/multiplication_count.hpp>
#include <ncv/number/rational.hpp>

#include "answer_text.hpp"
#include "streamed_problem.hpp"
#include "worked_solutions.hpp"

namespace ncv::tool {

namespace {

dyn_matrix<int> read_mask(const boost::json::value& value, std::size_t rows, std::size_t cols) {
    if (value.is_string()) {
        const std::string_view kind = value.get_string();
        if (kind == "all") return make_mask(rows, cols, mask_kind::all);
        if (kind == "diagonal") return make_mask(rows, cols, mask_kind::diagonal);
        throw input_error("mask", "expected \"all\", \"diagonal\" or a matrix of 0/1, found \"" + std::string(kind) + "\"");
    }
    const auto entries = read_matrix(value, "mask");
    if (entries.rows() != rows || entries.cols() != cols)
        throw input_error("mask", "shape " + shape_text(entries.rows(), entries.cols()) + " differs from B's " + shape_text(rows, cols));
    dyn_matrix<int> mask(rows, cols);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j) {
            if (entries(i, j) != 0 && entries(i, j) != 1)
                throw input_error("mask[" + std::to_string(i) + "][" + std::to_string(j) + "]", "mask entries must be 0 or 1");
            mask(i, j) = entries(i, j) == 1 ? 1 : 0;
        }
    return mask;
}

}  // namespace

namespace {

// What both readers share once A and W are read: the options (padding, stride, mode, mask from
// `object`), every shape check, and C, read by read_target() only after the options passed, so
// that both report the same first error.
template <class S, class ReadTarget>
basic_conv_request<S> assemble_conv_request(dyn_matrix<S> input, dyn_matrix<S> kernel, const boost::json::object& object,
                                            ReadTarget read_target) {
    basic_conv_request<S> request;
    auto& p = request.problem;
    p.input = std::move(input);
    p.kernel = std::move(kernel);
    if (const auto* padding = object.if_contains("padding")) p.options.padding = read_count(*padding, "padding", 0);
    if (const auto* stride = object.if_contains("stride")) p.options.stride = read_count(*stride, "stride", 1);
    if (const auto* mode = object.if_contains("mode")) {
        const std::string_view name = mode->is_string() ? std::string_view(mode->get_string()) : std::string_view();
        if (name == "cross-correlation") p.mode = conv_mode::cross_correlation;
        else if (name == "convolution") p.mode = conv_mode::convolution;
        else throw input_error("mode", "expected \"cross-correlation\" or \"convolution\", found " + boost::json::serialize(*mode));
    }
    for (const std::size_t extent : {p.input.rows(), p.input.cols()})
        if (!conv_padding_representable(extent, p.options))
            throw input_error("padding", std::to_string(p.options.padding) + " is too large");
    if (!conv_shape_valid(p.input, p.kernel, p.options))
        throw input_error("W", "kernel " + shape_text(p.kernel.rows(), p.kernel.cols()) + " is larger than the padded input " +
                                   shape_text(p.input.rows() + 2 * p.options.padding, p.input.cols() + 2 * p.options.padding) +
                                   " (A is " + shape_text(p.input.rows(), p.input.cols()) + ", padding " +
                                   std::to_string(p.options.padding) + ")");

    const std::size_t rows = conv_output_extent(p.input.rows(), p.kernel.rows(), p.options);
    const std::size_t cols = conv_output_extent(p.input.cols(), p.kernel.cols(), p.options);
    if (rows > max_output_entries / cols)
        throw input_error("padding", "B would be " + shape_text(rows, cols) + ", more than " + std::to_string(max_output_entries) +
                                         " entries: reduce the padding or raise the stride");
    if (object.contains("C")) {
        p.target = read_target();
        if (p.target.rows() != rows || p.target.cols() != cols)
            throw input_error("C", "shape " + shape_text(p.target.rows(), p.target.cols()) + " differs from B's " + shape_text(rows, cols));
        const auto* mask = object.if_contains("mask");
        p.mask = mask ? read_mask(*mask, rows, cols) : make_mask(rows, cols, mask_kind::all);
        request.has_loss = true;
    } else if (object.contains("mask")) {
        throw input_error("mask", "given without C: a mask selects the entries of the loss, which needs C");
    }
    return request;
}

}  // namespace

template <class S>
basic_conv_request<S> read_conv_request_as(const boost::json::value& input) {
    if (!input.is_object()) throw input_error("input", "expected a JSON object with at least \"A\" and \"W\"");
    const auto& object = input.get_object();
    require_known_fields(object, {"A", "W", "padding", "stride", "mode", "C", "mask"}, "");
    for (const char* required : {"A", "W"})
        if (!object.contains(required)) throw input_error(required, "missing (required)");
    auto a = read_matrix_as<S>(object.at("A"), "A");
    auto w = read_matrix_as<S>(object.at("W"), "W");
    return assemble_conv_request<S>(std::move(a), std::move(w), object,
                                    [&] { return read_matrix_as<S>(object.at("C"), "C"); });
}

template basic_conv_request<exact> read_conv_request_as<exact>(const boost::json::value&);
template basic_conv_request<rational<std::int64_t>> read_conv_request_as<rational<std::int64_t>>(const boost::json::value&);
template basic_conv_request<checked_integer<std::int64_t>> read_conv_request_as<checked_integer<std::int64_t>>(
    const boost::json::value&);

conv_request read_conv_request(const boost::json::value& input) { return read_conv_request_as<exact>(input); }

namespace {

// Runs `fast`, which appends to the output on the request's scalar; if that overflows (only a
// 64-bit scalar can), undoes what it appended and runs `unbounded` on cpp_rational instead.
template <class Fast, class Unbounded>
void on_scalar_or_exact(std::string& out, Fast fast, Unbounded unbounded) {
    const std::size_t written = out.size();
    try {
        fast();
    } catch (const std::overflow_error&) {
        out.resize(written);
        unbounded();
    }
}

}  // namespace

// The whole answer written straight to JSON text (a DOM of millions of values would cost more
// than the arithmetic). B is computed once: the loss and the gradients reuse it.
template <class S>
std::string solve_conv_text(const basic_conv_request<S>& request) {
    const auto& p = request.problem;
    const auto b = apply_conv(p.input, p.kernel, p.options, p.mode);
    std::string out = "{\"B\":";
    out.reserve(b.rows() * b.cols() * (request.has_loss ? 24 : 8));
    append_matrix(out, b);
    out += ",\"counts\":";
    append_matrix(out, closed_form_multiplication_counts(p.input.rows(), p.input.cols(), p.kernel.rows(), p.kernel.cols(),
                                                         p.options));
    if (request.has_loss) {
        // The loss (a sum over all of B) and the gradients may outgrow S when B did not: each
        // restarts on cpp_rational alone, from the B already computed.
        out += ",\"loss\":";
        on_scalar_or_exact(
            out, [&] { append_number(out, masked_squared_error(b, p.target, p.mask)); },
            [&] { append_number(out, masked_squared_error(to_exact_matrix(b), to_exact_matrix(p.target), p.mask)); });
        const auto write_gradients = [&](const auto& gradients) {
            out += ",\"dW\":";
            append_matrix(out, gradients.kernel);
            out += ",\"dA\":";
            append_matrix(out, gradients.input);
        };
        on_scalar_or_exact(out, [&] { write_gradients(backprop_gradients(p, b)); },
                           [&] {
                               const conv_loss_problem<exact> e{to_exact_matrix(p.input), to_exact_matrix(p.kernel),
                                                                to_exact_matrix(p.target), p.mask, p.options, p.mode};
                               write_gradients(backprop_gradients(e, to_exact_matrix(b)));
                           });
    }
    out += '}';
    return out;
}

template std::string solve_conv_text<exact>(const basic_conv_request<exact>&);
template std::string solve_conv_text<rational<std::int64_t>>(const basic_conv_request<rational<std::int64_t>>&);
template std::string solve_conv_text<checked_integer<std::int64_t>>(const basic_conv_request<checked_integer<std::int64_t>>&);

std::string solve_conv_text(const boost::json::value& input) {
    // Three tiers, fastest first: 64-bit integers while every input is an integer (one word per
    // entry, no gcd), else 64-bit rationals; any overflow (detected, never wrapped) restarts on
    // cpp_rational, so the answer is always exact.
    try {
        try {
            return solve_conv_text(read_conv_request_as<checked_integer<std::int64_t>>(input));
        } catch (const not_an_integer&) {
            return solve_conv_text(read_conv_request_as<rational<std::int64_t>>(input));
        }
    } catch (const std::overflow_error&) {
        return solve_conv_text(read_conv_request(input));
    }
}

std::optional<std::string> solve_streamed_conv_text(std::string_view text) {
    auto problem = read_streamed_problem(text, {"A", "W", "C"}, {}, {"padding", "stride", "mode", "mask"});
    if (!problem || !problem->matrices.contains("A") || !problem->matrices.contains("W")) return std::nullopt;
    boost::json::object settings = std::move(problem->scalars);
    auto& matrices = problem->matrices;
    if (matrices.contains("C")) settings["C"] = nullptr;  // present: read_target below supplies it
    try {
        return solve_conv_text(assemble_conv_request<checked_integer<std::int64_t>>(
            std::move(matrices.at("A")), std::move(matrices.at("W")), settings, [&] { return std::move(matrices.at("C")); }));
    } catch (const std::overflow_error&) {
        return std::nullopt;  // beyond 64-bit integers: the DOM reader's tiers take over
    }
}

boost::json::object solve_conv(const conv_request& request) {
    return parse_json(solve_conv_text(request), "ncv conv's answer").as_object();
}

subcommand conv_subcommand() {
    return {"conv", "solve a 2-D convolution problem exactly: B, multiplication counts, loss and gradients",
            "echo '{\"A\": [[1,2,3],[4,5,6],[7,8,9]], \"W\": [[1,0],[0,\"-1/2\"]], \"C\": [[0,0],[0,0]]}' | ncv conv", true,
            "input (a JSON object):\n"
            "  A, W       the input and the kernel: lists of rows of numbers (required)\n"
            "  padding    zeros around A on every side (default 0); stride (default 1)\n"
            "  mode       \"cross-correlation\" (default) or \"convolution\" (W turned by 180 degrees)\n"
            "  C          a target the shape of B: asks for the loss f = sum m_ij (b_ij - c_ij)^2 and its gradients\n"
            "  mask       \"all\" (default), \"diagonal\", or a 0/1 matrix the shape of B\n"
            "output: B, counts (how many kernel elements multiply each a_ij) and, with C, loss, dW, dA (JSON);\n"
            "  with --explain, the working instead: the products of every window of B, the counts axis by axis,\n"
            "  and with C the loss term by term and the chain rule for each --entry (default dW[0][0] and dA[0][0])\n"
            "exit status: 0 done, 2 bad input, 3 the output could not be written",
            [](boost::program_options::options_description& options) {
                add_explain_options(options);
                options.add_options()("entry", boost::program_options::value<std::vector<std::string>>()->composing(),
                                      "with --explain: a gradient entry to work out, dW[i][j] or dA[i][j] (0-based), or dW or "
                                      "dA for all; may be repeated");
            },
            [](const boost::program_options::variables_map& vm, const boost::json::value& input) {
                const auto format = explain_format(vm);
                if (!format) {
                    if (vm.count("entry")) throw input_error("--entry", "only with --explain");
                    return outcome{solve_conv_text(input) + "\n"};
                }
                const auto request = read_conv_request(input);
                if (vm.count("entry") && !request.has_loss)
                    throw input_error("--entry", "a gradient needs the loss: give a target C");
                const auto entries = parse_gradient_entries(
                    vm.count("entry") ? vm["entry"].as<std::vector<std::string>>() : std::vector<std::string>{"dW[0][0]", "dA[0][0]"},
                    request.problem);
                return outcome{explain_conv(request, entries, *format)};
            },
            "",
            answer_on_text([](const boost::program_options::variables_map& vm, std::string_view text) -> std::optional<std::string> {
                if (vm.count("entry")) return std::nullopt;  // only with --explain: run says so
                return solve_streamed_conv_text(text);
            })};
}

}  // namespace ncv::tool
