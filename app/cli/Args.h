// Args.h — a small "--name value" / "--name=value" / "--flag" option parser per command.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace bp::cli {

// A usage mistake (exit status 2): unknown option, missing or malformed value.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string name;        // without the leading "--"
    bool takesValue = true;  // false for flags such as --json
};

class Args {
  public:
    // Parses argv[first…] against the command's options; throws UsageError.
    Args(std::string command, const std::vector<OptionSpec>& options, int argc,
         const char* const* argv, int first);

    bool has(const std::string& name) const { return m_values.count(name) > 0; }
    bool flag(const std::string& name) const { return has(name); }
    std::optional<std::string> value(const std::string& name) const;
    std::string required(const std::string& name) const;
    // Typed values; throw UsageError naming the option when the text is not a valid number
    // in [min, max].
    double number(const std::string& name, double fallback, double min, double max) const;
    long long integer(const std::string& name, long long fallback, long long min,
                      long long max) const;
    const std::vector<std::string>& positional() const { return m_positional; }
    const std::string& command() const { return m_command; }

    [[noreturn]] void fail(const std::string& message) const;

  private:
    std::string m_command;                        // "train", "eval", …
    std::map<std::string, std::string> m_values;  // option name → value ("" for flags)
    std::vector<std::string> m_positional;        // arguments that are not options
};

}  // namespace bp::cli
