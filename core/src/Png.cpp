// Png.cpp — 8-bit greyscale PNG, its scanlines compressed by zlib (see Png.h).
#include "backprop/Png.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "ByteOrder.h"
#include "backprop/AtomicFile.h"
#include "backprop/Checksum.h"

namespace bp {
namespace {

// length, type, data, CRC-32(type + data)
void putChunk(std::vector<std::uint8_t>& out, const char type[4],
              const std::vector<std::uint8_t>& data) {
    bytes::putBe32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t typeAt = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    bytes::putBe32(out, crc32(out.data() + typeAt, 4 + data.size()));
}

}  // namespace

std::vector<std::uint8_t> encodePng(int width, int height, const std::vector<std::uint8_t>& grey) {
    if (width <= 0 || height <= 0)
        throw PngError("PNG image must not be empty (" + std::to_string(width) + "×" +
                       std::to_string(height) + ")");
    const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
    if (grey.size() != w * h)
        throw PngError("PNG image " + std::to_string(width) + "×" + std::to_string(height) +
                       " needs " + std::to_string(w * h) + " pixels, got " +
                       std::to_string(grey.size()));

    // Raw scanlines: filter type 0 (None) then the row's grey bytes.
    std::vector<std::uint8_t> raw;
    raw.reserve(h * (w + 1));
    for (std::size_t y = 0; y < h; ++y) {
        raw.push_back(0);
        raw.insert(raw.end(), grey.begin() + static_cast<std::ptrdiff_t>(y * w),
                   grey.begin() + static_cast<std::ptrdiff_t>((y + 1) * w));
    }

    // The IDAT data: one zlib stream (RFC 1950) of the scanlines, zlib at its best level.
    uLongf zSize = compressBound(static_cast<uLong>(raw.size()));
    std::vector<std::uint8_t> z(zSize);
    if (compress2(z.data(), &zSize, raw.data(), static_cast<uLong>(raw.size()),
                  Z_BEST_COMPRESSION) != Z_OK)
        throw PngError("PNG image " + std::to_string(width) + "×" + std::to_string(height) +
                       ": compression failed");
    z.resize(zSize);

    std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> ihdr;
    bytes::putBe32(ihdr, static_cast<std::uint32_t>(width));
    bytes::putBe32(ihdr, static_cast<std::uint32_t>(height));
    ihdr.insert(ihdr.end(), {8, 0, 0, 0, 0});  // depth 8, grey, deflate, filter 0, no interlace
    putChunk(png, "IHDR", ihdr);
    putChunk(png, "IDAT", z);
    putChunk(png, "IEND", {});
    return png;
}

void writePng(const std::string& path, int width, int height,
              const std::vector<std::uint8_t>& grey) {
    const std::vector<std::uint8_t> bytes = encodePng(width, height, grey);
    try {
        writeFileAtomically(
            path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    } catch (const std::runtime_error& e) {
        throw PngError(path + ": cannot write the file (" + e.what() + ")");
    }
}

}  // namespace bp
