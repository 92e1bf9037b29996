// fuzz_gunzip — the inflater, three ways at once:
//   1. bp::gunzip on the bytes (capped at 64 MiB of output);
//   2. bp::GzipReader on the same bytes, fed and drained in odd-sized pieces: it must produce
//      exactly what gunzip produced, or fail exactly when gunzip fails;
//   3. bp::gzipCompress of the bytes must gunzip back to them (the writer's round trip).
#include <algorithm>
#include <optional>
#include <string>

#include "FuzzCommon.h"
#include "backprop/Gzip.h"

namespace {

constexpr std::uint64_t kLimit = std::uint64_t{64} << 20;

// Everything GzipReader hands out, or nothing if it throws a DataError.
std::optional<std::string> streamed(std::string_view in, std::size_t piece) {
    std::size_t at = 0;
    bp::GzipReader reader(
        [&](std::uint8_t* buf, std::size_t want) {
            const std::size_t n = std::min({want, piece, in.size() - at});
            std::copy_n(in.data() + at, n, reinterpret_cast<char*>(buf));
            at += n;
            return n;
        },
        "fuzz.gz", kLimit);
    std::string out;
    char buf[4099];
    try {
        for (;;) {
            const std::size_t n = reader.read(buf, std::min(sizeof buf, piece * 3 + 1));
            if (n == 0) break;
            out.append(buf, n);
        }
    } catch (const bp::DataError&) {
        return std::nullopt;
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in = bpfuzz::asText(data, size);
    std::optional<std::string> whole;
    try {
        whole = bp::gunzip(in, "fuzz.gz", kLimit);
    } catch (const bp::DataError&) {
    }
    const std::size_t piece = size > 0 ? 1 + data[size - 1] % 61 : 1;
    const std::optional<std::string> pieces = streamed(in, piece);
    bpfuzz::check(whole.has_value() == pieces.has_value(),
                  "gunzip and GzipReader disagree on whether the data is valid");
    if (whole) bpfuzz::check(*whole == *pieces, "gunzip and GzipReader give different bytes");

    const std::string packed = bp::gzipCompress(in);
    bpfuzz::check(bp::gunzip(packed, "packed.gz") == in, "gzipCompress does not round-trip");
    return 0;
}
