// DatasetCsvTest.cpp — the CSV loader on every accepted form: the book's files, Kaggle-style
// (header, CRLF, BOM), no final newline, blank lines, any width, gzip; progress, cancellation,
// maxRows, save → load round trips, and the Dataset helpers.
#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "TestFiles.h"
#include "backprop/DatasetIO.h"
#include "backprop/Gzip.h"

namespace fs = std::filesystem;

namespace {

// A fresh folder for one test's files, removed afterwards.
struct TempDir : testfiles::TempDir {
    TempDir() : testfiles::TempDir("bp_csv") {}
};

// Random samples and the book-format text that holds them.
struct Sample {
    bp::Dataset d;
    std::string text;
};

Sample randomSample(std::size_t rows, int inputs, unsigned seed) {
    std::mt19937 rng(seed);
    Sample s;
    s.d.inputs = inputs;
    for (std::size_t r = 0; r < rows; ++r) {
        const auto label = static_cast<std::uint8_t>(rng() % 10);
        s.d.labels.push_back(label);
        s.text += std::to_string(label);
        for (int k = 0; k < inputs; ++k) {
            // Mostly 0 as in MNIST, else one to three digits.
            const auto v = static_cast<std::uint8_t>(rng() % 3 == 0 ? rng() % 256 : 0);
            s.d.pixels.push_back(v);
            s.text += ',';
            s.text += std::to_string(v);
        }
        s.text += '\n';
    }
    return s;
}

void expectSame(const bp::Dataset& a, const bp::Dataset& b) {
    EXPECT_EQ(a.inputs, b.inputs);
    EXPECT_EQ(a.rows(), b.rows());
    EXPECT_TRUE(a.labels == b.labels);
    EXPECT_TRUE(a.pixels == b.pixels);
}

std::string resource(const std::string& name) {
    return std::string(BP_SOURCE_DIR) + "/resources/data/" + name;
}

}  // namespace

TEST(DatasetCsv, BookFormat) {
    const bp::Dataset d = bp::parseCsv("5,0,255,3\n0,1,2,30\n", "book.csv");
    EXPECT_EQ(d.source, "book.csv");
    ASSERT_EQ(d.rows(), 2u);
    EXPECT_EQ(d.inputs, 3);
    EXPECT_EQ(d.label(0), 5);
    EXPECT_EQ(d.label(1), 0);
    EXPECT_EQ(d.pixels, (std::vector<std::uint8_t>{0, 255, 3, 1, 2, 30}));
    EXPECT_EQ(d.width, 0);  // 3 is not a square
    EXPECT_FALSE(d.isImage());
}

TEST(DatasetCsv, KaggleHeaderCrlfAndBom) {
    const std::string text =
        "\xEF\xBB\xBFlabel,pixel0,pixel1,pixel2,pixel3\r\n1,0,0,0,255\r\n9,10,20,30,40\r\n";
    const bp::Dataset d = bp::parseCsv(text, "kaggle.csv");
    ASSERT_EQ(d.rows(), 2u);
    EXPECT_EQ(d.inputs, 4);
    EXPECT_EQ(d.width, 2);
    EXPECT_EQ(d.height, 2);
    EXPECT_EQ(d.label(1), 9);
    EXPECT_EQ(d.pixels, (std::vector<std::uint8_t>{0, 0, 0, 255, 10, 20, 30, 40}));
}

TEST(DatasetCsv, OtherHeaderStyles) {
    // oddrationale's Kaggle MNIST CSV names the pixels 1x1 … 28x28; pandas writes numbers.
    const bp::Dataset a = bp::parseCsv("label,1x1,1x2\n3,4,5\n", "a.csv");
    EXPECT_EQ(a.rows(), 1u);
    const bp::Dataset b = bp::parseCsv("\"label\",\"0\",\"1\"\n3,4,5\n", "b.csv");
    EXPECT_EQ(b.rows(), 1u);
    EXPECT_EQ(b.pixels, (std::vector<std::uint8_t>{4, 5}));
}

TEST(DatasetCsv, TrailingNewlineOrNoneAndBlankLines) {
    const bp::Dataset a = bp::parseCsv("1,2,3\n4,5,6", "a.csv");
    const bp::Dataset b = bp::parseCsv("1,2,3\n4,5,6\n\n\r\n  \n\n", "b.csv");
    const bp::Dataset c = bp::parseCsv("\n1,2,3\r\n\r\n4,5,6\r", "c.csv");
    for (const bp::Dataset* d : {&a, &b, &c}) {
        ASSERT_EQ(d->rows(), 2u) << d->source;
        EXPECT_EQ(d->pixels, (std::vector<std::uint8_t>{2, 3, 5, 6})) << d->source;
        EXPECT_EQ(d->labels, (std::vector<std::uint8_t>{1, 4})) << d->source;
    }
}

TEST(DatasetCsv, UnusualButValidNumbers) {
    // Spaces, quotes, leading zeros and integral decimals take the slow path and are accepted.
    const bp::Dataset d = bp::parseCsv(" 7 ,\"12\",007,255.0,1e2,+3, 0\n", "odd.csv");
    ASSERT_EQ(d.rows(), 1u);
    EXPECT_EQ(d.label(0), 7);
    EXPECT_EQ(d.pixels, (std::vector<std::uint8_t>{12, 7, 255, 100, 3, 0}));
}

TEST(DatasetCsv, EightByEightFile) {
    TempDir dir;
    const Sample s = randomSample(50, 64, 11);
    const std::string path = dir.file("digits8x8.csv", s.text);
    const bp::Dataset d = bp::loadCsv(path);
    expectSame(d, s.d);
    EXPECT_EQ(d.width, 8);
    EXPECT_EQ(d.height, 8);
    EXPECT_EQ(d.source, path);
    expectSame(bp::loadDataset(path), s.d);
}

TEST(DatasetCsv, LargerThanOnePieceAndGzip) {
    // ~2.5 MB: lines are carried across the 1 MiB pieces the loader reads.
    TempDir dir;
    const Sample s = randomSample(1500, 784, 5);
    ASSERT_GT(s.text.size(), 2u << 20);
    const std::string plain = dir.file("big.csv", s.text);
    const std::string gz = dir.file("big.csv.gz", bp::gzipCompress(s.text));
    const bp::Dataset a = bp::loadCsv(plain);
    expectSame(a, s.d);
    EXPECT_EQ(a.width, 28);
    expectSame(bp::loadCsv(gz), s.d);
    expectSame(bp::loadDataset(gz), s.d);
    expectSame(bp::parseCsv(s.text, "mem"), s.d);
    expectSame(bp::parseCsv(bp::gzipCompress(s.text), "mem.gz"), s.d);
    // CRLF and no final newline, across pieces too.
    std::string crlf;
    for (char c : s.text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    crlf.resize(crlf.size() - 2);
    expectSame(bp::loadCsv(dir.file("crlf.csv", crlf)), s.d);
}

TEST(DatasetCsv, BookFilesInResources) {
    const bp::Dataset train = bp::loadDataset(resource("mnist_train_100.csv"));
    EXPECT_EQ(train.rows(), 100u);
    EXPECT_EQ(train.inputs, 784);
    EXPECT_EQ(train.label(0), 5);
    const bp::Dataset test = bp::loadDataset(resource("mnist_test_10.csv"));
    EXPECT_EQ(test.rows(), 10u);
    EXPECT_EQ(test.label(0), 7);
    // The gzip subsets (made by gzip: dynamic Huffman blocks) start with the book's files.
    const bp::Dataset train5000 = bp::loadDataset(resource("mnist_train_5000.csv.gz"));
    ASSERT_EQ(train5000.rows(), 5000u);
    EXPECT_TRUE(std::equal(train.pixels.begin(), train.pixels.end(), train5000.pixels.begin()));
    EXPECT_TRUE(std::equal(train.labels.begin(), train.labels.end(), train5000.labels.begin()));
    const bp::Dataset test1000 = bp::loadDataset(resource("mnist_test_1000.csv.gz"));
    ASSERT_EQ(test1000.rows(), 1000u);
    EXPECT_TRUE(std::equal(test.pixels.begin(), test.pixels.end(), test1000.pixels.begin()));
}

TEST(DatasetCsv, MaxRows) {
    bp::LoadOptions o;
    o.maxRows = 3;
    const bp::Dataset d = bp::loadDataset(resource("mnist_train_5000.csv.gz"), o);
    ASSERT_EQ(d.rows(), 3u);
    EXPECT_EQ(d.pixels.size(), 3u * 784);
    const bp::Dataset e = bp::parseCsv("1,2\n3,4\n5,6\n", "m.csv", o);
    EXPECT_EQ(e.rows(), 3u);
    o.maxRows = 2;
    EXPECT_EQ(bp::parseCsv("1,2\n3,4\n5,x\n", "m.csv", o).rows(), 2u);  // row 3 never read
}

TEST(DatasetCsv, ProgressReachesTotalAndIsBounded) {
    TempDir dir;
    const Sample s = randomSample(3000, 784, 8);  // ~5 MB: several pieces
    for (const std::string& path :
         {dir.file("p.csv", s.text), dir.file("p.csv.gz", bp::gzipCompress(s.text))}) {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
        bp::LoadOptions o;
        o.progress = [&](std::uint64_t done, std::uint64_t total) {
            calls.emplace_back(done, total);
            return true;
        };
        const bp::Dataset d = bp::loadDataset(path, o);
        EXPECT_EQ(d.rows(), 3000u);
        ASSERT_GE(calls.size(), 2u) << path;
        EXPECT_LE(calls.size(), 110u) << path;
        const auto size = static_cast<std::uint64_t>(fs::file_size(path));
        for (std::size_t i = 0; i < calls.size(); ++i) {
            EXPECT_EQ(calls[i].second, size);
            if (i > 0) {
                EXPECT_GE(calls[i].first, calls[i - 1].first);
            }
        }
        EXPECT_EQ(calls.back().first, size);
    }
}

TEST(DatasetCsv, CancelThroughProgressOrFlag) {
    TempDir dir;
    const Sample s = randomSample(3000, 784, 9);
    const std::string path = dir.file("c.csv", s.text);
    bp::LoadOptions o;
    int calls = 0;
    o.progress = [&](std::uint64_t, std::uint64_t) { return ++calls < 3; };
    EXPECT_THROW(bp::loadDataset(path, o), bp::LoadCancelled);
    EXPECT_EQ(calls, 3);

    std::atomic<bool> cancel{true};
    bp::LoadOptions f;
    f.cancel = &cancel;
    try {
        bp::loadDataset(path, f);
        FAIL() << "not cancelled";
    } catch (const bp::LoadCancelled& e) {
        EXPECT_EQ(std::string(e.what()), "loading " + path + " was cancelled");
    }
    cancel = false;
    EXPECT_EQ(bp::loadDataset(path, f).rows(), 3000u);
}

TEST(DatasetCsv, SaveThenLoadRoundTrip) {
    TempDir dir;
    const Sample s = randomSample(400, 784, 21);
    for (const std::string name : {"out.csv", "out.csv.gz"}) {
        const std::string path = (dir.path / name).string();
        bp::saveCsv(s.d, path);
        const bp::Dataset back = bp::loadCsv(path);
        expectSame(back, s.d);
        EXPECT_EQ(back.width, 28);
    }
    // The plain file is exactly the book's format.
    std::ifstream in(dir.path / "out.csv", std::ios::binary);
    const std::string written((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
    EXPECT_TRUE(written == s.text);  // (not EXPECT_EQ: 700 KB of text in a failure)
}

TEST(DatasetCsv, SaveToUnwritablePathThrows) {
    bp::Dataset d = bp::parseCsv("1,2\n", "x");
    EXPECT_THROW(bp::saveCsv(d, "/nonexistent-folder/x.csv"), std::runtime_error);
}

TEST(DatasetCsv, MnistTestCsvEqualsIdx) {
    const std::string shared = std::string(BP_SHARED_DIR) + "/data/";
    if (!fs::exists(shared + "mnist_test.csv.gz") ||
        !fs::exists(shared + "idx/t10k-images-idx3-ubyte.gz"))
        GTEST_SKIP() << "full MNIST is not in " << shared;
    const bp::Dataset csv = bp::loadDataset(shared + "mnist_test.csv.gz");
    const bp::Dataset idx = bp::loadDataset(shared + "idx/t10k-images-idx3-ubyte.gz");
    ASSERT_EQ(csv.rows(), 10000u);
    expectSame(csv, idx);
    EXPECT_EQ(idx.width, 28);
    EXPECT_EQ(idx.height, 28);
}

TEST(DatasetHelpers, ScalingAndCounts) {
    EXPECT_DOUBLE_EQ(bp::scaleInput(0), 0.01);
    EXPECT_DOUBLE_EQ(bp::scaleInput(255), 1.0);
    EXPECT_EQ(bp::scaleInput(128), 128 / 255.0 * 0.99 + 0.01);
    const bp::Dataset d = bp::parseCsv("3,0,255,51,128\n1,1,2,3,4\n3,9,9,9,9\n", "h.csv");
    const bp::Vector v = d.input(0);
    ASSERT_EQ(v.size(), 4);
    EXPECT_DOUBLE_EQ(v[0], 0.01);
    EXPECT_DOUBLE_EQ(v[1], 1.0);
    EXPECT_DOUBLE_EQ(v[2], 51 / 255.0 * 0.99 + 0.01);
    bp::Vector out(4);
    d.input(1, out);
    EXPECT_EQ(out[3], bp::scaleInput(4));
    EXPECT_EQ(d.maxLabel(), 3);
    EXPECT_EQ(d.labelCounts(), (std::vector<std::size_t>{0, 1, 0, 2}));
    EXPECT_EQ(d.row(2)[0], 9);
    bp::Dataset e;
    e.inputs = 784;
    bp::guessImageShape(e);
    EXPECT_EQ(e.width, 28);
    e.inputs = 785;
    bp::guessImageShape(e);
    EXPECT_EQ(e.width, 0);
    EXPECT_EQ(e.maxLabel(), -1);
    EXPECT_TRUE(e.labelCounts().empty());
}

// Old Mac files end lines with a lone CR: they load as if each CR were a LF.
TEST(DatasetCsv, CarriageReturnOnlyLineEnds) {
    const std::string lf = "label,a,b\n1,2,3\n4,5,6\n7,8,9\n";
    std::string cr = lf;
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    const bp::Dataset a = bp::parseCsv(lf, "lf.csv");
    const bp::Dataset b = bp::parseCsv(cr, "cr.csv");
    expectSame(a, b);
    EXPECT_EQ(b.rows(), 3u);
    expectSame(a, bp::parseCsv(bp::gzipCompress(cr), "cr.csv.gz"));
    // Longer than one 1 MiB piece: the later pieces are read the same way.
    const Sample big = randomSample(3000, 784, 3);
    std::string bigCr = big.text;
    std::replace(bigCr.begin(), bigCr.end(), '\n', '\r');
    expectSame(big.d, bp::parseCsv(bigCr, "big.csv"));
    // A bad value on a CR-only line is reported at its line.
    std::string bad = cr + "1,x,3\r";
    try {
        bp::parseCsv(bad, "cr.csv");
        FAIL() << "a bad value loaded";
    } catch (const bp::DataError& e) {
        EXPECT_STREQ(e.what(), "cr.csv:5:2: 'x' is not a number (pixel 1)");
    }
}
