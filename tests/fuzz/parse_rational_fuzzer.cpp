// libFuzzer target: parse_rational on arbitrary text never crashes, and what it accepts prints and parses back to itself.
#include <boost/multiprecision/cpp_int.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include <ncv/number/rational.hpp>

namespace {
template <class Int>
void check(std::string_view text) {
    try {
        const auto value = ncv::parse_rational<Int>(text);
        if (ncv::parse_rational<Int>(ncv::to_string(value)) != value) std::abort();  // round trip
        if (!(value.denominator() > Int(0))) std::abort();
    } catch (const std::invalid_argument&) {
    } catch (const std::domain_error&) {
    } catch (const std::overflow_error&) {
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check<std::int64_t>(text);
    if (size < 4096) check<boost::multiprecision::cpp_int>(text);
    return 0;
}
