// Defines `--explain` for ncv conv and ncv sgd: the working for a user's own problem, as text, Markdown or LaTeX.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <ncv/array/conv_windows.hpp>
#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>

#include "problem/conv.hpp"
#include "problem/sgd.hpp"
#include "worked_text.hpp"

namespace ncv::tool {

// One entry of a gradient: ∂f/∂w_ij (kernel) or ∂f/∂a_ij (input); row and col from 0 (named from 1, entry_name.hpp).
struct gradient_entry {
    loss_parameter of = loss_parameter::kernel;
    std::size_t row = 0, col = 0;
};

// The working of one convolution problem, line by line, in LaTeX math (no $ signs). Entries are
// written with 1-based subscripts as a person writes them (b_{12}; b_{10,3} when an extent
// exceeds 9); every value comes from the library and each line is checked to add up to it
// (std::logic_error otherwise: the library would disagree with itself).
class conv_working {
public:
    explicit conv_working(const conv_loss_problem<exact>& problem);

    // b_ij = a·w + … (symbols) = numbers = value: the products of its window, found by the convolution.
    [[nodiscard]] std::string window_sum(std::size_t i, std::size_t j) const;
    // f = Σ m_ij (b_ij − c_ij)² with the numbers of the entries the mask keeps; needs a target.
    [[nodiscard]] std::string loss() const;
    // ∂f/∂w_pq (or ∂f/∂a_kl) = Σ 2(b_ij − c_ij) ∂b_ij/∂entry over the entries the mask keeps and
    // the entry meets, symbols then numbers, = the backpropagated value; needs a target.
    [[nodiscard]] std::string chain_rule(const gradient_entry& entry) const;

    [[nodiscard]] const dyn_matrix<exact>& b() const noexcept { return b_; }
    [[nodiscard]] const conv_gradients<exact>& gradients() const;

private:
    [[nodiscard]] std::string name(char letter, std::size_t i, std::size_t j) const;

    const conv_loss_problem<exact>& problem_;
    dyn_matrix<exact> b_;
    dyn_matrix<std::vector<window_product>> windows_;
    mutable std::optional<conv_gradients<exact>> gradients_;  // computed when first asked for
};

// "dW[0][1]", "dA[2][3]", or "dW" / "dA" for every entry; checked against the problem's shapes.
// Throws input_error naming "--entry" for anything else, or for an entry outside W or A.
[[nodiscard]] std::vector<gradient_entry> parse_gradient_entries(const std::vector<std::string>& texts,
                                                                 const conv_loss_problem<exact>& problem);

// The products of each window of B, the count formula, and with a loss the loss term by term
// and the chain rule for each gradient entry asked for. Every number comes from the library
// (the windows from the convolution run on product_trace scalars, the gradients from
// backpropagation); the working is checked to add up to them.
[[nodiscard]] std::string explain_conv(const conv_request& request, const std::vector<gradient_entry>& entries,
                                       report_format format);

// Every SGD step with its numbers, then the mean and whether the last iterate equals it. Every
// number comes from the library's run; each step is checked to give the next iterate and the mean
// to be the points' (std::logic_error otherwise).
[[nodiscard]] std::string explain_sgd(const sgd_request& request, report_format format);

}  // namespace ncv::tool
