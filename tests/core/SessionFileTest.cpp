// SessionFileTest.cpp — .bps session files: bit-exact round trips (weights, curves, texts with
// newlines and '%', settings), the errors for empty, foreign, truncated, corrupted, newer and
// forged files, and atomic saves that leave the old file untouched when they fail.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "TestFiles.h"
#include "backprop/Checksum.h"
#include "backprop/SessionFile.h"

using namespace bp;
namespace fs = std::filesystem;

namespace {

struct SessionTempDir : testfiles::TempDir {
    SessionTempDir() : testfiles::TempDir("bp_session") {}
};
using testfiles::readBytes;
using testfiles::writeBytes;

// Trained a little, so weights differ from the seeded initial ones.
Network trainedNet(NetworkSpec spec) {
    Network net(std::move(spec));
    const Vector in = Vector::LinSpaced(net.inputs(), 0.01, 0.99);
    for (int i = 0; i < 5; ++i) net.train(in, bookTarget(i % net.outputs(), net.outputs()), 0.3);
    return net;
}

Session sampleSession() {
    NetworkSpec spec;
    spec.layers = {6, 4, 3};
    spec.seed = 77;
    Session s;
    s.title = "Lesson 3: α 0.1 vs 0.6 — 100% of\nthe class";
    s.network = trainedNet(spec);
    s.training.learningRate = 0.6;
    s.training.epochsTrained = 2;
    s.training.batch = 4;
    s.training.shuffle = true;
    s.training.samplesSeen = 200;
    s.epochs = 3;
    s.shuffleSeed = 123456789012345ULL;
    s.errorWindow = 50;
    s.trainData = "/home/teacher/My Data/mnist %train%.csv.gz";
    s.testData = "/srv/测试.csv";
    SessionRun a;
    a.label = "α 0.1 · hidden 4 · 1 epoch";
    for (int i = 1; i <= 40; ++i) a.error.emplace_back(i * 10, 1.0 / (1.0 + 0.1 * i));
    a.accuracy = {{400, 0.53}};
    a.rateMarks = {{0, 0.1}};
    SessionRun b;
    b.label = "";                                          // an unlabelled run
    b.error = {{1, 0.1 + 0.2}, {2, 4.9e-324}, {3, -0.0}};  // the smallest double and −0 exact
    b.rateMarks = {{1, 0.3}, {2, 0.6}};
    s.runs = {a, b};
    s.settings = {{"speed", "0"}, {"view.density", "20"}, {"notes", "line 1\nline 2\t%"}};
    return s;
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void expectSameSession(const Session& a, const Session& b) {
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.trainData, b.trainData);
    EXPECT_EQ(a.testData, b.testData);
    EXPECT_EQ(a.epochs, b.epochs);
    EXPECT_EQ(a.shuffleSeed, b.shuffleSeed);
    EXPECT_EQ(a.errorWindow, b.errorWindow);
    EXPECT_EQ(a.training, b.training);
    EXPECT_EQ(a.settings, b.settings);
    EXPECT_EQ(a.network.spec().layers, b.network.spec().layers);
    EXPECT_EQ(a.network.spec().seed, b.network.spec().seed);
    ASSERT_EQ(a.network.weightLayers(), b.network.weightLayers());
    for (int k = 0; k < a.network.weightLayers(); ++k) {
        ASSERT_EQ(a.network.weights(k).size(), b.network.weights(k).size());
        EXPECT_EQ(
            0, std::memcmp(a.network.weights(k).data(), b.network.weights(k).data(),
                           sizeof(double) * static_cast<std::size_t>(a.network.weights(k).size())))
            << "W" << k << " differs";
    }
    ASSERT_EQ(a.runs.size(), b.runs.size());
    for (std::size_t r = 0; r < a.runs.size(); ++r) {
        EXPECT_EQ(a.runs[r].label, b.runs[r].label);
        for (auto [ca, cb] : {std::pair{&a.runs[r].error, &b.runs[r].error},
                              std::pair{&a.runs[r].accuracy, &b.runs[r].accuracy},
                              std::pair{&a.runs[r].rateMarks, &b.runs[r].rateMarks}}) {
            ASSERT_EQ(ca->size(), cb->size()) << "run " << r;
            for (std::size_t i = 0; i < ca->size(); ++i) {
                EXPECT_TRUE(sameBits((*ca)[i].first, (*cb)[i].first)) << "run " << r << " i " << i;
                EXPECT_TRUE(sameBits((*ca)[i].second, (*cb)[i].second))
                    << "run " << r << " i " << i;
            }
        }
    }
}

std::string decodeError(const std::vector<char>& bytes) {
    try {
        decodeSession(bytes, "s.bps");
    } catch (const SessionFileError& e) {
        return e.what();
    }
    return "(no error)";
}

std::vector<char> bytesOf(const std::string& s) {
    return {s.begin(), s.end()};
}

// Re-computes the trailing CRC, so a test reaches the checks behind the checksum.
std::vector<char> withCrc(std::vector<char> bytes) {
    const std::uint32_t crc = crc32(bytes.data(), bytes.size());
    for (int b = 0; b < 4; ++b) bytes.push_back(static_cast<char>((crc >> (8 * b)) & 0xFF));
    return bytes;
}

}  // namespace

TEST(SessionFile, RoundTripInMemoryIsBitExact) {
    const Session s = sampleSession();
    const std::vector<char> bytes = encodeSession(s);
    expectSameSession(s, decodeSession(bytes, "mem"));
    // Encoding again gives the same bytes: nothing is lost or reordered.
    EXPECT_EQ(encodeSession(decodeSession(bytes, "mem")), bytes);
}

TEST(SessionFile, HeaderIsReadableTextAndEmbedsAModelFile) {
    const std::vector<char> bytes = encodeSession(sampleSession());
    const std::string text(bytes.begin(), bytes.end());
    EXPECT_EQ(text.rfind("BPSESSION 1\n", 0), 0u);
    EXPECT_NE(text.find("\ntitle Lesson 3: α 0.1 vs 0.6 — 100%25 of%0Athe class\n"),
              std::string::npos);
    EXPECT_NE(text.find("\ntrain_data /home/teacher/My Data/mnist %25train%25.csv.gz\n"),
              std::string::npos);
    EXPECT_NE(text.find("\nsetting view.density 20\n"), std::string::npos);
    EXPECT_NE(text.find("\nrun 40 1 1 α 0.1 · hidden 4 · 1 epoch\n"), std::string::npos);
    EXPECT_NE(text.find("\nrun 3 0 2 \n"), std::string::npos);
    const std::size_t end = text.find("\nend\n");
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(text.compare(end + 5, 11, "BPSMODEL 1\n"), 0) << "the model follows the header";
    // The embedded bytes are exactly what encodeModel writes.
    const Session s = sampleSession();
    const std::vector<char> model = encodeModel(s.network, s.training);
    EXPECT_EQ(0, std::memcmp(bytes.data() + end + 5, model.data(), model.size()));
    EXPECT_NE(text.find("\nmodel " + std::to_string(model.size()) + " bpm\n"), std::string::npos);
}

TEST(SessionFile, SaveAndLoadFile) {
    SessionTempDir dir;
    const Session s = sampleSession();
    saveSession(dir / "lesson.bps", s);
    EXPECT_EQ(dir.entries(), 1u);
    expectSameSession(s, loadSession(dir / "lesson.bps"));
    EXPECT_EQ(fs::status(dir.path / "lesson.bps").permissions() & fs::perms::others_read,
              fs::perms::others_read);
    // Overwriting an existing session.
    Session t = s;
    t.runs.clear();
    t.title = "second";
    saveSession(dir / "lesson.bps", t);
    expectSameSession(t, loadSession(dir / "lesson.bps"));
    EXPECT_EQ(dir.entries(), 1u);
}

TEST(SessionFile, MinimalSessionAndDefaults) {
    Session s;
    NetworkSpec spec;
    spec.layers = {2, 2};
    s.network = Network(spec);
    const Session back = decodeSession(encodeSession(s), "min");
    expectSameSession(s, back);
    EXPECT_TRUE(back.title.empty());
    EXPECT_TRUE(back.runs.empty());
    EXPECT_EQ(back.setting("speed", "fallback"), "fallback");
    EXPECT_EQ(sampleSession().setting("speed"), "0");
}

TEST(SessionFile, EmptyAndForeignFiles) {
    EXPECT_EQ(decodeError({}), "s.bps: file is empty (not a session file)");
    EXPECT_THROW(decodeSession({}, "s.bps"), SessionTruncatedError);
    EXPECT_EQ(decodeError(bytesOf("label,1x1\n5,0\n")),
              "s.bps: not a Backprop Studio session file (it does not start with \"BPSESSION\")");
    EXPECT_THROW(decodeSession(bytesOf("BPSMODEL 1\n"), "s.bps"), SessionCorruptError);
    EXPECT_EQ(decodeError(bytesOf("BPSESSION x\nend\n")),
              "s.bps: unreadable format version in the first line");
}

TEST(SessionFile, NewerVersionIsRefusedClearly) {
    std::vector<char> bytes = encodeSession(sampleSession());
    bytes[10] = '2';  // "BPSESSION 2"
    try {
        decodeSession(bytes, "s.bps");
        FAIL() << "no error";
    } catch (const SessionVersionError& e) {
        EXPECT_EQ(e.version, 2);
        EXPECT_EQ(std::string(e.what()),
                  "s.bps: written by a newer Backprop Studio (session format 2; this version "
                  "reads 1)");
    }
}

// Every cut of a good file is refused as truncated: none loads, none crashes.
TEST(SessionFile, EveryTruncationIsReportedAsTruncated) {
    const std::vector<char> good = encodeSession(sampleSession());
    for (std::size_t n = 1; n < good.size(); ++n) {
        const std::vector<char> cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n));
        EXPECT_THROW(decodeSession(cut, "cut.bps"), SessionTruncatedError) << "cut at " << n;
    }
    const std::string text(good.begin(), good.end());
    const std::size_t dataAt = text.find("\nend\n") + 5;
    const std::vector<char> inData(good.begin(),
                                   good.begin() + static_cast<std::ptrdiff_t>(dataAt + 100));
    EXPECT_EQ(decodeError(inData),
              "s.bps: file is truncated (the header announces more data than the 100 bytes "
              "after it)");
    const std::vector<char> noCrc(good.begin(), good.end() - 4);
    EXPECT_EQ(decodeError(noCrc),
              "s.bps: file is truncated (the 4-byte checksum at the end is missing)");
    const std::vector<char> inHeader(good.begin(), good.begin() + 30);
    EXPECT_EQ(decodeError(inHeader), "s.bps: file is truncated (it ends inside the header)");
}

// Every single-bit change anywhere in a file is refused with a SessionFileError.
TEST(SessionFile, EveryBitFlipIsCaught) {
    Session s = sampleSession();
    s.runs[0].error.resize(3);
    const std::vector<char> good = encodeSession(s);
    for (std::size_t i = 0; i < good.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            std::vector<char> bytes = good;
            bytes[i] = static_cast<char>(bytes[i] ^ (1 << bit));
            EXPECT_THROW(decodeSession(bytes, "flip.bps"), SessionFileError)
                << "byte " << i << " bit " << bit;
        }
    std::vector<char> weight = good;
    weight[good.size() - 20] ^= 1;
    const std::string e = decodeError(weight);
    EXPECT_EQ(e.rfind("s.bps: file is corrupted (checksum mismatch: stored 0x", 0), 0u) << e;
}

TEST(SessionFile, TrailingBytesAreRefused) {
    std::vector<char> bytes = encodeSession(sampleSession());
    bytes.insert(bytes.end(), {'x', 'y', 'z'});
    EXPECT_EQ(decodeError(bytes), "s.bps: file has 3 unexpected bytes after the checksum");
}

// Headers that pass the checksum (a forged or hand-edited file) are still checked.
TEST(SessionFile, ForgedHeadersAreRefused) {
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nepochs 1\nend\n"))),
              "s.bps: header has no \"model\" line");
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nepochs 0\nmodel 0 bpm\nend\n"))),
              "s.bps: header line 2: epochs has an invalid value \"0\"");
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\ntitle a%2\nmodel 0 bpm\nend\n"))),
              "s.bps: header line 2: title has an invalid value \"a%252\"");
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\ntitle a\ntitle b\nmodel 0 bpm\nend\n"))),
              "s.bps: header line 3: title appears twice");
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nrun 1 x 0 l\nmodel 0 bpm\nend\n"))),
              "s.bps: header line 2: run has an invalid value \"1 x 0 l\"");
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nsetting a=b c\nmodel 0 bpm\nend\n"))),
              "s.bps: header line 2: setting has an invalid value \"a=b c\"");
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nnonsense\nmodel 0 bpm\nend\n"))),
              "s.bps: header line 2 is not \"key value\"");
    // Huge counts are refused before anything is allocated, each against its bound (Limits.h).
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nrun 18446744073709551615 "
                                          "18446744073709551615 1 x\nmodel 0 bpm\nend\n"))),
              "s.bps: header line 2: run has an invalid value \"18446744073709551615 "
              "18446744073709551615 1 x\"");
    // 2^24 points in all at most: one more, over two runs, is refused.
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nrun 16777216 0 0 a\nrun 0 1 0 b\n"
                                          "model 0 bpm\nend\n"))),
              "s.bps: header line 3: run has an invalid value \"0 1 0 b\"");
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nmodel 18446744073709551615 bpm\nend\n")))
                  .rfind("s.bps: header announces an embedded model of 18446.7 PB, more than this "
                         "computer can hold",
                         0),
              0u);
    // error_window sizes a ring of doubles (2^31 − 1 of them were 16 GiB), epochs a loop.
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nerror_window 2147483647\nmodel 0 bpm\n"
                                          "end\n"))),
              "s.bps: header line 2: error_window has an invalid value \"2147483647\"");
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nepochs 1000001\nmodel 0 bpm\nend\n"))),
              "s.bps: header line 2: epochs has an invalid value \"1000001\"");
    // Control bytes of a file never reach a terminal raw.
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nerror_window \x1b[2J\nmodel 0 bpm\n"
                                          "end\n"))),
              "s.bps: header line 2: error_window has an invalid value \"%1B[2J\"");
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nk\x1b[31m 1\nk\x1b[31m 1\nmodel 0 bpm\n"
                                          "end\n"))),
              "s.bps: header line 3: k\\x1b[31m appears twice");
    // An embedded model that is not a model: named as such.
    EXPECT_EQ(decodeError(withCrc(bytesOf("BPSESSION 1\nmodel 3 bpm\nend\nabc"))),
              "s.bps (embedded model): not a Backprop Studio model file (it does not start with "
              "\"BPSMODEL\")");
    // Unknown keys are ignored (a later version may add some).
    Session s;
    s.network = Network(NetworkSpec{{2, 2}});
    std::vector<char> bytes = encodeSession(s);
    bytes.resize(bytes.size() - 4);
    const std::string text(bytes.begin(), bytes.end());
    std::string extended = text;
    extended.insert(text.find("\nmodel ") + 1, "future_key something\n");
    expectSameSession(s, decodeSession(withCrc(bytesOf(extended)), "s.bps"));
}

TEST(SessionFile, RefusesToSaveWhatItCouldNotRead) {
    Session s = sampleSession();
    s.network.weights(0)(0, 0) = std::numeric_limits<double>::infinity();
    EXPECT_THROW(encodeSession(s), SessionFileError);
    Session t = sampleSession();
    t.settings.emplace_back("bad key", "v");
    EXPECT_THROW(encodeSession(t), SessionFileError);
}

// Points the chart cannot draw (NaN, ±inf, ±1e308 errors, sample counts beyond 2^64, accuracies
// outside 0 … 1, rates the trainer refuses) are refused when read, naming the run and point, and
// never written: they showed as "inf" ticks on the error axis and "-1e+302 %" in the accuracy
// legend (issue 12).
TEST(SessionFile, PointsTheChartCannotDrawAreRefused) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    struct Case {
        int curve;            // 0 error, 1 accuracy, 2 rate marks (of the one run)
        double x, y;          // the point written in place of the curve's second point
        std::string message;  // what decodeSession says after "s.bps: "
    };
    const std::vector<Case> cases = {
        {0, 20, nan, "run 1, error point 2: (20, nan) is not a running error"},
        {0, 20, inf, "run 1, error point 2: (20, inf) is not a running error"},
        {0, 20, -1e308, "run 1, error point 2: (20, -1e+308) is not a running error"},
        {0, nan, 0.5, "run 1, error point 2: (nan, 0.5) is not a running error"},
        {0, -5, 0.5, "run 1, error point 2: (-5, 0.5) is not a running error"},
        // Finite but too large to scale: the error axis' top (1.05 × the largest error, rounded
        // up to 2 or 10 × a power of ten) and the sample axis' overflowed to inf.
        {0, 20, 1e308, "run 1, error point 2: (20, 1e+308) is not a running error"},
        {0, 20, 1.5e300, "run 1, error point 2: (20, 1.5e+300) is not a running error"},
        {0, 1e308, 0.5, "run 1, error point 2: (1e+308, 0.5) is not a running error"},
        {1, 1e20, 0.5, "run 1, accuracy point 2: (1e+20, 0.5) is not a test accuracy"},
        {1, 20, -1e300, "run 1, accuracy point 2: (20, -1e+300) is not a test accuracy (0 to 1)"},
        {1, 20, 1.5, "run 1, accuracy point 2: (20, 1.5) is not a test accuracy (0 to 1)"},
        {1, 20, nan, "run 1, accuracy point 2: (20, nan) is not a test accuracy (0 to 1)"},
        {2, 20, 0, "run 1, learning-rate point 2: (20, 0) is not a learning rate"},
        {2, 20, 1e308, "run 1, learning-rate point 2: (20, 1e+308) is not a learning rate"},
    };
    for (const Case& c : cases) {
        Session s = sampleSession();
        s.runs.resize(1);
        SessionRun& run = s.runs[0];
        run.error = {{10, 0.5}, {20, 0.25}};
        run.accuracy = {{10, 0.5}, {20, 0.75}};
        run.rateMarks = {{10, 0.1}, {20, 0.2}};
        std::vector<char> good = encodeSession(s);
        std::vector<CurvePoint>& curve = c.curve == 0   ? run.error
                                         : c.curve == 1 ? run.accuracy
                                                        : run.rateMarks;
        curve[1] = {c.x, c.y};
        EXPECT_THROW(encodeSession(s), SessionFileError) << c.message;
        // The same point forged into good bytes, the checksum made right.
        const std::size_t at =
            good.size() - 4 - 16 * (6 - 2 * static_cast<std::size_t>(c.curve) - 1);
        std::memcpy(good.data() + at, &c.x, 8);
        std::memcpy(good.data() + at + 8, &c.y, 8);
        good.resize(good.size() - 4);
        try {
            decodeSession(withCrc(good), "s.bps");
            ADD_FAILURE() << "loaded: " << c.message;
        } catch (const SessionCorruptError& e) {
            EXPECT_EQ(std::string(e.what()).rfind("s.bps: " + c.message, 0), 0u) << e.what();
        }
    }
}

TEST(SessionFile, FailedSaveLeavesTheOldFileUntouched) {
    SessionTempDir dir;
    Session small;
    small.network = Network(NetworkSpec{{4, 3, 2}});
    saveSession(dir / "s.bps", small);
    const std::vector<char> old = readBytes(dir / "s.bps");

    // The kernel refuses writes beyond 64 KB (EFBIG): a 784-200-10 session cannot be written.
    Session big;
    big.network = Network{};
    struct rlimit saved {};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim = saved;
    lim.rlim_cur = 64 * 1024;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &lim), 0);
    std::string message;
    try {
        saveSession(dir / "s.bps", big);
    } catch (const SessionFileError& e) {
        message = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);
    EXPECT_EQ(message.rfind(dir / "s.bps" +
                                ": cannot save the session (write failed: File too large; the "
                                "previous file, if any, is unchanged)",
                            0),
              0u)
        << message;
    EXPECT_EQ(readBytes(dir / "s.bps"), old);
    EXPECT_EQ(dir.entries(), 1u) << "the temporary file was left behind";

    EXPECT_THROW(saveSession(dir / "no/such/folder/s.bps", small), SessionFileError);
    fs::create_directory(dir.path / "folder.bps");
    EXPECT_THROW(saveSession(dir / "folder.bps", small), SessionFileError);
    try {
        loadSession(dir / "missing.bps");
        FAIL();
    } catch (const SessionFileError& e) {
        EXPECT_EQ(std::string(e.what()),
                  dir / "missing.bps" + ": cannot open session file (No such file or directory)");
    }
    writeBytes(dir / "junk.bps", bytesOf("BPSESSION 1\n"));
    EXPECT_THROW(loadSession(dir / "junk.bps"), SessionTruncatedError);
}

TEST(SessionFile, LooksLikeSession) {
    EXPECT_TRUE(looksLikeSession(encodeSession(sampleSession())));
    EXPECT_FALSE(looksLikeSession(bytesOf("BPSMODEL 1\n")));
    EXPECT_FALSE(looksLikeSession({}));
}
