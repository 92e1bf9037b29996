// FuzzCommon.h — small helpers shared by the libFuzzer targets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "backprop/Checksum.h"

namespace bpfuzz {

// The fuzzer's bytes as text.
inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// Stops the run with a message: libFuzzer reports the abort and saves the input as a crash.
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

inline void check(bool ok, const char* what) {
    if (!ok) fail(what);
}

// For formats that end in a CRC-32 of everything before it (model and session files): decodes
// the input as it is, then with its last 4 bytes replaced by the CRC-32 of the rest, so that
// mutated headers and contents get past the checksum and reach the parser behind it.
template <typename Decode>
void decodeAsIsAndWithFixedCrc(const std::uint8_t* data, std::size_t size, Decode decode) {
    std::vector<char> bytes(data, data + size);
    decode(bytes);
    if (size < 4) return;
    const std::uint32_t crc = bp::crc32(bytes.data(), size - 4);
    for (std::size_t b = 0; b < 4; ++b)
        bytes[size - 4 + b] = static_cast<char>((crc >> (8 * b)) & 255);
    decode(bytes);
}

}  // namespace bpfuzz
