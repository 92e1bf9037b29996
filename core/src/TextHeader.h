// TextHeader.h — (private) the text header that model (.bpm) and session (.bps) files begin
// with, read the same way for both:
//   MAGIC VERSION\n       "BPSMODEL 1", "BPSESSION 1": the magic word, a space, a decimal version
//   key value\n …         one pair a line; blank lines and lines starting with '#' are skipped;
//                         a key may appear once unless the format lets it repeat
//   end\n                 the binary part follows at once
// The header is bounded (maxHeader bytes); a problem is a TextHeaderError whose kind the caller
// turns into its own exception type (ModelTruncatedError, SessionCorruptError, …).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

struct TextHeaderFormat {
    std::string_view magic;        // "BPSMODEL " (with its space)
    std::string_view fileKind;     // "model file": "not a Backprop Studio model file"
    std::string_view versionWord;  // "format" or "session format", in the newer-version message
    int newestVersion = 1;         // the newest version this program reads
    std::size_t maxHeader = 0;     // a header with no "end" line within this many bytes is not ours
    std::initializer_list<std::string_view> repeatable;  // keys that may come more than once
};

struct TextHeaderLine {
    std::string key;
    std::string value;  // the rest of the line after the first space (not unescaped)
    std::size_t line;   // 1-based line number in the file
};

struct TextHeader {
    int version = 0;                    // from the first line
    std::vector<TextHeaderLine> lines;  // in file order
    std::size_t dataAt = 0;             // offset of the first byte after "end\n"
};

class TextHeaderError : public std::runtime_error {
  public:
    enum class Kind {
        Truncated,  // the bytes end inside the header (more bytes might complete it)
        Corrupt,    // not this format, a bad line, a key twice, no "end"
        Newer,      // a version above newestVersion (version holds it)
    };
    TextHeaderError(Kind k, const std::string& what, int v = 0)
        : std::runtime_error(what), kind(k), version(v) {}
    Kind kind;
    int version;
};

// Reads the header at the start of bytes (which may hold more, or end right after "end\n");
// every message starts with "name: " and quotes file text through printable().
TextHeader parseTextHeader(std::string_view bytes, const TextHeaderFormat& format,
                           const std::string& name);

}  // namespace bp
