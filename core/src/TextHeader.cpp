// TextHeader.cpp — the magic line, the key-value lines and "end" of model and session files
// (see TextHeader.h).
#include "TextHeader.h"

#include <algorithm>
#include <set>

#include "backprop/FileText.h"

namespace bp {

TextHeader parseTextHeader(std::string_view all, const TextHeaderFormat& format,
                           const std::string& name) {
    using Kind = TextHeaderError::Kind;
    const auto fail = [&](Kind kind, const std::string& what) {
        throw TextHeaderError(kind, name + ": " + what);
    };
    const std::string fileKind(format.fileKind);
    if (all.empty()) fail(Kind::Truncated, "file is empty (not a " + fileKind + ")");
    if (format.magic.starts_with(all))
        fail(Kind::Truncated, "file is truncated (it ends inside the header)");
    if (!all.starts_with(format.magic)) {
        const std::string_view word = format.magic.substr(0, format.magic.find(' '));
        fail(Kind::Corrupt, "not a Backprop Studio " + fileKind + " (it does not start with \"" +
                                std::string(word) + "\")");
    }

    TextHeader h;
    const std::size_t firstEnd = all.find('\n');
    if (firstEnd == std::string_view::npos || firstEnd >= format.maxHeader) {
        if (all.size() < format.maxHeader)
            fail(Kind::Truncated, "file is truncated (it ends inside the header)");
        fail(Kind::Corrupt, "unreadable format version in the first line");
    }
    const std::string_view versionText =
        all.substr(format.magic.size(), firstEnd - format.magic.size());
    if (!parseNumber(versionText, h.version) || h.version < 1)
        fail(Kind::Corrupt, "unreadable format version in the first line");
    if (h.version > format.newestVersion)
        throw TextHeaderError(Kind::Newer,
                              name + ": written by a newer Backprop Studio (" +
                                  std::string(format.versionWord) + " " +
                                  std::to_string(h.version) + "; this version reads " +
                                  std::to_string(format.newestVersion) + ")",
                              h.version);

    std::set<std::string, std::less<>> seen;  // keys met so far that may come only once
    std::size_t pos = firstEnd + 1, lineNo = 1;
    while (pos < all.size() && pos < format.maxHeader) {
        const std::size_t eol = all.find('\n', pos);
        if (eol == std::string_view::npos) break;
        ++lineNo;
        const std::string_view line = all.substr(pos, eol - pos);
        pos = eol + 1;
        if (line == "end") {
            h.dataAt = pos;
            return h;
        }
        if (line.empty() || line[0] == '#') continue;
        const std::size_t sp = line.find(' ');
        if (sp == std::string_view::npos || sp == 0)
            fail(Kind::Corrupt, "header line " + std::to_string(lineNo) + " is not \"key value\"");
        const std::string_view key = line.substr(0, sp);
        const bool repeatable = std::find(format.repeatable.begin(), format.repeatable.end(),
                                          key) != format.repeatable.end();
        if (!repeatable && !seen.emplace(key).second)
            fail(Kind::Corrupt, "header line " + std::to_string(lineNo) + ": " + printable(key) +
                                    " appears twice");
        h.lines.push_back({std::string(key), std::string(line.substr(sp + 1)), lineNo});
    }
    // No "end" within the bytes a header may take: whatever follows, this is not one of ours.
    if (pos >= format.maxHeader || all.size() >= format.maxHeader)
        fail(Kind::Corrupt, "header has no \"end\" line");
    fail(Kind::Truncated, "file is truncated (it ends inside the header)");
    return h;  // not reached
}

}  // namespace bp
