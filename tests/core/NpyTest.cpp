// NpyTest.cpp — .npy round trips, the exact bytes numpy would write, foreign layouts (Fortran
// order, float32, 1-D, format 2.0/3.0 headers), clear errors, and the per-network export/import
// with the book's file names; plus a check against real numpy when python3-numpy is installed.
#include <gtest/gtest.h>

#include <unistd.h>

#include <bit>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "TestFiles.h"
#include "backprop/Npy.h"
#include "backprop/Random.h"

using namespace bp;
namespace fs = std::filesystem;

namespace {

struct NpyTempDir : testfiles::TempDir {
    NpyTempDir() : testfiles::TempDir("bp_npy") {}
};

Matrix randomMatrix(int rows, int cols, std::uint64_t seed) {
    Rng rng(seed);
    Matrix m(rows, cols);
    for (int j = 0; j < cols; ++j)
        for (int i = 0; i < rows; ++i) m(i, j) = rng.normal(0.0, 1.0);
    return m;
}

bool sameBits(const Matrix& a, const Matrix& b) {
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) ==
               0;
}

std::vector<char> fileBytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

void append(std::vector<char>& out, const void* p, std::size_t n) {
    out.insert(out.end(), static_cast<const char*>(p), static_cast<const char*>(p) + n);
}

// A .npy file built by hand: any version, header text and payload.
std::vector<char> handMade(int major, const std::string& dict, const std::vector<char>& payload) {
    std::vector<char> out = {'\x93', 'N', 'U', 'M', 'P', 'Y', static_cast<char>(major), 0};
    std::string header = dict;
    const std::size_t lenBytes = major == 1 ? 2 : 4;
    while ((8 + lenBytes + header.size() + 1) % 64 != 0) header.push_back(' ');
    header.push_back('\n');
    for (std::size_t i = 0; i < lenBytes; ++i)
        out.push_back(static_cast<char>((header.size() >> (8 * i)) & 0xFF));
    append(out, header.data(), header.size());
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

// The values 1 … 6 as a 2×3 matrix [[1,2,3],[4,5,6]] in the given storage order and type.
std::vector<char> payload123456(bool fortran, bool f4) {
    const double c[] = {1, 2, 3, 4, 5, 6}, f[] = {1, 4, 2, 5, 3, 6};
    std::vector<char> out;
    for (double v : fortran ? f : c) {
        if (f4) {
            const float x = static_cast<float>(v);
            append(out, &x, 4);
        } else {
            append(out, &v, 8);
        }
    }
    return out;
}

Matrix expected123456() {
    Matrix m(2, 3);
    m << 1, 2, 3, 4, 5, 6;
    return m;
}

std::string errorOf(const std::vector<char>& bytes) {
    try {
        parseNpy(bytes, "w.npy");
    } catch (const NpyError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(Npy, RoundTripIsBitExact) {
    NpyTempDir dir;
    const Matrix m = randomMatrix(7, 5, 3);
    writeNpy(dir / "m.npy", m);
    EXPECT_TRUE(sameBits(readNpy(dir / "m.npy"), m));
}

TEST(Npy, WritesWhatNumpySaveWrites) {
    NpyTempDir dir;
    writeNpy(dir / "m.npy", expected123456());
    const std::vector<char> b = fileBytes(dir / "m.npy");
    // numpy 1.24's numpy.save(f, numpy.array([[1.,2.,3.],[4.,5.,6.]])): 176 bytes = 128 + 6·8
    ASSERT_EQ(b.size(), 176u);
    EXPECT_EQ(std::string(b.begin(), b.begin() + 10), std::string("\x93NUMPY\x01\x00\x76\x00", 10));
    const std::string header(b.begin() + 10, b.begin() + 128);
    EXPECT_EQ(header.find_first_not_of(' ', 59), header.size() - 1);
    EXPECT_EQ(header.substr(0, 59), "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");
    EXPECT_EQ(header.back(), '\n');
    double second = 0;
    std::memcpy(&second, b.data() + 136, 8);  // C order: the second value is m(0, 1)
    EXPECT_EQ(second, 2.0);
}

TEST(Npy, ReadsFortranOrderFloat32AndNewerHeaders) {
    const std::string c = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
    const std::string f = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }";
    const std::string c4 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    const std::string f4 = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }";
    EXPECT_TRUE(
        sameBits(parseNpy(handMade(1, c, payload123456(false, false)), "c"), expected123456()));
    EXPECT_TRUE(
        sameBits(parseNpy(handMade(1, f, payload123456(true, false)), "f"), expected123456()));
    EXPECT_TRUE(
        sameBits(parseNpy(handMade(1, c4, payload123456(false, true)), "c4"), expected123456()));
    EXPECT_TRUE(
        sameBits(parseNpy(handMade(1, f4, payload123456(true, true)), "f4"), expected123456()));
    EXPECT_TRUE(
        sameBits(parseNpy(handMade(2, c, payload123456(false, false)), "v2"), expected123456()));
    EXPECT_TRUE(
        sameBits(parseNpy(handMade(3, f, payload123456(true, false)), "v3"), expected123456()));
    // Key order and quoting as other writers produce them.
    const std::string odd = "{\"shape\": (2, 3), \"fortran_order\": False, \"descr\": \"<f8\"}";
    EXPECT_TRUE(
        sameBits(parseNpy(handMade(1, odd, payload123456(false, false)), "odd"), expected123456()));
    // float32 values keep their float32 value exactly.
    const float third = 0.1f;
    std::vector<char> p;
    append(p, &third, 4);
    const Matrix one =
        parseNpy(handMade(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", p), "x");
    ASSERT_EQ(one.rows(), 1);
    ASSERT_EQ(one.cols(), 1);
    EXPECT_EQ(one(0, 0), static_cast<double>(0.1f));
}

TEST(Npy, ClearErrors) {
    const auto dict = [](const std::string& descr, const std::string& shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    };
    EXPECT_EQ(errorOf({'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0}),
              "w.npy: not a NumPy .npy file (no \\x93NUMPY signature)");
    EXPECT_EQ(errorOf(handMade(1, dict(">f8", "(2, 3)"), payload123456(false, false))),
              "w.npy: unsupported .npy data type '>f8' (this program reads little-endian float64 "
              "'<f8' and float32 '<f4')");
    EXPECT_EQ(errorOf(handMade(1, dict("<i8", "(2, 3)"), payload123456(false, false))),
              "w.npy: unsupported .npy data type '<i8' (this program reads little-endian float64 "
              "'<f8' and float32 '<f4')");
    EXPECT_EQ(errorOf(handMade(1, dict("<f8", "(2, 3, 4)"), {})),
              "w.npy: .npy array has 3 dimensions; a weight matrix needs 1 or 2");
    EXPECT_EQ(errorOf(handMade(1, dict("<f8", "()"), {})),
              "w.npy: .npy array has 0 dimensions; a weight matrix needs 1 or 2");
    std::vector<char> shortPayload = payload123456(false, false);
    shortPayload.resize(40);
    EXPECT_EQ(errorOf(handMade(1, dict("<f8", "(2, 3)"), shortPayload)),
              "w.npy: .npy file is truncated (shape (2, 3) needs 48 bytes of data, found 40)");
    std::vector<char> cut = handMade(1, dict("<f8", "(2, 3)"), {});
    cut.resize(30);
    EXPECT_EQ(errorOf(cut), "w.npy: .npy file is truncated in its header");
    std::vector<char> v9 = handMade(1, dict("<f8", "(2, 3)"), payload123456(false, false));
    v9[6] = 9;
    EXPECT_EQ(errorOf(v9),
              "w.npy: unsupported .npy format version 9.0 (this program reads 1.0, 2.0 and 3.0)");
    EXPECT_EQ(errorOf(handMade(1, dict("<f8", "(1099511627775, 1099511627775)"), {})),
              "w.npy: .npy shape is implausibly large for a weight matrix");
    EXPECT_EQ(errorOf(handMade(1, "{'descr': '<f8', 'shape': (2, 3)}", {})),
              "w.npy: .npy header has no 'fortran_order' entry");
    try {
        readNpy("/nonexistent/wih.npy");
        FAIL();
    } catch (const NpyError& e) {
        EXPECT_EQ(std::string(e.what()).rfind(
                      "/nonexistent/wih.npy: cannot open .npy file (No such file", 0),
                  0u);
    }
}

TEST(Npy, BookNamesForThreeLayersNumberedOtherwise) {
    EXPECT_EQ(npyNames(2), (std::vector<std::string>{"wih.npy", "who.npy"}));
    EXPECT_EQ(npyNames(1), (std::vector<std::string>{"w0.npy"}));
    EXPECT_EQ(npyNames(3), (std::vector<std::string>{"w0.npy", "w1.npy", "w2.npy"}));
}

TEST(Npy, NetworkExportImportRoundTrip) {
    NpyTempDir dir;
    const Network a;  // 784-200-10, seed 1
    exportNpy(a, dir / "book");
    EXPECT_TRUE(fs::exists(dir / "book/wih.npy"));
    EXPECT_TRUE(fs::exists(dir / "book/who.npy"));
    EXPECT_EQ(readNpy(dir / "book/wih.npy").rows(), 200);
    EXPECT_EQ(readNpy(dir / "book/wih.npy").cols(), 784);
    NetworkSpec other;
    other.seed = 99;
    Network b(other);
    ASSERT_FALSE(sameBits(a.weights(0), b.weights(0)));
    importNpy(b, dir / "book");
    EXPECT_TRUE(sameBits(a.weights(0), b.weights(0)));
    EXPECT_TRUE(sameBits(a.weights(1), b.weights(1)));

    NetworkSpec deep;
    deep.layers = {64, 20, 15, 10};
    deep.bias = true;
    deep.hidden = Activation::Tanh;
    const Network c(deep);
    exportNpy(c, dir / "deep");
    for (const char* n : {"w0.npy", "w1.npy", "w2.npy"})
        EXPECT_TRUE(fs::exists(dir / ("deep/" + std::string(n))));
    EXPECT_EQ(readNpy(dir / "deep/w0.npy").cols(), 65);  // bias column last
    deep.seed = 5;
    Network d(deep);
    importNpy(d, dir / "deep");
    for (int k = 0; k < 3; ++k) EXPECT_TRUE(sameBits(c.weights(k), d.weights(k))) << k;
}

TEST(Npy, ImportChecksEveryShapeBeforeChangingAnything) {
    NpyTempDir dir;
    NetworkSpec small;
    small.layers = {784, 100, 10};
    exportNpy(Network(small), dir.path.string());  // wih (100, 784), who (10, 100)
    Network net;                                   // 784-200-10
    const Matrix before = net.weights(0);
    try {
        importNpy(net, dir.path.string());
        FAIL() << "no error for mismatched shapes";
    } catch (const NpyError& e) {
        EXPECT_EQ(std::string(e.what()),
                  dir / "wih.npy" +
                      ": shape (100, 784) does not match the network's W0 (200, 784) "
                      "(784-200-10 sigmoid)");
    }
    EXPECT_TRUE(sameBits(net.weights(0), before));

    // First file fine, second wrong: still nothing changes.
    writeNpy(dir / "wih.npy", Matrix::Zero(200, 784));
    try {
        importNpy(net, dir.path.string());
        FAIL();
    } catch (const NpyError& e) {
        EXPECT_NE(std::string(e.what()).find(
                      "who.npy: shape (10, 100) does not match the network's W1 (10, 200)"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_TRUE(sameBits(net.weights(0), before));

    fs::remove(dir / "who.npy");
    try {
        importNpy(net, dir.path.string());
        FAIL();
    } catch (const NpyError& e) {
        EXPECT_EQ(std::string(e.what()), dir / "who.npy" +
                                             ": file not found (a 784-200-10 sigmoid "
                                             "network needs 2 weight files: wih.npy, who.npy)");
    }
}

// numpy itself reads what we write and writes what we read (Fortran order and float32 too).
TEST(Npy, AgreesWithRealNumpy) {
    if (std::system("/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1") != 0) {
        // scripts/deps.sh installs it: under CI a missing numpy is a failure, not a quiet pass.
        const char* ci = std::getenv("CI");
        if (ci && std::string(ci) == "true") FAIL() << "python3-numpy is not installed (CI=true)";
        GTEST_SKIP() << "python3-numpy is not installed";
    }
    NpyTempDir dir;
    const Matrix m = randomMatrix(4, 3, 11);
    writeNpy(dir / "ours.npy", m);
    const std::string script =
        "import numpy as np, sys\n"
        "d = sys.argv[1]\n"
        "a = np.load(d + '/ours.npy')\n"
        "assert a.dtype == np.float64 and a.shape == (4, 3), (a.dtype, a.shape)\n"
        "np.save(d + '/c.npy', a)\n"
        "np.save(d + '/f.npy', np.asfortranarray(a))\n"
        "np.save(d + '/f4.npy', np.asfortranarray(a.astype(np.float32)))\n"
        "np.save(d + '/v1.npy', np.arange(5.0))\n"
        "print(repr(a[1, 2]))\n";
    {
        std::ofstream f(dir / "check.py");
        f << script;
    }
    const std::string cmd = "/usr/bin/python3 " + (dir / "check.py") + " " + dir.path.string() +
                            " > " + (dir / "out.txt");
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    std::ifstream out(dir / "out.txt");
    std::string printed;
    out >> printed;
    EXPECT_EQ(std::stod(printed), m(1, 2));  // numpy saw the same element at [1, 2]
    EXPECT_TRUE(sameBits(readNpy(dir / "c.npy"), m));
    EXPECT_EQ(fileBytes(dir / "ours.npy"), fileBytes(dir / "c.npy"));  // byte for byte
    EXPECT_TRUE(sameBits(readNpy(dir / "f.npy"), m));
    const Matrix f4 = readNpy(dir / "f4.npy");
    EXPECT_TRUE(sameBits(f4, m.cast<float>().cast<double>()));
    const Matrix v = readNpy(dir / "v1.npy");
    EXPECT_EQ(v.rows(), 5);
    EXPECT_EQ(v(4, 0), 4.0);
}

// NaN or ±Inf in imported weights is refused naming the file and the place, instead of being
// blamed later on the learning rate; in Fortran order the place is still [row, column].
TEST(Npy, NonFiniteValuesAreRefusedWithTheirPlace) {
    const auto dict = [](bool fortran, const std::string& descr, const std::string& shape) {
        return std::string("{'descr': '") + descr +
               "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape +
               ", }";
    };
    std::vector<char> c = payload123456(false, false);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::memcpy(c.data() + 8 * 4, &nan, 8);  // item 4 in C order = [1, 1]
    EXPECT_EQ(errorOf(handMade(1, dict(false, "<f8", "(2, 3)"), c)),
              "w.npy: the value at [1, 1] is NaN; weights must be finite numbers");
    std::vector<char> f = payload123456(true, false);
    const double inf = std::numeric_limits<double>::infinity();
    std::memcpy(f.data() + 8 * 5, &inf, 8);  // item 5 in Fortran order = [1, 2]
    EXPECT_EQ(errorOf(handMade(1, dict(true, "<f8", "(2, 3)"), f)),
              "w.npy: the value at [1, 2] is +Inf; weights must be finite numbers");
    std::vector<char> f4 = payload123456(false, true);
    const float minusInf = -std::numeric_limits<float>::infinity();
    std::memcpy(f4.data(), &minusInf, 4);
    EXPECT_EQ(errorOf(handMade(1, dict(false, "<f4", "(6,)"), f4)),
              "w.npy: the value at [0] is -Inf; weights must be finite numbers");
    // Through importNpy: the network keeps its weights.
    NpyTempDir dir;
    NetworkSpec spec;
    spec.layers = {3, 2};
    Network net(spec);
    const Matrix before = net.weights(0);
    Matrix bad = Matrix::Constant(2, 3, 0.5);
    bad(1, 0) = nan;
    writeNpy(dir / "w0.npy", bad);
    try {
        importNpy(net, dir.path.string());
        FAIL() << "a NaN weight was imported";
    } catch (const NpyError& e) {
        EXPECT_EQ(std::string(e.what()),
                  dir / "w0.npy" + ": the value at [1, 0] is NaN; weights must be finite numbers");
    }
    EXPECT_TRUE(sameBits(net.weights(0), before));
    // A header far longer than a dict of a weight matrix is not read.
    std::vector<char> longHeader(12, 0);
    std::memcpy(longHeader.data(), "\x93NUMPY\x02\x00", 8);
    const std::uint32_t len = 1u << 30;
    std::memcpy(longHeader.data() + 8, &len, 4);
    EXPECT_EQ(errorOf(longHeader),
              "w.npy: .npy header is 1073741824 bytes long; a weight matrix's takes a few "
              "hundred (at most 1.0 MB are read)");
}
