// IdxSplit.h — one fuzz input holding an IDX images file and its labels file:
//   4 bytes little-endian n, then n bytes of the images file, then the labels file (the rest).
// n is clamped to what is there, so every input splits somehow.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

namespace bpfuzz {

inline std::pair<std::string_view, std::string_view> splitIdx(const std::uint8_t* data,
                                                              std::size_t size) {
    if (size < 4) return {{}, {}};
    const std::size_t n = std::size_t{data[0]} | std::size_t{data[1]} << 8 |
                          std::size_t{data[2]} << 16 | std::size_t{data[3]} << 24;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 4, size - 4);
    const std::size_t k = n < rest.size() ? n : rest.size();
    return {rest.substr(0, k), rest.substr(k)};
}

}  // namespace bpfuzz
