// Checksum.h — the CRC-32 the file formats end with: zlib's, the one CRC-32 in the program
// (gzip members, PNG chunks and the model and session trailers all use it).
//
//   crc32    CRC-32 of ISO 3309 / ITU-T V.42 (polynomial 0xEDB88320 reflected), zlib's
//            crc32_z; crc32("123456789") = 0xCBF43926. Run over a buffer in pieces by passing
//            the previous result as `running`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace bp {

std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t running = 0);

// The file formats' trailer check: the 4 little-endian bytes at data[crcAt] must hold
// crc32(data, crcAt). Empty when they do, else "checksum mismatch: stored 0x…, computed 0x…".
// The caller has checked that data holds crcAt + 4 bytes.
std::string trailingCrc32Mismatch(const char* data, std::size_t crcAt);

}  // namespace bp
