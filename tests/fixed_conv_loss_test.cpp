// Tests the fixed-extent loss problem: its loss and gradients against the definition written here, at compile time and at run time.
#define BOOST_TEST_MODULE fixed_conv_loss
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <ncv/nn/fixed_conv_loss.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;

namespace {

// f from its definition, independent of the library's convolution: b_rc = Σ_uv a(r·s + u − p, c·s + v − p) ·
// w'(u, v), where w' is W, or W turned by 180 degrees for the true convolution; positions in the padding are 0.
template <class P>
constexpr q reference_loss(const P& p) {
    const std::size_t kr = p.kernel.rows(), kc = p.kernel.cols(), pad = p.options.padding, s = p.options.stride;
    q sum(0);
    for (std::size_t r = 0; r < p.target.rows(); ++r)
        for (std::size_t c = 0; c < p.target.cols(); ++c) {
            if (p.mask(r, c) == 0) continue;
            q b(0);
            for (std::size_t u = 0; u < kr; ++u)
                for (std::size_t v = 0; v < kc; ++v) {
                    const std::size_t i = r * s + u, j = c * s + v;
                    if (i < pad || j < pad || i - pad >= p.input.rows() || j - pad >= p.input.cols()) continue;
                    const q w = p.mode == ncv::conv_mode::convolution ? p.kernel(kr - 1 - u, kc - 1 - v) : p.kernel(u, v);
                    b = b + p.input(i - pad, j - pad) * w;
                }
            sum = sum + (b - p.target(r, c)) * (b - p.target(r, c));
        }
    return sum;
}

// ∂f/∂x for one entry x: f is quadratic in each entry, so (f(x + 1) − f(x − 1))/2 is exact.
template <class P, class Entry>
constexpr q reference_derivative(P p, Entry entry) {
    entry(p) = entry(p) + q(1);
    const q up = reference_loss(p);
    entry(p) = entry(p) - q(2);
    return (up - reference_loss(p)) / q(2);
}

template <class P>
void check_against_reference(const P& p) {
    BOOST_TEST(ncv::conv_loss(p) == reference_loss(p));
    const auto g = ncv::backprop_gradients(p);
    for (std::size_t u = 0; u < p.kernel.rows(); ++u)
        for (std::size_t v = 0; v < p.kernel.cols(); ++v)
            BOOST_TEST(g.kernel(u, v) == reference_derivative(p, [u, v](P& x) -> q& { return x.kernel(u, v); }),
                       "dW(" << u << ", " << v << ")");
    for (std::size_t i = 0; i < p.input.rows(); ++i)
        for (std::size_t j = 0; j < p.input.cols(); ++j)
            BOOST_TEST(g.input(i, j) == reference_derivative(p, [i, j](P& x) -> q& { return x.input(i, j); }),
                       "dA(" << i << ", " << j << ")");
}

constexpr ncv::matrix<q, 5, 5> paper_a({{1, 2, 3, 4, 5}, {5, 1, 2, 3, 4}, {4, 5, 1, 2, 3}, {3, 4, 5, 1, 2}, {2, 3, 4, 5, 1}});
constexpr ncv::matrix<q, 3, 3> paper_w({{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}});
constexpr ncv::matrix<q, 3, 3> paper_c({{-10, 0, 0}, {0, -10, 0}, {0, 0, -10}});
constexpr ncv::fixed_conv_loss_problem paper{.input = paper_a, .kernel = paper_w, .target = paper_c,
                                             .mask = ncv::make_mask<3, 3>(ncv::mask_kind::diagonal)};

// An asymmetric kernel, padding 1 and stride 2, every reading: B is 3x3 from a 4x5 input.
constexpr ncv::matrix<q, 4, 5> odd_a({{1, 0, 2, 1, q(-1, 2)}, {3, q(1, 2), 0, 1, 2}, {2, 2, 1, 0, -3}, {0, 1, 3, 2, 1}});
constexpr ncv::matrix<q, 2, 3> odd_w({{1, -1, q(2, 3)}, {2, q(1, 3), 0}});
constexpr ncv::matrix<q, 3, 3> odd_c({{1, 0, -1}, {0, q(1, 4), 2}, {-2, 0, 1}});

}  // namespace

BOOST_AUTO_TEST_SUITE(fixed_conv_loss)

BOOST_AUTO_TEST_CASE(constant_expressions_without_to_fixed) {
    constexpr auto g = ncv::backprop_gradients(paper);  // the obvious try: a constexpr variable holds the result
    constexpr q loss = ncv::conv_loss(paper);
    static_assert(g.kernel(0, 0) == q(-30) && g.input(0, 0) == q(10) && loss == q(75));
    static_assert(loss == reference_loss(paper));
    BOOST_TEST((g == ncv::backprop_gradients(paper)));  // the same at run time
}

BOOST_AUTO_TEST_CASE(fixed_masks_match_the_run_time_ones) {
    constexpr auto diagonal = ncv::make_mask<2, 3>(ncv::mask_kind::diagonal);
    static_assert(diagonal(0, 0) == 1 && diagonal(1, 1) == 1 && diagonal(0, 1) == 0 && diagonal(1, 2) == 0);
    BOOST_TEST(ncv::equal_elements(ncv::make_mask<3, 2>(ncv::mask_kind::all), ncv::make_mask(3, 2, ncv::mask_kind::all)));
}

BOOST_AUTO_TEST_CASE(loss_and_gradients_match_the_definition) {
    check_against_reference(paper);
    for (const auto mode : {ncv::conv_mode::cross_correlation, ncv::conv_mode::convolution})
        for (const auto kind : {ncv::mask_kind::all, ncv::mask_kind::diagonal})
            check_against_reference(ncv::fixed_conv_loss_problem{.input = odd_a, .kernel = odd_w, .target = odd_c,
                                                                 .mask = ncv::make_mask<3, 3>(kind),
                                                                 .options = {.padding = 1, .stride = 2}, .mode = mode});
}

BOOST_AUTO_TEST_CASE(the_run_time_sized_copy_is_the_same_problem) {
    const ncv::fixed_conv_loss_problem p{.input = odd_a, .kernel = odd_w, .target = odd_c,
                                         .mask = ncv::make_mask<3, 3>(ncv::mask_kind::diagonal),
                                         .options = {.padding = 1, .stride = 2}, .mode = ncv::conv_mode::convolution};
    const auto d = ncv::to_dynamic(p);
    BOOST_TEST(ncv::equal_elements(d.input, p.input));
    BOOST_TEST(ncv::equal_elements(d.kernel, p.kernel));
    BOOST_TEST(ncv::equal_elements(d.target, p.target));
    BOOST_TEST(ncv::equal_elements(d.mask, p.mask));
    BOOST_TEST((d.options == p.options));
    BOOST_TEST((d.mode == p.mode));
}

BOOST_AUTO_TEST_CASE(shapes_that_do_not_fit_are_refused) {
    // Padding 0 and stride 2 make B 2x2, not the 3x3 the target's type says.
    const ncv::fixed_conv_loss_problem p{.input = odd_a, .kernel = odd_w, .target = odd_c, .options = {.padding = 0, .stride = 2}};
    const auto names_c = [](const std::invalid_argument& e) { return std::string(e.what()).rfind("C: ", 0) == 0; };
    BOOST_CHECK_EXCEPTION(static_cast<void>(ncv::conv_loss(p)), std::invalid_argument, names_c);
    BOOST_CHECK_EXCEPTION(static_cast<void>(ncv::backprop_gradients(p)), std::invalid_argument, names_c);
    BOOST_CHECK_THROW(static_cast<void>(ncv::conv_loss(ncv::fixed_conv_loss_problem{
                          .input = paper_a, .kernel = paper_w, .target = paper_c, .options = {.padding = 0, .stride = 0}})),
                      std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
