// fuzz_options — the command-line checks backprop-cli and backprop-studio share
// (backprop/OptionText.h) on arbitrary text.
//
// Expected: a value is accepted only when it is finite and within its bounds (a learning rate
// above 0, neuron counts from 1 to the maximum), and left untouched when refused; a refusal is a
// non-empty one-line message that quotes the text without a raw control byte (C0, DEL).
#include <cmath>

#include "FuzzCommon.h"
#include "backprop/OptionText.h"

namespace {

// A refusal: a message without raw control bytes, and the value as it was.
void refused(const std::string& why, bool untouched) {
    for (const char c : why) {
        const auto b = static_cast<unsigned char>(c);
        bpfuzz::check(b >= 0x20 && b != 0x7f, "a raw control byte in a message");
    }
    bpfuzz::check(untouched, "a refused value changed the output");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = bpfuzz::asText(data, size);
    double x = -7;
    if (const std::string why = bp::parseNumberOption("lr", text, 0, 1e6, x); why.empty())
        bpfuzz::check(std::isfinite(x) && x >= 0 && x <= 1e6, "number out of range accepted");
    else
        refused(why, x == -7);
    double lr = -7;
    if (const std::string why = bp::parseLearningRateOption("lr", text, 1.0, lr); why.empty())
        bpfuzz::check(lr > 0 && lr <= 1.0, "learning rate out of range accepted");
    else
        refused(why, lr == -7);
    long long n = -7;
    if (const std::string why = bp::parseIntegerOption("epochs", text, 1, 100, n); why.empty())
        bpfuzz::check(n >= 1 && n <= 100, "whole number out of range accepted");
    else
        refused(why, n == -7);
    std::vector<int> counts = {-7};
    if (const std::string why = bp::parseNeuronCountsOption("hidden", text, 4096, counts);
        why.empty()) {
        for (const int c : counts) bpfuzz::check(c >= 1 && c <= 4096, "neuron count out of range");
    } else {
        refused(why, counts.size() == 1 && counts[0] == -7);
    }
    return 0;
}
