// Tests the GAN discriminator losses on 1,000 random distributions (cpp_rational), with a labelled floating-point cross-check of the logs.
#define BOOST_TEST_MODULE gan_loss
#include <boost/test/unit_test.hpp>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/cpp_int.hpp>

#include <random>

#include <ncv/nn/gan_loss.hpp>

using exact = boost::multiprecision::cpp_rational;
using float50 = boost::multiprecision::cpp_bin_float_50;

BOOST_AUTO_TEST_SUITE(gan_loss)

BOOST_AUTO_TEST_CASE(optima_on_random_distributions_are_exact) {
    std::mt19937_64 engine(3);
    std::uniform_int_distribution<int> weight(0, 50);
    for (int trial = 0; trial < 1'000; ++trial) {
        exact a(weight(engine) + 1, 97), b(weight(engine) + 1, 89);  // both positive
        for (const auto loss : {ncv::discriminator_loss::given, ncv::discriminator_loss::corrected}) {
            const exact d = ncv::optimal_discriminator(loss, a, b);
            BOOST_TEST(ncv::discriminator_loss_slope(loss, a, b, d) == 0);
            BOOST_TEST(ncv::discriminator_loss_curvature(loss, a, b, d) > 0);
            // The slope is negative below D* and positive above: D* is the unique minimiser.
            BOOST_TEST(ncv::discriminator_loss_slope(loss, a, b, exact(d / 2)) < 0);
            BOOST_TEST(ncv::discriminator_loss_slope(loss, a, b, exact((d + 1) / 2)) > 0);
        }
        BOOST_TEST(ncv::optimal_discriminator(ncv::discriminator_loss::given, a, b) +
                       ncv::optimal_discriminator(ncv::discriminator_loss::corrected, a, b) ==
                   1);
    }
}

BOOST_AUTO_TEST_CASE(real_only_points_push_the_two_losses_apart) {
    const exact a(3, 10), b(0);
    for (int k = 1; k < 100; ++k) {
        const exact d(k, 100);
        BOOST_TEST(ncv::discriminator_loss_slope(ncv::discriminator_loss::given, a, b, d) > 0);      // D → 0
        BOOST_TEST(ncv::discriminator_loss_slope(ncv::discriminator_loss::corrected, a, b, d) < 0);  // D → 1
    }
}

// Numeric cross-check, not a proof: the logarithmic losses themselves, evaluated in 50-digit
// binary floating point, are lower at D* than at D* ± 1/1000.
BOOST_AUTO_TEST_CASE(numeric_cross_check_of_the_logarithmic_losses) {
    std::mt19937_64 engine(8);
    std::uniform_int_distribution<int> weight(1, 50);
    const auto loss_value = [](ncv::discriminator_loss loss, const float50& a, const float50& b, const float50& d) {
        return loss == ncv::discriminator_loss::given ? float50(-a * log(1 - d) - b * log(d))
                                                      : float50(-a * log(d) - b * log(1 - d));
    };
    for (int trial = 0; trial < 1'000; ++trial) {
        const exact a(weight(engine), 50), b(weight(engine), 50);
        for (const auto loss : {ncv::discriminator_loss::given, ncv::discriminator_loss::corrected}) {
            const exact d = ncv::optimal_discriminator(loss, a, b);
            const float50 fa(a), fb(b), fd(d), step("0.001");
            const float50 at = loss_value(loss, fa, fb, fd);
            if (fd - step > 0) BOOST_TEST(at < loss_value(loss, fa, fb, fd - step));
            if (fd + step < 1) BOOST_TEST(at < loss_value(loss, fa, fb, fd + step));
        }
    }
}

// The slope and the curvature against the losses' own definition, differentiated numerically
// in 50 digits (central differences of the logarithms, written here): an independent reference
// for the library's closed forms, at points spread over (0, 1).
BOOST_AUTO_TEST_CASE(slope_and_curvature_against_central_differences) {
    std::mt19937_64 engine(13);
    std::uniform_int_distribution<int> weight(1, 50), where(1, 99);
    const auto loss_value = [](ncv::discriminator_loss loss, const float50& a, const float50& b, const float50& d) {
        return loss == ncv::discriminator_loss::given ? float50(-a * log(1 - d) - b * log(d))
                                                      : float50(-a * log(d) - b * log(1 - d));
    };
    const float50 h("1e-12");
    for (int trial = 0; trial < 300; ++trial) {
        const exact a(weight(engine), 50), b(weight(engine), 50), d(where(engine), 100);
        const float50 fa(a), fb(b), fd(d);
        for (const auto loss : {ncv::discriminator_loss::given, ncv::discriminator_loss::corrected}) {
            const float50 up = loss_value(loss, fa, fb, fd + h), down = loss_value(loss, fa, fb, fd - h),
                          at = loss_value(loss, fa, fb, fd);
            const float50 slope = (up - down) / (2 * h), curvature = (up - 2 * at + down) / (h * h);
            BOOST_TEST(abs(slope - float50(ncv::discriminator_loss_slope(loss, a, b, d))) < float50("1e-15"));
            BOOST_TEST(abs(curvature - float50(ncv::discriminator_loss_curvature(loss, a, b, d))) < float50("1e-3"));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
