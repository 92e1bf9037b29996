// DatasetIdxTest.cpp — the MNIST IDX loader: small files made here (plain and gzip), finding the
// labels file beside the images, saveIdx → loadIdx, every header fault, and the real t10k files.
#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

#include "TestFiles.h"
#include "backprop/DatasetIO.h"
#include "backprop/Gzip.h"

namespace fs = std::filesystem;

namespace {

// A fresh folder for one test's files, removed afterwards.
struct TempDir : testfiles::TempDir {
    TempDir() : testfiles::TempDir("bp_idx") {}
};

std::string be32(std::uint32_t v) {
    std::string s;
    for (int shift = 24; shift >= 0; shift -= 8) s.push_back(static_cast<char>((v >> shift) & 255));
    return s;
}

// IDX images: magic 0x803, count, rows, cols, then pixel i = (i * 7 + 3) % 256.
std::string idxImages(std::uint32_t count, std::uint32_t rows, std::uint32_t cols) {
    std::string s = be32(0x803) + be32(count) + be32(rows) + be32(cols);
    for (std::uint32_t i = 0; i < count * rows * cols; ++i)
        s.push_back(static_cast<char>((i * 7 + 3) % 256));
    return s;
}

// IDX labels: magic 0x801, count, then label i = i % 10.
std::string idxLabels(std::uint32_t count) {
    std::string s = be32(0x801) + be32(count);
    for (std::uint32_t i = 0; i < count; ++i) s.push_back(static_cast<char>(i % 10));
    return s;
}

std::string idxError(const std::string& images, const std::string& labels) {
    try {
        bp::loadIdx(images, labels);
    } catch (const bp::DataError& e) {
        return e.what();
    }
    return "";
}

std::string loadError(const std::string& path) {
    try {
        bp::loadDataset(path);
    } catch (const bp::DataError& e) {
        return e.what();
    }
    return "";
}

void expectSmallSet(const bp::Dataset& d, std::uint32_t count, std::uint32_t rows,
                    std::uint32_t cols) {
    ASSERT_EQ(d.rows(), count);
    EXPECT_EQ(d.inputs, static_cast<int>(rows * cols));
    EXPECT_EQ(d.height, static_cast<int>(rows));
    EXPECT_EQ(d.width, static_cast<int>(cols));
    for (std::uint32_t i = 0; i < count * rows * cols; ++i)
        ASSERT_EQ(d.pixels[i], (i * 7 + 3) % 256) << i;
    for (std::uint32_t i = 0; i < count; ++i) ASSERT_EQ(d.label(i), static_cast<int>(i % 10));
}

}  // namespace

TEST(DatasetIdx, PlainFilesExplicitAndBeside) {
    TempDir dir;
    const std::string images = dir.file("small-images-idx3-ubyte", idxImages(12, 2, 3));
    const std::string labels = dir.file("small-labels-idx1-ubyte", idxLabels(12));
    expectSmallSet(bp::loadIdx(images, labels), 12, 2, 3);
    const bp::Dataset d = bp::loadDataset(images);  // finds the labels file itself
    expectSmallSet(d, 12, 2, 3);
    EXPECT_EQ(d.source, images);
    EXPECT_EQ(bp::idxLabelsPathFor(images), labels);
}

TEST(DatasetIdx, GzipFilesBeside) {
    TempDir dir;
    const std::string images =
        dir.file("t-images.idx3-ubyte.gz", bp::gzipCompress(idxImages(300, 28, 28)));
    const std::string labels = dir.file("t-labels.idx1-ubyte.gz", bp::gzipCompress(idxLabels(300)));
    EXPECT_EQ(bp::idxLabelsPathFor(images), labels);
    expectSmallSet(bp::loadDataset(images), 300, 28, 28);
    // Mixed: gzip images with plain labels.
    const std::string plainLabels = dir.file("plain-labels", idxLabels(300));
    expectSmallSet(bp::loadIdx(images, plainLabels), 300, 28, 28);
}

TEST(DatasetIdx, MaxRowsAndProgress) {
    TempDir dir;
    const std::string images = dir.file("a-images-idx3-ubyte", idxImages(3000, 28, 28));
    const std::string labels = dir.file("a-labels-idx1-ubyte", idxLabels(3000));
    bp::LoadOptions o;
    o.maxRows = 5;
    const bp::Dataset d = bp::loadIdx(images, labels, o);
    EXPECT_EQ(d.rows(), 5u);
    EXPECT_EQ(d.pixels.size(), 5u * 784);
    int calls = 0;
    std::uint64_t last = 0, total = 0;
    bp::LoadOptions p;
    p.progress = [&](std::uint64_t done, std::uint64_t all) {
        ++calls;
        EXPECT_GE(done, last);
        last = done;
        total = all;
        return true;
    };
    EXPECT_EQ(bp::loadIdx(images, labels, p).rows(), 3000u);
    EXPECT_GE(calls, 2);
    EXPECT_LE(calls, 110);
    EXPECT_EQ(total, fs::file_size(images) + fs::file_size(labels));
    EXPECT_EQ(last, total);
    p.progress = [](std::uint64_t, std::uint64_t) { return false; };
    EXPECT_THROW(bp::loadIdx(images, labels, p), bp::LoadCancelled);
}

TEST(DatasetIdx, SaveThenLoadRoundTrip) {
    TempDir dir;
    const std::string images = dir.file("in-images-idx3-ubyte", idxImages(40, 4, 4));
    const std::string labels = dir.file("in-labels-idx1-ubyte", idxLabels(40));
    const bp::Dataset d = bp::loadIdx(images, labels);
    for (const std::string ext : {"", ".gz"}) {
        const std::string oi = (dir.path / ("out-images-idx3-ubyte" + ext)).string();
        const std::string ol = (dir.path / ("out-labels-idx1-ubyte" + ext)).string();
        bp::saveIdx(d, oi, ol);
        const bp::Dataset back = bp::loadDataset(oi);
        EXPECT_EQ(back.pixels, d.pixels);
        EXPECT_EQ(back.labels, d.labels);
        EXPECT_EQ(back.width, 4);
    }
    // The plain file is byte for byte what was read.
    std::ifstream in(dir.path / "out-images-idx3-ubyte", std::ios::binary);
    const std::string written((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    EXPECT_EQ(written, idxImages(40, 4, 4));
    // A width that is not an image (5 values) goes through as 1 × 5.
    const bp::Dataset odd = bp::parseCsv("1,2,3,4,5,6\n7,8,9,10,11,12\n", "odd.csv");
    bp::saveIdx(odd, (dir.path / "o-images").string(), (dir.path / "o-labels").string());
    const bp::Dataset oddBack =
        bp::loadIdx((dir.path / "o-images").string(), (dir.path / "o-labels").string());
    EXPECT_EQ(oddBack.inputs, 5);
    EXPECT_EQ(oddBack.width, 0);
    EXPECT_EQ(oddBack.pixels, odd.pixels);
    EXPECT_EQ(oddBack.labels, odd.labels);
}

TEST(DatasetIdx, HeaderFaults) {
    TempDir dir;
    const std::string labels = dir.file("l", idxLabels(12));
    const std::string images = dir.file("i", idxImages(12, 2, 3));
    EXPECT_EQ(idxError(labels, labels),
              labels + ": is not an IDX images file (1 dimensions, expected 3)");
    EXPECT_EQ(idxError(images, images),
              images + ": is not an IDX labels file (3 dimensions, expected 1)");
    const std::string floats =
        dir.file("f", be32(0x00000d03) + be32(1) + be32(1) + be32(1) + "abcd");
    EXPECT_EQ(idxError(floats, labels),
              floats + ": holds IDX data of type 13; only unsigned bytes (type 8) are read");
    const std::string text = dir.file("t", "5,0,0,0\n");
    EXPECT_EQ(idxError(text, labels), text + ": is not an IDX file (no 00 00 magic)");
    const std::string tiny = dir.file("tiny", std::string("\0\0", 2));
    EXPECT_EQ(idxError(tiny, labels), tiny + ": too short for an IDX file (2 bytes)");
    const std::string shortHeader = dir.file("sh", be32(0x803) + be32(1));
    EXPECT_EQ(idxError(shortHeader, labels), shortHeader + ": the IDX header is truncated");
    const std::string zeroSize = dir.file("z", be32(0x803) + be32(1) + be32(0) + be32(28));
    EXPECT_EQ(idxError(zeroSize, labels), zeroSize + ": an image size of 0×28 is not supported");
    // An image is a network's input layer: more than 1,000,000 pixels cannot be trained on, and
    // is refused by the loader naming the file and the limit (the studio used to abort on it).
    const std::string large = dir.file("large", be32(0x803) + be32(1) + be32(1001) + be32(1000));
    EXPECT_EQ(idxError(large, labels),
              large +
                  ": images of 1001×1000 = 1001000 pixels are too large: at most 1,000,000 "
                  "inputs a sample are supported (the largest layer a network may have)");
    dir.file("large-labels-idx1-ubyte", idxLabels(1));
    EXPECT_EQ(loadError(dir.file("large-images-idx3-ubyte",
                                 be32(0x803) + be32(1) + be32(1000) + be32(1001))),
              dir / "large-images-idx3-ubyte" +
                  ": images of 1000×1001 = 1001000 pixels are too large: at most 1,000,000 "
                  "inputs a sample are supported (the largest layer a network may have)");
}

TEST(DatasetIdx, CountsAndLengths) {
    TempDir dir;
    const std::string images = dir.file("i", idxImages(12, 2, 3));
    const std::string labels11 = dir.file("l11", idxLabels(11));
    EXPECT_EQ(idxError(images, labels11),
              labels11 + ": holds 11 labels, but " + images + " holds 12 images");
    const std::string labels = dir.file("l", idxLabels(12));
    // Truncated plain images file: checked against the header before reading.
    const std::string cut = dir.file("cut", idxImages(12, 2, 3).substr(0, 16 + 70));
    EXPECT_EQ(idxError(cut, labels), cut +
                                         ": the IDX file is truncated: 86 bytes, but its header "
                                         "announces 12 images of 2×3 (88 bytes)");
    // A header announcing four billion images in a small file allocates nothing.
    const std::string huge =
        dir.file("huge", be32(0x803) + be32(0xffffffffu) + be32(28) + be32(28));
    const std::string hugeLabels = dir.file("hl", be32(0x801) + be32(0xffffffffu));
    EXPECT_EQ(idxError(huge, hugeLabels).find(huge + ": the IDX file is truncated: 16 bytes"), 0u);
    const std::string hugeGz = dir.file(
        "huge.gz", bp::gzipCompress(be32(0x803) + be32(1000000) + be32(28) + be32(28) + "abc"));
    const std::string hugeLabelsGz =
        dir.file("hl.gz", bp::gzipCompress(be32(0x801) + be32(1000000)));
    EXPECT_EQ(idxError(hugeGz, hugeLabelsGz),
              hugeGz +
                  ": the IDX file is truncated: its header announces 784000000 bytes of "
                  "data, the file holds 3");
    // Compressed, a header announcing more than the memory there is is refused before reading.
    const std::string bombGz = dir.file(
        "bomb.gz", bp::gzipCompress(be32(0x803) + be32(0xffffffffu) + be32(28) + be32(28)));
    const std::string bombLabelsGz =
        dir.file("bl.gz", bp::gzipCompress(be32(0x801) + be32(0xffffffffu)));
    EXPECT_EQ(idxError(bombGz, bombLabelsGz)
                  .rfind(bombGz + ": its header announces 4294967295 images of 28×28 (3.4 TB): "
                                  "more than this computer can hold (",
                         0),
              0u)
        << idxError(bombGz, bombLabelsGz);
    // Truncated labels, and data after the announced items.
    const std::string cutLabels = dir.file("cl", idxLabels(12).substr(0, 15));
    EXPECT_EQ(
        idxError(images, cutLabels),
        cutLabels + ": the IDX file is truncated: 15 bytes, but its header announces 12 labels");
    const std::string longer = dir.file("long", idxImages(12, 2, 3) + "x");
    EXPECT_EQ(idxError(longer, labels),
              longer + ": has data after the 12 images its header announces");
    const std::string longerGz = dir.file("long.gz", bp::gzipCompress(idxLabels(12) + "yy"));
    EXPECT_EQ(idxError(images, longerGz),
              longerGz + ": has data after the 12 labels its header announces");
    // Truncated gzip inside.
    const std::string gz = bp::gzipCompress(idxImages(12, 2, 3));
    const std::string cutGz = dir.file("cut.gz", gz.substr(0, gz.size() - 10));
    EXPECT_EQ(idxError(cutGz, labels).find(cutGz + ": the gzip data is truncated"), 0u);
}

TEST(DatasetIdx, LabelOutOfRangeAndEmpty) {
    TempDir dir;
    const std::string images = dir.file("i", idxImages(3, 2, 2));
    const std::string labels =
        dir.file("l", be32(0x801) + be32(3) + std::string("\x01\x0c\x02", 3));
    EXPECT_EQ(idxError(images, labels), labels + ": label 12 of item 2 is outside 0–9");
    const std::string none = dir.file("n", idxImages(0, 2, 2));
    const std::string noLabels = dir.file("nl", idxLabels(0));
    EXPECT_EQ(idxError(none, noLabels), none + ": no samples (the IDX file holds 0 images)");
}

TEST(DatasetIdx, LoadDatasetOnLabelsOrLonelyImages) {
    TempDir dir;
    const std::string labels = dir.file("x-labels-idx1-ubyte", idxLabels(3));
    EXPECT_EQ(loadError(labels),
              labels + ": is an IDX labels file: open the images file (…-idx3-ubyte) instead");
    const std::string lonely = dir.file("lonely-images-idx3-ubyte", idxImages(3, 2, 2));
    EXPECT_EQ(loadError(lonely), lonely +
                                     ": is an IDX images file, but no labels file was found beside "
                                     "it (expected the same name with images→labels, idx3→idx1)");
    const std::string anon = dir.file("digits.bin", idxImages(3, 2, 2));
    EXPECT_EQ(bp::idxLabelsPathFor(anon), "");
}

TEST(DatasetIdx, RealMnistTestFiles) {
    const std::string images = std::string(BP_SHARED_DIR) + "/data/idx/t10k-images-idx3-ubyte.gz";
    if (!fs::exists(images)) GTEST_SKIP() << images << " is not here";
    const bp::Dataset d = bp::loadDataset(images);
    ASSERT_EQ(d.rows(), 10000u);
    EXPECT_EQ(d.inputs, 784);
    EXPECT_EQ(d.width, 28);
    EXPECT_EQ(d.label(0), 7);
    EXPECT_EQ(d.labelCounts(),
              (std::vector<std::size_t>{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}));
}
