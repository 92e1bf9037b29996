// Gzip.cpp — gzip reading and writing through zlib (see Gzip.h).
//
// Reading: each member's first four bytes (magic, method, flags) are checked here, so a file
// that is not gzip gets a plain sentence; zlib's inflate (gzip wrapper only, windowBits 16 + 15)
// does the rest — header fields, DEFLATE, the CRC-32 and ISIZE trailer — and is reset for each
// further member. Inflate writes straight into the caller's buffer: the reader holds zlib's
// state (a 32 KiB window, ~7 KB of tables) and a 64 KiB input buffer, whatever the file's size.
#include "backprop/Gzip.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <new>
#include <vector>

namespace bp {
namespace {

constexpr std::size_t kInputBuffer = 65536;      // compressed bytes pulled at a time
constexpr std::size_t kOutputPiece = 65536;      // compressed bytes handed to a sink at a time
constexpr int kGzipWindowBits = 16 + MAX_WBITS;  // gzip wrapper, 32 KiB window

// zlib's reason for a corrupt stream, in the words this program has always used where it has
// its own; otherwise zlib's own words.
std::string corruptReason(const char* zlibMessage) {
    const std::string m = zlibMessage != nullptr ? zlibMessage : "invalid data";
    if (m == "incorrect data check") return "CRC-32 mismatch";
    if (m == "incorrect length check") return "length mismatch";
    return m;
}

}  // namespace

bool isGzip(std::string_view data) {
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
           static_cast<unsigned char>(data[1]) == 0x8b;
}

// ---------------------------------------------------------------------------------------------
// GzipReader

struct GzipReader::Impl {
    enum class State { MemberStart, InMember, Done };

    Source source;     // where compressed bytes come from
    std::string name;  // file name for messages
    z_stream z{};      // zlib's inflate state
    bool zReady = false;

    std::vector<std::uint8_t> in = std::vector<std::uint8_t>(kInputBuffer);  // compressed bytes
    bool inEof = false;                                                      // the source said 0
    std::uint64_t inTotal = 0;  // bytes taken from the source
    State state = State::MemberStart;
    bool firstMember = true;
    std::uint64_t total = 0;                 // decompressed bytes handed out
    std::uint64_t maxOutput = kGunzipLimit;  // most bytes accepted in all

    Impl() {
        if (inflateInit2(&z, kGzipWindowBits) != Z_OK) throw std::bad_alloc();
        zReady = true;
    }
    ~Impl() {
        if (zReady) inflateEnd(&z);
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    [[noreturn]] void fail(const std::string& what) const { throw DataError(name, 0, 0, what); }
    [[noreturn]] void truncated() const {
        fail("the gzip data is truncated (the file ends in the middle of the compressed stream)");
    }

    // Moves the unread input to the front and appends more from the source; false at its end.
    bool fetch() {
        if (inEof) return false;
        std::size_t have = z.avail_in;
        if (have > 0 && z.next_in != in.data()) std::memmove(in.data(), z.next_in, have);
        const std::size_t n = source(in.data() + have, in.size() - have);
        if (n == 0 || n > in.size() - have) inEof = true;
        if (!inEof) {
            have += n;
            inTotal += n;
        }
        z.next_in = in.data();
        z.avail_in = static_cast<uInt>(have);
        return !inEof;
    }

    // At a member's start: its magic, method and flags checked here. False at the end of input.
    bool startMember() {
        while (z.avail_in < 4 && fetch()) {
        }
        const std::uint8_t* h = z.next_in;
        const std::size_t n = z.avail_in;
        if (firstMember) {
            if (n == 0 || (n == 1 && h[0] == 0x1f) || (n < 4 && h[0] == 0x1f && h[1] == 0x8b))
                truncated();
            if (h[0] != 0x1f || (n >= 2 && h[1] != 0x8b)) fail("not a gzip file (no 1f 8b magic)");
        } else {
            if (n == 0) return false;  // the last member ended with the input: done
            if (n < 2 || h[0] != 0x1f || h[1] != 0x8b)
                fail("unexpected data after the end of the gzip stream");
            if (n < 4) truncated();
        }
        if (h[2] != 8)
            fail("unknown gzip compression method " + std::to_string(h[2]) +
                 " (only 8, deflate, exists)");
        if (h[3] & 0xe0) fail("the gzip header is corrupt (reserved flag bits set)");
        if (!firstMember && inflateReset(&z) != Z_OK) fail("the gzip data is corrupt");
        firstMember = false;
        state = State::InMember;
        return true;
    }

    // Inflates into dst (up to size bytes); returns how many were made, 0 only at the end.
    std::size_t inflateSome(char* dst, std::size_t size) {
        for (;;) {
            if (state == State::Done) return 0;
            if (state == State::MemberStart && !startMember()) {
                state = State::Done;
                return 0;
            }
            if (z.avail_in == 0) fetch();  // at the end, inflate may still have output pending
            z.next_out = reinterpret_cast<Bytef*>(dst);
            z.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
            const int rc = inflate(&z, Z_NO_FLUSH);
            const std::size_t made =
                static_cast<std::size_t>(reinterpret_cast<char*>(z.next_out) - dst);
            switch (rc) {
                case Z_STREAM_END:
                    state = State::MemberStart;
                    break;
                case Z_OK:
                    break;
                case Z_BUF_ERROR:  // no progress: more input is needed, and none will come?
                    if (inEof && z.avail_in == 0) truncated();
                    break;
                case Z_MEM_ERROR:
                    throw std::bad_alloc();
                default:  // Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR
                    fail("the gzip data is corrupt (" + corruptReason(z.msg) + ")");
            }
            if (made > 0) return made;
        }
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
        const std::size_t n = s.inflateSome(dst + done, size - done);
        if (n == 0) break;
        done += n;
        s.total += n;
        if (s.total > s.maxOutput) {
            const std::string limit = s.maxOutput % (std::uint64_t{1} << 30) == 0
                                          ? std::to_string(s.maxOutput >> 30) + " GiB"
                                          : std::to_string(s.maxOutput) + " bytes";
            s.fail("the decompressed data is larger than " + limit +
                   " (not a data set this program reads)");
        }
    }
    return done;
}

std::uint64_t GzipReader::compressedRead() const {
    return m_impl->inTotal - m_impl->z.avail_in;
}

std::uint64_t GzipReader::decompressedRead() const {
    return m_impl->total;
}

std::string gunzip(std::string_view data, const std::string& nameForErrors, std::uint64_t limit) {
    GzipReader reader(
        [&](std::uint8_t* buf, std::size_t size) -> std::size_t {
            // The input is already in memory: copy it through the reader's buffer in parts.
            const std::size_t n = std::min(size, data.size());
            if (n == 0) return 0;  // an empty view's data() may be null: no memcpy from it
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

struct GzipWriter::Impl {
    Sink sink;     // receives compressed bytes
    z_stream z{};  // zlib's deflate state
    bool zReady = false;
    bool finished = false;
    std::vector<char> out = std::vector<char>(kOutputPiece);  // compressed bytes being made

    Impl() {
        // Level 6 (zlib's default), gzip wrapper with no name and time 0: the same input gives
        // the same bytes.
        if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8,
                         Z_DEFAULT_STRATEGY) != Z_OK)
            throw std::bad_alloc();
        zReady = true;
    }
    ~Impl() {
        if (zReady) deflateEnd(&z);
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    // Runs deflate over what is in z.next_in with flush, handing full output pieces to sink.
    void run(int flush) {
        for (;;) {
            z.next_out = reinterpret_cast<Bytef*>(out.data());
            z.avail_out = static_cast<uInt>(out.size());
            const int rc = deflate(&z, flush);
            if (rc == Z_STREAM_ERROR) throw std::runtime_error("gzip: deflate failed");
            const std::size_t made = out.size() - z.avail_out;
            if (made > 0) sink(out.data(), made);
            if (flush == Z_FINISH ? rc == Z_STREAM_END : z.avail_in == 0 && z.avail_out > 0) return;
        }
    }
};

GzipWriter::GzipWriter(Sink sink) : m_impl(std::make_unique<Impl>()) {
    m_impl->sink = std::move(sink);
}

GzipWriter::~GzipWriter() = default;

void GzipWriter::write(std::string_view data) {
    Impl& s = *m_impl;
    while (!data.empty()) {
        const std::size_t n = std::min<std::size_t>(data.size(), 1u << 30);
        s.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        s.z.avail_in = static_cast<uInt>(n);
        s.run(Z_NO_FLUSH);
        data.remove_prefix(n);
    }
}

void GzipWriter::finish() {
    Impl& s = *m_impl;
    if (s.finished) return;
    s.finished = true;
    s.z.next_in = nullptr;
    s.z.avail_in = 0;
    s.run(Z_FINISH);
}

std::string gzipCompress(std::string_view data) {
    std::string result;
    GzipWriter writer([&](const char* p, std::size_t n) { result.append(p, n); });
    writer.write(data);
    writer.finish();
    return result;
}

}  // namespace bp
