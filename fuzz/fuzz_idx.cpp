// fuzz_idx — bp::parseIdx on an arbitrary images file and labels file (see IdxSplit.h).
//
// Expected: a Dataset whose sizes agree with the headers, or a bp::DataError.
#include "FuzzCommon.h"
#include "IdxSplit.h"
#include "backprop/DatasetIO.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto [images, labels] = bpfuzz::splitIdx(data, size);
    bp::Dataset d;
    try {
        d = bp::parseIdx(images, labels, "fuzz-images-idx3-ubyte", "fuzz-labels-idx1-ubyte");
    } catch (const bp::DataError&) {
        return 0;
    }
    bpfuzz::check(!d.empty() && d.inputs >= 1, "an empty dataset was returned");
    bpfuzz::check(d.pixels.size() == d.rows() * static_cast<std::size_t>(d.inputs),
                  "pixels.size() != rows × inputs");
    bpfuzz::check(16 + d.pixels.size() == images.size(), "image bytes do not match the file");
    bpfuzz::check(8 + d.rows() == labels.size(), "label count does not match the file");
    for (const std::uint8_t label : d.labels) bpfuzz::check(label <= 9, "label above 9");
    return 0;
}
