// CsvReader.cpp — the CSV loader (see DatasetIO.h for the format it accepts).
//
// CSV is read in 1 MiB pieces: the complete lines of a piece are parsed, the partial last line
// is carried over to the front of the buffer, and the next piece is read after it. Each field
// goes through a three-digit fast path straight into the pixel bytes; anything unusual (spaces,
// quotes, CR, "12.0", garbage) goes to a slow path that either accepts it or says precisely
// what is wrong. Numbers in messages: line = physical line of the file (1-based, the header
// counts), field = 1-based column (the label is field 1, so pixel k is field k + 1).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "DataInput.h"
#include "backprop/FileText.h"

namespace bp::data {
namespace {

constexpr std::size_t kCsvPiece = std::size_t{1} << 20;       // bytes read at a time
constexpr std::size_t kMaxLine = std::size_t{64} << 20;       // longest CSV line accepted
constexpr std::size_t kFirstReserve = std::size_t{16} << 20;  // samples reserved at first

// Shows a field's text in a message: quoted by the caller, control bytes escaped, cut at 24.
std::string shown(std::string_view t) {
    return printable(t, 24);
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

    // Lines parsed so far (the physical line number of the last one).
    std::size_t line() const { return m_line; }

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
            values > kMaxInputs + 1)
            throw DataError(m_name, m_line, 0,
                            "line " + std::to_string(m_line) + " has " + std::to_string(values) +
                                " values; at most " + std::to_string(kMaxInputs) +
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
        // Reserve from the length of this line, but no more than 16 MiB of samples until that
        // much has really been read (grow() then reserves for the whole file): a large file
        // that holds a few rows and then garbage reserves nothing from its size alone.
        const double lineBytes = static_cast<double>(e - p + 1);
        const double firstRows =
            static_cast<double>(kFirstReserve) / static_cast<double>(m_inputs + 1);
        reserveRows(std::min(m_in.estimatedContentSize() / lineBytes * 1.3 + 16, firstRows));
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

Dataset readCsvUnguarded(Input& in, const LoadOptions& options) {
    Dataset d;
    d.source = in.name();
    const std::string_view head = in.peek(16);
    if (const std::string problem = contentProblem(head, "CSV"); !problem.empty())
        throw DataError(in.name(), 0, 0, problem);
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
    bool crOnly = false;  // lines end in a lone CR (old Mac files): each CR is read as a LF
    for (;;) {
        if (carry == buf.size() - 1) {
            // An unfinished line fills the buffer. With a NUL byte in it, it is binary data (a
            // sparse or corrupt file): said now, not after reading 64 MiB of zeros.
            if (const void* nul = std::memchr(buf.data(), '\0', carry))
                throw DataError(
                    in.name(), parser.line() + 1, 0,
                    "NUL byte at byte " +
                        std::to_string(offset + static_cast<std::size_t>(
                                                    static_cast<const char*>(nul) - buf.data())) +
                        ": binary data, not a CSV file");
            if (buf.size() > kMaxLine)
                throw DataError(in.name(), 0, 0,
                                "a line is longer than 64 MiB: not a CSV file of samples");
            buf.resize(2 * buf.size());
        }
        const std::size_t n = in.read(buf.data() + carry, buf.size() - 1 - carry);
        if (crOnly) std::replace(buf.data() + carry, buf.data() + carry + n, '\r', '\n');
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
            // The first line ends in a CR that no LF follows: a file of CR-only line ends.
            const std::string_view text(buf.data(), have);
            const std::size_t cr = text.find('\r');
            if (cr != std::string_view::npos && cr < text.find('\n') && cr + 1 < have &&
                text[cr + 1] != '\n') {
                crOnly = true;
                std::replace(buf.data(), buf.data() + have, '\r', '\n');
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
    if (in.isPipe() && in.position() == 0) throw DataError(in.name(), 0, 0, kEmptyPipe);
    parser.finish();
    progress.finish();
    guessImageShape(d);
    return d;
}

}  // namespace

Dataset readCsv(Input& in, const LoadOptions& options) {
    return orNoMemory(in, [&] { return readCsvUnguarded(in, options); });
}

}  // namespace bp::data

namespace bp {

Dataset parseCsv(std::string_view text, const std::string& name, const LoadOptions& options) {
    data::Input in(text, name);
    return data::readCsv(in, options);
}

Dataset loadCsv(const std::string& path, const LoadOptions& options) {
    data::Input in(path, options.cancel);
    return data::readCsv(in, options);
}

}  // namespace bp
