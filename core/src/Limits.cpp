// Limits.cpp — the memory this program may use, and whether a network fits in it (Limits.h).
#include "backprop/Limits.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <limits>

#include "backprop/FileRead.h"

namespace bp {

std::uint64_t availableMemory() {
    std::uint64_t most = 0;
    const long pages = ::sysconf(_SC_PHYS_PAGES), pageSize = ::sysconf(_SC_PAGE_SIZE);
    if (pages > 0 && pageSize > 0)
        most = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize);
    for (const int resource : {RLIMIT_AS, RLIMIT_DATA}) {
        rlimit r{};
        if (::getrlimit(resource, &r) == 0 && r.rlim_cur != RLIM_INFINITY)
            most = most == 0 ? r.rlim_cur : std::min<std::uint64_t>(most, r.rlim_cur);
    }
    return most;
}

std::uint64_t weightCount(const std::vector<int>& layers, bool bias) {
    constexpr std::uint64_t kMost = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t n = 0;
    for (std::size_t k = 0; k + 1 < layers.size(); ++k) {
        if (layers[k] < 0 || layers[k + 1] < 0) continue;  // validate() says why
        const auto rows = static_cast<std::uint64_t>(layers[k + 1]);
        const auto cols = static_cast<std::uint64_t>(layers[k]) + (bias ? 1 : 0);
        if (rows != 0 && cols > kMost / rows) return kMost;
        if (n > kMost - rows * cols) return kMost;
        n += rows * cols;
    }
    return n;
}

std::string networkMemoryProblem(const std::vector<int>& layers, bool bias,
                                 std::uint64_t available) {
    if (available == 0) return {};
    const std::uint64_t weights = weightCount(layers, bias);
    constexpr std::uint64_t kBytesEach = 2 * sizeof(double);  // the weights and one working copy
    const bool overflow = weights > std::numeric_limits<std::uint64_t>::max() / kBytesEach;
    const std::uint64_t needed =
        overflow ? std::numeric_limits<std::uint64_t>::max() : weights * kBytesEach;
    if (needed <= available) return {};
    std::string shape;
    for (const int n : layers) {
        if (!shape.empty()) shape += '-';
        shape += std::to_string(n);
    }
    return "a " + shape + (bias ? " network with bias" : " network") + " has " +
           (weights == std::numeric_limits<std::uint64_t>::max() ? "more than 10^19"
                                                                 : std::to_string(weights)) +
           " weights and needs " + (overflow ? "more than 10^19 bytes" : byteSize(needed)) +
           " of memory (8 bytes a weight, twice); this computer has " + byteSize(available);
}

}  // namespace bp
