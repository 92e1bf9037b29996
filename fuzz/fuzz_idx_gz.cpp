// fuzz_idx_gz — gzip-compressed IDX files: each part (see IdxSplit.h) that starts with the gzip
// magic goes through bp::gunzip first (capped at 64 MiB), then bp::parseIdx reads both.
//
// Expected: a Dataset or a bp::DataError (from gunzip or from the IDX checks).
#include <string>

#include "FuzzCommon.h"
#include "IdxSplit.h"
#include "backprop/DatasetIO.h"
#include "backprop/Gzip.h"

namespace {

constexpr std::uint64_t kLimit = std::uint64_t{64} << 20;

std::string plain(std::string_view part, const std::string& name) {
    return bp::isGzip(part) ? bp::gunzip(part, name, kLimit) : std::string(part);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto [imagesGz, labelsGz] = bpfuzz::splitIdx(data, size);
    try {
        const std::string images = plain(imagesGz, "fuzz-images-idx3-ubyte.gz");
        const std::string labels = plain(labelsGz, "fuzz-labels-idx1-ubyte.gz");
        const bp::Dataset d =
            bp::parseIdx(images, labels, "fuzz-images-idx3-ubyte.gz", "fuzz-labels-idx1-ubyte.gz");
        bpfuzz::check(d.pixels.size() == d.rows() * static_cast<std::size_t>(d.inputs),
                      "pixels.size() != rows × inputs");
        bpfuzz::check(16 + d.pixels.size() == images.size(), "image bytes do not match");
    } catch (const bp::DataError&) {
    }
    return 0;
}
