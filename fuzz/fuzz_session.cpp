// fuzz_session — bp::decodeSession (.bps files) on arbitrary bytes.
//
// As fuzz_model: each input is decoded as it is and with its last 4 bytes replaced by the CRC-32
// of the rest, so mutations reach the header, curve and embedded-model parsers. Expected: a
// Session or a bp::SessionFileError. A session that loads must encode and decode back the same.
#include <optional>
#include <vector>

#include "FuzzCommon.h"
#include "backprop/SessionFile.h"

namespace {

void decode(const std::vector<char>& bytes) {
    std::optional<bp::Session> decoded;  // (a default Session would build a 784-200-10 net)
    try {
        decoded = bp::decodeSession(bytes, "fuzz.bps");
    } catch (const bp::SessionFileError&) {
        return;
    }
    const bp::Session& s = *decoded;
    const bp::Session again = bp::decodeSession(bp::encodeSession(s), "again");
    bpfuzz::check(again.title == s.title && again.trainData == s.trainData &&
                      again.testData == s.testData && again.settings == s.settings,
                  "texts changed in a round trip");
    bpfuzz::check(again.runs.size() == s.runs.size(), "runs changed in a round trip");
    bpfuzz::check(again.network.spec().layers == s.network.spec().layers, "layers changed");
    for (int k = 0; k < s.network.weightLayers(); ++k)
        bpfuzz::check(again.network.weights(k) == s.network.weights(k), "weights changed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bpfuzz::decodeAsIsAndWithFixedCrc(data, size, decode);
    return 0;
}
