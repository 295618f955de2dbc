// Implements `--explain`: the working of a user's convolution or SGD problem, every number from the library.
#include "worked_solutions.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include <ncv/array/conv2d.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/multiplication_count.hpp>

#include "entry_name.hpp"
#include "input_error.hpp"

namespace ncv::tool {

namespace {

// A number as a factor of a product: parenthesised unless it is a non-negative integer.
std::string factor(const exact& x) {
    const std::string text = number_text(x);
    return x >= 0 && text.find('/') == std::string::npos ? text : "(" + text + ")";
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
    std::string text;
    for (const auto& part : parts) text += (text.empty() ? "" : separator) + part;
    return text;
}

// The check behind every line of working: what the line adds up must be what the library computed.
void require_equal(const exact& worked, const exact& computed, const std::string& what) {
    if (worked != computed)
        throw std::logic_error("the working of " + what + " adds up to " + number_text(worked) + ", the library computed " +
                               number_text(computed));
}

dyn_matrix<exact> as_exact(const dyn_matrix<std::size_t>& m) {
    dyn_matrix<exact> e(m.rows(), m.cols());
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) e(i, j) = exact(m(i, j));
    return e;
}


}  // namespace

conv_working::conv_working(const conv_loss_problem<exact>& problem)
    : problem_(problem),
      b_(apply_conv(problem.input, problem.kernel, problem.options, problem.mode)),
      windows_(conv_windows(problem.input.rows(), problem.input.cols(), problem.kernel.rows(), problem.kernel.cols(),
                            problem.options, problem.mode)) {}

std::string conv_working::name(char letter, std::size_t i, std::size_t j) const {
    const auto& m = letter == 'a' ? problem_.input : letter == 'w' ? problem_.kernel : b_;
    const bool wide = std::max(m.rows(), m.cols()) > 9;
    return std::string(1, letter) + "_{" + std::to_string(i + 1) + (wide ? "," : "") + std::to_string(j + 1) + "}";
}

const conv_gradients<exact>& conv_working::gradients() const {
    if (!gradients_) gradients_ = backprop_gradients(problem_);
    return *gradients_;
}

std::string conv_working::window_sum(std::size_t i, std::size_t j) const {
    std::vector<std::string> symbols, numbers;
    exact sum = 0;
    for (const auto& p : windows_(i, j)) {
        const exact& a = problem_.input(p.input_row, p.input_col);
        const exact& w = problem_.kernel(p.kernel_row, p.kernel_col);
        symbols.push_back(name('a', p.input_row, p.input_col) + name('w', p.kernel_row, p.kernel_col));
        numbers.push_back(factor(a) + "\\cdot" + factor(w));
        sum += a * w;
    }
    require_equal(sum, b_(i, j), entry_name("B", i, j));
    if (symbols.empty()) return name('b', i, j) + " = 0";  // the whole window lies in the padding
    return name('b', i, j) + " = " + joined(symbols, " + ") + " = " + joined(numbers, " + ") + " = " + number_text(sum);
}

std::string conv_working::loss() const {
    std::vector<std::string> terms;
    exact total = 0;
    for (std::size_t i = 0; i < b_.rows(); ++i)
        for (std::size_t j = 0; j < b_.cols(); ++j) {
            if (problem_.mask(i, j) == 0) continue;
            const exact difference = b_(i, j) - problem_.target(i, j);
            terms.push_back("(" + number_text(b_(i, j)) + " - " + factor(problem_.target(i, j)) + ")^2");
            total += difference * difference;
        }
    require_equal(total, conv_loss(problem_), "the loss");
    return "f = \\sum_{ij} m_{ij}(b_{ij} - c_{ij})^2 = " + (terms.empty() ? std::string("0") : joined(terms, " + ")) + " = " +
           number_text(total);
}

std::string conv_working::chain_rule(const gradient_entry& entry) const {
    const bool kernel = entry.of == loss_parameter::kernel;
    const std::string wrt = name(kernel ? 'w' : 'a', entry.row, entry.col);
    std::vector<std::string> symbols, numbers;
    exact total = 0;
    for (std::size_t i = 0; i < b_.rows(); ++i)
        for (std::size_t j = 0; j < b_.cols(); ++j) {
            if (problem_.mask(i, j) == 0) continue;
            for (const auto& p : windows_(i, j)) {
                const bool meets = kernel ? p.kernel_row == entry.row && p.kernel_col == entry.col
                                          : p.input_row == entry.row && p.input_col == entry.col;
                if (!meets) continue;
                // ∂b_ij/∂w is the element of A the kernel element multiplies, and the other way round.
                const exact& other = kernel ? problem_.input(p.input_row, p.input_col) : problem_.kernel(p.kernel_row, p.kernel_col);
                const std::string other_name =
                    kernel ? name('a', p.input_row, p.input_col) : name('w', p.kernel_row, p.kernel_col);
                const std::string bij = name('b', i, j), cij = name('c', i, j);
                symbols.push_back("2(" + bij + " - " + cij + ")\\," + other_name);
                numbers.push_back("2(" + number_text(b_(i, j)) + " - " + factor(problem_.target(i, j)) + ")\\cdot" + factor(other));
                total += 2 * (b_(i, j) - problem_.target(i, j)) * other;
            }
        }
    const auto& g = kernel ? gradients().kernel : gradients().input;
    require_equal(total, g(entry.row, entry.col), entry_name(kernel ? "dW" : "dA", entry.row, entry.col));
    const std::string lhs = "\\partial f/\\partial " + wrt;
    if (symbols.empty()) return lhs + " = 0";  // it meets no entry of B that the loss looks at
    return lhs + " = " + joined(symbols, " + ") + " = " + joined(numbers, " + ") + " = " + number_text(total);
}

std::vector<gradient_entry> parse_gradient_entries(const std::vector<std::string>& texts,
                                                   const conv_loss_problem<exact>& problem) {
    std::vector<gradient_entry> entries;
    for (const auto& text : texts) {
        const bool kernel = text.rfind("dW", 0) == 0, input = text.rfind("dA", 0) == 0;
        const std::string id = kernel ? "dW" : "dA";
        const auto where = kernel || input ? parse_entry_name(text, id) : std::nullopt;
        if (!where && text != "dW" && text != "dA")
            throw input_error("--entry", "expected dW(i,j), dA(i,j), dW or dA, counting from 1 as the paper's w11 (dW(1,1)), "
                                         "found '" + text + "'");
        const auto& m = kernel ? problem.kernel : problem.input;
        const loss_parameter of = kernel ? loss_parameter::kernel : loss_parameter::input;
        if (!where) {
            for (std::size_t i = 0; i < m.rows(); ++i)
                for (std::size_t j = 0; j < m.cols(); ++j) entries.push_back({of, i, j});
            continue;
        }
        const auto [row, col] = *where;
        if (row >= m.rows() || col >= m.cols())
            throw input_error("--entry", text + " is outside " + (kernel ? "W" : "A") + ", whose entries run from " +
                                             entry_name(id, 0, 0) + " to " + entry_name(id, m.rows() - 1, m.cols() - 1));
        entries.push_back({of, row, col});
    }
    return entries;
}

std::string explain_conv(const conv_request& request, const std::vector<gradient_entry>& entries, report_format format) {
    const auto& p = request.problem;
    const conv_working working(p);
    const auto& b = working.b();
    const std::size_t n = p.input.rows(), m = p.input.cols(), kr = p.kernel.rows(), kc = p.kernel.cols();
    const std::size_t pad = p.options.padding, stride = p.options.stride;
    const bool turned = p.mode == conv_mode::convolution;

    worked_document doc(format, "Worked solution: a 2-D convolution",
                        "Every number below is exact: computed by ncverify's library and checked to add up.");
    doc.heading("The problem");
    doc.sentence(std::string(turned ? "B is the true convolution of A with W: the kernel is turned by 180 degrees, then slid over A"
                                    : "B is the cross-correlation of A with W: the kernel is slid over A as it is") +
                 ", with padding " + std::to_string(pad) + " and stride " + std::to_string(stride) + ".");
    const auto extent = [&](std::size_t input, std::size_t k) {
        return "$\\lfloor(" + std::to_string(input) + " + 2 \\cdot " + std::to_string(pad) + " - " + std::to_string(k) + ")/" +
               std::to_string(stride) + "\\rfloor + 1 = " + std::to_string(conv_output_extent(input, k, p.options)) + "$";
    };
    doc.sentence("Along each axis B has $\\lfloor(n + 2p - k)/s\\rfloor + 1$ entries: rows " + extent(n, kr) + ", columns " +
                 extent(m, kc) + ".");
    doc.matrix("A", p.input);
    doc.matrix("W", p.kernel);
    if (request.has_loss) {
        doc.matrix("C", p.target);
        dyn_matrix<exact> mask(b.rows(), b.cols());
        for (std::size_t i = 0; i < b.rows(); ++i)
            for (std::size_t j = 0; j < b.cols(); ++j) mask(i, j) = exact(p.mask(i, j));
        doc.matrix("M", mask);
        doc.sentence("The loss is f = Σ m(b − c)² over the entries of B, the mask M choosing which count.");
    }

    doc.heading("B, window by window");
    doc.sentence(std::string("Each entry of B adds the products of the kernel elements with the elements of A under them") +
                 (pad > 0 ? "; kernel positions over the padding meet zeros and are left out" : "") +
                 (turned ? "; the turned kernel puts each element of W on the element of A opposite" : "") + ".");
    for (std::size_t i = 0; i < b.rows(); ++i)
        for (std::size_t j = 0; j < b.cols(); ++j) doc.math(working.window_sum(i, j));
    doc.matrix("B", b);

    doc.heading("How often each element of A is multiplied");
    const auto per_axis = [&](std::size_t extent_of_a, std::size_t k) {
        std::vector<std::string> landing;
        for (std::size_t i = 0; i < extent_of_a; ++i)
            landing.push_back(std::to_string(kernel_positions_landing_on(i, extent_of_a, k, p.options)));
        return joined(landing, ", ");
    };
    doc.sentence("An element of A is multiplied once for every window position that puts a kernel element on it. The windows "
                 "separate by axis, so its count is (kernel rows landing on its row) · (kernel columns landing on its column).");
    doc.sentence("Kernel rows landing on rows 1.." + std::to_string(n) + " of A: " + per_axis(n, kr) + ".");
    doc.sentence("Kernel columns landing on columns 1.." + std::to_string(m) + " of A: " + per_axis(m, kc) + ".");
    const auto counts = instrumented_multiplication_counts(n, m, kr, kc, p.options);
    if (!equal_elements(counts, closed_form_multiplication_counts(n, m, kr, kc, p.options)))
        throw std::logic_error("the per-axis counts disagree with the counting scalar's");
    doc.sentence("The products, as counted by running the convolution on a counting scalar (the same matrix):");
    doc.matrix("counts", as_exact(counts));

    if (request.has_loss) {
        doc.heading("The loss");
        doc.math(working.loss());
        doc.heading("Gradients by the chain rule");
        doc.math("\\partial f/\\partial b_{ij} = 2 m_{ij}(b_{ij} - c_{ij})");
        doc.sentence("Each entry of B is a sum of products a·w, so its derivative by an element of W is the element of A that "
                     "it multiplies in that window, and its derivative by an element of A is the kernel element that "
                     "multiplies it (0 where they do not meet). Entries the mask drops contribute nothing.");
        for (const auto& entry : entries) doc.math(working.chain_rule(entry));
        doc.sentence("Every entry, by backpropagation:");
        doc.matrix("dW", working.gradients().kernel);
        doc.matrix("dA", working.gradients().input);
    }
    return doc.finish();
}

std::string explain_sgd(const sgd_request& request, report_format format) {
    const auto answer = solve_sgd(request);
    const std::size_t n = request.count(), d = request.dimension;
    using point = std::vector<exact>;
    const auto text = [&](const point& v) {
        std::vector<std::string> parts;
        for (const auto& x : v) parts.push_back(number_text(x));
        return request.flat ? parts[0] : "(" + joined(parts, ", ") + ")";
    };
    // Inside an expression a negative or fractional number (flat input) is parenthesised.
    const auto operand = [&](const point& v) { return request.flat ? factor(v[0]) : text(v); };
    const auto eta = [&](std::size_t t) { return request.steps ? (*request.steps)[t] : exact(1) / exact(t + 1); };
    const auto x = [&](std::size_t i) { return point(request.point(i).begin(), request.point(i).end()); };

    worked_document doc(format, "Worked solution: exact SGD",
                        "Every number below is exact: computed by ncverify's library, one step per point.");
    doc.heading("The problem");
    doc.sentence("The cost over the n = " + std::to_string(n) + " points:");
    doc.math("C(w) = \\frac{1}{2n}\\sum_{i=1}^{n} \\|w - x^{(i)}\\|^2");
    doc.sentence("SGD takes one step per point, in the order given, down the gradient of that point's term ½‖w − x‖²:");
    doc.math("w^{(t+1)} = w^{(t)} - \\eta_t (w^{(t)} - x^{(t+1)})");
    doc.sentence(request.steps ? "The step sizes are the ones given." : "The step size of step t is 1/(t + 1).");
    for (std::size_t i = 0; i < n; ++i) doc.math("x^{(" + std::to_string(i + 1) + ")} = " + text(x(i)));
    doc.math("w^{(0)} = " + text(request.w0));

    doc.heading("The iterates");
    point previous = request.w0;
    for (std::size_t t = 0; t < n; ++t) {
        const point& next = answer.iterates.at(t);
        const std::string ts = std::to_string(t), t1 = std::to_string(t + 1);
        for (std::size_t k = 0; k < d; ++k)
            require_equal(previous[k] - eta(t) * (previous[k] - x(t)[k]), next[k],
                          "w(" + t1 + ") coordinate " + std::to_string(k + 1));
        doc.math("w^{(" + t1 + ")} = w^{(" + ts + ")} - \\eta_{" + ts + "} (w^{(" + ts + ")} - x^{(" + t1 + ")}) = " + operand(previous) +
                 " - " + factor(eta(t)) + "\\cdot(" + operand(previous) + " - " + operand(x(t)) + ") = " + text(next));
        previous = next;
    }
    doc.heading("The mean");
    for (std::size_t k = 0; k < d; ++k) {
        exact sum = 0;
        for (std::size_t i = 0; i < n; ++i) sum += request.point(i)[k];
        require_equal(sum / exact(n), answer.mean.at(k), "the mean's coordinate " + std::to_string(k + 1));
    }
    if (answer.final_equals_mean != (previous == answer.mean))
        throw std::logic_error("the run says the last iterate " + std::string(answer.final_equals_mean ? "equals" : "differs from") +
                               " the mean, the working says otherwise");
    doc.math("\\frac{1}{n}\\sum_{i=1}^{n} x^{(i)} = " + text(answer.mean));
    doc.sentence(answer.final_equals_mean
                     ? "The last iterate equals the mean of the points."
                     : "The last iterate differs from the mean of the points" +
                           std::string(request.steps ? " (the step sizes are not 1/(t + 1))." : "."));
    return doc.finish();
}

}  // namespace ncv::tool
