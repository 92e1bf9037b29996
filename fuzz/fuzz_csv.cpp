// fuzz_csv — bp::parseCsv on arbitrary text.
//
// Expected outcome for any input: a Dataset whose sizes agree, or a bp::DataError. Anything else
// (another exception, a crash, a sanitizer report, an allocation above -rss_limit_mb) is a bug.
// A dataset that loads is written back in the book's format and must load again identically.
#include <string>

#include "FuzzCommon.h"
#include "backprop/DatasetIO.h"

namespace {

std::string toCsv(const bp::Dataset& d) {
    std::string s;
    const auto inputs = static_cast<std::size_t>(d.inputs);
    for (std::size_t i = 0; i < d.rows(); ++i) {
        s += std::to_string(d.labels[i]);
        for (std::size_t k = 0; k < inputs; ++k) {
            s += ',';
            s += std::to_string(d.row(i)[k]);
        }
        s += '\n';
    }
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    bp::LoadOptions options;
    // The first byte picks the label range and a row cap, so both paths are explored.
    if (size > 0 && (data[0] & 1) != 0) options.maxLabel = 255;
    if (size > 0 && (data[0] & 2) != 0) options.maxRows = 3;
    bp::Dataset d;
    try {
        d = bp::parseCsv(bpfuzz::asText(data, size), "fuzz.csv", options);
    } catch (const bp::DataError&) {
        return 0;
    }
    bpfuzz::check(!d.empty(), "a dataset was returned with no rows");
    bpfuzz::check(d.inputs >= 1, "a dataset was returned with no inputs");
    bpfuzz::check(d.pixels.size() == d.rows() * static_cast<std::size_t>(d.inputs),
                  "pixels.size() != rows × inputs");
    if (options.maxRows != 0) bpfuzz::check(d.rows() <= options.maxRows, "maxRows ignored");
    for (const std::uint8_t label : d.labels)
        bpfuzz::check(label <= options.maxLabel, "a label above maxLabel was accepted");

    const std::string again = toCsv(d);
    const bp::Dataset e = bp::parseCsv(again, "again.csv", options);
    bpfuzz::check(e.inputs == d.inputs && e.labels == d.labels && e.pixels == d.pixels,
                  "written back and read again, the dataset differs");
    return 0;
}
