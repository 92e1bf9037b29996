// Gzip.h — gzip (RFC 1952) reading and writing, through zlib.
//
// Reading: several members one after the other (as `cat a.gz b.gz` makes), each with its CRC-32
// and length checked by zlib; the first bytes of each member are checked here so that a file
// that is not gzip is named plainly ("not a gzip file (no 1f 8b magic)", "unexpected data after
// the end of the gzip stream"). The reader pulls compressed bytes from a source function, so it
// works on a stream that cannot seek (a pipe), and it holds only zlib's state and a 64 KiB
// buffer; its output is capped (kGunzipLimit) so a small file that expands without end stops
// with a DataError. Any fault is a DataError naming the file.
// Writing: zlib's deflate at its default level 6, gzip wrapper with no name and time 0 (the
// same input gives the same bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "backprop/DataError.h"

namespace bp {

// Largest output gunzip / GzipReader produce before giving up with a DataError (4 GiB).
inline constexpr std::uint64_t kGunzipLimit = std::uint64_t{4} << 30;

// True if data starts with the gzip magic bytes 1f 8b.
bool isGzip(std::string_view data);

// The whole decompressed content of a gzip file held in memory. Throws DataError on corrupt or
// truncated data, naming nameForErrors.
std::string gunzip(std::string_view data, const std::string& nameForErrors,
                   std::uint64_t limit = kGunzipLimit);

// A valid single-member gzip file holding data.
std::string gzipCompress(std::string_view data);

// Streaming gunzip: pulls compressed bytes from a source function and hands out decompressed
// bytes in pieces, so a 109 MB file never has to sit in memory whole.
class GzipReader {
  public:
    // Fills buf with up to size compressed bytes; returns how many, 0 at the end of the input.
    using Source = std::function<std::size_t(std::uint8_t* buf, std::size_t size)>;

    // limit: the most decompressed bytes accepted before a DataError (kGunzipLimit normally).
    GzipReader(Source source, std::string nameForErrors, std::uint64_t limit = kGunzipLimit);
    ~GzipReader();
    GzipReader(const GzipReader&) = delete;
    GzipReader& operator=(const GzipReader&) = delete;

    // Copies up to size decompressed bytes into dst; returns how many, 0 once every member has
    // ended with a good CRC-32 and length. Throws DataError on bad data.
    std::size_t read(char* dst, std::size_t size);
    // Compressed bytes taken from the source so far (for progress).
    std::uint64_t compressedRead() const;
    // Decompressed bytes handed out so far.
    std::uint64_t decompressedRead() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;  // zlib's inflate state and the input buffer
};

// Streaming gzip: data goes in by pieces, compressed bytes go to a sink function.
class GzipWriter {
  public:
    using Sink = std::function<void(const char* data, std::size_t size)>;

    explicit GzipWriter(Sink sink);
    ~GzipWriter();
    GzipWriter(const GzipWriter&) = delete;
    GzipWriter& operator=(const GzipWriter&) = delete;

    void write(std::string_view data);
    // Ends the deflate stream and writes the trailer; write() must not be called after it.
    void finish();

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;  // zlib's deflate state and the output buffer
};

}  // namespace bp
