// SessionFile.cpp — the ".bps" session format, version 1 (see SessionFile.h,
// docs/SESSION_FORMAT.md). The network travels as an embedded .bpm model file.
#include "backprop/SessionFile.h"

#include <cmath>
#include <new>
#include <optional>
#include <sstream>
#include <string_view>

#include "ByteOrder.h"
#include "TextHeader.h"
#include "backprop/Checksum.h"
#include "backprop/FileRead.h"
#include "backprop/FileText.h"
#include "backprop/Limits.h"

namespace bp {
namespace {

const TextHeaderFormat kHeaderFormat{.magic = "BPSESSION ",
                                     .fileKind = "session file",
                                     .versionWord = "session format",
                                     .newestVersion = kSessionFormatVersion,
                                     .maxHeader = kMaxSessionHeader,
                                     .repeatable = {"setting", "run"}};
constexpr std::size_t kPointBytes = 16;  // x and y, float64 each

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

[[noreturn]] void corrupt(const std::string& name, const std::string& what) {
    throw SessionCorruptError(name + ": " + what);
}

// The header's error as this format's exception.
[[noreturn]] void rethrow(const TextHeaderError& e) {
    switch (e.kind) {
        case TextHeaderError::Kind::Truncated:
            throw SessionTruncatedError(e.what());
        case TextHeaderError::Kind::Newer:
            throw SessionVersionError(e.what(), e.version);
        case TextHeaderError::Kind::Corrupt:
            break;
    }
    throw SessionCorruptError(e.what());
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
    std::vector<RunHeader> runs;  // point counts and labels; the points come after the model
    std::size_t modelBytes = 0;   // size of the embedded model file
    std::size_t dataAt = 0;       // offset of the embedded model
    std::uint64_t points = 0;     // curve points of all runs (≤ kMaxSessionPoints)

    // Bytes of the whole file: header, model, points, CRC-32 (no overflow: each part is
    // bounded, the model by decodeHeader below).
    std::uint64_t fileSize() const {
        return std::uint64_t{dataAt} + modelBytes + kPointBytes * points + 4;
    }
};

// The largest running error and sample count a curve point may hold: what the chart can still
// scale (an error of 1e308 made its axis top, 1.05 × 1e308 rounded up, inf); samples seen are a
// 64-bit count.
constexpr double kMaxSessionError = 1e300;
constexpr double kMaxSessionSamples = 18446744073709551616.0;  // 2^64

// "" when every point of a run is one the studio draws, else what is wrong with the first that
// is not: x (samples seen) 0 … kMaxSessionSamples; an error 0 … kMaxSessionError (a mean of
// squares), an accuracy 0 … 1, a learning rate as the trainer takes it (0 < α ≤
// kMaxLearningRate). NaN, ±inf or ±1e308 would make the chart's axes "inf" (its axis tops are the
// largest value × 1.05 rounded up to 2, 5 or 10 × a power of ten) and its legend "-1e+302 %".
std::string badPoint(const SessionRun& run, std::size_t runIndex) {
    const auto number = [](double v) {
        std::ostringstream s;
        s << v;
        return s.str();
    };
    const std::pair<const std::vector<CurvePoint>*, const char*> curves[] = {
        {&run.error, "error"}, {&run.accuracy, "accuracy"}, {&run.rateMarks, "learning-rate"}};
    for (std::size_t c = 0; c < 3; ++c)
        for (std::size_t i = 0; i < curves[c].first->size(); ++i) {
            const auto [x, y] = (*curves[c].first)[i];
            const bool yOk = c == 0   ? y >= 0 && y <= kMaxSessionError
                             : c == 1 ? y >= 0 && y <= 1
                                      : y > 0 && y <= kMaxLearningRate;
            if (x >= 0 && x <= kMaxSessionSamples && yOk) continue;
            return "run " + std::to_string(runIndex + 1) + ", " + curves[c].second + " point " +
                   std::to_string(i + 1) + ": (" + number(x) + ", " + number(y) + ") is not " +
                   (c == 0 ? "a running error (0 to " + number(kMaxSessionError) + ")"
                    : c == 1
                        ? std::string("a test accuracy (0 to 1)")
                        : "a learning rate (above 0, at most " + number(kMaxLearningRate) + ")") +
                   " after a sample count (0 to " + number(kMaxSessionSamples) + ")";
        }
    return "";
}

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
    header += std::string(kHeaderFormat.magic) + std::to_string(kSessionFormatVersion) + "\n";
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
    for (std::size_t k = 0; k < session.runs.size(); ++k)
        if (const std::string bad = badPoint(session.runs[k], k); !bad.empty())
            throw SessionFileError(bad);
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
                bytes::putF64le(out, x);
                bytes::putF64le(out, y);
            }
    bytes::putLe(out, crc32(out.data(), out.size()), 4);
    return out;
}

namespace {

// Reads and checks the header (every count and size against its bound) before any of the data.
SessionFields decodeHeader(std::string_view all, const std::string& name) {
    TextHeader text;
    try {
        text = parseTextHeader(all, kHeaderFormat, name);
    } catch (const TextHeaderError& e) {
        rethrow(e);
    }
    SessionFields session;
    session.dataAt = text.dataAt;
    bool haveModel = false;
    for (const TextHeaderLine& l : text.lines) {
        const std::string& key = l.key;
        const std::string_view value = l.value;
        auto bad = [&] {
            corrupt(name, "header line " + std::to_string(l.line) + ": " + printable(key) +
                              " has an invalid value \"" + printable(escape(value)) + "\"");
        };
        auto textValue = [&](std::string& out) {
            if (!unescape(value, out)) bad();
        };
        if (key == "title") {
            textValue(session.title);
        } else if (key == "train_data") {
            textValue(session.trainData);
        } else if (key == "test_data") {
            textValue(session.testData);
        } else if (key == "epochs") {
            if (!parseNumber(value, session.epochs) || session.epochs < 1 ||
                session.epochs > kMaxEpochs)
                bad();
        } else if (key == "shuffle_seed") {
            if (!parseNumber(value, session.shuffleSeed)) bad();
        } else if (key == "error_window") {
            if (!parseNumber(value, session.errorWindow) || session.errorWindow < 1 ||
                session.errorWindow > kMaxErrorWindow)
                bad();
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
                if (s == std::string_view::npos || !parseNumber(rest.substr(0, s), *count) ||
                    *count > kMaxSessionPoints - session.points)
                    bad();
                session.points += *count;
                rest.remove_prefix(s + 1);
            }
            if (!unescape(rest, r.label)) bad();
            session.runs.push_back(std::move(r));
        } else if (key == "model") {
            const std::size_t s = value.find(' ');
            if (s == std::string_view::npos ||
                !parseNumber(value.substr(0, s), session.modelBytes) ||
                value.substr(s + 1) != "bpm")
                bad();
            haveModel = true;
        }
        // Unknown keys: a later version may add some without changing the format number.
    }
    if (!haveModel) corrupt(name, "header has no \"model\" line");
    // The embedded model's own header says how large it may be: its weights must fit in memory.
    const std::uint64_t memory = availableMemory();
    const std::uint64_t modelCap =
        memory != 0 ? kMaxModelHeader + memory / 2 + 4 : std::uint64_t{1} << 62;
    if (session.modelBytes > modelCap)
        corrupt(name, "header announces an embedded model of " + byteSize(session.modelBytes) +
                          ", more than this computer can hold");
    return session;
}

}  // namespace

Session decodeSession(const std::vector<char>& bytes, const std::string& name) {
    const std::string_view all(bytes.data(), bytes.size());
    SessionFields session = decodeHeader(all, name);
    const std::size_t dataAt = session.dataAt;
    const std::size_t modelBytes = session.modelBytes;

    // What the header announces must be there, exactly: model, points, checksum. Every sum is
    // bounded by the file size first, so a forged count cannot overflow or allocate.
    const std::size_t have = bytes.size() - dataAt;
    std::size_t need = modelBytes;
    bool tooLong = modelBytes > have;
    for (const RunHeader& r : session.runs)
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

    // The embedded model, with the model file's own checks (read in place, not copied).
    std::optional<SavedModel> saved;  // optional: no default 784-200-10 network made
    try {
        saved.emplace(decodeModel(all.substr(dataAt, modelBytes), name + " (embedded model)"));
    } catch (const ModelFileError& e) {
        throw SessionCorruptError(e.what());
    }

    std::vector<SessionRun> runs;
    const char* p = bytes.data() + dataAt + modelBytes;
    for (RunHeader& r : session.runs) {
        SessionRun run;
        run.label = std::move(r.label);
        for (auto [curve, count] :
             {std::pair{&run.error, r.error}, std::pair{&run.accuracy, r.accuracy},
              std::pair{&run.rateMarks, r.rates}}) {
            curve->reserve(count);
            for (std::size_t i = 0; i < count; ++i, p += kPointBytes)
                curve->emplace_back(bytes::getF64le(p), bytes::getF64le(p + 8));
        }
        if (const std::string bad = badPoint(run, runs.size()); !bad.empty()) corrupt(name, bad);
        runs.push_back(std::move(run));
    }
    return Session{.title = std::move(session.title),
                   .network = std::move(saved->network),
                   .training = saved->training,
                   .epochs = session.epochs,
                   .shuffleSeed = session.shuffleSeed,
                   .errorWindow = session.errorWindow,
                   .trainData = std::move(session.trainData),
                   .testData = std::move(session.testData),
                   .runs = std::move(runs),
                   .settings = std::move(session.settings)};
}

Session loadSession(const std::string& path) {
    std::vector<char> bytes;
    try {
        InputFile f(path, "session file");
        // The header first (at most kMaxSessionHeader bytes), then as much as it announces.
        f.appendUpTo(bytes, kMaxSessionHeader);
        if (bytes.empty() && f.kind() == InputFile::Kind::Pipe) f.fail(kEmptyPipe);
        const std::uint64_t total =
            decodeHeader(std::string_view(bytes.data(), bytes.size()), path).fileSize();
        if (f.kind() == InputFile::Kind::Regular && f.size() > total)
            corrupt(path, "file has " + std::to_string(f.size() - total) +
                              " unexpected bytes after the checksum");
        f.appendUpTo(bytes, total);
        char extra = 0;
        if (bytes.size() == total && f.read(&extra, 1) != 0)  // a pipe that goes on
            corrupt(path, "file has more bytes after the checksum than its header announces");
    } catch (const FileReadError& e) {
        throw SessionFileError(e.what());
    } catch (const std::bad_alloc&) {
        throw SessionFileError(path + ": not enough memory to load it");
    }
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
    return std::string_view(head.data(), head.size()).starts_with(kHeaderFormat.magic);
}

}  // namespace bp
