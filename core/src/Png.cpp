// Png.cpp — 8-bit greyscale PNG with a stored-deflate zlib stream (see Png.h).
#include "backprop/Png.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "backprop/Checksum.h"

namespace bp {
namespace {

void putU32be(std::vector<std::uint8_t>& out, std::uint32_t v) {
    out.push_back(static_cast<std::uint8_t>(v >> 24));
    out.push_back(static_cast<std::uint8_t>(v >> 16));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
    out.push_back(static_cast<std::uint8_t>(v));
}

// length, type, data, CRC-32(type + data)
void putChunk(std::vector<std::uint8_t>& out, const char type[4],
              const std::vector<std::uint8_t>& data) {
    putU32be(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t typeAt = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    putU32be(out, crc32(out.data() + typeAt, 4 + data.size()));
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

    // zlib stream: CMF 0x78 (deflate, 32K window), FLG 0x01 (0x7801 % 31 == 0, no dictionary),
    // stored blocks [BFINAL|BTYPE=00, LEN, NLEN, bytes], then Adler-32 big-endian.
    std::vector<std::uint8_t> z{0x78, 0x01};
    std::size_t pos = 0;
    do {
        const std::size_t n = std::min<std::size_t>(raw.size() - pos, 65535);
        const bool last = pos + n == raw.size();
        z.push_back(last ? 1 : 0);
        const auto len = static_cast<std::uint16_t>(n);
        const auto nlen = static_cast<std::uint16_t>(~len);
        z.push_back(static_cast<std::uint8_t>(len & 0xFF));
        z.push_back(static_cast<std::uint8_t>(len >> 8));
        z.push_back(static_cast<std::uint8_t>(nlen & 0xFF));
        z.push_back(static_cast<std::uint8_t>(nlen >> 8));
        z.insert(z.end(), raw.begin() + static_cast<std::ptrdiff_t>(pos),
                 raw.begin() + static_cast<std::ptrdiff_t>(pos + n));
        pos += n;
    } while (pos < raw.size());
    putU32be(z, adler32(raw.data(), raw.size()));

    std::vector<std::uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<std::uint8_t> ihdr;
    putU32be(ihdr, static_cast<std::uint32_t>(width));
    putU32be(ihdr, static_cast<std::uint32_t>(height));
    ihdr.insert(ihdr.end(), {8, 0, 0, 0, 0});  // depth 8, grey, deflate, filter 0, no interlace
    putChunk(png, "IHDR", ihdr);
    putChunk(png, "IDAT", z);
    putChunk(png, "IEND", {});
    return png;
}

void writePng(const std::string& path, int width, int height,
              const std::vector<std::uint8_t>& grey) {
    const std::vector<std::uint8_t> bytes = encodePng(width, height, grey);
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw PngError(path + ": cannot create file (" + std::strerror(errno) + ")");
    f.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) throw PngError(path + ": cannot write file (" + std::strerror(errno) + ")");
}

}  // namespace bp
