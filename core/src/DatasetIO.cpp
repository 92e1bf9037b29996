// DatasetIO.cpp — the CSV and IDX loaders and writers (see DatasetIO.h).
//
// CSV is read in 1 MiB pieces: the complete lines of a piece are parsed, the partial last line
// is carried over to the front of the buffer, and the next piece is read after it. Each field
// goes through a three-digit fast path straight into the pixel bytes; anything unusual (spaces,
// quotes, CR, "12.0", garbage) goes to a slow path that either accepts it or says precisely
// what is wrong. Numbers in messages: line = physical line of the file (1-based, the header
// counts), field = 1-based column (the label is field 1, so pixel k is field k + 1).
#include "backprop/DatasetIO.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include "backprop/Gzip.h"

namespace bp {

namespace {

std::string formatLocation(const std::string& file, std::size_t line, std::size_t field) {
    std::string s = file;
    if (line > 0) s += ":" + std::to_string(line);
    if (line > 0 && field > 0) s += ":" + std::to_string(field);
    return s;
}

}  // namespace

DataError::DataError(std::string file_, std::size_t line_, std::size_t field_,
                     const std::string& message_)
    : std::runtime_error(formatLocation(file_, line_, field_) + ": " + message_),
      file(std::move(file_)),
      line(line_),
      field(field_),
      message(message_) {}

namespace {

constexpr std::size_t kCsvPiece = std::size_t{1} << 20;          // bytes read at a time
constexpr std::size_t kMaxLine = std::size_t{64} << 20;          // longest CSV line accepted
constexpr std::size_t kIdxPiece = std::size_t{1} << 20;          // IDX bytes read at a time
constexpr std::uint64_t kMaxIdxInputs = std::uint64_t{1} << 24;  // values per IDX sample
constexpr std::size_t kMaxCsvInputs = 1'000'000;  // values per CSV sample (the largest layer)

// ---- Input: a file (plain or gunzipped on the fly) or text in memory, read in pieces ----

class Input {
  public:
    // Opens path; gzip data (magic 1f 8b) is decompressed as it is read.
    explicit Input(const std::string& path) : m_name(path) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec))
            throw DataError(path, 0, 0, "is a folder, not a data file");
        m_file = std::fopen(path.c_str(), "rb");
        if (m_file == nullptr)
            throw DataError(path, 0, 0,
                            std::string("cannot open the file: ") + std::strerror(errno));
        const auto size = std::filesystem::file_size(path, ec);
        m_total = ec ? 0 : static_cast<std::uint64_t>(size);
        unsigned char magic[2] = {0, 0};
        const std::size_t n = std::fread(magic, 1, 2, m_file);
        m_fileRead = n;
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
            std::rewind(m_file);
            m_fileRead = 0;
            m_gzip = std::make_unique<GzipReader>(
                [this](std::uint8_t* buf, std::size_t want) { return readFile(buf, want); }, path);
        } else {
            m_peek.assign(reinterpret_cast<const char*>(magic), n);
        }
    }
    // Text already in memory.
    // Bytes already in memory (decompressed as they are read if they are gzip data).
    Input(std::string_view text, std::string name)
        : m_name(std::move(name)), m_memory(text), m_total(text.size()), m_isMemory(true) {
        if (bp::isGzip(text))
            m_gzip = std::make_unique<GzipReader>(
                [this](std::uint8_t* buf, std::size_t want) { return readMemory(buf, want); },
                m_name);
    }

    ~Input() {
        if (m_file != nullptr) std::fclose(m_file);
    }
    Input(const Input&) = delete;
    Input& operator=(const Input&) = delete;

    bool isGzip() const { return m_gzip != nullptr; }
    const std::string& name() const { return m_name; }
    // Bytes of the file (compressed for gzip) and how many have been consumed.
    std::uint64_t total() const { return m_total; }
    std::uint64_t position() const {
        if (m_gzip) return m_gzip->compressedRead();
        return m_isMemory ? m_total - m_memory.size() : m_fileRead;
    }
    // Estimated size of the (decompressed) content, for reserving memory.
    double estimatedContentSize() const {
        if (!m_gzip) return static_cast<double>(m_total);
        const std::uint64_t c = m_gzip->compressedRead();
        if (c == 0) return 4.0 * static_cast<double>(m_total);
        return static_cast<double>(m_gzip->decompressedRead()) * static_cast<double>(m_total) /
               static_cast<double>(c);
    }

    // Reads up to size bytes of content; fewer only at the end.
    std::size_t read(char* dst, std::size_t size) {
        std::size_t done = 0;
        while (done < size && m_peekPos < m_peek.size()) dst[done++] = m_peek[m_peekPos++];
        while (done < size) {
            std::size_t n = 0;
            if (m_gzip) {
                n = m_gzip->read(dst + done, size - done);
            } else if (m_isMemory) {
                n = readMemory(reinterpret_cast<std::uint8_t*>(dst + done), size - done);
            } else {
                n = readFile(reinterpret_cast<std::uint8_t*>(dst + done), size - done);
            }
            if (n == 0) break;
            done += n;
        }
        return done;
    }

    // The first bytes of content, without consuming them (n ≤ a few bytes).
    std::string_view peek(std::size_t n) {
        if (m_peek.size() - m_peekPos < n) {
            std::string rest = m_peek.substr(m_peekPos);
            const std::size_t want = n - rest.size();
            std::string more(want, '\0');
            m_peek.clear();
            m_peekPos = 0;
            more.resize(read(more.data(), want));
            m_peek = rest + more;
        }
        return std::string_view(m_peek).substr(m_peekPos, n);
    }

  private:
    std::size_t readMemory(std::uint8_t* buf, std::size_t size) {
        const std::size_t n = std::min(size, m_memory.size());
        if (n == 0) return 0;  // an empty view's data() may be null: no memcpy from it
        std::memcpy(buf, m_memory.data(), n);
        m_memory.remove_prefix(n);
        return n;
    }
    std::size_t readFile(std::uint8_t* buf, std::size_t size) {
        const std::size_t n = std::fread(buf, 1, size, m_file);
        if (n < size && std::ferror(m_file))
            throw DataError(m_name, 0, 0, std::string("read error: ") + std::strerror(errno));
        m_fileRead += n;
        return n;
    }

    std::string m_name;                  // for messages
    std::FILE* m_file = nullptr;         // the open file, or null for text in memory
    std::unique_ptr<GzipReader> m_gzip;  // set when the file is gzip-compressed
    std::string_view m_memory;           // unread text in memory
    std::uint64_t m_total = 0;           // file (or text) size in bytes
    std::uint64_t m_fileRead = 0;        // bytes read from m_file
    bool m_isMemory = false;
    std::string m_peek;         // bytes read ahead by the constructor or peek()
    std::size_t m_peekPos = 0;  // next unread byte of m_peek
};

// ---- progress and cancellation ----

class Progress {
  public:
    Progress(const LoadOptions& o, std::string name, std::uint64_t total)
        : m_options(o), m_name(std::move(name)), m_total(total) {}

    // Between pieces: cancellation, and a progress call at most every 1 % of the total.
    void check(std::uint64_t done) {
        if (m_options.cancel != nullptr && m_options.cancel->load(std::memory_order_relaxed))
            cancelled();
        if (!m_options.progress || done < m_next) return;
        report(done);
        m_next = done + std::max<std::uint64_t>(1, m_total / 100);
    }
    void finish() {
        if (m_options.progress && m_reported != m_total) report(m_total);
    }

  private:
    void report(std::uint64_t done) {
        done = std::min(done, m_total);
        m_reported = done;
        if (!m_options.progress(done, m_total)) cancelled();
    }
    [[noreturn]] void cancelled() const {
        throw LoadCancelled("loading " + m_name + " was cancelled");
    }

    const LoadOptions& m_options;
    std::string m_name;
    std::uint64_t m_total;     // bytes of the whole load
    std::uint64_t m_next = 0;  // report again once done reaches this
    std::uint64_t m_reported = ~std::uint64_t{0};
};

// ---- recognising what a file is ----

// "a PNG image" etc. if data starts like a well-known binary format, else "".
std::string binaryKind(std::string_view d) {
    auto starts = [&](std::string_view m) { return d.substr(0, m.size()) == m; };
    using namespace std::string_view_literals;
    if (starts("\x89PNG\r\n\x1a\n"sv)) return "a PNG image";
    if (starts("\xff\xd8\xff"sv)) return "a JPEG image";
    if (starts("GIF87a"sv) || starts("GIF89a"sv)) return "a GIF image";
    if (starts("%PDF"sv)) return "a PDF document";
    if (starts("PK\x03\x04"sv)) return "a ZIP archive (unpack it first)";
    if (starts("\xfd"
               "7zXZ\x00"sv))
        return "an xz archive (unpack it first)";
    if (starts("\x28\xb5\x2f\xfd"sv)) return "a zstd archive (unpack it first)";
    if (starts("BZh"sv) && d.size() > 3 && d[3] >= '1' && d[3] <= '9')
        return "a bzip2 archive (unpack it first)";
    if (starts("7z\xbc\xaf\x27\x1c"sv)) return "a 7-Zip archive (unpack it first)";
    if (starts("\x7f"
               "ELF"sv))
        return "a program (ELF)";
    if (starts("\x93NUMPY"sv)) return "a NumPy .npy file";
    return "";
}

bool isIdxImages(std::string_view m) {
    return m.size() >= 4 && m[0] == 0 && m[1] == 0 && m[2] == 8 && m[3] == 3;
}
bool isIdxLabels(std::string_view m) {
    return m.size() >= 4 && m[0] == 0 && m[1] == 0 && m[2] == 8 && m[3] == 1;
}
bool isIdxAny(std::string_view m) {
    return m.size() >= 4 && m[0] == 0 && m[1] == 0 && m[2] >= 8 && m[2] <= 0x0e && m[3] >= 1 &&
           m[3] <= 4;
}

// Shows a field's text in a message: quoted by the caller, control bytes escaped, cut at 24.
std::string shown(std::string_view t) {
    std::string s;
    const std::size_t limit = 24;
    for (std::size_t i = 0; i < t.size() && i < limit; ++i) {
        const auto c = static_cast<unsigned char>(t[i]);
        if (c < 0x20 || c >= 0x7f) {  // control bytes, and bytes that may not be UTF-8
            static const char* hex = "0123456789abcdef";
            s += "\\x";
            s += hex[c >> 4];
            s += hex[c & 15];
        } else {
            s += static_cast<char>(c);
        }
    }
    if (t.size() > limit) s += "…";
    return s;
}

std::string_view trim(std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r'))
        t.remove_suffix(1);
    return t;
}

std::string_view unquote(std::string_view t) {
    t = trim(t);
    if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = trim(t.substr(1, t.size() - 2));
    return t;
}

// True if t is a decimal number: [+-] digits [. digits] [e [+-] digits], one digit at least.
bool isNumber(std::string_view t) {
    std::size_t i = 0, digits = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
    if (i < t.size() && t[i] == '.') {
        ++i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        std::size_t exp = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++exp;
        if (exp == 0) return false;
    }
    return i == t.size();
}

std::vector<std::string_view> splitFields(std::string_view line) {
    std::vector<std::string_view> out;
    for (;;) {
        const std::size_t c = line.find(',');
        out.push_back(unquote(line.substr(0, c)));
        if (c == std::string_view::npos) break;
        line.remove_prefix(c + 1);
    }
    return out;
}

bool isLabelName(std::string_view t) {
    std::string s(t);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s == "label" || s == "labels" || s == "class" || s == "target" || s == "digit" ||
           s == "y";
}

// ---- the CSV parser ----

class CsvParser {
  public:
    CsvParser(const LoadOptions& o, Dataset& d, const Input& in)
        : m_name(in.name()),
          m_maxLabel(static_cast<unsigned>(std::clamp(o.maxLabel, 0, 255))),
          m_maxRows(o.maxRows),
          m_d(d),
          m_in(in) {}

    // Parses the complete lines in [begin, end) (end[-1] is '\n'); offset is the content offset
    // of begin. Returns false once maxRows samples are in.
    bool parse(const char* begin, const char* end, std::uint64_t offset) {
        m_begin = begin;
        m_end = end;
        m_offset = offset;
        const char* p = begin;
        while (p < end) {
            ++m_line;
            if (!m_haveWidth) {
                const char* next = firstLine(p);
                if (next != p) {
                    p = next;
                    continue;
                }
            }
            if (*p == '\n') {  // blank line
                ++p;
                continue;
            }
            if (*p == '\r' && p[1] == '\n') {
                p += 2;
                continue;
            }
            if (m_maxRows != 0 && m_d.labels.size() >= m_maxRows) return false;
            p = row(p);
        }
        return !(m_maxRows != 0 && m_d.labels.size() >= m_maxRows);
    }

    void finish() const {
        if (!m_d.labels.empty()) return;
        if (m_line == 0) throw DataError(m_name, 0, 0, "no samples (the file is empty)");
        if (m_headerLine != 0)
            throw DataError(m_name, 0, 0,
                            "no samples (a header on line " + std::to_string(m_headerLine) +
                                " and no data rows)");
        throw DataError(m_name, 0, 0, "no samples (the file holds only blank lines)");
    }

  private:
    const char* lineEnd(const char* p) const {
        return static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(m_end - p)));
    }

    std::string what(std::size_t field) const {
        return field == 1 ? "label" : "pixel " + std::to_string(field - 1);
    }

    // Handles a line while the width is not yet known: blank → skipped, header → noted,
    // first data row → sets the width. Returns the next line's start, or p to parse it as a row.
    const char* firstLine(const char* p) {
        const char* e = lineEnd(p);
        const std::string_view text(p, static_cast<std::size_t>(e - p));
        if (trim(text).empty()) return e + 1;
        // Counted before splitting: a line of 10 million fields must not become 10 million views.
        if (const auto values = 1 + static_cast<std::size_t>(std::count(p, e, ','));
            values > kMaxCsvInputs + 1)
            throw DataError(m_name, m_line, 0,
                            "line " + std::to_string(m_line) + " has " + std::to_string(values) +
                                " values; at most " + std::to_string(kMaxCsvInputs) +
                                " inputs a sample are supported");
        const std::vector<std::string_view> fields = splitFields(text);
        if (m_headerLine == 0 && fields.size() >= 2 && !isNumber(fields[0])) {
            const bool otherNumbers =
                std::any_of(fields.begin() + 1, fields.end(), [](auto f) { return isNumber(f); });
            if (isLabelName(fields[0]) || !otherNumbers) {
                if (fields[0].substr(0, 5) == "pixel")
                    throw DataError(m_name, m_line, 1,
                                    "the first column is '" + shown(fields[0]) +
                                        "', not a label: this file has no labels");
                m_headerLine = m_line;
                m_headerFields = fields.size();
                return e + 1;
            }
        }
        if (fields.size() < 2) {
            for (const char sep : {';', '\t', ' '})
                if (trim(text).find(sep) != std::string_view::npos)
                    throw DataError(m_name, m_line, 0,
                                    std::string("values are separated by ") +
                                        (sep == ';'   ? "';'"
                                         : sep == ' ' ? "spaces"
                                                      : "tabs") +
                                        ", not commas: not a CSV file this program reads");
        }
        if (fields.size() < 2)
            throw DataError(m_name, m_line, 0,
                            "line " + std::to_string(m_line) +
                                " has only one value; expected a label and then the inputs");
        if (m_headerLine != 0 && fields.size() != m_headerFields)
            throw DataError(m_name, m_line, 0,
                            "line " + std::to_string(m_line) + " has " +
                                std::to_string(fields.size()) + " values, but the header (line " +
                                std::to_string(m_headerLine) + ") has " +
                                std::to_string(m_headerFields));
        m_inputs = fields.size() - 1;
        m_firstLine = m_line;
        m_haveWidth = true;
        m_d.inputs = static_cast<int>(m_inputs);
        // Reserve from the length of this line; untouched reserved pages cost no memory.
        const double lineBytes = static_cast<double>(e - p + 1);
        reserveRows(m_in.estimatedContentSize() / lineBytes * 1.3 + 16);
        return p;
    }

    void reserveRows(double rows) {
        // A row takes two bytes a field at least: never reserve more rows than that allows.
        const double most =
            m_in.estimatedContentSize() / (2.0 * static_cast<double>(m_inputs + 1)) + 1;
        rows = std::min(rows, most);
        if (m_maxRows != 0) rows = std::min(rows, static_cast<double>(m_maxRows));
        const auto n = std::max(static_cast<std::size_t>(rows), m_d.labels.size() + 1);
        m_d.labels.reserve(n);
        m_d.pixels.reserve(n * m_inputs);
    }

    // Room for one more row; re-estimates the row count from the bytes parsed so far.
    void grow(const char* p) {
        const double parsed = static_cast<double>(m_offset) + static_cast<double>(p - m_begin);
        const double rows = static_cast<double>(m_d.labels.size() + 1);
        double estimate = rows / std::max(parsed, 1.0) * m_in.estimatedContentSize() * 1.1 + 2;
        estimate = std::max(estimate, rows * 1.25 + 2);  // grow geometrically whatever happens
        const std::size_t n = static_cast<std::size_t>(estimate);
        m_d.labels.reserve(n);
        m_d.pixels.reserve(n * m_inputs);
    }

    [[noreturn]] void countError(const char* lineStart) const {
        const char* e = lineEnd(lineStart);
        const std::size_t values = 1 + static_cast<std::size_t>(std::count(lineStart, e, ','));
        throw DataError(m_name, m_line, 0,
                        "line " + std::to_string(m_line) + " has " + std::to_string(values) +
                            (values == 1 ? " value" : " values") + ", expected " +
                            std::to_string(m_inputs + 1) + " like line " +
                            std::to_string(m_firstLine));
    }

    // Checks and converts the text of one field (label when field == 1).
    unsigned value(std::string_view raw, std::size_t field) const {
        if (std::memchr(raw.data(), '\0', raw.size()) != nullptr)
            throw DataError(m_name, m_line, field, "NUL byte: binary data, not a CSV file");
        const std::string_view t = unquote(raw);
        if (t.empty()) throw DataError(m_name, m_line, field, "empty value (" + what(field) + ")");
        if (!isNumber(t))
            throw DataError(m_name, m_line, field,
                            "'" + shown(t) + "' is not a number (" + what(field) + ")");
        const double x = std::strtod(std::string(t).c_str(), nullptr);
        if (!std::isfinite(x) || x != std::floor(x))
            throw DataError(m_name, m_line, field,
                            "'" + shown(t) + "' is not an integer (" + what(field) + ")");
        if (field == 1) {
            if (x < 0 || x > m_maxLabel)
                throw DataError(
                    m_name, m_line, field,
                    "label " + shown(t) + " is outside 0–" + std::to_string(m_maxLabel));
        } else if (x < 0 || x > 255) {
            throw DataError(m_name, m_line, field,
                            shown(t) + " is outside 0–255 (" + what(field) + ")");
        }
        return static_cast<unsigned>(x);
    }

    // The slow path for one field starting at s: returns its separator (',' or the line's
    // '\n'), or throws. last: the field should end the line.
    const char* slowField(const char* lineStart, const char* s, std::size_t field, bool last,
                          unsigned& out) const {
        const char* e = lineEnd(s);
        const char* c =
            static_cast<const char*>(std::memchr(s, ',', static_cast<std::size_t>(e - s)));
        const char* fe = c != nullptr ? c : e;
        if (last != (fe == e)) countError(lineStart);
        out = value(std::string_view(s, static_cast<std::size_t>(fe - s)), field);
        return fe;
    }

    // One data row starting at p; returns the start of the next line.
    const char* row(const char* p) {
        const char* lineStart = p;
        const std::size_t n = m_inputs;
        // label: up to three digits, then ','
        unsigned label = 0;
        {
            const char* q = p;
            unsigned v = static_cast<unsigned char>(*q) - '0';
            bool ok = false;
            if (v <= 9) {
                ++q;
                for (int k = 0; k < 2; ++k) {
                    const unsigned dd = static_cast<unsigned char>(*q) - '0';
                    if (dd > 9) break;
                    v = v * 10 + dd;
                    ++q;
                }
                ok = *q == ',' && v <= m_maxLabel;
            }
            if (!ok) {
                const char* e = lineEnd(p);
                if (trim(std::string_view(p, static_cast<std::size_t>(e - p))).empty())
                    return e + 1;  // a line of spaces: blank
                q = slowField(lineStart, p, 1, false, v);
            }
            label = v;
            p = q + 1;
        }
        if (m_d.pixels.size() + n > m_d.pixels.capacity()) grow(p);
        const std::size_t at = m_d.pixels.size();
        m_d.pixels.resize(at + n);
        std::uint8_t* dst = m_d.pixels.data() + at;
        for (std::size_t k = 0; k < n; ++k) {
            if (p[0] == '0' && p[1] == ',' && k + 1 < n) {  // "0,": most MNIST pixels
                dst[k] = 0;
                p += 2;
                continue;
            }
            const char* q = p;
            unsigned v = static_cast<unsigned char>(*q) - '0';
            if (v <= 9) {
                ++q;
                unsigned dd = static_cast<unsigned char>(*q) - '0';
                if (dd <= 9) {
                    v = v * 10 + dd;
                    ++q;
                    dd = static_cast<unsigned char>(*q) - '0';
                    if (dd <= 9) {
                        v = v * 10 + dd;
                        ++q;
                    }
                }
                const bool lastField = k + 1 == n;
                if (lastField && *q == '\r' && q[1] == '\n') ++q;
                if (*q == (lastField ? '\n' : ',') && v <= 255) {
                    dst[k] = static_cast<std::uint8_t>(v);
                    p = q + 1;
                    continue;
                }
            }
            p = slowField(lineStart, p, k + 2, k + 1 == n, v) + 1;
            dst[k] = static_cast<std::uint8_t>(v);
        }
        m_d.labels.push_back(static_cast<std::uint8_t>(label));
        return p;
    }

    std::string m_name;              // file name for messages
    unsigned m_maxLabel;             // largest label accepted
    std::size_t m_maxRows;           // 0 = all
    Dataset& m_d;                    // what is being filled
    const Input& m_in;               // for size estimates
    std::size_t m_line = 0;          // current physical line (1-based)
    bool m_haveWidth = false;        // the first data row has been seen
    std::size_t m_inputs = 0;        // values per sample after the label
    std::size_t m_firstLine = 0;     // line of the first data row
    std::size_t m_headerLine = 0;    // line of the header, 0 if none
    std::size_t m_headerFields = 0;  // fields in the header
    const char* m_begin = nullptr;   // current piece of text
    const char* m_end = nullptr;
    std::uint64_t m_offset = 0;  // content offset of m_begin
};

// Runs a loader; running out of memory becomes a DataError. The partly read data set is freed
// by then (it is a local of the loader), so the caller's memory is as it was before the load.
template <typename Load>
Dataset orNoMemory(const Input& in, Load&& load) {
    try {
        return load();
    } catch (const std::bad_alloc&) {
        throw DataError(in.name(), 0, 0,
                        "not enough memory to load it (" + std::to_string(in.total() >> 20) +
                            " MB" + (in.isGzip() ? " compressed" : "") + ")");
    }
}

Dataset readCsvUnguarded(Input& in, const LoadOptions& options) {
    Dataset d;
    d.source = in.name();
    const std::string_view head = in.peek(8);
    if (const std::string kind = binaryKind(head); !kind.empty())
        throw DataError(in.name(), 0, 0, "is " + kind + ", not a CSV file");
    if (isIdxAny(head)) throw DataError(in.name(), 0, 0, "is an IDX file, not a CSV file");

    CsvParser parser(options, d, in);
    Progress progress(options, in.name(), in.total());
    progress.check(0);
    // A small file needs no 1 MiB buffer; + 1: room for a '\n' after a last line without one.
    const std::size_t piece = in.isGzip() || in.total() == 0
                                  ? kCsvPiece
                                  : static_cast<std::size_t>(std::min<std::uint64_t>(
                                        kCsvPiece, std::max<std::uint64_t>(in.total(), 256)));
    std::vector<char> buf(piece + 1);
    std::size_t carry = 0;     // bytes of an unfinished line at the front of buf
    std::uint64_t offset = 0;  // content offset of buf[0]
    bool first = true;
    for (;;) {
        if (carry == buf.size() - 1) {
            if (buf.size() > kMaxLine)
                throw DataError(in.name(), 0, 0,
                                "a line is longer than 64 MiB: not a CSV file of samples");
            buf.resize(2 * buf.size());
        }
        const std::size_t n = in.read(buf.data() + carry, buf.size() - 1 - carry);
        std::size_t have = carry + n;
        if (first && have > 0) {
            first = false;
            if (have >= 3 && std::memcmp(buf.data(), "\xEF\xBB\xBF", 3) == 0) {  // UTF-8 BOM
                std::memmove(buf.data(), buf.data() + 3, have - 3);
                have -= 3;
                offset = 3;
            }
            const std::size_t probe = std::min<std::size_t>(have, 4096);
            if (const void* nul = std::memchr(buf.data(), '\0', probe)) {
                const char* at = static_cast<const char*>(nul);
                const auto line = 1 + static_cast<std::size_t>(std::count(
                                          static_cast<const char*>(buf.data()), at, '\n'));
                throw DataError(
                    in.name(), line, 0,
                    "NUL byte at byte " +
                        std::to_string(offset + static_cast<std::size_t>(at - buf.data())) +
                        ": binary data, not a CSV file");
            }
        }
        if (n == 0) {  // end of the content: a last line without '\n' gets one
            if (have > 0) {
                buf[have++] = '\n';
                parser.parse(buf.data(), buf.data() + have, offset);
            }
            break;
        }
        const std::string_view text(buf.data(), have);
        const std::size_t nl = text.rfind('\n');
        if (nl == std::string_view::npos) {
            carry = have;
            continue;
        }
        const std::size_t upto = nl + 1;
        const bool more = parser.parse(buf.data(), buf.data() + upto, offset);
        if (!more) break;
        std::memmove(buf.data(), buf.data() + upto, have - upto);
        carry = have - upto;
        offset += upto;
        progress.check(in.position());
    }
    parser.finish();
    progress.finish();
    guessImageShape(d);
    return d;
}

Dataset readCsv(Input& in, const LoadOptions& options) {
    return orNoMemory(in, [&] { return readCsvUnguarded(in, options); });
}

// ---- IDX ----

std::uint32_t bigEndian32(const char* p) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return std::uint32_t{u[0]} << 24 | std::uint32_t{u[1]} << 16 | std::uint32_t{u[2]} << 8 | u[3];
}

void putBigEndian32(std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s.push_back(static_cast<char>((v >> shift) & 255));
}

struct IdxHeader {
    std::uint32_t count = 0;     // items
    std::uint64_t itemSize = 1;  // bytes per item
    std::uint32_t rows = 0, cols = 0;
};

// Reads and checks the header of an IDX file of `dims` dimensions (3 images, 1 labels).
IdxHeader readIdxHeader(Input& in, int dims, const char* kind) {
    char h[16] = {};
    const std::size_t want = 4 + 4 * static_cast<std::size_t>(dims);
    const std::size_t got = in.read(h, want);
    if (got < 4)
        throw DataError(in.name(), 0, 0,
                        "too short for an IDX file (" + std::to_string(got) + " bytes)");
    const std::string_view magic(h, 4);
    if (!(magic[0] == 0 && magic[1] == 0)) {
        if (const std::string k = binaryKind(magic); !k.empty())
            throw DataError(in.name(), 0, 0, "is " + k + ", not an IDX file");
        throw DataError(in.name(), 0, 0, "is not an IDX file (no 00 00 magic)");
    }
    if (magic[2] != 8)
        throw DataError(in.name(), 0, 0,
                        "holds IDX data of type " +
                            std::to_string(static_cast<unsigned char>(magic[2])) +
                            "; only unsigned bytes (type 8) are read");
    if (magic[3] != dims)
        throw DataError(in.name(), 0, 0,
                        std::string("is not an IDX ") + kind + " file (" +
                            std::to_string(static_cast<unsigned char>(magic[3])) +
                            " dimensions, expected " + std::to_string(dims) + ")");
    if (got < want) throw DataError(in.name(), 0, 0, "the IDX header is truncated");
    IdxHeader r;
    r.count = bigEndian32(h + 4);
    if (dims == 3) {
        r.rows = bigEndian32(h + 8);
        r.cols = bigEndian32(h + 12);
        r.itemSize = std::uint64_t{r.rows} * r.cols;
        if (r.rows == 0 || r.cols == 0 || r.itemSize > kMaxIdxInputs)
            throw DataError(in.name(), 0, 0,
                            "an image size of " + std::to_string(r.rows) + "×" +
                                std::to_string(r.cols) + " is not supported");
    }
    return r;
}

// Reads `bytes` bytes of IDX data into out (grown as data arrives, so a lying header cannot
// make it allocate), reporting progress; a short file is an error.
void readIdxData(Input& in, std::vector<std::uint8_t>& out, std::uint64_t bytes,
                 std::uint64_t declared, Progress& progress, std::uint64_t progressBase) {
    if (bytes > kGunzipLimit)
        throw DataError(in.name(), 0, 0, "the IDX header announces more than 4 GiB of data");
    // Reserving is safe up to what the file can hold (DEFLATE expands at most 1032×).
    const std::uint64_t canHold = in.isGzip() ? in.total() * 1032 + 4096 : in.total();
    out.reserve(static_cast<std::size_t>(std::min(bytes, canHold)));
    std::uint64_t have = 0;
    while (have < bytes) {
        const auto k = static_cast<std::size_t>(std::min<std::uint64_t>(kIdxPiece, bytes - have));
        out.resize(static_cast<std::size_t>(have) + k);
        const std::size_t n = in.read(reinterpret_cast<char*>(out.data() + have), k);
        have += n;
        if (n < k)
            throw DataError(in.name(), 0, 0,
                            "the IDX file is truncated: its header announces " +
                                std::to_string(declared) + " bytes of data, the file holds " +
                                std::to_string(have));
        progress.check(progressBase + in.position());
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------

Dataset parseCsv(std::string_view text, const std::string& name, const LoadOptions& options) {
    Input in(text, name);
    return readCsv(in, options);
}

Dataset loadCsv(const std::string& path, const LoadOptions& options) {
    Input in(path);
    return readCsv(in, options);
}

std::string idxLabelsPathFor(const std::string& imagesPath) {
    const std::size_t slash = imagesPath.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "" : imagesPath.substr(0, slash + 1);
    std::string base = slash == std::string::npos ? imagesPath : imagesPath.substr(slash + 1);
    const std::string original = base;
    static const std::pair<std::string_view, std::string_view> kSwaps[] = {{"images", "labels"},
                                                                           {"idx3", "idx1"}};
    for (const auto& [from, to] : kSwaps) {
        const std::size_t at = base.find(from);
        if (at != std::string::npos) base.replace(at, from.size(), to);
    }
    if (base == original) return "";
    const auto endsGz = [](const std::string& s) {
        return s.size() >= 3 && s.compare(s.size() - 3, 3, ".gz") == 0;
    };
    std::error_code ec;
    const std::string same = dir + base;
    if (std::filesystem::is_regular_file(same, ec)) return same;
    const std::string other = endsGz(same) ? same.substr(0, same.size() - 3) : same + ".gz";
    if (std::filesystem::is_regular_file(other, ec)) return other;
    return "";
}

namespace {

// The IDX loader proper, on two opened inputs (files or bytes in memory).
Dataset readIdx(Input& images, Input& labels, const LoadOptions& options) {
    const std::string& imagesPath = images.name();
    const std::string& labelsPath = labels.name();
    Progress progress(options, imagesPath, images.total() + labels.total());
    progress.check(0);

    const IdxHeader ih = readIdxHeader(images, 3, "images");
    const IdxHeader lh = readIdxHeader(labels, 1, "labels");
    if (ih.count != lh.count)
        throw DataError(labelsPath, 0, 0,
                        "holds " + std::to_string(lh.count) + " labels, but " + imagesPath +
                            " holds " + std::to_string(ih.count) + " images");
    std::uint64_t n = ih.count;
    if (options.maxRows != 0) n = std::min<std::uint64_t>(n, options.maxRows);
    if (!images.isGzip()) {  // a plain file's length can be checked before reading
        const std::uint64_t need = 16 + std::uint64_t{ih.count} * ih.itemSize;
        if (images.total() < need)
            throw DataError(imagesPath, 0, 0,
                            "the IDX file is truncated: " + std::to_string(images.total()) +
                                " bytes, but its header announces " + std::to_string(ih.count) +
                                " images of " + std::to_string(ih.rows) + "×" +
                                std::to_string(ih.cols) + " (" + std::to_string(need) + " bytes)");
    }
    if (!labels.isGzip() && labels.total() < 8 + std::uint64_t{lh.count})
        throw DataError(labelsPath, 0, 0,
                        "the IDX file is truncated: " + std::to_string(labels.total()) +
                            " bytes, but its header announces " + std::to_string(lh.count) +
                            " labels");

    Dataset d;
    d.source = imagesPath;
    d.inputs = static_cast<int>(ih.itemSize);
    readIdxData(images, d.pixels, n * ih.itemSize, std::uint64_t{ih.count} * ih.itemSize, progress,
                0);
    readIdxData(labels, d.labels, n, lh.count, progress, images.total());
    const auto maxLabel = static_cast<unsigned>(std::clamp(options.maxLabel, 0, 255));
    for (std::size_t i = 0; i < d.labels.size(); ++i)
        if (d.labels[i] > maxLabel)
            throw DataError(labelsPath, 0, 0,
                            "label " + std::to_string(d.labels[i]) + " of item " +
                                std::to_string(i + 1) + " is outside 0–" +
                                std::to_string(maxLabel));
    if (n == ih.count) {  // everything read: nothing may follow
        char extra = 0;
        if (images.read(&extra, 1) != 0)
            throw DataError(
                imagesPath, 0, 0,
                "has data after the " + std::to_string(ih.count) + " images its header announces");
        if (labels.read(&extra, 1) != 0)
            throw DataError(
                labelsPath, 0, 0,
                "has data after the " + std::to_string(lh.count) + " labels its header announces");
    }
    if (d.labels.empty())
        throw DataError(imagesPath, 0, 0, "no samples (the IDX file holds 0 images)");
    if (ih.rows > 1) {
        d.width = static_cast<int>(ih.cols);
        d.height = static_cast<int>(ih.rows);
    } else {
        guessImageShape(d);
    }
    progress.finish();
    return d;
}

}  // namespace

Dataset loadIdx(const std::string& imagesPath, const std::string& labelsPath,
                const LoadOptions& options) {
    Input images(imagesPath);
    Input labels(labelsPath);
    return orNoMemory(images, [&] { return readIdx(images, labels, options); });
}

Dataset parseIdx(std::string_view images, std::string_view labels, const std::string& imagesName,
                 const std::string& labelsName, const LoadOptions& options) {
    Input imagesIn(images, imagesName);
    Input labelsIn(labels, labelsName);
    return orNoMemory(imagesIn, [&] { return readIdx(imagesIn, labelsIn, options); });
}

Dataset loadDataset(const std::string& path, const LoadOptions& options) {
    Input in(path);
    const std::string_view head = in.peek(4);
    if (isIdxLabels(head))
        throw DataError(path, 0, 0,
                        "is an IDX labels file: open the images file (…-idx3-ubyte) instead");
    if (isIdxImages(head)) {
        const std::string labels = idxLabelsPathFor(path);
        if (labels.empty())
            throw DataError(path, 0, 0,
                            "is an IDX images file, but no labels file was found beside it "
                            "(expected the same name with images→labels, idx3→idx1)");
        return loadIdx(path, labels, options);
    }
    if (isIdxAny(head))
        throw DataError(path, 0, 0, "is an IDX file of a kind this program does not read");
    return readCsv(in, options);
}

// ---- writing ----

namespace {

bool endsWithGz(const std::string& path) {
    return path.size() >= 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
}

// Writes to a file, through gzip when asked; errors as std::runtime_error.
class Output {
  public:
    Output(const std::string& path, bool gzip) : m_path(path) {
        m_file = std::fopen(path.c_str(), "wb");
        if (m_file == nullptr)
            throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
        if (gzip)
            m_gzip = std::make_unique<GzipWriter>(
                [this](const char* p, std::size_t n) { writeFile(p, n); });
    }
    ~Output() {
        if (m_file != nullptr) std::fclose(m_file);
    }
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    void write(std::string_view s) {
        if (m_gzip)
            m_gzip->write(s);
        else
            writeFile(s.data(), s.size());
    }
    void close() {
        if (m_gzip) m_gzip->finish();
        const int rc = std::fclose(m_file);
        m_file = nullptr;
        if (rc != 0)
            throw std::runtime_error("cannot write " + m_path + ": " + std::strerror(errno));
    }

  private:
    void writeFile(const char* p, std::size_t n) {
        if (std::fwrite(p, 1, n, m_file) != n)
            throw std::runtime_error("cannot write " + m_path + ": " + std::strerror(errno));
    }

    std::string m_path;                  // for messages
    std::FILE* m_file = nullptr;         // the open file
    std::unique_ptr<GzipWriter> m_gzip;  // set when writing .gz
};

void appendNumber(std::string& s, unsigned v) {
    char tmp[4];
    int n = 0;
    do {
        tmp[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0) s.push_back(tmp[--n]);
}

}  // namespace

void saveCsv(const Dataset& d, const std::string& path) {
    Output out(path, endsWithGz(path));
    std::string text;
    text.reserve(kCsvPiece + 8192);
    const auto inputs = static_cast<std::size_t>(d.inputs);
    for (std::size_t i = 0; i < d.rows(); ++i) {
        appendNumber(text, d.labels[i]);
        const std::uint8_t* r = d.row(i);
        for (std::size_t k = 0; k < inputs; ++k) {
            text.push_back(',');
            appendNumber(text, r[k]);
        }
        text.push_back('\n');
        if (text.size() >= kCsvPiece) {
            out.write(text);
            text.clear();
        }
    }
    out.write(text);
    out.close();
}

void saveIdx(const Dataset& d, const std::string& imagesPath, const std::string& labelsPath) {
    const bool image = d.isImage();
    std::string header;
    putBigEndian32(header, 0x00000803);
    putBigEndian32(header, static_cast<std::uint32_t>(d.rows()));
    putBigEndian32(header, static_cast<std::uint32_t>(image ? d.height : 1));
    putBigEndian32(header, static_cast<std::uint32_t>(image ? d.width : d.inputs));
    {
        Output out(imagesPath, endsWithGz(imagesPath));
        out.write(header);
        out.write(std::string_view(reinterpret_cast<const char*>(d.pixels.data()),
                                   d.rows() * static_cast<std::size_t>(d.inputs)));
        out.close();
    }
    header.clear();
    putBigEndian32(header, 0x00000801);
    putBigEndian32(header, static_cast<std::uint32_t>(d.rows()));
    Output out(labelsPath, endsWithGz(labelsPath));
    out.write(header);
    out.write(std::string_view(reinterpret_cast<const char*>(d.labels.data()), d.labels.size()));
    out.close();
}

}  // namespace bp
