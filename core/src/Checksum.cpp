// Checksum.cpp — table-driven CRC-32 and plain Adler-32 (see Checksum.h).
#include "backprop/Checksum.h"

#include <cstdio>

#include <array>

namespace bp {
namespace {

// The 256 remainders of the reflected polynomial 0xEDB88320, one per byte value.
constexpr std::array<std::uint32_t, 256> makeCrcTable() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}
constexpr std::array<std::uint32_t, 256> kCrcTable = makeCrcTable();

}  // namespace

std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t running) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::uint32_t c = running ^ 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) c = kCrcTable[(c ^ p[i]) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::uint32_t adler32(const void* data, std::size_t size, std::uint32_t running) {
    // a = 1 + Σ bytes, b = Σ a after each byte, both mod 65521; result b·65536 + a.
    constexpr std::uint32_t kMod = 65521;
    const auto* p = static_cast<const unsigned char*>(data);
    std::uint32_t a = running & 0xFFFFu, b = running >> 16;
    while (size > 0) {
        // 5552 bytes is the longest run whose sums cannot overflow 32 bits before the modulo.
        const std::size_t n = size < 5552 ? size : 5552;
        for (std::size_t i = 0; i < n; ++i) {
            a += p[i];
            b += a;
        }
        a %= kMod;
        b %= kMod;
        p += n;
        size -= n;
    }
    return (b << 16) | a;
}

std::string trailingCrc32Mismatch(const char* data, std::size_t crcAt) {
    std::uint32_t stored = 0;
    for (std::size_t b = 0; b < 4; ++b)
        stored |= static_cast<std::uint32_t>(static_cast<unsigned char>(data[crcAt + b]))
                  << (8 * b);
    const std::uint32_t computed = crc32(data, crcAt);
    if (stored == computed) return {};
    char buf[96];
    std::snprintf(buf, sizeof buf, "checksum mismatch: stored 0x%08x, computed 0x%08x", stored,
                  computed);
    return buf;
}

}  // namespace bp
