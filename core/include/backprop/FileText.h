// FileText.h — text that came from a file (or a network message): numbers read whole, and the
// text shown back in a message without passing raw control bytes to a terminal.
//
//   parseNumber("784", n)     true, n = 784     parseNumber("784 ", n), ("0x10", n), ("", n): false
//   parseNumber("0.1", x)     true              parseNumber("nan", x), ("inf", x), ("1e999", x):
//   false printable("a\x1b[2Jb")    "a\x1b[2Jb" with the ESC written as the four characters \x1b
// Used by the model, session and .npy readers and the dataset loaders; meant for any new
// reader too (checkpoints, classroom messages), so every one refuses and quotes the same way.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace bp {

// Parses the whole of s as one number of type T (std::from_chars rules: no leading '+' or
// spaces, decimal). A floating-point value must be finite. False if s is anything else or the
// value does not fit T; out is then unspecified.
template <typename T>
bool parseNumber(std::string_view s, T& out) {
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>);
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return false;
    if constexpr (std::is_floating_point_v<T>) return std::isfinite(out);
    return true;
}

// s as it may appear in a one-line message: control bytes (C0, DEL and C1) and bytes that are
// not well-formed UTF-8 written as \xNN; printable characters, 中文 included, kept. Cut after
// about maxLength input bytes with "…".
std::string printable(std::string_view s, std::size_t maxLength = 80);

}  // namespace bp
