// fuzz_session — bp::decodeSession (.bps session files) on arbitrary bytes.
//
// Each input is decoded twice: as it is, and with its last 4 bytes replaced by the CRC-32 of the
// rest, so that mutated headers, curves and the embedded model get past the checksum and reach
// the parser behind it. Expected: a Session or a bp::SessionFileError. A session that loads must
// encode and decode back to the same bytes.
#include <vector>

#include "FuzzCommon.h"
#include "backprop/Checksum.h"
#include "backprop/SessionFile.h"

namespace {

void decode(const std::vector<char>& bytes) {
    try {
        const bp::Session s = bp::decodeSession(bytes, "fuzz.bps");
        const std::vector<char> again = bp::encodeSession(s);
        bpfuzz::check(bp::encodeSession(bp::decodeSession(again, "again")) == again,
                      "a decoded session does not encode back to itself");
    } catch (const bp::SessionFileError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<char> bytes(data, data + size);
    decode(bytes);
    if (size >= 4) {
        const std::uint32_t crc = bp::crc32(bytes.data(), size - 4);
        for (int b = 0; b < 4; ++b)
            bytes[size - 4 + static_cast<std::size_t>(b)] = static_cast<char>((crc >> (8 * b)) & 255);
        decode(bytes);
    }
    return 0;
}
