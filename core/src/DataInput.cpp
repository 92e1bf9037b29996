// DataInput.cpp — the input, progress and recognition shared by the CSV and IDX readers
// (see DataInput.h).
#include "DataInput.h"

#include <algorithm>
#include <cstring>

namespace bp::data {

Input::Input(const std::string& path, const std::atomic<bool>* cancel) : m_name(path) {
    try {
        m_file = std::make_unique<InputFile>(path, "data file");
    } catch (const FileReadError& e) {
        throw DataError(path, 0, 0, e.message);
    }
    if (cancel != nullptr)
        m_file->setWhileWaiting([this, cancel] {
            if (cancel->load(std::memory_order_relaxed))
                throw LoadCancelled("loading " + m_name + " was cancelled");
        });
    m_total = m_file->size();
    // Two bytes to recognise gzip; they stay in m_rawPeek and come first out of readRaw, so a
    // pipe (which cannot rewind) loses nothing.
    char magic[2] = {0, 0};
    try {
        m_rawPeek.assign(magic, m_file->readFully(magic, 2));
    } catch (const FileReadError& e) {
        throw DataError(path, 0, 0, e.message);
    }
    if (bp::isGzip(m_rawPeek))
        m_gzip = std::make_unique<GzipReader>(
            [this](std::uint8_t* buf, std::size_t want) { return readRaw(buf, want); }, path);
}

Input::Input(std::string_view bytes, std::string name)
    : m_name(std::move(name)), m_memory(bytes), m_total(bytes.size()) {
    if (bp::isGzip(bytes))
        m_gzip = std::make_unique<GzipReader>(
            [this](std::uint8_t* buf, std::size_t want) { return readRaw(buf, want); }, m_name);
}

Input::~Input() = default;

std::uint64_t Input::position() const {
    return m_gzip ? m_gzip->compressedRead() : m_rawRead;
}

double Input::estimatedContentSize() const {
    if (!m_gzip) return static_cast<double>(m_total);
    const std::uint64_t c = m_gzip->compressedRead();
    if (c == 0) return 4.0 * static_cast<double>(m_total);
    return static_cast<double>(m_gzip->decompressedRead()) * static_cast<double>(m_total) /
           static_cast<double>(c);
}

std::size_t Input::readRaw(std::uint8_t* buf, std::size_t size) {
    std::size_t done = 0;
    if (!m_rawPeek.empty() && size > 0) {  // the bytes read to recognise gzip come first
        done = std::min(size, m_rawPeek.size());
        std::memcpy(buf, m_rawPeek.data(), done);
        m_rawPeek.erase(0, done);
    }
    if (done < size) {
        if (m_file) {
            try {
                done += m_file->read(buf + done, size - done);
            } catch (const FileReadError& e) {
                throw DataError(m_name, 0, 0, e.message);
            }
        } else {
            const std::size_t n = std::min(size - done, m_memory.size());
            if (n > 0) {  // an empty view's data() may be null: no memcpy from it
                std::memcpy(buf + done, m_memory.data(), n);
                m_memory.remove_prefix(n);
                done += n;
            }
        }
    }
    m_rawRead += done;
    return done;
}

std::size_t Input::read(char* dst, std::size_t size) {
    std::size_t done = 0;
    while (done < size && m_peekPos < m_peek.size()) dst[done++] = m_peek[m_peekPos++];
    while (done < size) {
        const std::size_t n =
            m_gzip ? m_gzip->read(dst + done, size - done)
                   : readRaw(reinterpret_cast<std::uint8_t*>(dst + done), size - done);
        if (n == 0) break;
        done += n;
    }
    return done;
}

std::string_view Input::peek(std::size_t n) {
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

// ---- progress and cancellation ----

void Progress::check(std::uint64_t done) {
    if (m_options.cancel != nullptr && m_options.cancel->load(std::memory_order_relaxed))
        cancelled();
    if (!m_options.progress || done < m_next) return;
    report(done);
    m_next = done + std::max<std::uint64_t>(1, m_total / 100);
}

void Progress::finish() {
    if (m_options.progress && m_reported != m_total) report(m_total);
}

void Progress::report(std::uint64_t done) {
    if (m_total != 0) done = std::min(done, m_total);
    m_reported = done;
    if (!m_options.progress(done, m_total)) cancelled();
}

void Progress::cancelled() const {
    throw LoadCancelled("loading " + m_name + " was cancelled");
}

// ---- recognising what a file is ----

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

namespace {

// "a PNG image" etc. if d starts like a well-known binary format, else "".
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
    if (starts("BPSMODEL "sv)) return "a Backprop Studio model file (open it as a model)";
    if (starts("BPSESSION "sv)) return "a Backprop Studio session (open it as a session)";
    return "";
}

// UTF-16 text: a byte-order mark, or ASCII with a 0 byte beside every character.
bool looksUtf16(std::string_view d) {
    if (d.size() < 2) return false;
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(d[i]); };
    if ((b(0) == 0xff && b(1) == 0xfe) || (b(0) == 0xfe && b(1) == 0xff)) return true;
    if (d.size() < 4) return false;
    const bool le = b(0) != 0 && b(1) == 0 && b(2) != 0 && b(3) == 0;  // "5\0,\0"
    const bool be = b(0) == 0 && b(1) != 0 && b(2) == 0 && b(3) != 0;  // "\05\0,"
    return le || be;
}

}  // namespace

std::string contentProblem(std::string_view head, std::string_view format) {
    const std::string notOne = ", not a " + std::string(format) + " file";
    if (bp::isGzip(head))  // the content is what is left after one gunzip
        return "is gzip-compressed twice (a .gz inside a .gz): decompress it once with gunzip "
               "and open the result";
    if (const std::string k = binaryKind(head); !k.empty()) return "is " + k + notOne;
    if (looksUtf16(head))
        return "is UTF-16 text" + notOne +
               " this program reads (save it as UTF-8 or plain ASCII and open it again)";
    return "";
}

}  // namespace bp::data
