// OptionTextTest.cpp — the checks backprop-cli's options and backprop-studio's command line share
// (backprop/OptionText.h): what they accept, and the one message for what they refuse.
#include <gtest/gtest.h>

#include "backprop/OptionText.h"

namespace {

TEST(OptionText, NumbersMustBeFiniteAndInRange) {
    double x = 42;
    for (const char* bad : {"nan", "inf", "-inf", "1e999", "", " 1", "1 ", "0x10", "1,5", "2"}) {
        EXPECT_EQ(bp::parseNumberOption("lr", bad, 0, 1, x),
                  std::string("option '--lr' needs a number from 0 to 1, got '") + bad + "'");
        EXPECT_EQ(x, 42) << bad;  // left alone
    }
    EXPECT_EQ(bp::parseNumberOption("lr", "0.25", 0, 1, x), "");
    EXPECT_EQ(x, 0.25);
    EXPECT_EQ(bp::parseNumberOption("lr", "1e6", 0, 1e6, x), "");
    EXPECT_EQ(bp::parseNumberOption("lr", "2e6", 0, 1e6, x),
              "option '--lr' needs a number from 0 to 1e+06, got '2e6'");
}

TEST(OptionText, WholeNumbers) {
    long long n = 7;
    for (const char* bad : {"-1", "1.5", "1e3", "x", "", "101", "99999999999999999999"})
        EXPECT_EQ(
            bp::parseIntegerOption("epochs", bad, 0, 100, n),
            std::string("option '--epochs' needs a whole number from 0 to 100, got '") + bad + "'");
    EXPECT_EQ(n, 7);
    EXPECT_EQ(bp::parseIntegerOption("epochs", "100", 0, 100, n), "");
    EXPECT_EQ(n, 100);
}

TEST(OptionText, LearningRateAboveZero) {
    double lr = 0.1;
    EXPECT_EQ(bp::parseLearningRateOption("lr", "0", 1e6, lr),
              "option '--lr' needs a learning rate above 0, got '0'");
    EXPECT_EQ(bp::parseLearningRateOption("lr", "nan", 1e6, lr),
              "option '--lr' needs a number from 0 to 1e+06, got 'nan'");
    EXPECT_EQ(lr, 0.1);
    EXPECT_EQ(bp::parseLearningRateOption("lr", "0.3", 1e6, lr), "");
    EXPECT_EQ(lr, 0.3);
}

TEST(OptionText, NeuronCounts) {
    std::vector<int> v = {9};
    EXPECT_EQ(bp::parseNeuronCountsOption("hidden", "200, 50", 4096, v), "");
    EXPECT_EQ(v, (std::vector<int>{200, 50}));
    EXPECT_EQ(bp::parseNeuronCountsOption("hidden", "", 4096, v), "");
    EXPECT_TRUE(v.empty());
    v = {9};
    for (const char* bad : {"0", "4097", "a", "200,,50", ",200", "-3", "2.5"}) {
        const std::string why = bp::parseNeuronCountsOption("hidden", bad, 4096, v);
        EXPECT_EQ(why.rfind("option '--hidden' needs neuron counts from 1 to 4096 separated by "
                            "commas, such as 200 or 200,50; '",
                            0),
                  0u)
            << why;
        EXPECT_EQ(v, std::vector<int>{9}) << bad;
    }
}

// Item 6: what a user typed is quoted without raw control bytes (a terminal would obey them).
TEST(OptionText, ControlBytesAreNotEchoed) {
    double x = 0;
    const std::string why = bp::parseNumberOption("lr", "\x1b[2J\x07", 0, 1, x);
    EXPECT_EQ(why.find('\x1b'), std::string::npos);
    EXPECT_EQ(why.find('\x07'), std::string::npos);
    EXPECT_NE(why.find("\\x1b[2J\\x07"), std::string::npos) << why;
}

}  // namespace
