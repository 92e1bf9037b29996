// PngTest.cpp — the CRC-32 against published values, and PNG files decoded back here: chunk
// layout, each chunk's CRC checked by a bit-by-bit CRC-32 written in this test (not the
// program's), the zlib stream inflated by zlib's uncompress, the scanlines.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "backprop/Checksum.h"
#include "backprop/Png.h"

using namespace bp;

namespace {

std::uint32_t be32(const std::vector<std::uint8_t>& b, std::size_t at) {
    return (std::uint32_t{b.at(at)} << 24) | (std::uint32_t{b.at(at + 1)} << 16) |
           (std::uint32_t{b.at(at + 2)} << 8) | std::uint32_t{b.at(at + 3)};
}

struct Chunk {
    std::string type;
    std::vector<std::uint8_t> data;
};

// CRC-32 bit by bit, straight from its definition (reflected polynomial 0xEDB88320): an
// implementation independent of the table-driven one the program uses.
std::uint32_t referenceCrc32(const std::uint8_t* p, std::size_t n) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < n; ++i) {
        c ^= p[i];
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

// Splits a PNG into chunks, checking the signature and every chunk's CRC.
std::vector<Chunk> chunks(const std::vector<std::uint8_t>& png) {
    const std::uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    EXPECT_GE(png.size(), 8u);
    EXPECT_EQ(0, std::memcmp(png.data(), sig, 8));
    std::vector<Chunk> out;
    std::size_t p = 8;
    while (p < png.size()) {
        const std::uint32_t len = be32(png, p);
        EXPECT_LE(p + 12 + len, png.size());
        Chunk c;
        c.type.assign(reinterpret_cast<const char*>(png.data() + p + 4), 4);
        c.data.assign(png.begin() + static_cast<std::ptrdiff_t>(p + 8),
                      png.begin() + static_cast<std::ptrdiff_t>(p + 8 + len));
        EXPECT_EQ(be32(png, p + 8 + len), referenceCrc32(png.data() + p + 4, 4 + len)) << c.type;
        out.push_back(std::move(c));
        p += 12 + len;
    }
    EXPECT_EQ(p, png.size());
    return out;
}

// Inflates the IDAT zlib stream with zlib's own decoder (a PNG reader's way).
std::vector<std::uint8_t> inflateZlib(const std::vector<std::uint8_t>& z, std::size_t expected) {
    EXPECT_GE(z.size(), 6u);
    EXPECT_EQ(z[0] & 0x0F, 8);               // CM = deflate
    EXPECT_EQ((z[0] * 256 + z[1]) % 31, 0);  // FCHECK
    EXPECT_EQ(z[1] & 0x20, 0);               // no preset dictionary
    std::vector<std::uint8_t> out(expected + 1);
    uLongf size = static_cast<uLongf>(out.size());
    EXPECT_EQ(uncompress(out.data(), &size, z.data(), static_cast<uLong>(z.size())), Z_OK);
    out.resize(size);
    return out;
}

// Decodes our PNG back to width, height and grey pixels.
std::vector<std::uint8_t> decode(const std::vector<std::uint8_t>& png, int& w, int& h) {
    const std::vector<Chunk> cs = chunks(png);
    EXPECT_EQ(cs.size(), 3u);
    EXPECT_EQ(cs.at(0).type, "IHDR");
    EXPECT_EQ(cs.at(1).type, "IDAT");
    EXPECT_EQ(cs.at(2).type, "IEND");
    EXPECT_TRUE(cs.at(2).data.empty());
    const auto& ihdr = cs.at(0).data;
    EXPECT_EQ(ihdr.size(), 13u);
    w = static_cast<int>(be32(ihdr, 0));
    h = static_cast<int>(be32(ihdr, 4));
    EXPECT_EQ(ihdr[8], 8);  // bit depth
    EXPECT_EQ(ihdr[9], 0);  // greyscale
    EXPECT_EQ(ihdr[10], 0);
    EXPECT_EQ(ihdr[11], 0);
    EXPECT_EQ(ihdr[12], 0);
    const std::vector<std::uint8_t> raw =
        inflateZlib(cs.at(1).data, static_cast<std::size_t>(h) * (static_cast<std::size_t>(w) + 1));
    EXPECT_EQ(raw.size(), static_cast<std::size_t>(h) * (static_cast<std::size_t>(w) + 1));
    std::vector<std::uint8_t> grey;
    for (int y = 0; y < h; ++y) {
        const std::size_t row = static_cast<std::size_t>(y) * (static_cast<std::size_t>(w) + 1);
        EXPECT_EQ(raw.at(row), 0) << "filter type of row " << y;
        grey.insert(
            grey.end(), raw.begin() + static_cast<std::ptrdiff_t>(row + 1),
            raw.begin() + static_cast<std::ptrdiff_t>(row + 1 + static_cast<std::size_t>(w)));
    }
    return grey;
}

}  // namespace

TEST(Checksum, PublishedValues) {
    const char* digits = "123456789";
    EXPECT_EQ(crc32(digits, 9), 0xCBF43926u);  // the CRC-32 check value
    EXPECT_EQ(crc32("", 0), 0u);
    // In pieces equals in one go.
    EXPECT_EQ(crc32(digits + 4, 5, crc32(digits, 4)), 0xCBF43926u);
    // The same as the bit-by-bit definition over a long buffer.
    std::vector<std::uint8_t> big(100000);
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<std::uint8_t>(i * 31 % 251);
    EXPECT_EQ(crc32(big.data(), big.size()), referenceCrc32(big.data(), big.size()));
}

TEST(Png, SmallImageDecodesToTheSamePixels) {
    const std::vector<std::uint8_t> grey = {0, 128, 255, 10, 20, 30};
    int w = 0, h = 0;
    const std::vector<std::uint8_t> back = decode(encodePng(3, 2, grey), w, h);
    EXPECT_EQ(w, 3);
    EXPECT_EQ(h, 2);
    EXPECT_EQ(back, grey);
}

TEST(Png, LargeImageIsCompressed) {
    // 300×300 of a smooth pattern: 90,300 raw bytes with the filter bytes, compressed by zlib to
    // far fewer (the writer used to store them uncompressed).
    std::vector<std::uint8_t> grey(300 * 300);
    for (std::size_t i = 0; i < grey.size(); ++i) grey[i] = static_cast<std::uint8_t>(i / 300);
    int w = 0, h = 0;
    const std::vector<std::uint8_t> png = encodePng(300, 300, grey);
    EXPECT_EQ(decode(png, w, h), grey);
    EXPECT_EQ(w, 300);
    EXPECT_EQ(h, 300);
    EXPECT_LT(png.size(), 90300u / 20) << "the image data is not compressed";
    // Noise does not compress, and still decodes.
    for (std::size_t i = 0; i < grey.size(); ++i) grey[i] = static_cast<std::uint8_t>(i * 7 % 251);
    EXPECT_EQ(decode(encodePng(300, 300, grey), w, h), grey);
}

TEST(Png, WritesFileAndRejectsBadSizes) {
    const auto path = std::filesystem::temp_directory_path() / "bp_png_test_28.png";
    std::vector<std::uint8_t> grey(28 * 28, 200);
    writePng(path.string(), 28, 28, grey);
    std::ifstream f(path, std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(f)),
                                          std::istreambuf_iterator<char>());
    int w = 0, h = 0;
    EXPECT_EQ(decode(bytes, w, h), grey);
    EXPECT_EQ(w, 28);
    std::filesystem::remove(path);

    try {
        encodePng(28, 28, std::vector<std::uint8_t>(10));
        FAIL() << "no error for a wrong pixel count";
    } catch (const PngError& e) {
        EXPECT_STREQ(e.what(), "PNG image 28×28 needs 784 pixels, got 10");
    }
    EXPECT_THROW(encodePng(0, 5, {}), PngError);
    try {
        writePng("/nonexistent-dir/x.png", 1, 1, {0});
        FAIL() << "no error for an unwritable path";
    } catch (const PngError& e) {
        EXPECT_EQ(std::string(e.what()).rfind("/nonexistent-dir/x.png: cannot write the file", 0), 0u)
            << e.what();
    }
}
