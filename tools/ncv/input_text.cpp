// Implements input_text: mmap for a regular file, read(2) to the end for anything else.
#include "input_text.hpp"

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input_error.hpp"

namespace ncv::tool {

namespace {

// What an open descriptor still holds (standard input, a pipe, a device, an empty file), read from
// the descriptor already open: opening a named pipe a second time could lose what its writer
// sends in between.
std::string read_descriptor(int descriptor, const std::string& file) {
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        const ::ssize_t got = ::read(descriptor, buffer, sizeof buffer);
        if (got > 0) text.append(buffer, static_cast<std::size_t>(got));
        else if (got == 0) return text;
        else if (errno != EINTR) throw input_error(file, std::string("cannot read the file: ") + std::strerror(errno));
    }
}

// Closes the descriptor on every way out; a mapping outlives it.
struct descriptor_closer {
    int descriptor;
    ~descriptor_closer() { ::close(descriptor); }
};

}  // namespace

input_text::input_text(const std::string& file) {
    if (file.empty() || file == "-") {
        read_ = read_descriptor(STDIN_FILENO, "input");
        return;
    }
    const int descriptor = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) throw input_error(file, std::string("cannot open the file: ") + std::strerror(errno));
    const descriptor_closer closer{descriptor};
    struct stat status {};
    const bool known = ::fstat(descriptor, &status) == 0;
    if (known && S_ISDIR(status.st_mode)) throw input_error(file, "is a directory, not a JSON file");
    if (known && S_ISREG(status.st_mode) && status.st_size > 0) {
        void* pages = ::mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0);
        if (pages != MAP_FAILED) {
            mapped_ = static_cast<const char*>(pages);
            size_ = static_cast<std::size_t>(status.st_size);
            return;
        }
    }
    read_ = read_descriptor(descriptor, file);  // an empty file, a pipe or a device, or a file mmap refused
}

input_text::~input_text() {
    if (mapped_) ::munmap(const_cast<char*>(mapped_), size_);
}

}  // namespace ncv::tool
