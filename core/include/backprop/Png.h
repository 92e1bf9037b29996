// Png.h — a tiny writer of 8-bit greyscale PNG images (for back-query pictures).
//
// Layout written:
//   signature 89 50 4E 47 0D 0A 1A 0A
//   IHDR  width, height (big-endian u32), bit depth 8, colour type 0 (grey), 0, 0, 0
//   IDAT  one zlib stream (zlib's compress2, best level) of the raw scanlines
//         (each scanline = filter byte 0, then `width` grey bytes)
//   IEND
// Every chunk ends with the CRC-32 of its type and data.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace bp {

class PngError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The PNG file's bytes for a width × height image, grey[y·width + x] (0 = black, 255 = white).
// Throws PngError if the sizes do not match or are zero.
std::vector<std::uint8_t> encodePng(int width, int height, const std::vector<std::uint8_t>& grey);

// Writes encodePng(...) to path. Throws PngError naming the file if it cannot be written.
void writePng(const std::string& path, int width, int height,
              const std::vector<std::uint8_t>& grey);

}  // namespace bp
