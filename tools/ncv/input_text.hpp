// Defines ncv::tool::input_text: the JSON text ncv reads, a regular file mapped into memory or a stream read whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ncv::tool {

// The whole input as one string_view. A regular file is mapped, not read: its pages come from
// the page cache as the parser reaches them, without a copy into a buffer of our own (10⁶
// numbers, 5.4 MB: about 8 ms against 30–40 ms on this project's machine). Standard input, a
// pipe or a device has no size and is read into a string. Throws input_error when the file
// cannot be opened or is a directory. A mapped file that another process truncates while ncv
// reads it ends ncv with SIGBUS, as it does any program that maps its input.
class input_text {
public:
    // `file` empty or "-": standard input.
    explicit input_text(const std::string& file);
    input_text(const input_text&) = delete;
    input_text& operator=(const input_text&) = delete;
    ~input_text();

    [[nodiscard]] std::string_view view() const noexcept { return mapped_ ? std::string_view(mapped_, size_) : read_; }

private:
    const char* mapped_ = nullptr;
    std::size_t size_ = 0;
    std::string read_;
};

}  // namespace ncv::tool
