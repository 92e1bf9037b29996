// DatasetWriter.cpp — saveCsv and saveIdx (see DatasetIO.h): the book's CSV and the IDX pair,
// each plain or gzip-compressed by its name.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include "ByteOrder.h"
#include "backprop/DatasetIO.h"
#include "backprop/Gzip.h"

namespace bp {
namespace {

constexpr std::size_t kCsvPiece = std::size_t{1} << 20;  // text written at a time

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
    bytes::putBe32(header, 0x00000803);
    bytes::putBe32(header, static_cast<std::uint32_t>(d.rows()));
    bytes::putBe32(header, static_cast<std::uint32_t>(image ? d.height : 1));
    bytes::putBe32(header, static_cast<std::uint32_t>(image ? d.width : d.inputs));
    {
        Output out(imagesPath, endsWithGz(imagesPath));
        out.write(header);
        out.write(std::string_view(reinterpret_cast<const char*>(d.pixels.data()),
                                   d.rows() * static_cast<std::size_t>(d.inputs)));
        out.close();
    }
    header.clear();
    bytes::putBe32(header, 0x00000801);
    bytes::putBe32(header, static_cast<std::uint32_t>(d.rows()));
    Output out(labelsPath, endsWithGz(labelsPath));
    out.write(header);
    out.write(std::string_view(reinterpret_cast<const char*>(d.labels.data()), d.labels.size()));
    out.close();
}

}  // namespace bp
