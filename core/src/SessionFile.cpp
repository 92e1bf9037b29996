// SessionFile.cpp — the ".bps" session format, version 1 (see SessionFile.h,
// docs/SESSION_FORMAT.md). The network travels as an embedded .bpm model file.
#include "backprop/SessionFile.h"

#include <bit>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>

#include "backprop/Checksum.h"


namespace bp {
namespace {

constexpr std::string_view kMagic = "BPSESSION ";
constexpr std::size_t kMaxHeader = 1024 * 1024;  // a header longer than this is not ours
constexpr std::size_t kPointBytes = 16;          // x and y, float64 each

std::string errnoText() {
    return std::strerror(errno);
}

template <typename T>
bool parseNumber(std::string_view s, T& out) {
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Header values are one line: '%', control bytes and DEL are written as %XX.
std::string escape(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F || c == '%') {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// False on a malformed %XX sequence.
bool unescape(std::string_view text, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return false;  // needs two hex digits after '%'
        const int hi = hexValue(text[i + 1]), lo = hexValue(text[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return true;
}

bool isSettingKey(std::string_view key) {
    if (key.empty()) return false;
    for (const char c : key) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '/' || c == '-';
        if (!ok) return false;
    }
    return true;
}

void putDouble(std::vector<char>& out, double v) {
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(v);
    for (int b = 0; b < 8; ++b) out.push_back(static_cast<char>((bits >> (8 * b)) & 0xFF));
}

double getDouble(const char* p) {
    std::uint64_t bits = 0;
    for (int b = 0; b < 8; ++b)
        bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[b])) << (8 * b);
    return std::bit_cast<double>(bits);
}

[[noreturn]] void corrupt(const std::string& name, const std::string& what) {
    throw SessionCorruptError(name + ": " + what);
}

// A "run" line: point counts of its three curves and its label.
struct RunHeader {
    std::size_t error = 0, accuracy = 0, rates = 0;
    std::string label;
};

// Everything of a Session but the network, while the header is read (a default Network is a
// 784-200-10 one: too costly to make for every file that turns out to be bad).
struct SessionFields {
    std::string title, trainData, testData;
    int epochs = 1;
    std::uint64_t shuffleSeed = 1;
    int errorWindow = 100;
    std::vector<std::pair<std::string, std::string>> settings;
    std::vector<SessionRun> runs;
};

}  // namespace

std::string Session::setting(const std::string& key, const std::string& fallback) const {
    for (auto it = settings.rbegin(); it != settings.rend(); ++it)
        if (it->first == key) return it->second;
    return fallback;
}

std::vector<char> encodeSession(const Session& session) {
    std::vector<char> model;
    try {
        model = encodeModel(session.network, session.training);
    } catch (const ModelFileError& e) {
        throw SessionFileError(e.what());
    }
    std::string header;
    header += std::string(kMagic) + std::to_string(kSessionFormatVersion) + "\n";
    header += "# Backprop Studio session; format: docs/SESSION_FORMAT.md\n";
    if (!session.title.empty()) header += "title " + escape(session.title) + "\n";
    if (!session.trainData.empty()) header += "train_data " + escape(session.trainData) + "\n";
    if (!session.testData.empty()) header += "test_data " + escape(session.testData) + "\n";
    header += "epochs " + std::to_string(session.epochs) + "\n";
    header += "shuffle_seed " + std::to_string(session.shuffleSeed) + "\n";
    header += "error_window " + std::to_string(session.errorWindow) + "\n";
    for (const auto& [key, value] : session.settings) {
        if (!isSettingKey(key))
            throw SessionFileError("setting key \"" + escape(key) +
                                   "\" is not a plain word (letters, digits, _ . / -)");
        header += "setting " + key + " " + escape(value) + "\n";
    }
    std::size_t points = 0;
    for (const SessionRun& run : session.runs) {
        header += "run " + std::to_string(run.error.size()) + " " +
                  std::to_string(run.accuracy.size()) + " " + std::to_string(run.rateMarks.size()) +
                  " " + escape(run.label) + "\n";
        points += run.error.size() + run.accuracy.size() + run.rateMarks.size();
    }
    header += "model " + std::to_string(model.size()) + " bpm\n";
    header += "end\n";

    std::vector<char> out;
    out.reserve(header.size() + model.size() + kPointBytes * points + 4);
    out.insert(out.end(), header.begin(), header.end());
    out.insert(out.end(), model.begin(), model.end());
    for (const SessionRun& run : session.runs)
        for (const auto* curve : {&run.error, &run.accuracy, &run.rateMarks})
            for (const auto& [x, y] : *curve) {
                putDouble(out, x);
                putDouble(out, y);
            }
    const std::uint32_t crc = crc32(out.data(), out.size());
    for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>((crc >> (8 * b)) & 0xFF));
    return out;
}

Session decodeSession(const std::vector<char>& bytes, const std::string& name) {
    const std::string_view all(bytes.data(), bytes.size());
    if (bytes.empty()) throw SessionTruncatedError(name + ": file is empty (not a session file)");
    if (kMagic.starts_with(all))
        throw SessionTruncatedError(name + ": file is truncated (it ends inside the header)");
    if (!all.starts_with(kMagic))
        throw SessionCorruptError(name +
                                  ": not a Backprop Studio session file (it does not start with "
                                  "\"BPSESSION\")");

    const std::size_t firstEnd = all.find('\n');
    if (firstEnd == std::string_view::npos)
        throw SessionTruncatedError(name + ": file is truncated (it ends inside the header)");
    int version = 0;
    if (!parseNumber(all.substr(kMagic.size(), firstEnd - kMagic.size()), version) || version < 1)
        corrupt(name, "unreadable format version in the first line");
    if (version > kSessionFormatVersion)
        throw SessionVersionError(name + ": written by a newer Backprop Studio (session format " +
                                      std::to_string(version) + "; this version reads " +
                                      std::to_string(kSessionFormatVersion) + ")",
                                  version);

    SessionFields session;
    std::vector<RunHeader> runs;
    std::set<std::string, std::less<>> seen;  // single-valued keys met so far
    std::size_t modelBytes = 0;
    bool haveModel = false;
    std::size_t pos = firstEnd + 1, lineNo = 1;
    bool ended = false;
    while (pos < all.size() && pos < kMaxHeader) {
        const std::size_t eol = all.find('\n', pos);
        if (eol == std::string_view::npos) break;
        ++lineNo;
        const std::string_view line = all.substr(pos, eol - pos);
        pos = eol + 1;
        if (line == "end") {
            ended = true;
            break;
        }
        if (line.empty() || line[0] == '#') continue;
        const std::size_t sp = line.find(' ');
        if (sp == std::string_view::npos || sp == 0)
            corrupt(name, "header line " + std::to_string(lineNo) + " is not \"key value\"");
        const std::string key(line.substr(0, sp));
        const std::string_view value = line.substr(sp + 1);
        auto bad = [&] {
            corrupt(name, "header line " + std::to_string(lineNo) + ": " + key +
                              " has an invalid value \"" + escape(value) + "\"");
        };
        auto text = [&](std::string& out) {
            if (!unescape(value, out)) bad();
        };
        if (key != "setting" && key != "run") {
            if (seen.count(key) != 0)
                corrupt(name,
                        "header line " + std::to_string(lineNo) + ": " + key + " appears twice");
            seen.insert(key);
        }
        if (key == "title") {
            text(session.title);
        } else if (key == "train_data") {
            text(session.trainData);
        } else if (key == "test_data") {
            text(session.testData);
        } else if (key == "epochs") {
            if (!parseNumber(value, session.epochs) || session.epochs < 1) bad();
        } else if (key == "shuffle_seed") {
            if (!parseNumber(value, session.shuffleSeed)) bad();
        } else if (key == "error_window") {
            if (!parseNumber(value, session.errorWindow) || session.errorWindow < 1) bad();
        } else if (key == "setting") {
            const std::size_t sp2 = value.find(' ');
            if (sp2 == std::string_view::npos || !isSettingKey(value.substr(0, sp2))) bad();
            std::string v;
            if (!unescape(value.substr(sp2 + 1), v)) bad();
            session.settings.emplace_back(std::string(value.substr(0, sp2)), std::move(v));
        } else if (key == "run") {
            RunHeader r;
            std::string_view rest = value;
            for (std::size_t* count : {&r.error, &r.accuracy, &r.rates}) {
                const std::size_t s = rest.find(' ');
                if (s == std::string_view::npos || !parseNumber(rest.substr(0, s), *count)) bad();
                rest.remove_prefix(s + 1);
            }
            if (!unescape(rest, r.label)) bad();
            runs.push_back(std::move(r));
        } else if (key == "model") {
            const std::size_t s = value.find(' ');
            if (s == std::string_view::npos || !parseNumber(value.substr(0, s), modelBytes) ||
                value.substr(s + 1) != "bpm")
                bad();
            haveModel = true;
        }
        // Unknown keys: a later version may add some without changing the format number.
    }
    if (!ended) {
        if (pos >= kMaxHeader) corrupt(name, "header has no \"end\" line");
        throw SessionTruncatedError(name + ": file is truncated (it ends inside the header)");
    }
    if (!haveModel) corrupt(name, "header has no \"model\" line");
    const std::size_t dataAt = pos;

    // What the header announces must be there, exactly: model, points, checksum. Every sum is
    // bounded by the file size first, so a forged count cannot overflow or allocate.
    const std::size_t have = bytes.size() - dataAt;
    std::size_t need = modelBytes;
    bool tooLong = modelBytes > have;
    for (const RunHeader& r : runs)
        for (const std::size_t count : {r.error, r.accuracy, r.rates}) {
            if (tooLong || count > (have - need) / kPointBytes) {
                tooLong = true;
                break;
            }
            need += count * kPointBytes;
        }
    if (tooLong || have < need)
        throw SessionTruncatedError(name +
                                    ": file is truncated (the header announces more data "
                                    "than the " +
                                    std::to_string(have) + " bytes after it)");
    if (have < need + 4)
        throw SessionTruncatedError(name +
                                    ": file is truncated (the 4-byte checksum at the end is "
                                    "missing)");
    if (have > need + 4)
        corrupt(name, "file has " + std::to_string(have - need - 4) +
                          " unexpected bytes after the checksum");
    const std::size_t crcAt = dataAt + need;
    if (const std::string mismatch = trailingCrc32Mismatch(bytes.data(), crcAt); !mismatch.empty())
        corrupt(name, "file is corrupted (" + mismatch + ")");

    // The embedded model, with the model file's own checks.
    const std::vector<char> model(bytes.begin() + static_cast<std::ptrdiff_t>(dataAt),
                                  bytes.begin() + static_cast<std::ptrdiff_t>(dataAt + modelBytes));
    std::optional<SavedModel> saved;  // optional: no default 784-200-10 network made
    try {
        saved.emplace(decodeModel(model, name + " (embedded model)"));
    } catch (const ModelFileError& e) {
        throw SessionCorruptError(e.what());
    }

    const char* p = bytes.data() + dataAt + modelBytes;
    for (RunHeader& r : runs) {
        SessionRun run;
        run.label = std::move(r.label);
        for (auto [curve, count] :
             {std::pair{&run.error, r.error}, std::pair{&run.accuracy, r.accuracy},
              std::pair{&run.rateMarks, r.rates}}) {
            curve->reserve(count);
            for (std::size_t i = 0; i < count; ++i, p += kPointBytes)
                curve->emplace_back(getDouble(p), getDouble(p + 8));
        }
        session.runs.push_back(std::move(run));
    }
    return Session{.title = std::move(session.title),
                   .network = std::move(saved->network),
                   .training = saved->training,
                   .epochs = session.epochs,
                   .shuffleSeed = session.shuffleSeed,
                   .errorWindow = session.errorWindow,
                   .trainData = std::move(session.trainData),
                   .testData = std::move(session.testData),
                   .runs = std::move(session.runs),
                   .settings = std::move(session.settings)};
}

Session loadSession(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw SessionFileError(path + ": cannot open session file (" + errnoText() + ")");
    const std::vector<char> bytes((std::istreambuf_iterator<char>(f)),
                                  std::istreambuf_iterator<char>());
    if (f.bad()) throw SessionFileError(path + ": cannot read session file (" + errnoText() + ")");
    return decodeSession(bytes, path);
}

void saveSession(const std::string& path, const Session& session) {
    std::vector<char> bytes;
    try {
        bytes = encodeSession(session);
    } catch (const SessionFileError& e) {
        throw SessionFileError(path + ": cannot save the session (" + e.what() + ")");
    }
    try {
        writeFileAtomically(path, bytes);
    } catch (const std::runtime_error& e) {
        throw SessionFileError(path + ": cannot save the session (" + e.what() + ")");
    }
}

bool looksLikeSession(const std::vector<char>& head) {
    return std::string_view(head.data(), head.size()).starts_with(kMagic);
}

}  // namespace bp
