// DatasetErrorsTest.cpp — every kind of bad CSV input gives a DataError whose one-line message
// names the file, the line, the field and what was wrong (never a crash, never a partial set).
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
    TempDir() : testfiles::TempDir("bp_err") {}
};

// The DataError parseCsv throws for text ("" if none), after checking its fields agree.
std::string csvError(const std::string& text, const std::string& name = "t.csv",
                     const bp::LoadOptions& o = {}) {
    try {
        bp::parseCsv(text, name, o);
    } catch (const bp::DataError& e) {
        EXPECT_EQ(e.file, name);
        std::string where = e.file;
        if (e.line > 0) where += ":" + std::to_string(e.line);
        if (e.line > 0 && e.field > 0) where += ":" + std::to_string(e.field);
        EXPECT_EQ(std::string(e.what()), where + ": " + e.message);
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

// n lines of "1,0,0,0,0" (label and four pixels).
std::string goodLines(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "1,0,0,0,0\n";
    return s;
}

}  // namespace

TEST(DatasetErrors, TheExampleOfTheApi) {
    EXPECT_EQ(csvError(goodLines(16) + "2,0,0,x3,0\n", "train.csv"),
              "train.csv:17:4: 'x3' is not a number (pixel 3)");
    EXPECT_EQ(csvError(goodLines(16) + "2,0,0,0,x3\n", "train.csv"),
              "train.csv:17:5: 'x3' is not a number (pixel 4)");
}

TEST(DatasetErrors, WrongFieldCount) {
    EXPECT_EQ(csvError(goodLines(4) + "1,0,0,0\n" + goodLines(1)),
              "t.csv:5: line 5 has 4 values, expected 5 like line 1");
    EXPECT_EQ(csvError(goodLines(2) + "1,0,0,0,0,7\n"),
              "t.csv:3: line 3 has 6 values, expected 5 like line 1");
    EXPECT_EQ(csvError(goodLines(2) + "1\n"),
              "t.csv:3: line 3 has 1 value, expected 5 like line 1");
    // A trailing comma is one more (empty) value.
    EXPECT_EQ(csvError(goodLines(2) + "1,0,0,0,0,\n"),
              "t.csv:3: line 3 has 6 values, expected 5 like line 1");
    // With a header the first data row is line 2; CRLF does not change the count.
    EXPECT_EQ(csvError("label,a,b\r\n1,2,3\r\n4,5\r\n"),
              "t.csv:3: line 3 has 2 values, expected 3 like line 2");
    EXPECT_EQ(csvError("label,a,b,c\n1,2,3\n"),
              "t.csv:2: line 2 has 3 values, but the header (line 1) has 4");
    EXPECT_EQ(csvError("5\n"),
              "t.csv:1: line 1 has only one value; expected a label and then the inputs");
}

TEST(DatasetErrors, LastRowCutShort) {
    // A file ending mid-line is fine when the last row is whole, an error when it is not.
    EXPECT_EQ(bp::parseCsv(goodLines(2) + "3,0,0,0,9", "t.csv").rows(), 3u);
    EXPECT_EQ(csvError(goodLines(2) + "3,0,0"),
              "t.csv:3: line 3 has 3 values, expected 5 like line 1");
    EXPECT_EQ(csvError(goodLines(2) + "3,0,0,0,"), "t.csv:3:5: empty value (pixel 4)");
}

TEST(DatasetErrors, NotANumberNotAnIntegerEmpty) {
    EXPECT_EQ(csvError("1,2,abc\n"), "t.csv:1:3: 'abc' is not a number (pixel 2)");
    EXPECT_EQ(csvError("1,2,3\n1,2.5,3\n"), "t.csv:2:2: '2.5' is not an integer (pixel 1)");
    EXPECT_EQ(csvError("1.5,2,3\n"), "t.csv:1:1: '1.5' is not an integer (label)");
    EXPECT_EQ(csvError("1,,3\n"), "t.csv:1:2: empty value (pixel 1)");
    EXPECT_EQ(csvError("1,2,3\n1,2,\"\"\n"), "t.csv:2:3: empty value (pixel 2)");
    EXPECT_EQ(csvError("1,2,3\nx5,0,0\n"), "t.csv:2:1: 'x5' is not a number (label)");
    EXPECT_EQ(csvError("1,2,1e999\n"), "t.csv:1:3: '1e999' is not an integer (pixel 2)");
    EXPECT_EQ(csvError("1,2,nan\n"), "t.csv:1:3: 'nan' is not a number (pixel 2)");
    EXPECT_EQ(csvError("1,2,3\n2,3,0x10\n"), "t.csv:2:3: '0x10' is not a number (pixel 2)");
    // A long field is cut in the message.
    EXPECT_EQ(csvError("1,2," + std::string(40, 'z') + "\n"),
              "t.csv:1:3: 'zzzzzzzzzzzzzzzzzzzzzzzz…' is not a number (pixel 2)");
}

TEST(DatasetErrors, LabelOutOfRange) {
    EXPECT_EQ(csvError("1,2,3\n10,2,3\n"), "t.csv:2:1: label 10 is outside 0–9");
    EXPECT_EQ(csvError("-1,2,3\n"), "t.csv:1:1: label -1 is outside 0–9");
    bp::LoadOptions binary;
    binary.maxLabel = 1;
    EXPECT_EQ(csvError("0,2,3\n1,2,3\n2,2,3\n", "t.csv", binary),
              "t.csv:3:1: label 2 is outside 0–1");
}

TEST(DatasetErrors, PixelOutOfRange) {
    EXPECT_EQ(csvError("1,2,3\n1,2,256\n"), "t.csv:2:3: 256 is outside 0–255 (pixel 2)");
    EXPECT_EQ(csvError("1,-3,3\n"), "t.csv:1:2: -3 is outside 0–255 (pixel 1)");
    EXPECT_EQ(csvError("1,1000,3\n"), "t.csv:1:2: 1000 is outside 0–255 (pixel 1)");
}

TEST(DatasetErrors, NoSamples) {
    EXPECT_EQ(csvError(""), "t.csv: no samples (the file is empty)");
    EXPECT_EQ(csvError("\n\r\n  \n"), "t.csv: no samples (the file holds only blank lines)");
    EXPECT_EQ(csvError("label,pixel0,pixel1\r\n"),
              "t.csv: no samples (a header on line 1 and no data rows)");
    EXPECT_EQ(csvError("\xEF\xBB\xBF"), "t.csv: no samples (the file is empty)");
}

TEST(DatasetErrors, OtherSeparators) {
    EXPECT_EQ(
        csvError("5;0;0;12\n"),
        "t.csv:1: values are separated by ';', not commas: not a CSV file this program reads");
    EXPECT_EQ(csvError("5\t0\t0\n"),
              "t.csv:1: values are separated by tabs, not commas: not a CSV file this program "
              "reads");
    EXPECT_EQ(
        csvError("label;a;b\n5;0;0\n"),
        "t.csv:1: values are separated by ';', not commas: not a CSV file this program reads");
}

TEST(DatasetErrors, KaggleTestFileWithoutLabels) {
    EXPECT_EQ(csvError("pixel0,pixel1,pixel2\n0,0,0\n"),
              "t.csv:1:1: the first column is 'pixel0', not a label: this file has no labels");
}

TEST(DatasetErrors, BinaryFiles) {
    TempDir dir;
    const std::string png =
        dir.file("digit.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x1c\0\0\0\x1c", 24));
    EXPECT_EQ(loadError(png), png + ": is a PNG image, not a CSV file");
    EXPECT_EQ(csvError(std::string("PK\x03\x04\x14\0\0\0", 8)),
              "t.csv: is a ZIP archive (unpack it first), not a CSV file");
    EXPECT_EQ(csvError(std::string("\x7f"
                                   "ELF\x02\x01\x01\0",
                                   8)),
              "t.csv: is a program (ELF), not a CSV file");
    // NUL bytes near the start: binary data.
    EXPECT_EQ(csvError(std::string("1,2,3\n4,\0\0\x01", 11)),
              "t.csv:2: NUL byte at byte 8: binary data, not a CSV file");
    // A NUL byte far into the file is reported where it is.
    const std::string text = goodLines(1000) + std::string("1,0,0,\0,0\n", 10);
    EXPECT_EQ(csvError(text), "t.csv:1001:4: NUL byte: binary data, not a CSV file");
    // Garbage bytes without NUL: the first field is not a number.
    EXPECT_EQ(csvError("\x01\x02\x03\xff\xfe,1,2\n1,2,3\n"),
              "t.csv:1:1: '\\x01\\x02\\x03\\xff\\xfe' is not a number (label)");
}

TEST(DatasetErrors, IdxFileGivenAsCsv) {
    TempDir dir;
    const std::string idx =
        dir.file("x.csv", std::string("\0\0\x08\x03\0\0\0\0\0\0\0\x1c\0\0\0\x1c", 16));
    try {
        bp::loadCsv(idx);
        FAIL();
    } catch (const bp::DataError& e) {
        EXPECT_EQ(std::string(e.what()), idx + ": is an IDX file, not a CSV file");
    }
}

TEST(DatasetErrors, TruncatedAndCorruptGzip) {
    TempDir dir;
    std::string text;
    for (int i = 0; i < 300; ++i) text += goodLines(1);
    text += "7,1,2,3,4\n";
    const std::string gz = bp::gzipCompress(text);
    const std::string cut = dir.file("cut.csv.gz", gz.substr(0, gz.size() / 2));
    EXPECT_EQ(loadError(cut),
              cut +
                  ": the gzip data is truncated (the file ends in the middle of the "
                  "compressed stream)");
    const std::string noTrailer = dir.file("notrailer.csv.gz", gz.substr(0, gz.size() - 4));
    EXPECT_EQ(loadError(noTrailer).find(noTrailer + ": the gzip data is truncated"), 0u);
    std::string bad = gz;
    bad[bad.size() - 8] = static_cast<char>(bad[bad.size() - 8] ^ 0x40);  // the CRC
    const std::string crc = dir.file("crc.csv.gz", bad);
    EXPECT_EQ(loadError(crc), crc + ": the gzip data is corrupt (CRC-32 mismatch)");
    // Bad CSV inside good gzip is reported with its line like plain text.
    const std::string inner = dir.file("inner.csv.gz", bp::gzipCompress("1,2\n3,x\n"));
    EXPECT_EQ(loadError(inner), inner + ":2:2: 'x' is not a number (pixel 1)");
}

TEST(DatasetErrors, MissingFileAndFolder) {
    TempDir dir;
    const std::string missing = (dir.path / "nope.csv").string();
    EXPECT_EQ(loadError(missing), missing + ": cannot open data file (No such file or directory)");
    EXPECT_EQ(loadError(dir.path.string()), dir.path.string() + ": is a folder, not a data file");
}

// Files that are text of another kind, named as what they are rather than "NUL byte".
TEST(DatasetErrors, Utf16AndDoubleGzipAndOurOwnFilesAreNamed) {
    const std::string utf16 =
        "t.csv: is UTF-16 text, not a CSV file this program reads (save it as UTF-8 or plain "
        "ASCII and open it again)";
    // "5,0\n" in UTF-16: little-endian with and without a byte-order mark, big-endian.
    EXPECT_EQ(csvError(std::string("\xff\xfe"
                                   "5\0,\0"
                                   "0\0\n\0",
                                   10)),
              utf16);
    EXPECT_EQ(csvError(std::string("5\0,\0"
                                   "0\0\n\0",
                                   8)),
              utf16);
    EXPECT_EQ(csvError(std::string("\xfe\xff\0"
                                   "5\0,\0"
                                   "0\0\n",
                                   10)),
              utf16);
    EXPECT_EQ(csvError(std::string("\0"
                                   "5\0,\0"
                                   "0\0\n",
                                   8)),
              utf16);
    // A .gz inside a .gz: said so, from memory and from a file.
    const std::string twice = bp::gzipCompress(bp::gzipCompress(goodLines(3)));
    const std::string gzTwice =
        "is gzip-compressed twice (a .gz inside a .gz): decompress it once with gunzip and open "
        "the result";
    EXPECT_EQ(csvError(twice), "t.csv: " + gzTwice);
    TempDir dir;
    const std::string path = dir.file("twice.csv.gz", twice);
    EXPECT_EQ(loadError(path), path + ": " + gzTwice);
    // A model or a session given where data is expected.
    EXPECT_EQ(csvError("BPSMODEL 1\nlayers 2,2\n"),
              "t.csv: is a Backprop Studio model file (open it as a model), not a CSV file");
    EXPECT_EQ(csvError("BPSESSION 1\nmodel 0 bpm\n"),
              "t.csv: is a Backprop Studio session (open it as a session), not a CSV file");
}
