// Tests ∂B/∂entry by dual numbers, the exact central difference and its premise, on random problems.
#define BOOST_TEST_MODULE conv_loss_derivatives
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include <ncv/nn/conv2d_backward.hpp>
#include <ncv/nn/conv_loss.hpp>
#include <ncv/nn/conv_loss_derivatives.hpp>

#include "conv_by_definition.hpp"
#include "random_conv_problems.hpp"

using exact = random_exact::exact;

BOOST_AUTO_TEST_SUITE(conv_loss_derivatives)

// B is linear in any single entry, so ∂B/∂entry is B(entry + 1) − B(entry), with B computed from
// the definition in the test (conv_by_definition.hpp), not by the library: an independent check
// of the dual-number chain-rule terms on random shapes, paddings, strides and readings.
BOOST_AUTO_TEST_CASE(output_derivative_is_the_change_of_B_per_unit_step) {
    random_conv_problems random;
    for (int trial = 0; trial < 300; ++trial) {
        auto p = random.problem();
        const auto which = random.pick(0, 1) == 0 ? ncv::loss_parameter::kernel : ncv::loss_parameter::input;
        auto& m = which == ncv::loss_parameter::kernel ? p.kernel : p.input;
        const std::size_t i = random.pick(0, m.rows() - 1), j = random.pick(0, m.cols() - 1);
        const auto derivative = ncv::conv_output_derivative(p, which, i, j);
        const auto before = ncv_test::by_definition(p).b;
        m(i, j) += 1;
        const auto after = ncv_test::by_definition(p).b;
        BOOST_TEST((derivative == after - before), "trial " << trial);
    }
}

// The premise of evaluating only some terms: moving an entry of A changes no output outside the
// outputs that reach it. And the terms of f over blocks that split B add up to f.
BOOST_AUTO_TEST_CASE(an_entry_of_A_changes_only_the_outputs_reaching_it) {
    random_conv_problems random(77);
    for (int trial = 0; trial < 300; ++trial) {
        auto p = random.problem();
        const std::size_t i = random.pick(0, p.input.rows() - 1), j = random.pick(0, p.input.cols() - 1);
        const ncv::output_block reached = ncv::outputs_reaching(i, j, p.input.rows(), p.input.cols(), p.kernel.rows(),
                                                                p.kernel.cols(), p.options);
        const auto before = ncv::apply_conv(p.input, p.kernel, p.options, p.mode);
        p.input(i, j) += 5;
        const auto after = ncv::apply_conv(p.input, p.kernel, p.options, p.mode);
        for (std::size_t r = 0; r < before.rows(); ++r)
            for (std::size_t c = 0; c < before.cols(); ++c) {
                const bool inside = reached.rows.begin <= r && r < reached.rows.end && reached.cols.begin <= c &&
                                    c < reached.cols.end;
                if (!inside) BOOST_TEST(before(r, c) == after(r, c), "trial " << trial);
            }
        const ncv::output_block whole = ncv::all_outputs(p);
        const std::size_t split = random.pick(0, whole.rows.end);  // 0 or the end: one block is empty
        const exact parts = ncv::conv_loss_over(p, {{0, split}, whole.cols}) +
                            ncv::conv_loss_over(p, {{split, whole.rows.end}, whole.cols});
        BOOST_TEST(parts == ncv::conv_loss(p), "trial " << trial);
    }
}

// An invalid shape is refused with std::invalid_argument by every entry point, before any
// extent is computed from it (a stride of 0 would divide by zero).
BOOST_AUTO_TEST_CASE(invalid_shapes_are_refused_not_divided_by) {
    const auto problem = [](ncv::conv_options options, std::size_t kernel) {
        return ncv::conv_loss_problem<exact>{ncv::dyn_matrix<exact>(3, 3), ncv::dyn_matrix<exact>(kernel, kernel),
                                             ncv::dyn_matrix<exact>(1, 1), ncv::make_mask(1, 1, ncv::mask_kind::all),
                                             options, ncv::conv_mode::cross_correlation};
    };
    for (auto p : {problem({0, 0}, 3), problem({0, 1}, 4)}) {
        BOOST_CHECK_THROW((void)ncv::conv_loss(p), std::invalid_argument);
        BOOST_CHECK_THROW((void)ncv::all_outputs(p), std::invalid_argument);
        BOOST_CHECK_THROW((void)ncv::loss_moved(p, ncv::loss_parameter::input, 0, 0, exact(1)), std::invalid_argument);
        for (const auto which : {ncv::loss_parameter::kernel, ncv::loss_parameter::input}) {
            BOOST_CHECK_THROW((void)ncv::forward_mode_derivative(p, which, 0, 0), std::invalid_argument);
            BOOST_CHECK_THROW((void)ncv::central_difference_derivative(p, which, 0, 0), std::invalid_argument);
        }
        BOOST_CHECK_THROW((void)ncv::forward_mode_gradients(p), std::invalid_argument);
        BOOST_CHECK_THROW((void)ncv::central_difference_gradients(p), std::invalid_argument);
    }
}

BOOST_AUTO_TEST_CASE(the_loss_is_quadratic_in_each_entry) {
    random_conv_problems random;
    for (int trial = 0; trial < 100; ++trial) BOOST_TEST(ncv::quadratic_in_every_entry(random.problem()));
}

BOOST_AUTO_TEST_CASE(a_non_quadratic_function_is_detected) {
    // The premise check can say no: with the loss squared once more (degree 4), applied to a
    // problem whose loss is x² in a single entry, the second differences are no longer constant.
    ncv::conv_loss_problem<exact> p{ncv::dyn_matrix<exact>({{exact(3)}}), ncv::dyn_matrix<exact>({{exact(2)}}),
                                    ncv::dyn_matrix<exact>({{exact(0)}}), ncv::make_mask(1, 1, ncv::mask_kind::all),
                                    {0, 1}, ncv::conv_mode::cross_correlation};
    exact f[5];
    for (int k = -2; k <= 2; ++k) {
        const exact loss = ncv::loss_moved(p, ncv::loss_parameter::kernel, 0, 0, exact(k));
        f[k + 2] = loss * loss;
    }
    BOOST_TEST((f[0] - 2 * f[1] + f[2]) != (f[1] - 2 * f[2] + f[3]));
    BOOST_TEST(ncv::quadratic_in_every_entry(p));
}

// Integers are accepted where each quotient is checked: on integer data the central difference
// (f(x+1) − f(x−1))/2 is exact, and it must equal the gradient written from the definition in the
// test (and backpropagation's).
BOOST_AUTO_TEST_CASE(central_differences_on_integers_are_exact) {
    random_conv_problems random(4242);
    const auto to_integer = [](const ncv::dyn_matrix<exact>& m) {
        return ncv::map_elements(m, [](const exact& x) { return static_cast<std::int64_t>(numerator(x) * 7 / denominator(x)); });
    };
    for (int trial = 0; trial < 200; ++trial) {
        const auto p = random.problem();
        const ncv::conv_loss_problem<std::int64_t> q{to_integer(p.input), to_integer(p.kernel), to_integer(p.target),
                                                     p.mask, p.options, p.mode};
        const auto central = ncv::central_difference_gradients(q);
        BOOST_TEST((central == ncv::backprop_gradients(q)), "trial " << trial);
        const auto as_exact = [](const ncv::dyn_matrix<std::int64_t>& m) {
            return ncv::map_elements(m, [](std::int64_t x) { return exact(x); });
        };
        const auto reference = ncv_test::by_definition(
            {as_exact(q.input), as_exact(q.kernel), as_exact(q.target), q.mask, q.options, q.mode});
        BOOST_TEST((as_exact(central.kernel) == reference.dw && as_exact(central.input) == reference.da), "trial " << trial);
    }
}

BOOST_AUTO_TEST_SUITE_END()
