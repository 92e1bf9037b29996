// DatasetWriter.cpp — saveCsv and saveIdx (see DatasetIO.h): the book's CSV and the IDX pair,
// each plain or gzip-compressed by its name.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>

#include "ByteOrder.h"
#include "backprop/AtomicFile.h"
#include "backprop/DatasetIO.h"
#include "backprop/Gzip.h"

namespace bp {
namespace {

constexpr std::size_t kCsvPiece = std::size_t{1} << 20;  // text written at a time

bool endsWithGz(const std::string& path) {
    return path.size() >= 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
}

// Writes a file atomically (AtomicWriter: nothing at path until commit, the old file kept on
// any failure), through gzip when asked; errors as std::runtime_error naming the path.
class Output {
  public:
    Output(const std::string& path, bool gzip) : m_path(path) {
        guard([&] { m_file = std::make_unique<AtomicWriter>(path); });
        if (gzip)
            m_gzip = std::make_unique<GzipWriter>(
                [this](const char* p, std::size_t n) { m_file->write(p, n); });
    }

    void write(std::string_view s) {
        guard([&] {
            if (m_gzip)
                m_gzip->write(s);
            else
                m_file->write(s);
        });
    }
    // Written and fsync'ed, not yet in place.
    void finish() {
        guard([&] {
            if (m_gzip) m_gzip->finish();
            m_file->finish();
        });
    }
    void commit() {
        guard([&] { m_file->commit(); });
    }

  private:
    template <typename F>
    void guard(F&& f) {
        try {
            f();
        } catch (const std::runtime_error& e) {
            throw std::runtime_error("cannot write " + m_path + ": " + e.what());
        }
    }

    std::string m_path;                    // for messages
    std::unique_ptr<AtomicWriter> m_file;  // the temporary file, renamed by commit()
    std::unique_ptr<GzipWriter> m_gzip;    // set when writing .gz
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
    out.finish();
    out.commit();
}

void saveIdx(const Dataset& d, const std::string& imagesPath, const std::string& labelsPath) {
    const bool image = d.isImage();
    std::string header;
    bytes::putBe32(header, 0x00000803);
    bytes::putBe32(header, static_cast<std::uint32_t>(d.rows()));
    bytes::putBe32(header, static_cast<std::uint32_t>(image ? d.height : 1));
    bytes::putBe32(header, static_cast<std::uint32_t>(image ? d.width : d.inputs));
    // The pair whole or none: both written and fsync'ed before either is renamed.
    Output images(imagesPath, endsWithGz(imagesPath));
    images.write(header);
    images.write(std::string_view(reinterpret_cast<const char*>(d.pixels.data()),
                                  d.rows() * static_cast<std::size_t>(d.inputs)));
    images.finish();
    header.clear();
    bytes::putBe32(header, 0x00000801);
    bytes::putBe32(header, static_cast<std::uint32_t>(d.rows()));
    Output labels(labelsPath, endsWithGz(labelsPath));
    labels.write(header);
    labels.write(std::string_view(reinterpret_cast<const char*>(d.labels.data()), d.labels.size()));
    labels.finish();
    images.commit();
    labels.commit();
}

}  // namespace bp
