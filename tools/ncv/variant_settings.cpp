// Implements the variant options: whole numbers and ranges LO..HI read strictly, each error naming its option.
#include "variant_settings.hpp"

#include <charconv>
#include <string>

#include "input_error.hpp"
#include "subcommand.hpp"

namespace ncv::tool {

namespace {

namespace po = boost::program_options;

std::int64_t whole_number(const std::string& text, const std::string& option) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw input_error(option, "'" + text + "' is not a whole number");
    return value;
}

std::size_t size_option(const po::variables_map& vm, const char* option, std::size_t fallback) {
    if (!vm.count(option)) return fallback;
    const std::string name = std::string("--") + option;
    const auto value = whole_number(option_text(vm, option), name);
    if (value < 0 || value > 1000) throw input_error(name, "expected 0 to 1000, found " + std::to_string(value));
    return static_cast<std::size_t>(value);
}

number_range range_option(const po::variables_map& vm, const char* option, number_range fallback) {
    if (!vm.count(option)) return fallback;
    const std::string text = option_text(vm, option), name = std::string("--") + option;
    const std::size_t dots = text.find("..", 1);  // after a leading minus
    if (dots == std::string::npos) throw input_error(name, "expected LO..HI, such as -2..2, found '" + text + "'");
    return {whole_number(text.substr(0, dots), name), whole_number(text.substr(dots + 2), name)};
}

}  // namespace

void add_variant_options(po::options_description& options) {
    options.add_options()("input-size", po::value<std::string>(), "n: A is n x n (default 5)")(
        "kernel-size", po::value<std::string>(), "k: W is k x k (default 3)")(
        "padding", po::value<std::string>(), "Q2's padding (default 0; at most k - 1)")(
        "stride", po::value<std::string>(), "Q2's stride (default 1)")(
        "reading", po::value<std::string>(),
        "what B = W ⊛ A means: cross-correlation (default; W as it is, as CNN libraries compute) or convolution (W turned)")(
        "a-range", po::value<std::string>(), "A's entries, LO..HI (default 0..5)")(
        "w-range", po::value<std::string>(), "W's entries (default -2..2)")(
        "c-range", po::value<std::string>(), "C's diagonal (default -10..10)")(
        "x-range", po::value<std::string>(), "the coordinates of Q1b's points (default -6..6)");
}

variant_options read_variant_options(const po::variables_map& vm) {
    const variant_options d;
    variant_options o;
    o.input_size = size_option(vm, "input-size", d.input_size);
    o.kernel_size = size_option(vm, "kernel-size", d.kernel_size);
    o.q2 = {size_option(vm, "padding", d.q2.padding), size_option(vm, "stride", d.q2.stride)};
    o.reading = vm.count("reading") ? parse_reading(option_text(vm, "reading"), "--reading") : d.reading;
    o.a = range_option(vm, "a-range", d.a);
    o.w = range_option(vm, "w-range", d.w);
    o.c = range_option(vm, "c-range", d.c);
    o.x = range_option(vm, "x-range", d.x);
    check_variant_options(o);
    return o;
}

}  // namespace ncv::tool
