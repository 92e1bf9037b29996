// Checksum.cpp — bp::crc32 is zlib's crc32_z (see Checksum.h).
#include "backprop/Checksum.h"

#include <zlib.h>

#include <cstdio>

#include "ByteOrder.h"

namespace bp {

std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t running) {
    return static_cast<std::uint32_t>(
        crc32_z(running, static_cast<const Bytef*>(data), static_cast<z_size_t>(size)));
}

std::string trailingCrc32Mismatch(const char* data, std::size_t crcAt) {
    const auto stored = static_cast<std::uint32_t>(bytes::getLe(data + crcAt, 4));
    const std::uint32_t computed = crc32(data, crcAt);
    if (stored == computed) return {};
    char buf[96];
    std::snprintf(buf, sizeof buf, "checksum mismatch: stored 0x%08x, computed 0x%08x", stored,
                  computed);
    return buf;
}

}  // namespace bp
