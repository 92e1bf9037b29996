// OptionText.cpp — command-line numbers and lists, checked once for the CLI and the studio.
#include "backprop/OptionText.h"

#include <cstdio>

#include "backprop/FileText.h"

namespace bp {

namespace {
std::string quoted(std::string_view text) {
    std::string q(1, '\'');  // appended, not "'" + s: GCC 12's -Wrestrict misfires on that
    q += printable(text);
    q += '\'';
    return q;
}
}  // namespace

std::string shortNumber(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}

std::string parseNumberOption(std::string_view option, std::string_view text, double min,
                              double max, double& out) {
    double x = 0;
    if (!parseNumber(text, x) || !(x >= min && x <= max))
        return "option '--" + std::string(option) + "' needs a number from " + shortNumber(min) +
               " to " + shortNumber(max) + ", got " + quoted(text);
    out = x;
    return {};
}

std::string parseIntegerOption(std::string_view option, std::string_view text, long long min,
                               long long max, long long& out) {
    long long x = 0;
    if (!parseNumber(text, x) || x < min || x > max)
        return "option '--" + std::string(option) + "' needs a whole number from " +
               std::to_string(min) + " to " + std::to_string(max) + ", got " + quoted(text);
    out = x;
    return {};
}

std::string parseLearningRateOption(std::string_view option, std::string_view text, double max,
                                    double& out) {
    double x = 0;
    if (std::string why = parseNumberOption(option, text, 0.0, max, x); !why.empty()) return why;
    if (!(x > 0))  // α = 0 learns nothing, and a model file must hold a usable rate
        return "option '--" + std::string(option) + "' needs a learning rate above 0, got " +
               quoted(text);
    out = x;
    return {};
}

std::string parseNeuronCountsOption(std::string_view option, std::string_view text, int maxEach,
                                    std::vector<int>& out) {
    std::vector<int> counts;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t comma = std::min(text.find(',', pos), text.size());
        std::string_view item = text.substr(pos, comma - pos);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        int n = 0;
        if (!parseNumber(item, n) || n < 1 || n > maxEach)
            return "option '--" + std::string(option) + "' needs neuron counts from 1 to " +
                   std::to_string(maxEach) + " separated by commas, such as 200 or 200,50; " +
                   quoted(item) + " is not one";
        counts.push_back(n);
        pos = comma + 1;
    }
    out = std::move(counts);
    return {};
}

}  // namespace bp
