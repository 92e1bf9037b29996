// IdxReader.cpp — the IDX loader (the original MNIST files; see DatasetIO.h): two files, the
// images (magic 00 00 08 03, count, rows, cols, then count·rows·cols bytes) and the labels
// (00 00 08 01, count, then count bytes), big-endian counts, each plain or gzip-compressed.
// Every count is checked before it sizes anything: an image of more than kMaxInputs pixels, a
// data set larger than memory, a count the file cannot hold are refused before the data is read.
#include <algorithm>
#include <filesystem>
#include <vector>

#include "ByteOrder.h"
#include "DataInput.h"

namespace bp::data {
namespace {

constexpr std::size_t kIdxPiece = std::size_t{1} << 20;  // IDX bytes read at a time

struct IdxHeader {
    std::uint32_t count = 0;     // items
    std::uint64_t itemSize = 1;  // bytes per item
    std::uint32_t rows = 0, cols = 0;
};

// Reads and checks the header of an IDX file of `dims` dimensions (3 images, 1 labels).
IdxHeader readIdxHeader(Input& in, int dims, const char* kind) {
    const std::string head(in.peek(16));  // to name what the file is if it is no IDX file
    char h[16] = {};
    const std::size_t want = 4 + 4 * static_cast<std::size_t>(dims);
    const std::size_t got = in.read(h, want);
    if (got < 4)
        throw DataError(in.name(), 0, 0,
                        "too short for an IDX file (" + std::to_string(got) + " bytes)");
    const std::string_view magic(h, 4);
    if (!(magic[0] == 0 && magic[1] == 0)) {
        if (const std::string problem = contentProblem(head, "IDX"); !problem.empty())
            throw DataError(in.name(), 0, 0, problem);
        throw DataError(in.name(), 0, 0, "is not an IDX file (no 00 00 magic)");
    }
    if (magic[2] != 8)
        throw DataError(in.name(), 0, 0,
                        "holds IDX data of type " +
                            std::to_string(static_cast<unsigned char>(magic[2])) +
                            "; only unsigned bytes (type 8) are read");
    if (magic[3] != dims)
        throw DataError(in.name(), 0, 0,
                        std::string("is not an IDX ") + kind + " file (" +
                            std::to_string(static_cast<unsigned char>(magic[3])) +
                            " dimensions, expected " + std::to_string(dims) + ")");
    if (got < want) throw DataError(in.name(), 0, 0, "the IDX header is truncated");
    IdxHeader r;
    r.count = bytes::getBe32(h + 4);
    if (dims == 3) {
        r.rows = bytes::getBe32(h + 8);
        r.cols = bytes::getBe32(h + 12);
        r.itemSize = std::uint64_t{r.rows} * r.cols;
        if (r.rows == 0 || r.cols == 0)
            throw DataError(in.name(), 0, 0,
                            "an image size of " + std::to_string(r.rows) + "×" +
                                std::to_string(r.cols) + " is not supported");
        // Every image is one network input layer: no larger than the largest layer.
        if (r.itemSize > kMaxInputs)
            throw DataError(in.name(), 0, 0,
                            "images of " + std::to_string(r.rows) + "×" + std::to_string(r.cols) +
                                " = " + std::to_string(r.itemSize) +
                                " pixels are too large: at most 1,000,000 inputs a sample are "
                                "supported (the largest layer a network may have)");
    }
    return r;
}

// Reads `bytes` bytes of IDX data into out (grown as data arrives, so a lying header cannot
// make it allocate), reporting progress; a short file is an error.
void readIdxData(Input& in, std::vector<std::uint8_t>& out, std::uint64_t bytes,
                 std::uint64_t declared, Progress& progress, std::uint64_t progressBase) {
    if (bytes > kGunzipLimit)
        throw DataError(in.name(), 0, 0, "the IDX header announces more than 4 GiB of data");
    // Memory for the samples is taken as their bytes arrive (1 MiB at a time, the vector
    // growing geometrically), never from the header's count alone: a file that ends early, or
    // a small .gz that claims millions of images, costs only what it really holds.
    if (!in.isGzip() && in.total() != 0)
        out.reserve(static_cast<std::size_t>(std::min(bytes, in.total())));
    std::uint64_t have = 0;
    while (have < bytes) {
        const auto k = static_cast<std::size_t>(std::min<std::uint64_t>(kIdxPiece, bytes - have));
        out.resize(static_cast<std::size_t>(have) + k);
        const std::size_t n = in.read(reinterpret_cast<char*>(out.data() + have), k);
        have += n;
        if (n < k)
            throw DataError(in.name(), 0, 0,
                            "the IDX file is truncated: its header announces " +
                                std::to_string(declared) + " bytes of data, the file holds " +
                                std::to_string(have));
        progress.check(progressBase + in.position());
    }
}

// The IDX loader proper, on two opened inputs (files or bytes in memory).
Dataset readIdxUnguarded(Input& images, Input& labels, const LoadOptions& options) {
    const std::string& imagesPath = images.name();
    const std::string& labelsPath = labels.name();
    Progress progress(options, imagesPath, images.total() + labels.total());
    progress.check(0);

    const IdxHeader ih = readIdxHeader(images, 3, "images");
    const IdxHeader lh = readIdxHeader(labels, 1, "labels");
    if (ih.count != lh.count)
        throw DataError(labelsPath, 0, 0,
                        "holds " + std::to_string(lh.count) + " labels, but " + imagesPath +
                            " holds " + std::to_string(ih.count) + " images");
    std::uint64_t n = ih.count;
    if (options.maxRows != 0) n = std::min<std::uint64_t>(n, options.maxRows);
    if (!images.isGzip() && images.total() != 0) {  // a regular file's length is known first
        const std::uint64_t need = 16 + std::uint64_t{ih.count} * ih.itemSize;
        if (images.total() < need)
            throw DataError(imagesPath, 0, 0,
                            "the IDX file is truncated: " + std::to_string(images.total()) +
                                " bytes, but its header announces " + std::to_string(ih.count) +
                                " images of " + std::to_string(ih.rows) + "×" +
                                std::to_string(ih.cols) + " (" + std::to_string(need) + " bytes)");
    }
    if (!labels.isGzip() && labels.total() != 0 && labels.total() < 8 + std::uint64_t{lh.count})
        throw DataError(labelsPath, 0, 0,
                        "the IDX file is truncated: " + std::to_string(labels.total()) +
                            " bytes, but its header announces " + std::to_string(lh.count) +
                            " labels");

    // The data set's bytes, from the header alone, against the memory there is.
    if (const std::uint64_t memory = availableMemory();
        memory != 0 && n * (ih.itemSize + 1) > memory / 2)
        throw DataError(imagesPath, 0, 0,
                        "its header announces " + std::to_string(ih.count) + " images of " +
                            std::to_string(ih.rows) + "×" + std::to_string(ih.cols) + " (" +
                            byteSize(n * (ih.itemSize + 1)) +
                            "): more than this computer can hold (" + byteSize(memory) + ")");
    Dataset d;
    d.source = imagesPath;
    d.inputs = static_cast<int>(ih.itemSize);
    readIdxData(images, d.pixels, n * ih.itemSize, std::uint64_t{ih.count} * ih.itemSize, progress,
                0);
    readIdxData(labels, d.labels, n, lh.count, progress, images.total());
    const auto maxLabel = static_cast<unsigned>(std::clamp(options.maxLabel, 0, 255));
    for (std::size_t i = 0; i < d.labels.size(); ++i)
        if (d.labels[i] > maxLabel)
            throw DataError(labelsPath, 0, 0,
                            "label " + std::to_string(d.labels[i]) + " of item " +
                                std::to_string(i + 1) + " is outside 0–" +
                                std::to_string(maxLabel));
    if (n == ih.count) {  // everything read: nothing may follow
        char extra = 0;
        if (images.read(&extra, 1) != 0)
            throw DataError(
                imagesPath, 0, 0,
                "has data after the " + std::to_string(ih.count) + " images its header announces");
        if (labels.read(&extra, 1) != 0)
            throw DataError(
                labelsPath, 0, 0,
                "has data after the " + std::to_string(lh.count) + " labels its header announces");
    }
    if (d.labels.empty())
        throw DataError(imagesPath, 0, 0, "no samples (the IDX file holds 0 images)");
    if (ih.rows > 1) {
        d.width = static_cast<int>(ih.cols);
        d.height = static_cast<int>(ih.rows);
    } else {
        guessImageShape(d);
    }
    progress.finish();
    return d;
}

}  // namespace

Dataset readIdx(Input& images, Input& labels, const LoadOptions& options) {
    return orNoMemory(images, [&] { return readIdxUnguarded(images, labels, options); });
}

}  // namespace bp::data

namespace bp {

std::string idxLabelsPathFor(const std::string& imagesPath) {
    const std::size_t slash = imagesPath.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "" : imagesPath.substr(0, slash + 1);
    std::string base = slash == std::string::npos ? imagesPath : imagesPath.substr(slash + 1);
    const std::string original = base;
    static const std::pair<std::string_view, std::string_view> kSwaps[] = {{"images", "labels"},
                                                                           {"idx3", "idx1"}};
    for (const auto& [from, to] : kSwaps) {
        const std::size_t at = base.find(from);
        if (at != std::string::npos) base.replace(at, from.size(), to);
    }
    if (base == original) return "";
    const auto endsGz = [](const std::string& s) {
        return s.size() >= 3 && s.compare(s.size() - 3, 3, ".gz") == 0;
    };
    std::error_code ec;
    const std::string same = dir + base;
    if (std::filesystem::is_regular_file(same, ec)) return same;
    const std::string other = endsGz(same) ? same.substr(0, same.size() - 3) : same + ".gz";
    if (std::filesystem::is_regular_file(other, ec)) return other;
    return "";
}

Dataset loadIdx(const std::string& imagesPath, const std::string& labelsPath,
                const LoadOptions& options) {
    data::Input images(imagesPath, options.cancel);
    data::Input labels(labelsPath, options.cancel);
    return data::readIdx(images, labels, options);
}

Dataset parseIdx(std::string_view images, std::string_view labels, const std::string& imagesName,
                 const std::string& labelsName, const LoadOptions& options) {
    data::Input imagesIn(images, imagesName);
    data::Input labelsIn(labels, labelsName);
    return data::readIdx(imagesIn, labelsIn, options);
}

}  // namespace bp
