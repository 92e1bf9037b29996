// Gzip.cpp — inflate (RFC 1951) inside gzip members (RFC 1952), and a small deflater.
//
// Inflate layout: decompressed bytes go into one buffer, [history | new output], where the
// history is the last 32 KiB (the farthest a DEFLATE distance reaches). Decoding stops once the
// new part holds kChunk bytes; a match is at most 258 bytes, so it never has to be split. Once
// everything has been handed out, the last 32 KiB slide to the front and decoding goes on.
// Huffman codes are decoded by a 2^10-entry table for codes up to 10 bits and by the canonical
// walk of RFC 1951 §3.2.2 (as zlib's puff.c) for the rare longer ones.
#include "backprop/Gzip.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace bp {
namespace {

// ---- CRC-32, slicing by 8 (the same CRC as Checksum.h, four times faster on 100 MB) ----

struct CrcTables {
    std::uint32_t t[8][256];  // t[0]: byte table of polynomial 0xEDB88320; t[k]: k bytes later
};

constexpr CrcTables makeCrcTables() {
    CrcTables c{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t v = i;
        for (int k = 0; k < 8; ++k) v = (v & 1) ? (v >> 1) ^ 0xEDB88320u : v >> 1;
        c.t[0][i] = v;
    }
    for (int k = 1; k < 8; ++k)
        for (int i = 0; i < 256; ++i)
            c.t[k][i] = (c.t[k - 1][i] >> 8) ^ c.t[0][c.t[k - 1][i] & 255];
    return c;
}

constexpr CrcTables kCrc = makeCrcTables();

std::uint32_t crcUpdate(std::uint32_t crc, const std::uint8_t* p, std::size_t n) {
    crc = ~crc;
    while (n >= 8) {
        const std::uint32_t a = crc ^ (std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 |
                                       std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24);
        const std::uint32_t b = std::uint32_t{p[4]} | std::uint32_t{p[5]} << 8 |
                                std::uint32_t{p[6]} << 16 | std::uint32_t{p[7]} << 24;
        crc = kCrc.t[7][a & 255] ^ kCrc.t[6][(a >> 8) & 255] ^ kCrc.t[5][(a >> 16) & 255] ^
              kCrc.t[4][a >> 24] ^ kCrc.t[3][b & 255] ^ kCrc.t[2][(b >> 8) & 255] ^
              kCrc.t[1][(b >> 16) & 255] ^ kCrc.t[0][b >> 24];
        p += 8;
        n -= 8;
    }
    while (n--) crc = kCrc.t[0][(crc ^ *p++) & 255] ^ (crc >> 8);
    return ~crc;
}

// ---- DEFLATE tables (RFC 1951 §3.2.5) ----

constexpr std::array<std::uint16_t, 29> kLenBase = {3,  4,  5,  6,   7,   8,   9,   10,  11, 13,
                                                    15, 17, 19, 23,  27,  31,  35,  43,  51, 59,
                                                    67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLenExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                    2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistBase = {
    1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
    193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistExtra = {0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
                                                     4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
                                                     9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// Order in which the code-length code lengths are sent.
constexpr std::array<std::uint8_t, 19> kClOrder = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                   11, 4,  12, 3, 13, 2, 14, 1, 15};

constexpr int kMaxBits = 15;                          // longest DEFLATE code
constexpr int kFastBits = 10;                         // codes up to this long decode by one lookup
constexpr std::size_t kWindow = 32768;                // farthest a distance reaches
constexpr std::size_t kChunk = std::size_t{1} << 18;  // new output per decoding round
constexpr std::size_t kMaxMatch = 258;
constexpr std::size_t kInputBuffer = 65536;  // compressed bytes pulled at a time

// A canonical Huffman code: counts per length, symbols in code order, and the fast table.
struct Huffman {
    std::array<std::uint16_t, kMaxBits + 1> count{};  // number of codes of each length
    std::array<std::uint16_t, 320> symbol{};          // symbols ordered by (length, value)
    std::array<std::uint16_t, 1 << kFastBits>
        fast{};  // low bits → (length << 9) | symbol, 0 = slow
};

unsigned reverseBits(unsigned code, int length) {
    unsigned r = 0;
    for (int i = 0; i < length; ++i) {
        r = (r << 1) | (code & 1);
        code >>= 1;
    }
    return r;
}

// Builds h from n code lengths (each 0…15). False if the lengths over-subscribe the code space,
// or leave it incomplete (allowed only for a lone code of length 1, or no code at all, as zlib).
bool buildHuffman(Huffman& h, const std::uint8_t* lengths, int n) {
    h.count.fill(0);
    h.fast.fill(0);
    for (int i = 0; i < n; ++i) ++h.count[lengths[i]];
    if (h.count[0] == n) return true;  // an empty code: any use of it is an error when decoding
    int left = 1;
    for (int len = 1; len <= kMaxBits; ++len) {
        left = (left << 1) - h.count[len];
        if (left < 0) return false;
    }
    if (left > 0 && !(n - h.count[0] == 1 && h.count[1] == 1)) return false;
    std::array<std::uint16_t, kMaxBits + 2> offset{};
    for (int len = 1; len <= kMaxBits; ++len) offset[len + 1] = offset[len] + h.count[len];
    for (int s = 0; s < n; ++s)
        if (lengths[s] != 0) h.symbol[offset[lengths[s]]++] = static_cast<std::uint16_t>(s);
    // Canonical codes: consecutive within a length, doubled when the length grows.
    unsigned code = 0;
    int index = 0;
    for (int len = 1; len <= kFastBits; ++len) {
        for (int k = 0; k < h.count[len]; ++k, ++code, ++index) {
            const auto entry = static_cast<std::uint16_t>((len << 9) | h.symbol[index]);
            for (unsigned j = reverseBits(code, len); j < (1u << kFastBits); j += 1u << len)
                h.fast[j] = entry;
        }
        code <<= 1;
    }
    return true;
}

struct FixedTables {
    Huffman lit, dist;
    FixedTables() {
        std::array<std::uint8_t, 288> l{};
        for (int i = 0; i < 144; ++i) l[i] = 8;
        for (int i = 144; i < 256; ++i) l[i] = 9;
        for (int i = 256; i < 280; ++i) l[i] = 7;
        for (int i = 280; i < 288; ++i) l[i] = 8;
        buildHuffman(lit, l.data(), 288);
        std::array<std::uint8_t, 32> d{};
        d.fill(5);  // 30 and 31 take part in the code but are invalid when met
        buildHuffman(dist, d.data(), 32);
    }
};

const FixedTables& fixedTables() {
    static const FixedTables tables;
    return tables;
}

}  // namespace

bool isGzip(std::string_view data) {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
           static_cast<unsigned char>(data[1]) == 0x8b;
}

// ---------------------------------------------------------------------------------------------
// GzipReader

struct GzipReader::Impl {
    enum class State { MemberHeader, BlockHeader, Stored, Huffman, Trailer, Done };

    Source source;     // where compressed bytes come from
    std::string name;  // file name for messages

    std::vector<std::uint8_t> in = std::vector<std::uint8_t>(kInputBuffer);  // compressed bytes
    std::size_t inPos = 0, inEnd = 0;                                        // unread part of `in`
    bool inEof = false;                                                      // source said 0
    std::uint64_t inTotal = 0;  // bytes taken from the source
    std::uint64_t bitBuf = 0;   // bits not yet used, lowest first (no stray bits above)
    int bitCount = 0;           // valid bits in bitBuf

    std::vector<std::uint8_t> window =
        std::vector<std::uint8_t>(kWindow + kChunk + kMaxMatch + 8);  // [history | new | slack]
    std::size_t outPos = 0;     // end of decoded bytes in window
    std::size_t readPos = 0;    // first decoded byte not yet handed out
    std::size_t memberPos = 0;  // where this member's output starts in window (0 once slid out)

    State state = State::MemberHeader;
    bool finalBlock = false;       // the current block is the member's last
    std::uint32_t storedLeft = 0;  // bytes left in a stored block
    Huffman dynLit, dynDist;       // tables of the current dynamic block
    const Huffman* lit = nullptr;  // tables of the current Huffman block
    const Huffman* dist = nullptr;
    std::uint32_t crc = 0;                   // CRC-32 of this member's output so far
    std::uint64_t memberSize = 0;            // bytes of output in this member
    std::uint64_t total = 0;                 // bytes decoded in all members
    std::uint64_t handedOut = 0;             // bytes returned by read()
    std::uint64_t maxOutput = kGunzipLimit;  // most bytes accepted in all
    bool firstMember = true;

    [[noreturn]] void fail(const std::string& what) const { throw DataError(name, 0, 0, what); }
    [[noreturn]] void truncated() const {
        fail("the gzip data is truncated (the file ends in the middle of the compressed stream)");
    }

    bool fetch() {
        if (inEof) return false;
        const std::size_t n = source(in.data(), in.size());
        if (n == 0 || n > in.size()) {
            inEof = true;
            return false;
        }
        inPos = 0;
        inEnd = n;
        inTotal += n;
        return true;
    }

    // Tops bitBuf up to at least 57 bits, or as many as the input still has.
    void refill() {
        if (inEnd - inPos >= 8) {
            std::uint64_t word = 0;
            for (int i = 7; i >= 0; --i)
                word = (word << 8) | in[inPos + static_cast<std::size_t>(i)];
            const int take = (63 - bitCount) >> 3;  // whole bytes that fit
            if (take == 0) return;
            word &= (std::uint64_t{1} << (8 * take)) - 1;
            bitBuf |= word << bitCount;
            inPos += static_cast<std::size_t>(take);
            bitCount += 8 * take;
            return;
        }
        while (bitCount <= 56) {
            if (inPos == inEnd && !fetch()) return;
            bitBuf |= std::uint64_t{in[inPos++]} << bitCount;
            bitCount += 8;
        }
    }

    std::uint32_t bits(int n) {  // n ≤ 32
        if (n == 0) return 0;
        if (bitCount < n) {
            refill();
            if (bitCount < n) truncated();
        }
        const auto v = static_cast<std::uint32_t>(bitBuf & ((std::uint64_t{1} << n) - 1));
        bitBuf >>= n;
        bitCount -= n;
        return v;
    }

    void alignToByte() {
        const int drop = bitCount & 7;
        bitBuf >>= drop;
        bitCount -= drop;
    }

    // True if any compressed byte is left (buffered bits included).
    bool moreInput() { return bitCount >= 8 || inPos < inEnd || fetch(); }

    int decodeSlow(const Huffman& h) {
        int code = 0, first = 0, index = 0;
        for (int len = 1; len <= kMaxBits; ++len) {
            if (len > bitCount) truncated();
            code |= static_cast<int>((bitBuf >> (len - 1)) & 1);
            const int count = h.count[len];
            if (code - first < count) {
                bitBuf >>= len;
                bitCount -= len;
                return h.symbol[static_cast<std::size_t>(index + code - first)];
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        fail("the gzip data is corrupt (invalid Huffman code)");
    }

    int decode(const Huffman& h) {
        if (bitCount < kMaxBits) refill();
        const std::uint16_t e = h.fast[bitBuf & ((1u << kFastBits) - 1)];
        if (e != 0) {
            const int len = e >> 9;
            if (len > bitCount) truncated();
            bitBuf >>= len;
            bitCount -= len;
            return e & 511;
        }
        return decodeSlow(h);
    }

    void readMemberHeader() {
        const std::uint32_t id1 = bits(8), id2 = bits(8);
        if (id1 != 0x1f || id2 != 0x8b)
            fail(firstMember ? "not a gzip file (no 1f 8b magic)"
                             : "unexpected data after the end of the gzip stream");
        if (const std::uint32_t method = bits(8); method != 8)
            fail("unknown gzip compression method " + std::to_string(method) +
                 " (only 8, deflate, exists)");
        const std::uint32_t flags = bits(8);
        if (flags & 0xe0) fail("the gzip header is corrupt (reserved flag bits set)");
        for (int i = 0; i < 6; ++i) bits(8);  // modification time, extra flags, OS
        if (flags & 4) {                      // FEXTRA: length, then that many bytes
            const std::uint32_t xlen = bits(16);
            for (std::uint32_t i = 0; i < xlen; ++i) bits(8);
        }
        if (flags & 8)
            while (bits(8) != 0) {
            }  // FNAME, zero-terminated
        if (flags & 16)
            while (bits(8) != 0) {
            }                     // FCOMMENT, zero-terminated
        if (flags & 2) bits(16);  // FHCRC
        firstMember = false;
        finalBlock = false;
        crc = 0;
        memberSize = 0;
        memberPos = outPos;
        state = State::BlockHeader;
    }

    void readDynamicTables() {
        const int nlit = static_cast<int>(bits(5)) + 257;
        const int ndist = static_cast<int>(bits(5)) + 1;
        const int nclen = static_cast<int>(bits(4)) + 4;
        if (nlit > 286 || ndist > 30)
            fail("the gzip data is corrupt (too many length or distance codes)");
        std::array<std::uint8_t, 320> lengths{};
        for (int i = 0; i < nclen; ++i)
            lengths[kClOrder[static_cast<std::size_t>(i)]] = static_cast<std::uint8_t>(bits(3));
        Huffman clCode;
        if (!buildHuffman(clCode, lengths.data(), 19))
            fail("the gzip data is corrupt (invalid code lengths code)");
        lengths.fill(0);
        int index = 0;
        while (index < nlit + ndist) {
            const int sym = decode(clCode);
            if (sym < 16) {
                lengths[static_cast<std::size_t>(index++)] = static_cast<std::uint8_t>(sym);
                continue;
            }
            std::uint8_t value = 0;
            int repeat = 0;
            if (sym == 16) {
                if (index == 0) fail("the gzip data is corrupt (repeat with no first length)");
                value = lengths[static_cast<std::size_t>(index - 1)];
                repeat = 3 + static_cast<int>(bits(2));
            } else if (sym == 17) {
                repeat = 3 + static_cast<int>(bits(3));
            } else {
                repeat = 11 + static_cast<int>(bits(7));
            }
            if (index + repeat > nlit + ndist)
                fail("the gzip data is corrupt (too many code lengths)");
            while (repeat--) lengths[static_cast<std::size_t>(index++)] = value;
        }
        if (lengths[256] == 0) fail("the gzip data is corrupt (no end-of-block code)");
        if (!buildHuffman(dynLit, lengths.data(), nlit))
            fail("the gzip data is corrupt (invalid literal/length code lengths)");
        if (!buildHuffman(dynDist, lengths.data() + nlit, ndist))
            fail("the gzip data is corrupt (invalid distance code lengths)");
        lit = &dynLit;
        dist = &dynDist;
    }

    void readBlockHeader() {
        if (finalBlock) {
            state = State::Trailer;
            return;
        }
        finalBlock = bits(1) != 0;
        switch (bits(2)) {
            case 0: {
                alignToByte();
                const std::uint32_t len = bits(16), nlen = bits(16);
                if (len != (~nlen & 0xffff))
                    fail("the gzip data is corrupt (stored block length check failed)");
                storedLeft = len;
                state = State::Stored;
                break;
            }
            case 1:
                lit = &fixedTables().lit;
                dist = &fixedTables().dist;
                state = State::Huffman;
                break;
            case 2:
                readDynamicTables();
                state = State::Huffman;
                break;
            default:
                fail("the gzip data is corrupt (invalid block type 3)");
        }
    }

    void copyStored() {
        std::size_t n = std::min<std::size_t>(storedLeft, kWindow + kChunk - outPos);
        storedLeft -= static_cast<std::uint32_t>(n);
        // Whole bytes still in the bit buffer come first (bitCount is a multiple of 8 here).
        while (n > 0 && bitCount >= 8) {
            window[outPos++] = static_cast<std::uint8_t>(bitBuf & 255);
            bitBuf >>= 8;
            bitCount -= 8;
            --n;
        }
        while (n > 0) {
            if (inPos == inEnd && !fetch()) truncated();
            const std::size_t k = std::min(n, inEnd - inPos);
            std::memcpy(window.data() + outPos, in.data() + inPos, k);
            outPos += k;
            inPos += k;
            n -= k;
        }
        if (storedLeft == 0) state = State::BlockHeader;
    }

    void decodeHuffman() {
        std::uint8_t* w = window.data();
        std::size_t pos = outPos;
        const std::size_t limit = kWindow + kChunk;
        while (pos < limit) {
            const int sym = decode(*lit);
            if (sym < 256) {
                w[pos++] = static_cast<std::uint8_t>(sym);
                continue;
            }
            if (sym == 256) {
                state = State::BlockHeader;
                break;
            }
            const int ls = sym - 257;
            if (ls >= 29) fail("the gzip data is corrupt (invalid length code)");
            const std::size_t len = kLenBase[static_cast<std::size_t>(ls)] +
                                    bits(kLenExtra[static_cast<std::size_t>(ls)]);
            const int ds = decode(*dist);
            if (ds >= 30) fail("the gzip data is corrupt (invalid distance code)");
            const std::size_t d = kDistBase[static_cast<std::size_t>(ds)] +
                                  bits(kDistExtra[static_cast<std::size_t>(ds)]);
            if (d > pos - memberPos)
                fail("the gzip data is corrupt (distance reaches before the start)");
            const std::uint8_t* src = w + pos - d;
            std::uint8_t* dst = w + pos;
            if (d >= 8) {
                // Eight bytes at a time: each 8-byte piece reads bytes already written.
                for (std::size_t i = 0; i < len; i += 8) std::memcpy(dst + i, src + i, 8);
            } else {
                for (std::size_t i = 0; i < len; ++i) dst[i] = src[i];
            }
            pos += len;
        }
        outPos = pos;
    }

    void readTrailer() {
        alignToByte();
        const std::uint32_t wantCrc = bits(16) | (bits(16) << 16);
        const std::uint32_t wantSize = bits(16) | (bits(16) << 16);
        if (wantCrc != crc) fail("the gzip data is corrupt (CRC-32 mismatch)");
        if (wantSize != static_cast<std::uint32_t>(memberSize))
            fail("the gzip data is corrupt (length mismatch)");
        state = moreInput() ? State::MemberHeader : State::Done;
    }

    // Decodes up to kChunk new bytes (or reads headers/trailers) after handing everything out.
    void produce() {
        if (outPos >= kWindow + kChunk) {  // slide: keep the last 32 KiB as history
            const std::size_t drop = outPos - kWindow;
            std::memmove(window.data(), window.data() + drop, kWindow);
            outPos = readPos = kWindow;
            memberPos = memberPos > drop ? memberPos - drop : 0;
        }
        const std::size_t start = outPos;
        while (outPos < kWindow + kChunk && state != State::Done && state != State::Trailer) {
            switch (state) {
                case State::MemberHeader:
                    readMemberHeader();
                    break;
                case State::BlockHeader:
                    readBlockHeader();
                    break;
                case State::Stored:
                    copyStored();
                    break;
                case State::Huffman:
                    decodeHuffman();
                    break;
                default:
                    break;
            }
        }
        const std::size_t made = outPos - start;
        crc = crcUpdate(crc, window.data() + start, made);
        memberSize += made;
        total += made;
        if (total > maxOutput) {
            const std::string size = maxOutput % (std::uint64_t{1} << 30) == 0
                                         ? std::to_string(maxOutput >> 30) + " GiB"
                                         : std::to_string(maxOutput) + " bytes";
            fail("the decompressed data is larger than " + size +
                 " (not a data set this program reads)");
        }
        if (state == State::Trailer) readTrailer();
    }
};

GzipReader::GzipReader(Source source, std::string nameForErrors, std::uint64_t limit)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->source = std::move(source);
    m_impl->name = std::move(nameForErrors);
    m_impl->maxOutput = limit;
}

GzipReader::~GzipReader() = default;

std::size_t GzipReader::read(char* dst, std::size_t size) {
    Impl& s = *m_impl;
    std::size_t done = 0;
    while (done < size) {
        if (s.readPos < s.outPos) {
            const std::size_t n = std::min(size - done, s.outPos - s.readPos);
            std::memcpy(dst + done, s.window.data() + s.readPos, n);
            s.readPos += n;
            done += n;
            continue;
        }
        if (s.state == Impl::State::Done) break;
        s.produce();
    }
    s.handedOut += done;
    return done;
}

std::uint64_t GzipReader::compressedRead() const {
    const Impl& s = *m_impl;
    return s.inTotal - (s.inEnd - s.inPos) - static_cast<std::uint64_t>(s.bitCount / 8);
}

std::uint64_t GzipReader::decompressedRead() const {
    return m_impl->handedOut;
}

std::string gunzip(std::string_view data, const std::string& nameForErrors, std::uint64_t limit) {
    GzipReader reader(
        [&](std::uint8_t* buf, std::size_t size) -> std::size_t {
            // The input is already in memory: copy it through the reader's buffer in parts.
            const std::size_t n = std::min(size, data.size());
            std::memcpy(buf, data.data(), n);
            data.remove_prefix(n);
            return n;
        },
        nameForErrors, limit);
    std::string out;
    std::array<char, 1 << 16> piece{};
    for (;;) {
        const std::size_t n = reader.read(piece.data(), piece.size());
        if (n == 0) break;
        out.append(piece.data(), n);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// GzipWriter

namespace {

constexpr int kHashBits = 15;
constexpr std::size_t kBlockInput = 32768;  // input bytes per DEFLATE block
constexpr int kChainDepth = 16;             // candidates tried per position

// One LZ77 token: a literal (length 0, value in dist) or a match (length 3…258, distance).
struct Token {
    std::uint16_t length;
    std::uint16_t dist;
};

struct FixedCode {
    std::array<std::uint16_t, 288> litCode{};  // bit-reversed codes, ready to write LSB first
    std::array<std::uint8_t, 288> litLen{};
    std::array<std::uint8_t, 30> distCode{};
    std::array<std::uint8_t, 259> lenSym{};  // length 3…258 → length symbol index 0…28
    FixedCode() {
        for (unsigned v = 0; v < 288; ++v) {
            unsigned code = 0;
            int len = 0;
            if (v < 144) {
                code = 0x30 + v;
                len = 8;
            } else if (v < 256) {
                code = 0x190 + (v - 144);
                len = 9;
            } else if (v < 280) {
                code = v - 256;
                len = 7;
            } else {
                code = 0xc0 + (v - 280);
                len = 8;
            }
            litCode[v] = static_cast<std::uint16_t>(reverseBits(code, len));
            litLen[v] = static_cast<std::uint8_t>(len);
        }
        for (unsigned d = 0; d < 30; ++d)
            distCode[d] = static_cast<std::uint8_t>(reverseBits(d, 5));
        for (std::size_t len = 3; len <= 258; ++len) {
            std::size_t s = 28;
            while (s > 0 && kLenBase[s] > len) --s;
            lenSym[len] = static_cast<std::uint8_t>(s);
        }
    }
};

const FixedCode& fixedCode() {
    static const FixedCode code;
    return code;
}

std::size_t distSymbol(std::size_t d) {
    std::size_t s = 29;
    while (kDistBase[s] > d) --s;
    return s;
}

}  // namespace

struct GzipWriter::Impl {
    Sink sink;                 // receives compressed bytes
    std::string out;           // compressed bytes not yet given to sink
    std::uint64_t bitBuf = 0;  // bits not yet in `out`
    int bitCount = 0;
    std::vector<std::uint8_t> buf;  // recent input: history, then pending bytes
    std::uint64_t bufBase = 0;      // stream position of buf[0]
    std::uint64_t coded = 0;        // stream position up to which blocks are written
    std::vector<std::uint64_t> head = std::vector<std::uint64_t>(1u << kHashBits);  // pos + 1
    std::vector<std::uint64_t> prev = std::vector<std::uint64_t>(kWindow);          // pos + 1
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
    bool finished = false;
    std::vector<Token> tokens;

    void putBits(std::uint32_t value, int n) {
        bitBuf |= std::uint64_t{value} << bitCount;
        bitCount += n;
        while (bitCount >= 8) {
            out.push_back(static_cast<char>(bitBuf & 255));
            bitBuf >>= 8;
            bitCount -= 8;
        }
    }
    void flushBits() {
        if (bitCount > 0) putBits(0, 8 - bitCount);
    }
    void drain(bool all) {
        if (out.size() >= (1u << 16) || (all && !out.empty())) {
            sink(out.data(), out.size());
            out.clear();
        }
    }

    std::uint8_t at(std::uint64_t pos) const {
        return buf[static_cast<std::size_t>(pos - bufBase)];
    }
    std::uint32_t hash3(std::uint64_t pos) const {
        const std::uint32_t v =
            std::uint32_t{at(pos)} << 16 | std::uint32_t{at(pos + 1)} << 8 | at(pos + 2);
        return (v * 2654435761u) >> (32 - kHashBits);
    }
    void insert(std::uint64_t pos) {
        const std::uint32_t h = hash3(pos);
        prev[pos & (kWindow - 1)] = head[h];
        head[h] = pos + 1;
    }

    // Codes stream positions [coded, end) as one block.
    void block(std::uint64_t end, bool final) {
        const FixedCode& fc = fixedCode();
        tokens.clear();
        std::uint64_t bitsFixed = 3 + 7;
        std::uint64_t pos = coded;
        while (pos < end) {
            std::size_t best = 0, bestDist = 0;
            if (end - pos >= 3) {
                const std::size_t maxLen =
                    static_cast<std::size_t>(std::min<std::uint64_t>(258, end - pos));
                std::uint64_t cand = head[hash3(pos)];
                for (int depth = 0; depth < kChainDepth && cand != 0; ++depth) {
                    const std::uint64_t c = cand - 1;
                    if (c >= pos || pos - c > kWindow || c < bufBase) break;
                    const std::uint8_t* a = buf.data() + (pos - bufBase);
                    const std::uint8_t* b = buf.data() + (c - bufBase);
                    std::size_t len = 0;
                    while (len < maxLen && a[len] == b[len]) ++len;
                    if (len > best) {
                        best = len;
                        bestDist = static_cast<std::size_t>(pos - c);
                        if (len == maxLen) break;
                    }
                    const std::uint64_t next = prev[c & (kWindow - 1)];
                    if (next >= cand) break;
                    cand = next;
                }
                insert(pos);
            }
            if (best >= 3) {
                tokens.push_back(
                    {static_cast<std::uint16_t>(best), static_cast<std::uint16_t>(bestDist)});
                const std::size_t ls = fc.lenSym[best];
                bitsFixed +=
                    fc.litLen[257 + ls] + kLenExtra[ls] + 5 + kDistExtra[distSymbol(bestDist)];
                for (std::size_t i = 1; i < best; ++i)
                    if (end - (pos + i) >= 3) insert(pos + i);
                pos += best;
            } else {
                tokens.push_back({0, at(pos)});
                bitsFixed += fc.litLen[at(pos)];
                ++pos;
            }
        }
        const std::uint64_t n = end - coded;
        const std::uint64_t bitsStored = 3 + 7 + 32 + 8 * n;  // header, worst padding, LEN/NLEN
        if (bitsStored < bitsFixed) {
            putBits(final ? 1 : 0, 3);  // BFINAL, BTYPE 00
            flushBits();
            putBits(static_cast<std::uint32_t>(n), 16);
            putBits(static_cast<std::uint32_t>(~n & 0xffff), 16);
            for (std::uint64_t p = coded; p < end; ++p) out.push_back(static_cast<char>(at(p)));
        } else {
            putBits(final ? 3 : 2, 3);  // BFINAL, BTYPE 01
            for (const Token& t : tokens) {
                if (t.length == 0) {
                    putBits(fc.litCode[t.dist], fc.litLen[t.dist]);
                    continue;
                }
                const std::size_t ls = fc.lenSym[t.length];
                putBits(fc.litCode[257 + ls], fc.litLen[257 + ls]);
                putBits(t.length - kLenBase[ls], kLenExtra[ls]);
                const std::size_t ds = distSymbol(t.dist);
                putBits(fc.distCode[ds], 5);
                putBits(t.dist - kDistBase[ds], kDistExtra[ds]);
            }
            putBits(fc.litCode[256], fc.litLen[256]);
        }
        coded = end;
        drain(false);
    }

    // Drops input older than the window from buf.
    void slide() {
        const std::uint64_t keepFrom = coded > kWindow ? coded - kWindow : 0;
        if (keepFrom <= bufBase + (std::uint64_t{1} << 20)) return;
        const auto drop = static_cast<std::size_t>(keepFrom - bufBase);
        buf.erase(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(drop));
        bufBase = keepFrom;
    }
};

GzipWriter::GzipWriter(Sink sink) : m_impl(std::make_unique<Impl>()) {
    m_impl->sink = std::move(sink);
    // magic, method 8, no flags, no time, no extra flags, OS unknown (255)
    const char header[10] = {'\x1f', '\x8b', 8, 0, 0, 0, 0, 0, 0, '\xff'};
    m_impl->out.append(header, sizeof header);
}

GzipWriter::~GzipWriter() = default;

void GzipWriter::write(std::string_view data) {
    Impl& s = *m_impl;
    s.crc = crcUpdate(s.crc, reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    s.size += data.size();
    while (!data.empty()) {
        const std::uint64_t pending = s.bufBase + s.buf.size() - s.coded;
        const std::size_t take =
            std::min<std::size_t>(data.size(), kBlockInput - static_cast<std::size_t>(pending));
        s.buf.insert(s.buf.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(take));
        data.remove_prefix(take);
        if (pending + take == kBlockInput) {
            s.block(s.coded + kBlockInput, false);
            s.slide();
        }
    }
}

void GzipWriter::finish() {
    Impl& s = *m_impl;
    if (s.finished) return;
    s.finished = true;
    s.block(s.bufBase + s.buf.size(), true);
    s.flushBits();
    for (int i = 0; i < 4; ++i) s.out.push_back(static_cast<char>((s.crc >> (8 * i)) & 255));
    for (int i = 0; i < 4; ++i) s.out.push_back(static_cast<char>((s.size >> (8 * i)) & 255));
    s.drain(true);
}

std::string gzipCompress(std::string_view data) {
    std::string result;
    GzipWriter writer([&](const char* p, std::size_t n) { result.append(p, n); });
    writer.write(data);
    writer.finish();
    return result;
}

}  // namespace bp
