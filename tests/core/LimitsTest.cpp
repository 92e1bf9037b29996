// LimitsTest.cpp — the shared bounds and text helpers every reader uses (Limits.h, FileText.h,
// FileRead.h): numbers read whole, control bytes never passed through, a network that would
// not fit in memory refused before anything is allocated, saying how much was asked.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <string>

#include "backprop/FileRead.h"
#include "backprop/FileText.h"
#include "backprop/Limits.h"
#include "backprop/Network.h"

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define BP_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define BP_SANITIZED 1
#endif
#endif
#ifndef BP_SANITIZED
#define BP_SANITIZED 0
#endif

using namespace bp;

TEST(FileText, ParseNumberReadsTheWholeTextOrNothing) {
    int n = 0;
    EXPECT_TRUE(parseNumber("784", n));
    EXPECT_EQ(n, 784);
    for (const char* bad : {"", " 784", "784 ", "+1", "0x10", "7e2", "2147483648", "1,2"})
        EXPECT_FALSE(parseNumber(bad, n)) << bad;
    double x = 0;
    EXPECT_TRUE(parseNumber("0.25", x));
    EXPECT_EQ(x, 0.25);
    EXPECT_TRUE(parseNumber("1e-3", x));
    for (const char* bad : {"nan", "inf", "-inf", "1e999", "0.1.", ".", "1e"})
        EXPECT_FALSE(parseNumber(bad, x)) << bad;
    std::uint64_t big = 0;
    EXPECT_TRUE(parseNumber("18446744073709551615", big));
    EXPECT_FALSE(parseNumber("18446744073709551616", big));
    EXPECT_FALSE(parseNumber("-1", big));
}

TEST(FileText, PrintableKeepsTextAndEscapesControls) {
    EXPECT_EQ(printable("plain text"), "plain text");
    EXPECT_EQ(printable("a\x1b[2Jb\r\n\t\x7f"), "a\\x1b[2Jb\\x0d\\x0a\\x09\\x7f");
    EXPECT_EQ(printable("第一课 α=0.1"), "第一课 α=0.1");  // UTF-8 text is kept
    EXPECT_EQ(printable("\xc2\x9b"
                        "31m"),
              "\\xc2\\x9b31m");                               // C1 CSI, a terminal command
    EXPECT_EQ(printable("\xff\xfe\xc3"), "\\xff\\xfe\\xc3");  // not UTF-8
    EXPECT_EQ(printable("\xe0\x80\xaf"), "\\xe0\\x80\\xaf");  // overlong '/'
    EXPECT_EQ(printable(std::string(100, 'x'), 10), std::string(10, 'x') + "…");
    EXPECT_EQ(printable(std::string_view("a\0b", 3)), "a\\x00b");
}

TEST(Limits, WeightCountSaturatesInsteadOfOverflowing) {
    EXPECT_EQ(weightCount({784, 200, 10}, false), 158800u);
    EXPECT_EQ(weightCount({784, 200, 10}, true), 200u * 785 + 10 * 201);
    const std::vector<int> deep(40, 1'000'000);  // 39 products of 10^12: about 4·10^13
    EXPECT_EQ(weightCount(deep, false), 39ull * 1'000'000'000'000ull);
    std::vector<int> absurd(20'000'000, 1'000'000);  // 2·10^19 weights: more than 2^64
    EXPECT_EQ(weightCount(absurd, false), UINT64_MAX);
}

TEST(Limits, NetworkThatDoesNotFitIsRefusedSayingHowMuch) {
    // With a machine of 1 GB: 784-200-10 (2.5 MB) fits, 784-100000-10 (1.3 GB) does not.
    const std::uint64_t gb = 1'000'000'000;
    EXPECT_EQ(networkMemoryProblem({784, 200, 10}, false, gb), "");
    EXPECT_EQ(networkMemoryProblem({784, 100000, 10}, true, gb),
              "a 784-100000-10 network with bias has 79500010 weights and needs 1.3 GB of memory "
              "(8 bytes a weight, twice); this computer has 1.0 GB");
    EXPECT_EQ(networkMemoryProblem({784, 100000, 10}, true, 0), "") << "0: memory unknown";
    // The real machine: a network of 10^12 weights fits none.
    NetworkSpec spec;
    spec.layers = {1'000'000, 1'000'000, 10};
    const std::string why = spec.validate();
    EXPECT_EQ(why.rfind("a 1000000-1000000-10 network has 1000010000000 weights and needs 16.0 "
                        "TB of memory (8 bytes a weight, twice); this computer has ",
                        0),
              0u)
        << why;
    try {
        Network net(spec);
        FAIL() << "a 16 TB network was made";
    } catch (const std::invalid_argument& e) {
        EXPECT_EQ(std::string(e.what()), why);
    }
}

TEST(Limits, AvailableMemoryFollowsTheAddressSpaceLimit) {
    if (BP_SANITIZED) GTEST_SKIP() << "RLIMIT_AS cannot be combined with a sanitizer's shadow";
    const std::uint64_t all = availableMemory();
    ASSERT_GT(all, 0u);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const rlimit lim{rlim_t{3} << 30, rlim_t{3} << 30};  // ulimit -v 3 GiB
        int code = ::setrlimit(RLIMIT_AS, &lim) == 0 ? 0 : 3;
        if (code == 0 && availableMemory() != std::min<std::uint64_t>(all, 3ull << 30)) code = 1;
        // 784-200000-10: 159 million weights, 2.5 GB with the working copy, fits in 3.2 GB;
        // 784-400000-10 (5.1 GB) does not.
        if (code == 0 && !networkMemoryProblem({784, 200000, 10}, false).empty()) code = 1;
        if (code == 0 && networkMemoryProblem({784, 400000, 10}, false).empty()) code = 2;
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(FileRead, ByteSizesAsAPersonReadsThem) {
    EXPECT_EQ(byteSize(12), "12 bytes");
    EXPECT_EQ(byteSize(640'000), "640 KB");
    EXPECT_EQ(byteSize(1'500'000'000), "1.5 GB");
    EXPECT_EQ(byteSize(std::uint64_t{10} << 30), "10.7 GB");
}
