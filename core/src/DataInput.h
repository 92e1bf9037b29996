// DataInput.h — (private) what the dataset readers share (DatasetIO.h is the public side):
//   Input      the bytes of a data file, a pipe or memory, read in pieces and gunzipped on the
//              fly when they start with 1f 8b (a pipe too: the magic bytes read to recognise it
//              are handed to the decompressor, nothing is read twice);
//   Progress   progress calls at most every 1 % and cancellation between pieces;
//   contentProblem  what a file is when it is not one this program reads (a PNG, a ZIP, UTF-16
//              text, gzip inside gzip…), said before any parsing;
//   orNoMemory running out of memory as a DataError.
// The readers: readCsv (CsvReader.cpp) and readIdx (IdxReader.cpp).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>

#include "backprop/DatasetIO.h"
#include "backprop/FileRead.h"
#include "backprop/Gzip.h"
#include "backprop/Limits.h"

namespace bp::data {

// Values per sample a loader accepts: the largest layer a network may have, so that every data
// set that loads can be trained (CSV and IDX alike).
inline constexpr std::size_t kMaxInputs = kMaxLayerNeurons;

class Input {
  public:
    // Opens path (never blocking: see FileRead.h); gzip data is decompressed as it is read.
    // cancel (may be null) is checked while a pipe has nothing to read yet.
    Input(const std::string& path, const std::atomic<bool>* cancel);
    // Bytes already in memory (decompressed as they are read if they are gzip data).
    Input(std::string_view bytes, std::string name);
    ~Input();
    Input(const Input&) = delete;
    Input& operator=(const Input&) = delete;

    bool isGzip() const { return m_gzip != nullptr; }
    // A pipe or FIFO (a loader that got no byte from it says so: nobody is writing to it).
    bool isPipe() const { return m_file && m_file->kind() == InputFile::Kind::Pipe; }
    const std::string& name() const { return m_name; }
    // Bytes of the file (compressed for gzip); 0 when unknown (a pipe).
    std::uint64_t total() const { return m_total; }
    // Bytes of the file consumed so far (compressed for gzip).
    std::uint64_t position() const;
    // Estimated size of the (decompressed) content, for reserving memory.
    double estimatedContentSize() const;

    // Reads up to size bytes of content; fewer only at the end.
    std::size_t read(char* dst, std::size_t size);
    // The first bytes of content, without consuming them (n ≤ a few bytes).
    std::string_view peek(std::size_t n);

  private:
    std::size_t readRaw(std::uint8_t* buf, std::size_t size);  // file or memory bytes

    std::string m_name;                  // for messages
    std::unique_ptr<InputFile> m_file;   // the open file, or null for bytes in memory
    std::unique_ptr<GzipReader> m_gzip;  // set when the content is gzip-compressed
    std::string_view m_memory;           // unread bytes in memory
    std::uint64_t m_total = 0;           // file (or memory) size in bytes, 0 if unknown
    std::uint64_t m_rawRead = 0;         // raw bytes consumed (file or memory)
    std::string m_rawPeek;               // raw bytes read to recognise gzip, not yet consumed
    std::string m_peek;                  // content bytes read ahead by peek()
    std::size_t m_peekPos = 0;           // next unread byte of m_peek
};

class Progress {
  public:
    Progress(const LoadOptions& o, std::string name, std::uint64_t total)
        : m_options(o), m_name(std::move(name)), m_total(total) {}

    // Between pieces: cancellation, and a progress call at most every 1 % of the total.
    void check(std::uint64_t done);
    void finish();

  private:
    void report(std::uint64_t done);
    [[noreturn]] void cancelled() const;

    const LoadOptions& m_options;
    std::string m_name;
    std::uint64_t m_total;     // bytes of the whole load
    std::uint64_t m_next = 0;  // report again once done reaches this
    std::uint64_t m_reported = ~std::uint64_t{0};
};

// The IDX magic numbers: 00 00 08 03 images, 00 00 08 01 labels, any IDX (type 08–0e, 1–4 dims).
bool isIdxImages(std::string_view head);
bool isIdxLabels(std::string_view head);
bool isIdxAny(std::string_view head);

// The sentence for content that is not a data file at all, from its first bytes (≥ 8 when the
// file has them; 16 name every kind), or "" when it may be one. format: "CSV" or "IDX", as in "not
// a CSV file".
//   "is a PNG image, not a CSV file", "is gzip-compressed twice (a .gz inside a .gz): …",
//   "is UTF-16 text: save it as UTF-8 (or plain ASCII) and open it again"
std::string contentProblem(std::string_view head, std::string_view format);

// The readers proper, on an opened input.
Dataset readCsv(Input& in, const LoadOptions& options);
Dataset readIdx(Input& images, Input& labels, const LoadOptions& options);

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

}  // namespace bp::data
