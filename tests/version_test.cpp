// Tests <ncv/version.hpp>: its macros say the version meson.build declares (passed in as NCV_EXPECTED_VERSION).
#define BOOST_TEST_MODULE version
#include <boost/test/unit_test.hpp>

#include <string>

#include <ncv/version.hpp>

BOOST_AUTO_TEST_CASE(the_header_says_the_project_version) {
    const std::string header = std::to_string(NCV_VERSION_MAJOR) + "." + std::to_string(NCV_VERSION_MINOR) + "." +
                               std::to_string(NCV_VERSION_PATCH);
    BOOST_TEST(header == NCV_EXPECTED_VERSION);
}
