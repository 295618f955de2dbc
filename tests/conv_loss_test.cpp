// Tests the masked squared error: mask kinds, explicit masks, and the shape checks that name the field.
#define BOOST_TEST_MODULE conv_loss
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>

#include <ncv/nn/conv_loss.hpp>
#include <ncv/number/rational.hpp>

using q = ncv::rational<std::int64_t>;

BOOST_AUTO_TEST_SUITE(conv_loss)

BOOST_AUTO_TEST_CASE(mask_kinds) {
    const auto diagonal = ncv::make_mask(2, 3, ncv::mask_kind::diagonal);
    BOOST_TEST(diagonal(0, 0) == 1);
    BOOST_TEST(diagonal(1, 1) == 1);
    BOOST_TEST(diagonal(0, 1) == 0);
    BOOST_TEST(diagonal(1, 2) == 0);
    const auto all = ncv::make_mask(2, 3, ncv::mask_kind::all);
    BOOST_TEST(all(1, 2) == 1);
}

BOOST_AUTO_TEST_CASE(masked_squared_error_sums_the_selected_entries) {
    const ncv::dyn_matrix<q> b({{1, 2}, {3, 4}});
    const ncv::dyn_matrix<q> c({{0, 0}, {0, q(1, 2)}});
    BOOST_TEST(ncv::masked_squared_error(b, c, ncv::make_mask(2, 2, ncv::mask_kind::all)) == q(1 + 4 + 9) + q(49, 4));
    BOOST_TEST(ncv::masked_squared_error(b, c, ncv::make_mask(2, 2, ncv::mask_kind::diagonal)) == q(1) + q(49, 4));
    BOOST_TEST(ncv::masked_squared_error(b, c, ncv::dyn_matrix<int>({{0, 1}, {0, 0}})) == q(4));
}

BOOST_AUTO_TEST_CASE(inconsistent_problems_name_the_field) {
    const auto problem = [](ncv::dyn_matrix<q> target, ncv::dyn_matrix<int> mask) {
        return ncv::conv_loss_problem<q>{ncv::dyn_matrix<q>({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}),
                                         ncv::dyn_matrix<q>({{1, 1}, {1, 1}}), std::move(target), std::move(mask), {0, 1},
                                         ncv::conv_mode::cross_correlation};
    };
    const auto message_starts = [](const char* prefix) {
        return [prefix](const std::invalid_argument& e) { return std::string(e.what()).rfind(prefix, 0) == 0; };
    };
    BOOST_CHECK_NO_THROW(ncv::require_consistent(problem(ncv::dyn_matrix<q>(2, 2), ncv::make_mask(2, 2, ncv::mask_kind::all))));
    BOOST_CHECK_EXCEPTION(ncv::require_consistent(problem(ncv::dyn_matrix<q>(3, 2), ncv::make_mask(2, 2, ncv::mask_kind::all))),
                          std::invalid_argument, message_starts("C:"));
    BOOST_CHECK_EXCEPTION(ncv::require_consistent(problem(ncv::dyn_matrix<q>(2, 2), ncv::make_mask(1, 2, ncv::mask_kind::all))),
                          std::invalid_argument, message_starts("mask:"));
    BOOST_CHECK_EXCEPTION(ncv::require_consistent(problem(ncv::dyn_matrix<q>(2, 2), ncv::dyn_matrix<int>({{0, 2}, {1, 1}}))),
                          std::invalid_argument, message_starts("mask:"));
}

BOOST_AUTO_TEST_CASE(constant_and_run_time_evaluation_agree) {
    constexpr q compile_time = ncv::masked_squared_error(ncv::dyn_matrix<q>({{1, 2}, {3, 4}}),
                                                         ncv::dyn_matrix<q>({{0, 0}, {0, 0}}),
                                                         ncv::make_mask(2, 2, ncv::mask_kind::diagonal));
    const ncv::dyn_matrix<q> b({{1, 2}, {3, 4}});
    BOOST_TEST(compile_time == ncv::masked_squared_error(b, ncv::dyn_matrix<q>(2, 2), ncv::make_mask(2, 2, ncv::mask_kind::diagonal)));
    BOOST_TEST(compile_time == q(17));
}

BOOST_AUTO_TEST_SUITE_END()
