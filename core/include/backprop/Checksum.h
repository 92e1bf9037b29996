// Checksum.h — the two checksums the file formats need, written here so the core links no zlib.
//
//   crc32    CRC-32 of ISO 3309 / ITU-T V.42 (polynomial 0xEDB88320 reflected), as PNG chunks,
//            gzip and zlib's crc32() compute it; crc32("123456789") = 0xCBF43926.
//   adler32  Adler-32 of RFC 1950 (the zlib stream trailer); adler32("Wikipedia") = 0x11E60398.
// Both can be run over a buffer in pieces: pass the previous result as `running`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace bp {

std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t running = 0);
std::uint32_t adler32(const void* data, std::size_t size, std::uint32_t running = 1);

// The file formats' trailer check: the 4 little-endian bytes at data[crcAt] must hold
// crc32(data, crcAt). Empty when they do, else "checksum mismatch: stored 0x…, computed 0x…".
// The caller has checked that data holds crcAt + 4 bytes.
std::string trailingCrc32Mismatch(const char* data, std::size_t crcAt);

}  // namespace bp
