// fuzz_model — bp::decodeModel (.bpm files) on arbitrary bytes.
//
// Each input is decoded twice: as it is, and with its last 4 bytes replaced by the CRC-32 of the
// rest, so that mutated headers and weights get past the checksum and reach the parser behind it.
// Expected: a SavedModel or a bp::ModelFileError. A model that loads must encode and decode back
// to the same weights and settings.
#include <optional>
#include <vector>

#include "FuzzCommon.h"
#include "backprop/ModelFile.h"

namespace {

void decode(const std::vector<char>& bytes) {
    std::optional<bp::SavedModel> decoded;  // (a default SavedModel would build a 784-200-10 net)
    try {
        decoded = bp::decodeModel(bytes, "fuzz.bpm");
    } catch (const bp::ModelFileError&) {
        return;
    }
    const bp::SavedModel& m = *decoded;
    const bp::SavedModel again = bp::decodeModel(bp::encodeModel(m.network, m.training), "again");
    bpfuzz::check(again.network.spec().layers == m.network.spec().layers, "layers changed");
    for (int k = 0; k < m.network.weightLayers(); ++k)
        bpfuzz::check(again.network.weights(k) == m.network.weights(k), "weights changed");
    bpfuzz::check(
        again.training == m.training || again.training.learningRate != again.training.learningRate,
        "training record changed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bpfuzz::decodeAsIsAndWithFixedCrc(data, size, decode);
    return 0;
}
