// HostileFilesTest.cpp — huge and hostile files: a 2 GB CSV (sparse, and real rows), a line of
// 10 million fields, a PNG renamed .csv, a CSV ending mid-line, a truncated .gz, a model file
// from a newer version. Each must give its clear error (or load) within bounded memory, and a
// data set or model loaded before stays as it was.
//
// Memory is measured in a forked child: the growth of its peak RSS (getrusage ru_maxrss) during
// the load. The bounds (see docs/HARDENING.md):
//   - the CSV loader keeps one read buffer: 1 MiB, doubled for a longer line up to 64 MiB
//     (then "a line is longer than 64 MiB"); a row may hold at most 1,000,000 inputs;
//   - samples cost their bytes (1 a pixel, 1 a label), and only what is kept: a load that stops
//     with an error has freed everything when the error reaches the caller;
//   - running out of memory (tested under RLIMIT_AS) is a DataError, "not enough memory".
// Under ASan/TSan the RLIMIT_AS and 2 GB real-data cases are skipped (the sanitizers reserve
// terabytes of address space and run 10× slower); the other cases run everywhere.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <string>

#include "backprop/Checksum.h"
#include "backprop/DatasetIO.h"
#include "backprop/FileRead.h"
#include "backprop/Gzip.h"
#include "backprop/ModelFile.h"
#include "backprop/Npy.h"
#include "backprop/Png.h"
#include "backprop/SessionFile.h"

#if defined(__SANITIZE_THREAD__)
#define BP_SANITIZED 2
#elif defined(__SANITIZE_ADDRESS__)
#define BP_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define BP_SANITIZED 2
#elif __has_feature(address_sanitizer)
#define BP_SANITIZED 1
#endif
#endif
#ifndef BP_SANITIZED
#define BP_SANITIZED 0  // 1 = ASan, 2 = TSan
#endif

using namespace bp;
namespace fs = std::filesystem;

namespace {

constexpr long kMiB = 1024;  // ru_maxrss is in KiB
// ASan keeps freed blocks in quarantine (256 MiB) and adds shadow memory: bounds × 2.5 there;
// TSan's shadow is 4 bytes and more per byte touched: bounds × 6 there.
constexpr long kSlack = BP_SANITIZED == 2 ? 12 : BP_SANITIZED == 1 ? 5 : 2;  // in halves

std::string data(const std::string& name) {
    return std::string(BP_SOURCE_DIR) + "/resources/data/" + name;
}

std::string readAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

void writeAll(const std::string& path, const std::string& bytes) {
    std::ofstream f(path, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ASSERT_TRUE(f.good()) << path;
}

// What a child reported back.
struct ChildResult {
    int exitCode = -1;    // 0: the function returned; 2: it threw something unexpected
    std::string message;  // the function's result (an error's what(), or "loaded …")
    long growthKiB = 0;   // growth of the child's peak RSS while the function ran
    double seconds = 0;   // wall time of the function
};

// Runs fn in a forked child, optionally with its address space limited to addressLimit bytes.
ChildResult inChild(const std::function<std::string()>& fn, rlim_t addressLimit = 0) {
    int fds[2];
    if (::pipe(fds) != 0) return {};
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        if (addressLimit != 0) {
            const rlimit lim{addressLimit, addressLimit};
            ::setrlimit(RLIMIT_AS, &lim);
        }
        rusage before{};
        ::getrusage(RUSAGE_SELF, &before);
        const auto t0 = std::chrono::steady_clock::now();
        std::string message;
        int code = 0;
        try {
            message = fn();
        } catch (const std::exception& e) {
            message = std::string("unexpected exception: ") + e.what();
            code = 2;
        }
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        rusage after{};
        ::getrusage(RUSAGE_SELF, &after);
        const std::string out = std::to_string(after.ru_maxrss - before.ru_maxrss) + " " +
                                std::to_string(s) + "\n" + message;
        std::size_t done = 0;
        while (done < out.size()) {
            const ssize_t n = ::write(fds[1], out.data() + done, out.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        ::_exit(code);
    }
    ::close(fds[1]);
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        text.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ChildResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    const std::size_t nl = text.find('\n');
    if (nl != std::string::npos) {
        std::sscanf(text.c_str(), "%ld %lf", &r.growthKiB, &r.seconds);
        r.message = text.substr(nl + 1);
    }
    return r;
}

// Prints what a case measured (shown in the test log; the figures in docs/HARDENING.md).
void report(const char* what, const ChildResult& r) {
    std::printf("[ figures  ] %s: peak RSS +%.1f MiB, %.2f s: %s\n", what,
                static_cast<double>(r.growthKiB) / 1024, r.seconds, r.message.c_str());
}

// The loader's outcome as text: its error, or "loaded R×I".
std::string tryLoad(const std::string& path, LoadOptions options = {}) {
    try {
        const Dataset d = loadDataset(path, options);
        return "loaded " + std::to_string(d.rows()) + "x" + std::to_string(d.inputs);
    } catch (const DataError& e) {
        return e.what();
    }
}

// Each loader of the program on one path: the data set, model, session and .npy readers.
struct EveryLoader {
    std::string dataset, model, session, npy;  // each one's error (or "loaded …")
};

std::string errorOf(const std::function<void()>& load) {
    try {
        load();
        return "loaded";
    } catch (const std::exception& e) {
        return e.what();
    }
}

EveryLoader tryEveryLoader(const std::string& path) {
    return {tryLoad(path), errorOf([&] { loadModel(path); }), errorOf([&] { loadSession(path); }),
            errorOf([&] { readNpy(path); })};
}

// Runs every loader on path in a child: each must refuse within a second in bounded memory,
// its message starting with the path. Returns the four messages.
EveryLoader refusedAtOnce(const char* what, const std::string& path) {
    EveryLoader all;
    const ChildResult r = inChild([&] {
        all = tryEveryLoader(path);
        return all.dataset + "\n" + all.model + "\n" + all.session + "\n" + all.npy;
    });
    report(what, r);
    EXPECT_EQ(r.exitCode, 0) << r.message;
    EXPECT_LT(r.seconds, 1.0) << what;
    EXPECT_LT(r.growthKiB, 16 * kMiB * kSlack / 2) << what << ": peak RSS grew by " << r.growthKiB;
    std::vector<std::string> lines;
    std::size_t at = 0;
    for (std::size_t nl; (nl = r.message.find('\n', at)) != std::string::npos; at = nl + 1)
        lines.push_back(r.message.substr(at, nl - at));
    lines.push_back(r.message.substr(at));
    EXPECT_EQ(lines.size(), 4u) << r.message;
    lines.resize(4);
    for (const std::string& m : lines) EXPECT_EQ(m.rfind(path + ":", 0), 0u) << m;
    return {lines[0], lines[1], lines[2], lines[3]};
}

class HostileFiles : public ::testing::Test {
  protected:
    void SetUp() override {
        std::random_device rd;
        m_dir = fs::temp_directory_path() /
                ("bp-hostile-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    fs::path m_dir;  // a fresh temporary folder per test
};

}  // namespace

// Found by fuzz_idx: an empty std::string_view (data() == nullptr) reached memcpy (UB).
TEST(HostileBytes, EmptyViewInMemory) {
    try {
        parseCsv(std::string_view{}, "t.csv");
        FAIL() << "an empty text loaded";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "t.csv: no samples (the file is empty)");
    }
    try {
        parseIdx(std::string_view{}, std::string_view{}, "i", "l");
        FAIL() << "empty IDX bytes loaded";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "i: too short for an IDX file (0 bytes)");
    }
}

TEST_F(HostileFiles, LineOfTenMillionFields) {
    std::string line = "5";
    line.reserve(20'000'010);
    for (int i = 0; i < 10'000'000; ++i) line += ",0";
    line += '\n';
    writeAll(path("wide.csv"), line);
    const ChildResult r = inChild([&] { return tryLoad(path("wide.csv")); });
    report("10 million fields", r);
    EXPECT_EQ(r.exitCode, 0) << r.message;
    EXPECT_EQ(r.message, path("wide.csv") +
                             ":1: line 1 has 10000001 values; at most 1000000 inputs a sample "
                             "are supported");
    // The 20 MB line sits in the read buffer (32 MiB after doubling; the 16 MiB one is freed as
    // it grows): nothing is allocated per field.
    EXPECT_LT(r.growthKiB, 80 * kMiB * kSlack / 2) << "peak RSS grew by " << r.growthKiB << " KiB";

    // The same line after a good MNIST row: a field-count error for line 2.
    const std::string book = readAll(data("mnist_train_100.csv"));
    writeAll(path("wide2.csv"), book.substr(0, book.find('\n') + 1) + line);
    const ChildResult r2 = inChild([&] { return tryLoad(path("wide2.csv")); });
    report("10 million fields on line 2", r2);
    EXPECT_EQ(r2.message,
              path("wide2.csv") + ":2: line 2 has 10000001 values, expected 785 like line 1");
    EXPECT_LT(r2.growthKiB, 80 * kMiB * kSlack / 2)
        << "peak RSS grew by " << r2.growthKiB << " KiB";
}

TEST_F(HostileFiles, TwoGigabyteSparseCsv) {
    // 3 real rows, then a 2 GiB hole (reads as NUL bytes): no newline for 2 GiB. The unfinished
    // line is refused as binary data as soon as it fills the first 1 MiB buffer.
    const std::string book = readAll(data("mnist_train_100.csv"));
    std::size_t at = 0;
    for (int i = 0; i < 3; ++i) at = book.find('\n', at) + 1;
    writeAll(path("huge.csv"), book.substr(0, at));
    fs::resize_file(path("huge.csv"), std::uintmax_t{2} << 30);
    const ChildResult r = inChild([&] { return tryLoad(path("huge.csv")); });
    report("2 GiB sparse", r);
    EXPECT_EQ(r.exitCode, 0) << r.message;
    EXPECT_EQ(r.message, path("huge.csv") + ":4: NUL byte at byte " + std::to_string(at) +
                             ": binary data, not a CSV file");
    EXPECT_LT(r.growthKiB, 8 * kMiB * kSlack / 2) << "peak RSS grew by " << r.growthKiB << " KiB";
    EXPECT_LT(r.seconds, 1.0);
}

TEST_F(HostileFiles, LineLongerThan64MiB) {
    // 65 MiB of text with no newline and no NUL: the read buffer doubles up to its 64 MiB limit.
    writeAll(path("long.csv"), std::string((std::size_t{65} << 20), '7'));
    const ChildResult r = inChild([&] { return tryLoad(path("long.csv")); });
    report("65 MiB line", r);
    EXPECT_EQ(r.message,
              path("long.csv") + ": a line is longer than 64 MiB: not a CSV file of samples");
    // Read buffer at most 128 MiB (64 MiB doubled once more is refused), no per-row growth.
    EXPECT_LT(r.growthKiB, 200 * kMiB * kSlack / 2) << "peak RSS grew by " << r.growthKiB << " KiB";
}

TEST_F(HostileFiles, TwoGigabyteCsvOfRealRows) {
    if (BP_SANITIZED) GTEST_SKIP() << "2 GB of parsing under a sanitizer: too slow";
    std::error_code ec;
    const auto space = fs::space(m_dir, ec);
    if (ec || space.available < (std::uintmax_t{5} << 30))
        GTEST_SKIP() << "less than 5 GiB free in " << m_dir;
    // mnist_train_100.csv repeated to 2 GiB: ~1.19 million valid 784-pixel rows.
    const std::string book = readAll(data("mnist_train_100.csv"));
    const std::uintmax_t target = std::uintmax_t{2} << 30;
    std::size_t copies = 0;
    {
        std::ofstream f(path("big.csv"), std::ios::binary);
        for (std::uintmax_t written = 0; written < target; written += book.size(), ++copies)
            f.write(book.data(), static_cast<std::streamsize>(book.size()));
        ASSERT_TRUE(f.good());
    }
    const std::size_t rows = copies * 100;
    const long pixelsKiB = static_cast<long>(rows * 785 / 1024);

    // Streaming: the first 1000 rows need the read buffer and their own bytes, not the file.
    LoadOptions first;
    first.maxRows = 1000;
    const ChildResult r1 = inChild([&] { return tryLoad(path("big.csv"), first); });
    report("2 GiB CSV, first 1000 rows", r1);
    EXPECT_EQ(r1.message, "loaded 1000x784");
    EXPECT_LT(r1.growthKiB, 32 * kMiB) << "peak RSS grew by " << r1.growthKiB << " KiB";

    // Everything: memory proportional to the samples kept (1 byte a value), not to the text.
    const ChildResult r2 = inChild([&] { return tryLoad(path("big.csv")); });
    EXPECT_EQ(r2.message, "loaded " + std::to_string(rows) + "x784");
    EXPECT_LT(r2.growthKiB, pixelsKiB * 11 / 10 + 64 * kMiB)
        << "peak RSS grew by " << r2.growthKiB << " KiB for " << pixelsKiB << " KiB of samples";
    std::printf("[ figures  ] 2 GiB CSV: %zu rows in %.1f s, peak RSS +%ld MiB (samples %ld MiB)\n",
                rows, r2.seconds, r2.growthKiB / 1024, pixelsKiB / 1024);

    // Without the memory for them: a clear error, not a crash.
    const ChildResult r3 = inChild([&] { return tryLoad(path("big.csv")); }, rlim_t{768} << 20);
    report("2 GiB CSV under RLIMIT_AS 768 MiB", r3);
    EXPECT_EQ(r3.exitCode, 0) << r3.message;
    EXPECT_EQ(r3.message, path("big.csv") + ": not enough memory to load it (" +
                              std::to_string((copies * book.size()) >> 20) + " MB)");
}

TEST_F(HostileFiles, NotEnoughMemoryIsAClearError) {
    if (BP_SANITIZED) GTEST_SKIP() << "RLIMIT_AS cannot be combined with a sanitizer's shadow";
    // 30 MB of CSV (20,000 rows of 784 zeros: 15 MB of samples) under an address-space budget of
    // 8 MiB above what the child already maps.
    std::string row = "7";
    for (int i = 0; i < 784; ++i) row += ",0";
    row += '\n';
    {
        std::ofstream f(path("zeros.csv"), std::ios::binary);
        for (int i = 0; i < 20'000; ++i) f << row;
    }
    const ChildResult free = inChild([&] { return tryLoad(path("zeros.csv")); });
    ASSERT_EQ(free.message, "loaded 20000x784");
    // Address space in use now (VmSize of this process, as the child starts from it).
    long vmKiB = 0;
    {
        std::ifstream status("/proc/self/status");
        for (std::string line; std::getline(status, line);)
            if (line.rfind("VmSize:", 0) == 0) vmKiB = std::stol(line.substr(7));
    }
    ASSERT_GT(vmKiB, 0);
    const rlim_t limit = static_cast<rlim_t>(vmKiB) * 1024 + (rlim_t{8} << 20);
    const ChildResult r = inChild([&] { return tryLoad(path("zeros.csv")); }, limit);
    EXPECT_EQ(r.exitCode, 0) << r.message;
    EXPECT_EQ(r.message, path("zeros.csv") + ": not enough memory to load it (" +
                             std::to_string(fs::file_size(path("zeros.csv")) >> 20) + " MB)");
}

TEST_F(HostileFiles, PngRenamedCsv) {
    std::vector<std::uint8_t> grey(28 * 28);
    for (std::size_t i = 0; i < grey.size(); ++i) grey[i] = static_cast<std::uint8_t>(i * 7);
    writePng(path("digit.png"), 28, 28, grey);
    fs::rename(path("digit.png"), path("digit.csv"));
    const ChildResult r = inChild([&] { return tryLoad(path("digit.csv")); });
    report("PNG renamed .csv", r);
    EXPECT_EQ(r.message, path("digit.csv") + ": is a PNG image, not a CSV file");
    EXPECT_LT(r.growthKiB, 8 * kMiB * kSlack / 2);
}

TEST_F(HostileFiles, CsvEndingMidLineKeepsThePreviousData) {
    Dataset d = loadDataset(data("mnist_train_100.csv"));
    const Dataset before = d;
    const std::string book = readAll(data("mnist_train_100.csv"));
    // Cut in the middle of line 51 (after its 300th comma).
    std::size_t at = 0;
    for (int i = 0; i < 50; ++i) at = book.find('\n', at) + 1;
    for (int i = 0; i < 300; ++i) at = book.find(',', at) + 1;
    writeAll(path("cut.csv"), book.substr(0, at + 1));  // ends inside pixel 300's number
    try {
        d = loadDataset(path("cut.csv"));
        FAIL() << "a CSV cut mid-line loaded";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), (path("cut.csv") + ":51: line 51 has 301 values, expected 785 "
                                                  "like line 1")
                                   .c_str());
    }
    EXPECT_EQ(d.labels, before.labels);
    EXPECT_EQ(d.pixels, before.pixels);
    EXPECT_EQ(d.source, before.source);
}

TEST_F(HostileFiles, TruncatedGzipKeepsThePreviousData) {
    Dataset d = loadDataset(data("mnist_test_10.csv"));
    const Dataset before = d;
    const std::string gz = readAll(data("mnist_train_5000.csv.gz"));
    writeAll(path("cut.csv.gz"), gz.substr(0, gz.size() / 2));
    const ChildResult r = inChild([&] { return tryLoad(path("cut.csv.gz")); });
    report("truncated .gz", r);
    EXPECT_EQ(r.exitCode, 0) << r.message;
    EXPECT_NE(r.message.find(path("cut.csv.gz")), std::string::npos) << r.message;
    EXPECT_NE(r.message.find("truncated"), std::string::npos) << r.message;
    // Streaming inflate: the 32 KiB window, the read buffer and the ~2,500 rows read so far.
    EXPECT_LT(r.growthKiB, 24 * kMiB * kSlack / 2) << "peak RSS grew by " << r.growthKiB << " KiB";
    EXPECT_THROW(d = loadDataset(path("cut.csv.gz")), DataError);
    EXPECT_EQ(d.labels, before.labels);
    EXPECT_EQ(d.pixels, before.pixels);
}

TEST_F(HostileFiles, ModelFromANewerVersionKeepsThePreviousModel) {
    NetworkSpec spec;
    spec.layers = {4, 3, 2};
    spec.seed = 11;
    saveModel(path("old.bpm"), Network(spec));
    std::string bytes = readAll(path("old.bpm"));
    ASSERT_EQ(bytes.rfind("BPSMODEL 1\n", 0), 0u);
    bytes.replace(0, 11, "BPSMODEL 7\n");  // as a later version would write it, CRC included
    const std::uint32_t crc = crc32(bytes.data(), bytes.size() - 4);
    for (int b = 0; b < 4; ++b)
        bytes[bytes.size() - 4 + static_cast<std::size_t>(b)] =
            static_cast<char>((crc >> (8 * b)) & 255);
    writeAll(path("new.bpm"), bytes);

    SavedModel m = loadModel(path("old.bpm"));
    const Matrix w0 = m.network.weights(0);
    try {
        m = loadModel(path("new.bpm"));
        FAIL() << "a format-7 model loaded";
    } catch (const ModelVersionError& e) {
        EXPECT_EQ(e.version, 7);
        EXPECT_NE(std::string(e.what()).find("written by a newer Backprop Studio (format 7"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_TRUE(m.network.weights(0) == w0);
    EXPECT_EQ(m.network.spec().layers, spec.layers);
}

// Reads are bounded before they are made: devices, a FIFO nobody writes to, a folder and a 10 GB
// sparse file with a valid first line are refused by every loader within a second, in bounded
// memory, naming the path (the CLI's view of the same: tests/cli/hostile_tests.py).
TEST_F(HostileFiles, DevicesAreRefusedAtOnce) {
    const EveryLoader zero = refusedAtOnce("/dev/zero", "/dev/zero");
    EXPECT_EQ(zero.dataset, "/dev/zero:1: NUL byte at byte 0: binary data, not a CSV file");
    EXPECT_EQ(zero.model,
              "/dev/zero: not a Backprop Studio model file (it does not start with \"BPSMODEL\")");
    EXPECT_EQ(zero.session,
              "/dev/zero: not a Backprop Studio session file (it does not start "
              "with \"BPSESSION\")");
    EXPECT_EQ(zero.npy, "/dev/zero: not a NumPy .npy file (no \\x93NUMPY signature)");
    const EveryLoader random = refusedAtOnce("/dev/urandom", "/dev/urandom");
    EXPECT_NE(random.model.find("not a Backprop Studio model file"), std::string::npos);
    EXPECT_NE(random.npy.find("not a NumPy .npy file"), std::string::npos);
}

TEST_F(HostileFiles, FifoWithNoWriterIsRefusedAtOnce) {
    ASSERT_EQ(::mkfifo(path("fifo").c_str(), 0600), 0);
    const EveryLoader all = refusedAtOnce("FIFO with no writer", path("fifo"));
    const std::string empty = path("fifo") + ": " + kEmptyPipe;
    EXPECT_EQ(all.dataset, empty);
    EXPECT_EQ(all.model, empty);
    EXPECT_EQ(all.session, empty);
    EXPECT_EQ(all.npy, empty);
}

TEST_F(HostileFiles, FolderIsNamedAsSuch) {
    fs::create_directory(path("wih.npy"));
    const EveryLoader all = refusedAtOnce("a folder", path("wih.npy"));
    EXPECT_EQ(all.dataset, path("wih.npy") + ": is a folder, not a data file");
    EXPECT_EQ(all.model, path("wih.npy") + ": is a folder, not a model file");
    EXPECT_EQ(all.session, path("wih.npy") + ": is a folder, not a session file");
    EXPECT_EQ(all.npy, path("wih.npy") + ": is a folder, not a .npy file");
}

TEST_F(HostileFiles, TenGigabyteSparseFilesWithAValidStart) {
    const auto sparse = [&](const std::string& name, const std::string& start) {
        writeAll(path(name), start);
        fs::resize_file(path(name), std::uintmax_t{10} << 30);
        return path(name);
    };
    const std::string csv = sparse("big.csv", "5,0,0\n");
    EXPECT_EQ(refusedAtOnce("10 GB sparse CSV", csv).dataset,
              csv + ":2: NUL byte at byte 6: binary data, not a CSV file");
    const std::string bpm = sparse("big.bpm", "BPSMODEL 1\nlayers 784,200,10\n");
    EXPECT_EQ(refusedAtOnce("10 GB sparse model", bpm).model, bpm + ": header has no \"end\" line");
    const std::string bps = sparse("big.bps", "BPSESSION 1\ntitle x\n");
    EXPECT_EQ(refusedAtOnce("10 GB sparse session", bps).session,
              bps + ": header has no \"end\" line");
    writeNpy(path("small.npy"), Matrix::Zero(2, 3));
    const std::string npy = sparse("big.npy", readAll(path("small.npy")));
    EXPECT_EQ(refusedAtOnce("10 GB sparse .npy", npy).npy,
              npy +
                  ": the file is 10.7 GB but its header announces 48 bytes of data (shape (2, "
                  "3)): not a .npy file numpy.save wrote");
    // A model whose header is complete, followed by 10 GB: the size is checked before reading.
    saveModel(path("m.bpm"), Network(NetworkSpec{{2, 2}}));
    const std::string grown = sparse("grown.bpm", readAll(path("m.bpm")));
    EXPECT_EQ(refusedAtOnce("model + 10 GB", grown).model.rfind(grown + ": file has ", 0), 0u);
}

// A pipe cannot seek: gzip data arriving through one is decompressed from its first byte (the
// two read to recognise it are handed to the decompressor).
TEST_F(HostileFiles, GzipThroughAPipe) {
    const std::string gz = gzipCompress(readAll(data("mnist_train_100.csv")));
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const pid_t writer = ::fork();
    if (writer == 0) {
        ::close(fds[0]);
        for (std::size_t done = 0; done < gz.size();) {
            const ssize_t n =
                ::write(fds[1], gz.data() + done, std::min<std::size_t>(4096, gz.size() - done));
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    const std::string through = "/proc/self/fd/" + std::to_string(fds[0]);
    EXPECT_EQ(tryLoad(through), "loaded 100x784");
    ::close(fds[0]);
    ::waitpid(writer, nullptr, 0);
}

// Decompression bombs: small files that expand a thousandfold. Memory follows what is kept (the
// Dataset's one byte a pixel and one a label, with the vectors' doubling), never what the
// header announces nor how much is inflated: 20,000,000 images of 1×1 pixel from two 19 KB
// files load within 2 × (20 MB + 20 MB) + 32 MiB; 256 MiB of blank lines from a 256 KB .csv.gz
// are streamed through and refused ("no samples") in a constant 32 MiB.
TEST_F(HostileFiles, DecompressionBombsCostWhatIsKept) {
    constexpr std::uint32_t kImages = 20'000'000;
    const auto be32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v >> 24), static_cast<char>((v >> 16) & 255),
                           static_cast<char>((v >> 8) & 255), static_cast<char>(v & 255)};
    };
    {
        std::string zeros(kImages, '\0');
        writeAll(path("bomb-images-idx3-ubyte.gz"),
                 gzipCompress(be32(0x803) + be32(kImages) + be32(1) + be32(1) + zeros));
        writeAll(path("bomb-labels-idx1-ubyte.gz"),
                 gzipCompress(be32(0x801) + be32(kImages) + zeros));
    }
    EXPECT_LT(fs::file_size(path("bomb-images-idx3-ubyte.gz")), 100'000u);
    const ChildResult idx = inChild([&] { return tryLoad(path("bomb-images-idx3-ubyte.gz")); });
    report("IDX bomb: 20,000,000 images of 1x1 from 2 x 19 KB", idx);
    EXPECT_EQ(idx.message, "loaded 20000000x1");
    const long kept = 2L * kImages / 1024;  // KiB: one byte a pixel, one a label
    EXPECT_LT(idx.growthKiB, (2 * kept + 32 * kMiB) * kSlack / 2) << "peak RSS +" << idx.growthKiB;

    {
        std::ofstream out(path("blank.csv.gz"), std::ios::binary);
        GzipWriter gz(
            [&](const char* p, std::size_t n) { out.write(p, static_cast<std::streamsize>(n)); });
        const std::string lines(std::size_t{1} << 20, '\n');
        for (int i = 0; i < 256; ++i) gz.write(lines);
        gz.finish();
    }
    EXPECT_LT(fs::file_size(path("blank.csv.gz")), 1'000'000u);
    const ChildResult csv = inChild([&] { return tryLoad(path("blank.csv.gz")); });
    report("gzip bomb: 256 MiB of blank lines from 256 KB", csv);
    EXPECT_EQ(csv.exitCode, 0) << csv.message;
    EXPECT_EQ(csv.message.rfind(path("blank.csv.gz") + ":", 0), 0u) << csv.message;
    EXPECT_NE(csv.message.find("no samples"), std::string::npos) << csv.message;
    EXPECT_LT(csv.growthKiB, 32 * kMiB * kSlack / 2) << "peak RSS +" << csv.growthKiB;
}
