// Args.cpp — option parsing for backprop-cli (see Args.h).
#include "Args.h"

#include <cstdio>

#include "backprop/OptionText.h"

namespace bp::cli {

Args::Args(std::string command, const std::vector<OptionSpec>& options, int argc,
           const char* const* argv, int first)
    : m_command(std::move(command)) {
    for (int i = first; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.size() < 3 || !arg.starts_with("--")) {
            if (arg.size() > 1 && arg[0] == '-' && arg != "-") fail("unknown option '" + arg + "'");
            m_positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2), value;
        bool inlineValue = false;
        if (const std::size_t eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
            inlineValue = true;
        }
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& o : options)
            if (o.name == name) spec = &o;
        if (!spec) fail("unknown option '--" + name + "'");
        if (spec->takesValue && !inlineValue) {
            if (i + 1 >= argc) fail("option '--" + name + "' needs a value");
            value = argv[++i];
        } else if (!spec->takesValue && inlineValue) {
            fail("option '--" + name + "' takes no value");
        }
        m_values[name] = value;
    }
}

void Args::fail(const std::string& message) const {
    throw UsageError(m_command + ": " + message + " (see 'backprop-cli " + m_command + " --help')");
}

std::optional<std::string> Args::value(const std::string& name) const {
    const auto it = m_values.find(name);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

std::string Args::required(const std::string& name) const {
    const auto v = value(name);
    if (!v || v->empty()) fail("missing required option '--" + name + "'");
    return *v;
}

double Args::number(const std::string& name, double fallback, double min, double max) const {
    const auto v = value(name);
    if (!v) return fallback;
    double x = 0;
    if (const std::string why = parseNumberOption(name, *v, min, max, x); !why.empty()) fail(why);
    return x;
}

long long Args::integer(const std::string& name, long long fallback, long long min,
                        long long max) const {
    const auto v = value(name);
    if (!v) return fallback;
    long long x = 0;
    if (const std::string why = parseIntegerOption(name, *v, min, max, x); !why.empty()) fail(why);
    return x;
}

}  // namespace bp::cli
