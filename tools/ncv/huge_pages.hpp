// Defines ncv::tool::prefer_huge_pages: asks Linux to back a large buffer with 2 MB pages.
#pragma once

#include <cstddef>
#include <cstdint>

#include <sys/mman.h>

namespace ncv::tool {

// The whole 2 MB blocks inside [begin, begin + bytes): [first, last), empty (first >= last) if none.
struct address_span {
    std::uintptr_t first;
    std::uintptr_t last;
};
[[nodiscard]] constexpr address_span whole_huge_pages(std::uintptr_t begin, std::size_t bytes) {
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    return {(begin + huge - 1) & ~(huge - 1), (begin + bytes) & ~(huge - 1)};
}

// A first write to each 4 KB page of a fresh buffer is a page fault, which on a virtual machine
// costs far more than the write, so a large buffer is better in 2 MB pages
// (tools/bench/conv_vs_torch.py). Where transparent huge pages are offered on request
// (Debian's default, "madvise"), this requests them for the whole 2 MB blocks inside the buffer;
// elsewhere it does nothing. Only a hint: the contents and the allocation do not change.
inline void prefer_huge_pages(const void* buffer, std::size_t bytes) {
    const auto [first, last] = whole_huge_pages(reinterpret_cast<std::uintptr_t>(buffer), bytes);
    if (first < last) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

}  // namespace ncv::tool
