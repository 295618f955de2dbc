// Implements input_text: mmap for a regular file, a whole-stream read for anything else.
#include "input_text.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input_error.hpp"

namespace ncv::tool {

namespace {

std::string read_stream(std::istream& in) {
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

input_text::input_text(const std::string& file) {
    if (file.empty() || file == "-") {
        read_ = read_stream(std::cin);
        return;
    }
    const int descriptor = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) throw input_error(file, "cannot open the file");
    struct stat status {};
    const bool known = ::fstat(descriptor, &status) == 0;
    if (known && S_ISDIR(status.st_mode)) {
        ::close(descriptor);
        throw input_error(file, "is a directory, not a JSON file");
    }
    if (known && S_ISREG(status.st_mode) && status.st_size > 0) {
        void* pages = ::mmap(nullptr, static_cast<std::size_t>(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0);
        if (pages != MAP_FAILED) {
            ::close(descriptor);  // the mapping keeps the file
            mapped_ = static_cast<const char*>(pages);
            size_ = static_cast<std::size_t>(status.st_size);
            return;
        }
    }
    ::close(descriptor);
    // An empty file, a pipe or a device named by path (/dev/stdin), or a file mmap refused.
    std::ifstream in(file, std::ios::binary);
    if (!in) throw input_error(file, "cannot open the file");
    read_ = read_stream(in);
}

input_text::~input_text() {
    if (mapped_) ::munmap(const_cast<char*>(mapped_), size_);
}

}  // namespace ncv::tool
