// FileText.cpp — printable() (see FileText.h; parseNumber is a template in the header).
#include "backprop/FileText.h"

#include <algorithm>

namespace bp {
namespace {

// Length of the well-formed UTF-8 sequence at s[i] encoding a code point of U+00A0 or above
// (C1 controls U+0080…U+009F excluded: some terminals obey them), or 0.
std::size_t printableUtf8(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    const bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (overlong || surrogate || cp > 0x10FFFF || cp < 0xA0) return 0;
    return n;
}

}  // namespace

std::string printable(std::string_view s, std::size_t maxLength) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(std::min(s.size(), maxLength) + 8);
    std::size_t i = 0;
    while (i < s.size() && i < maxLength) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
            ++i;
        } else if (const std::size_t n = c >= 0x80 ? printableUtf8(s, i) : 0; n > 0) {
            out.append(s.substr(i, n));  // a printable non-ASCII character (中文 stays as it is)
            i += n;
        } else {  // control bytes, DEL, and bytes that are not UTF-8
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
            ++i;
        }
    }
    if (i < s.size()) out += "…";
    return out;
}

}  // namespace bp
