// GzipTest.cpp — the gzip reader and writer (zlib behind bp's API): vectors made by zlib (stored,
// fixed and dynamic blocks), round trips, streaming in odd pieces, several members, and hostile
// input (every prefix of a stream, thousands of bit flips, hand-made bad blocks), which must give
// a DataError naming the file and what was wrong, never a crash or wrong data.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "backprop/Checksum.h"
#include "backprop/DatasetIO.h"
#include "backprop/Gzip.h"

namespace {

std::string fromHex(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 255);
    return s;
}

// Text like an MNIST CSV: compressible, with long and short matches.
std::string csvLikeText(std::size_t rows, unsigned seed) {
    std::mt19937 rng(seed);
    std::string s;
    for (std::size_t r = 0; r < rows; ++r) {
        s += std::to_string(rng() % 10);
        for (int k = 0; k < 784; ++k) {
            s += ',';
            s += (rng() % 5 == 0) ? std::to_string(rng() % 256) : "0";
        }
        s += '\n';
    }
    return s;
}

// The message of the DataError that gunzip throws, or "" if it does not throw.
std::string gunzipError(const std::string& data) {
    try {
        bp::gunzip(data, "x.gz");
    } catch (const bp::DataError& e) {
        return e.what();
    }
    return "";
}

// Writes DEFLATE bits by hand for crafted streams.
struct BitWriter {
    std::string out;
    std::uint32_t buf = 0;
    int count = 0;
    void bits(std::uint32_t v, int n) {  // LSB first, as DEFLATE packs data fields
        for (int i = 0; i < n; ++i) bit((v >> i) & 1);
    }
    void huffman(std::uint32_t code, int n) {  // MSB first, as DEFLATE packs Huffman codes
        for (int i = n - 1; i >= 0; --i) bit((code >> i) & 1);
    }
    void bit(std::uint32_t b) {
        buf |= b << count;
        if (++count == 8) flush();
    }
    void flush() {
        if (count == 0) return;
        out.push_back(static_cast<char>(buf));
        buf = 0;
        count = 0;
    }
};

// A gzip member around raw DEFLATE bytes, with the given CRC and size in the trailer.
std::string wrap(const std::string& deflate, std::uint32_t crc, std::uint32_t size) {
    std::string s = fromHex("1f8b08000000000000ff") + deflate;
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((crc >> (8 * i)) & 255));
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((size >> (8 * i)) & 255));
    return s;
}

}  // namespace

TEST(Gzip, ReadsZlibFixedHuffmanBlock) {
    const std::string gz =
        fromHex("1f8b0800000000000203cb48cdc9c9d751c840a214caf38b7252b800875d462b1a000000");
    EXPECT_EQ(bp::gunzip(gz, "fixed.gz"), "hello, hello, hello world\n");
}

TEST(Gzip, ReadsZlibStoredBlock) {
    const std::string gz = fromHex(
        "1f8b0800000000000403011c00e3ff73746f72656420626c6f636b20646174612030313233343536373839c629"
        "75051c000000");
    EXPECT_EQ(bp::gunzip(gz, "stored.gz"), "stored block data 0123456789");
}

TEST(Gzip, ReadsZlibDynamicHuffmanBlock) {
    // zlib level 9 of the 60 lines "i%10,(i*37)%256,(i*101)%256\n", i = 0…59 (543 bytes).
    const std::string gz = fromHex(
        "1f8b08000000000002031dd1b90dc4300c44d15cb530e04da9ffc6fc69404c16dae7d15045458f498c98da7199"
        "14573f2166263927c5f2ee9c12bb259eefb4b8bbbc3c23dc7b75aea472ce93c1493bcadf81d2a1ad4cee40dbbd"
        "3b"
        "d8ee2511d82d16899cfc16057c95836bc65c43b6026a687b583ed8ee77079b0f0672e24c02dfcdb3995d773673"
        "0d"
        "770dda1edf6b6c0fa09eb509e5d0896e817c799ae586f6907a1bba75670b792385ed81affddb7435d0e51ce48b"
        "53"
        "f1c340959bba43dedbd0fa0fb65376d65f086535746dafdbf5a3565fd9f7bdb1a9bb25eea65622c40377caf6bf"
        "6d"
        "a7d9c2ae2db6b70f7add2d5afcb3a99b6b7fd7ae2db36b74dab6f9d7b83bc2ee7df0aef16db17fd95132763e83"
        "e9"
        "d9911f020000");
    std::string expected;
    for (int i = 0; i < 60; ++i) {
        for (int v : {i % 10, i * 37 % 256, i * 101 % 256}) {
            expected += std::to_string(v);
            expected += ',';
        }
        expected.back() = '\n';
    }
    ASSERT_EQ(expected.size(), 543u);
    EXPECT_EQ(bp::gunzip(gz, "dynamic.gz"), expected);
}

TEST(Gzip, RoundTripRandomData) {
    for (std::size_t n : {0u, 1u, 2u, 3u, 100u, 32767u, 32768u, 32769u, 70000u, 300000u}) {
        const std::string data = randomBytes(n, static_cast<unsigned>(n) + 1);
        const std::string gz = bp::gzipCompress(data);
        ASSERT_TRUE(bp::isGzip(gz));
        // Random bytes do not compress: zlib stores them, 5 bytes a block of at most 16 KiB
        // (its buffer at memLevel 8), plus the 18 bytes of gzip header and trailer.
        EXPECT_LE(gz.size(), n + 18 + 5 * (n / 16384 + 2)) << n;
        EXPECT_EQ(bp::gunzip(gz, "r.gz"), data) << n;
    }
}

TEST(Gzip, RoundTripCompressibleText) {
    const std::string text = csvLikeText(300, 7);  // ~ 600 KB, several blocks and slides
    const std::string gz = bp::gzipCompress(text);
    EXPECT_LT(gz.size(), text.size() / 3);
    EXPECT_EQ(bp::gunzip(gz, "t.gz"), text);
    // Runs (distance 1 and 2 overlaps) and a long repeated phrase.
    const std::string runs =
        std::string(100000, 'a') + std::string(1000, 'b') + "abababababab" + std::string(5000, 'a');
    EXPECT_EQ(bp::gunzip(bp::gzipCompress(runs), "runs.gz"), runs);
}

TEST(Gzip, StreamingReaderInOddPieces) {
    const std::string text = csvLikeText(200, 3);
    const std::string gz = bp::gzipCompress(text);
    for (std::size_t inPiece : {1u, 7u, 4096u}) {
        for (std::size_t outPiece : {1u, 13u, 100000u}) {
            std::size_t at = 0;
            bp::GzipReader reader(
                [&](std::uint8_t* buf, std::size_t size) {
                    const std::size_t n = std::min({size, inPiece, gz.size() - at});
                    std::copy(gz.begin() + static_cast<std::ptrdiff_t>(at),
                              gz.begin() + static_cast<std::ptrdiff_t>(at + n), buf);
                    at += n;
                    return n;
                },
                "s.gz");
            std::string out, piece(outPiece, '\0');
            for (;;) {
                const std::size_t n = reader.read(piece.data(), piece.size());
                if (n == 0) break;
                out.append(piece, 0, n);
                if (outPiece == 1 && out.size() > 20000) break;  // byte by byte: a prefix will do
            }
            if (outPiece == 1) {
                EXPECT_EQ(out, text.substr(0, out.size()));
            } else {
                EXPECT_EQ(out, text);
                EXPECT_EQ(reader.compressedRead(), gz.size());
                EXPECT_EQ(reader.decompressedRead(), text.size());
            }
        }
    }
}

TEST(Gzip, ConcatenatedMembersAreOneStream) {
    const std::string a = "first member\n", b = csvLikeText(3, 1);
    EXPECT_EQ(bp::gunzip(bp::gzipCompress(a) + bp::gzipCompress(b), "two.gz"), a + b);
}

TEST(Gzip, SkipsOptionalHeaderFields) {
    const std::string plain = "header fields";
    std::string gz = bp::gzipCompress(plain);
    // FHCRC | FEXTRA | FNAME | FCOMMENT, each field inserted after the 10-byte header.
    std::string h = gz.substr(0, 10);
    h[3] = 2 | 4 | 8 | 16;
    h += fromHex("0300") + "xyz";          // FEXTRA: length 3
    h += std::string("name.csv") + '\0';   // FNAME
    h += std::string("a comment") + '\0';  // FCOMMENT
    const std::uint32_t headerCrc = bp::crc32(h.data(), h.size());
    h.push_back(static_cast<char>(headerCrc & 0xff));       // FHCRC: the low 16 bits of the
    h.push_back(static_cast<char>(headerCrc >> 8 & 0xff));  // header's CRC-32
    EXPECT_EQ(bp::gunzip(h + gz.substr(10), "h.gz"), plain);
    h[h.size() - 1] = static_cast<char>(h[h.size() - 1] ^ 1);
    EXPECT_EQ(gunzipError(h + gz.substr(10)),
              "x.gz: the gzip data is corrupt (header crc mismatch)");
}

TEST(Gzip, EveryTruncationIsAnError) {
    const std::string gz = bp::gzipCompress(csvLikeText(2, 5));
    for (std::size_t n = 0; n < gz.size(); ++n) {
        const std::string msg = gunzipError(gz.substr(0, n));
        ASSERT_EQ(msg.rfind("x.gz: ", 0), 0u) << "prefix " << n << ": " << msg;
        EXPECT_NE(msg.find("truncated"), std::string::npos) << "prefix " << n << ": " << msg;
    }
    EXPECT_EQ(gunzipError(""),
              "x.gz: the gzip data is truncated (the file ends in the middle of the compressed "
              "stream)");
}

TEST(Gzip, BitFlipsGiveAnErrorOrTheSameData) {
    // A flipped bit changes the data (caught by the CRC, a bad code, a bad distance…) or lies in
    // a field that does not matter (modification time, OS); never a crash, never wrong data.
    const std::string text = csvLikeText(2, 9);
    const std::string zlibDynamic = fromHex(
        "1f8b08000000000002031dd1b90dc4300c44d15cb530e04da9ffc6fc69404c16dae7d15045458f498c98da7199"
        "14573f2166263927c5f2ee9c12bb259eefb4b8bbbc3c23dc7b75aea472ce93c1493bcadf81d2a1ad4cee40dbbd"
        "3b"
        "d8ee2511d82d16899cfc16057c95836bc65c43b6026a687b583ed8ee77079b0f0672e24c02dfcdb3995d773673"
        "0d"
        "770dda1edf6b6c0fa09eb509e5d0896e817c799ae586f6907a1bba75670b792385ed81affddb7435d0e51ce48b"
        "53"
        "f1c340959bba43dedbd0fa0fb65376d65f086535746dafdbf5a3565fd9f7bdb1a9bb25eea65622c40377caf6bf"
        "6d"
        "a7d9c2ae2db6b70f7add2d5afcb3a99b6b7fd7ae2db36b74dab6f9d7b83bc2ee7df0aef16db17fd95132763e83"
        "e9"
        "d9911f020000");
    for (const std::string& gz : {bp::gzipCompress(text), zlibDynamic}) {
        const std::string original = bp::gunzip(gz, "x.gz");
        int errors = 0;
        for (std::size_t bit = 0; bit < gz.size() * 8; ++bit) {
            std::string bad = gz;
            bad[bit / 8] = static_cast<char>(bad[bit / 8] ^ (1 << (bit % 8)));
            try {
                EXPECT_EQ(bp::gunzip(bad, "x.gz"), original) << "bit " << bit;
            } catch (const bp::DataError& e) {
                ++errors;
                EXPECT_EQ(std::string(e.what()).rfind("x.gz: ", 0), 0u) << e.what();
            }
        }
        EXPECT_GT(errors, static_cast<int>(gz.size() * 8 * 9 / 10));  // nearly all are caught
    }
}

TEST(Gzip, HeaderErrors) {
    const std::string gz = bp::gzipCompress("abc");
    EXPECT_EQ(gunzipError("PK\x03\x04 not gzip"), "x.gz: not a gzip file (no 1f 8b magic)");
    std::string method = gz;
    method[2] = 7;
    EXPECT_EQ(gunzipError(method),
              "x.gz: unknown gzip compression method 7 (only 8, deflate, exists)");
    std::string flags = gz;
    flags[3] = '\x80';
    EXPECT_EQ(gunzipError(flags), "x.gz: the gzip header is corrupt (reserved flag bits set)");
}

TEST(Gzip, TrailerErrors) {
    const std::string gz = bp::gzipCompress("some data to check");
    std::string crc = gz;
    crc[crc.size() - 8] = static_cast<char>(crc[crc.size() - 8] ^ 1);
    EXPECT_EQ(gunzipError(crc), "x.gz: the gzip data is corrupt (CRC-32 mismatch)");
    std::string size = gz;
    size[size.size() - 4] = static_cast<char>(size[size.size() - 4] ^ 1);
    EXPECT_EQ(gunzipError(size), "x.gz: the gzip data is corrupt (length mismatch)");
    EXPECT_EQ(gunzipError(gz + "garbage"),
              "x.gz: unexpected data after the end of the gzip stream");
}

TEST(Gzip, CraftedBadBlocks) {
    {  // block type 3
        BitWriter w;
        w.bits(1, 1);
        w.bits(3, 2);
        w.flush();
        EXPECT_EQ(gunzipError(wrap(w.out, 0, 0)),
                  "x.gz: the gzip data is corrupt (invalid block type)");
    }
    {  // stored block whose NLEN is not the complement of LEN
        BitWriter w;
        w.bits(1, 1);
        w.bits(0, 2);
        w.flush();
        w.bits(5, 16);
        w.bits(5, 16);
        EXPECT_EQ(gunzipError(wrap(w.out + "hello", 0, 5)),
                  "x.gz: the gzip data is corrupt (invalid stored block lengths)");
    }
    {  // fixed block starting with a match: the distance reaches before the start
        BitWriter w;
        w.bits(1, 1);
        w.bits(1, 2);
        w.huffman(1, 7);  // length symbol 257 = length 3
        w.huffman(0, 5);  // distance symbol 0 = distance 1
        w.huffman(0, 7);  // end of block
        w.flush();
        EXPECT_EQ(gunzipError(wrap(w.out, 0, 3)),
                  "x.gz: the gzip data is corrupt (invalid distance too far back)");
    }
    {  // fixed block with distance symbol 30 (exists in the code, invalid in data)
        BitWriter w;
        w.bits(1, 1);
        w.bits(1, 2);
        w.huffman(0x30 + 'a', 8);  // literal 'a'
        w.huffman(1, 7);           // length 3
        w.huffman(30, 5);          // distance symbol 30
        w.flush();
        EXPECT_EQ(gunzipError(wrap(w.out, 0, 4)),
                  "x.gz: the gzip data is corrupt (invalid distance code)");
    }
    {  // fixed block with length symbol 286
        BitWriter w;
        w.bits(1, 1);
        w.bits(1, 2);
        w.huffman(0xc0 + 6, 8);  // symbol 286
        w.flush();
        EXPECT_EQ(gunzipError(wrap(w.out, 0, 0)),
                  "x.gz: the gzip data is corrupt (invalid literal/length code)");
    }
    {  // dynamic block: too many literal/length codes (HLIT = 30 → 287)
        BitWriter w;
        w.bits(1, 1);
        w.bits(2, 2);
        w.bits(30, 5);
        w.bits(0, 5);
        w.bits(0, 4);
        w.flush();
        EXPECT_EQ(gunzipError(wrap(w.out + std::string(8, '\0'), 0, 0)),
                  "x.gz: the gzip data is corrupt (too many length or distance symbols)");
    }
    {  // dynamic block: code length code over-subscribed (three codes of length 1)
        BitWriter w;
        w.bits(1, 1);
        w.bits(2, 2);
        w.bits(0, 5);
        w.bits(0, 5);
        w.bits(0, 4);  // 4 code length codes: 16, 17, 18, 0
        for (int i = 0; i < 3; ++i) w.bits(1, 3);
        w.bits(0, 3);
        w.flush();
        EXPECT_EQ(gunzipError(wrap(w.out + std::string(8, '\0'), 0, 0)),
                  "x.gz: the gzip data is corrupt (invalid code lengths set)");
    }
    {  // dynamic block: repeat code 16 with no previous length
        BitWriter w;
        w.bits(1, 1);
        w.bits(2, 2);
        w.bits(0, 5);
        w.bits(0, 5);
        w.bits(0, 4);     // code length codes for 16, 17, 18, 0
        w.bits(1, 3);     // 16: length 1 → code 0
        w.bits(0, 3);     // 17: unused
        w.bits(0, 3);     // 18: unused
        w.bits(1, 3);     // 0: length 1 → code 1
        w.huffman(1, 1);  // symbol 16 first (canonical: 0 → code 0, 16 → code 1)
        w.bits(0, 2);
        w.flush();
        EXPECT_EQ(gunzipError(wrap(w.out + std::string(8, '\0'), 0, 0)),
                  "x.gz: the gzip data is corrupt (invalid bit length repeat)");
    }
}

TEST(Gzip, OutputLimit) {
    // The cap (4 GiB normally) stops a small file that would expand without end; here with a
    // small cap, on 5 MB of zeros that compress to a few KB.
    const std::string zeros(5'000'000, '\0');
    const std::string gz = bp::gzipCompress(zeros);
    EXPECT_LT(gz.size(), 100'000u);
    EXPECT_EQ(bp::gunzip(gz, "z.gz", 5'000'000).size(), zeros.size());
    try {
        bp::gunzip(gz, "z.gz", 1'000'000);
        FAIL() << "no error";
    } catch (const bp::DataError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "z.gz: the decompressed data is larger than 1000000 bytes (not a data set this "
                  "program reads)");
    }
    EXPECT_EQ(bp::kGunzipLimit, std::uint64_t{4} << 30);
}

TEST(Gzip, StreamingWriterInOddPieces) {
    const std::string text = csvLikeText(60, 4) + randomBytes(50000, 4);
    for (std::size_t piece : {1u, 999u, 65536u}) {
        std::string gz;
        bp::GzipWriter writer([&](const char* p, std::size_t n) { gz.append(p, n); });
        for (std::size_t at = 0; at < text.size(); at += piece)
            writer.write(std::string_view(text).substr(at, piece));
        writer.finish();
        writer.finish();                                 // a second finish adds nothing
        EXPECT_EQ(gz, bp::gzipCompress(text)) << piece;  // blocks do not depend on the pieces
        EXPECT_EQ(bp::gunzip(gz, "w.gz"), text) << piece;
    }
}
