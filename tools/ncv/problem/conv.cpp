// Implements the convolution problem: reading and validating a request once, and solving it on the fastest tier that suffices.
#include "problem/conv.hpp"

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <ncv/array/conv2d.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/multiplication_count.hpp>

#include "exact_json.hpp"
#include "problem/with_fallback.hpp"

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

// The members beside A and W, as either reader found them (null where absent).
struct conv_settings {
    const boost::json::value* padding = nullptr;
    const boost::json::value* stride = nullptr;
    const boost::json::value* mode = nullptr;
    const boost::json::value* mask = nullptr;
    bool has_target = false;
};

// What both readers share once A and W are read: the settings, every shape check, and C, read
// by read_target() only after the settings passed, so that both report the same first error.
template <class S, class ReadTarget>
basic_conv_request<S> assemble_conv_request(dyn_matrix<S> input, dyn_matrix<S> kernel, const conv_settings& settings,
                                            ReadTarget read_target) {
    basic_conv_request<S> request;
    auto& p = request.problem;
    p.input = std::move(input);
    p.kernel = std::move(kernel);
    if (settings.padding) p.options.padding = read_count(*settings.padding, "padding", 0);
    if (settings.stride) p.options.stride = read_count(*settings.stride, "stride", 1);
    if (const auto* mode = settings.mode) {
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
    if (rows > max_output_entries / cols) {
        // Blame the padding when B would fit without it, or when W fits A only with it.
        conv_options unpadded = p.options;
        unpadded.padding = 0;
        const bool padding_to_blame = !conv_shape_valid(p.input, p.kernel, unpadded) ||
                                      conv_output_extent(p.input.rows(), p.kernel.rows(), unpadded) <=
                                          max_output_entries / conv_output_extent(p.input.cols(), p.kernel.cols(), unpadded);
        throw input_error(padding_to_blame ? "padding" : "A",
                          "B would be " + shape_text(rows, cols) + ", more than ncv's limit of " +
                              std::to_string(max_output_entries) + " entries (2^24): " +
                              (padding_to_blame ? "reduce the padding or raise the stride" : "use a smaller A or raise the stride"));
    }
    if (settings.has_target) {
        p.target = read_target();
        if (p.target.rows() != rows || p.target.cols() != cols)
            throw input_error("C", "shape " + shape_text(p.target.rows(), p.target.cols()) + " differs from B's " + shape_text(rows, cols));
        p.mask = settings.mask ? read_mask(*settings.mask, rows, cols) : make_mask(rows, cols, mask_kind::all);
        request.has_loss = true;
    } else if (settings.mask) {
        throw input_error("mask", "given without C: a mask selects the entries of the loss, which needs C");
    }
    return request;
}

// The answer on S alone (std::overflow_error where B outgrows it). B is computed once: the loss
// and the gradients reuse it, and each of them that outgrows S restarts on cpp_rational alone.
template <class S>
conv_answer answer_on(const basic_conv_request<S>& request) {
    const auto& p = request.problem;
    conv_answer answer{.b = apply_conv(p.input, p.kernel, p.options, p.mode),
                       .counts = closed_form_multiplication_counts(p.input.rows(), p.input.cols(), p.kernel.rows(),
                                                                   p.kernel.cols(), p.options),
                       .loss = std::nullopt, .dW = std::nullopt, .dA = std::nullopt};
    if (!request.has_loss) return answer;
    const auto& b = std::get<dyn_matrix<S>>(answer.b);
    answer.loss = on_scalar_or_exact<S>([&]<class T>(std::type_identity<T>) -> answer_number {
        if constexpr (std::same_as<T, S>) return masked_squared_error(b, p.target, p.mask);
        else return masked_squared_error(to_exact_matrix(b), to_exact_matrix(p.target), p.mask);
    });
    auto [dW, dA] = on_scalar_or_exact<S>([&]<class T>(std::type_identity<T>) -> std::pair<answer_matrix, answer_matrix> {
        if constexpr (std::same_as<T, S>) {
            auto g = backprop_gradients(p, b);
            return {std::move(g.kernel), std::move(g.input)};
        } else {
            const conv_loss_problem<exact> e{to_exact_matrix(p.input), to_exact_matrix(p.kernel), to_exact_matrix(p.target),
                                             p.mask, p.options, p.mode};
            auto g = backprop_gradients(e, to_exact_matrix(b));
            return {std::move(g.kernel), std::move(g.input)};
        }
    });
    answer.dW = std::move(dW);
    answer.dA = std::move(dA);
    return answer;
}

template <class S>
conv_request to_exact_request(const basic_conv_request<S>& request) {
    const auto& p = request.problem;
    conv_request exact_request{{to_exact_matrix(p.input), to_exact_matrix(p.kernel), {}, p.mask, p.options, p.mode},
                               request.has_loss};
    if (request.has_loss) exact_request.problem.target = to_exact_matrix(p.target);  // else empty, as is the mask
    return exact_request;
}

// The answer on the request's scalar while it suffices, else (from the first overflow) on cpp_rational.
template <class S>
conv_answer solve_on_tiers(const basic_conv_request<S>& request) {
    return on_scalar_or_exact<S>([&]<class T>(std::type_identity<T>) {
        if constexpr (std::same_as<T, S>) return answer_on(request);
        else return answer_on(to_exact_request(request));
    });
}

}  // namespace

namespace {

// A matrix member as S: typed (64-bit integers, moved out of a document the reader may consume),
// or a DOM value read as read_matrix_as reads it, naming the entry of any error.
template <class S, class Document>
dyn_matrix<S> matrix_member(Document& document, const std::string& name) {
    if (auto typed = document.matrices.find(name); typed != document.matrices.end()) {
        if constexpr (!std::is_const_v<Document> && std::same_as<S, integer64>) return std::move(typed->second);
        else return as_scalar_matrix<S>(typed->second);
    }
    return read_matrix_as<S>(*document.value(name), name);
}

template <class S, class Document>
basic_conv_request<S> read_conv_document(Document& document) {
    if (document.whole) throw input_error("input", "expected a JSON object with at least \"A\" and \"W\"");
    require_known_fields(document.names, conv_input_fields, "");
    for (const char* required : {"A", "W"})
        if (!document.contains(required)) throw input_error(required, "missing (required)");
    auto a = matrix_member<S>(document, "A");
    auto w = matrix_member<S>(document, "W");
    const conv_settings settings{document.value("padding"), document.value("stride"), document.value("mode"),
                                 document.value("mask"), document.contains("C")};
    return assemble_conv_request<S>(std::move(a), std::move(w), settings, [&] { return matrix_member<S>(document, "C"); });
}

}  // namespace

conv_request read_conv_request(const boost::json::value& input) {
    const auto document = document_of(input);
    return read_conv_document<exact>(document);
}

conv_answer solve_conv(const conv_request& request) { return solve_on_tiers(request); }

conv_answer solve_conv(problem_document document) {
    // A, W and C all typed: read on 64-bit integers, the matrices moved, not copied.
    const bool typed = document.matrices.contains("A") && document.matrices.contains("W") &&
                       document.matrices.contains("C") == document.contains("C");
    if (typed) return solve_on_tiers(read_conv_document<integer64>(document));
    return with_fallback<integer64, rational64, exact>(
        [&]<class S>(std::type_identity<S>) { return solve_on_tiers(read_conv_document<S>(std::as_const(document))); });
}

conv_answer solve_conv(std::string_view text, const std::string& source) {
    return solve_conv(read_problem(text, source, {"A", "W", "C"}));
}

}  // namespace ncv::tool
