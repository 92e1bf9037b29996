// OptionText.h — the numbers and lists given on a command line, checked by one code with one
// set of messages: backprop-cli's options (app/cli/Args) and backprop-studio's command line
// (app/studio_main.cpp) both call these, so `--lr nan` or `--epochs -1` is refused by both in
// the same words. Each function returns "" and sets out, or returns the message and leaves out
// alone, e.g. "option '--lr' needs a number from 0 to 1e+06, got 'nan'". The option is named
// without its dashes ("lr"); the text a user typed is quoted through printable().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

// A finite decimal number in [min, max] (the whole text; "nan", "inf", "1e999" are refused).
std::string parseNumberOption(std::string_view option, std::string_view text, double min,
                              double max, double& out);
// A whole number in [min, max] (the whole text, base 10).
std::string parseIntegerOption(std::string_view option, std::string_view text, long long min,
                               long long max, long long& out);

// A learning rate α: a number in (0, max] — 0 learns nothing ("option '--lr' needs a learning
// rate above 0, got '0'").
std::string parseLearningRateOption(std::string_view option, std::string_view text, double max,
                                    double& out);

// Neuron counts of hidden layers separated by commas ("200" or "200,50"; spaces around a count
// are allowed, an empty text is no hidden layer), each from 1 to maxEach.
std::string parseNeuronCountsOption(std::string_view option, std::string_view text, int maxEach,
                                    std::vector<int>& out);

// "1e+06", "0.5": a bound as a person writes it.
std::string shortNumber(double x);

}  // namespace bp
