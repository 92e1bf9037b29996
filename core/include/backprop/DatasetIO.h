// DatasetIO.h — reading and writing labelled samples: MNIST CSV (the book's files and Kaggle's),
// the original MNIST IDX files, either of them gzip-compressed.
//
// CSV: label first, then the inputs, one sample a line. A header row (`label,pixel0,…`), CRLF
// line endings, a UTF-8 BOM, blank lines and a missing last newline are all accepted. The width
// comes from the first data row and every row must match it. Files are parsed streaming, in
// chunks, straight into the byte pixels, so loading full MNIST (109 MB of text) needs the 47 MB
// of pixels and a few MB more, never the whole text.
// IDX: magic 0x00000803 (images, n × rows × cols bytes) and 0x00000801 (labels, n bytes),
// big-endian counts, which must agree with each other and with the file's length.
//
// Any fault is a DataError whose what() names the file, the line and field where there is one,
// and what was wrong; no partly read data set is ever returned.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "backprop/DataError.h"
#include "backprop/Dataset.h"

namespace bp {

// Progress in bytes of the file (compressed bytes for .gz); return false to cancel.
using LoadProgressFn = std::function<bool(std::uint64_t done, std::uint64_t total)>;

struct LoadOptions {
    int maxLabel = 9;                           // labels must be integers 0 … maxLabel (≤ 255)
    LoadProgressFn progress;                    // may be empty; called at most ~100 times a file
    const std::atomic<bool>* cancel = nullptr;  // checked between chunks → LoadCancelled
    std::size_t maxRows = 0;                    // 0 = all; else stop after this many samples
};

// Detects the format from the content: gzip magic → gunzip first; IDX magic → IDX (the labels
// file is found beside an images file: images→labels, idx3→idx1, same .gz-ness); else CSV.
Dataset loadDataset(const std::string& path, const LoadOptions& options = {});
// A CSV file, plain or gzip-compressed (detected from the content).
Dataset loadCsv(const std::string& path, const LoadOptions& options = {});
// CSV text already in memory (or gzip-compressed CSV, decompressed as it is parsed); name is
// used for Dataset::source and in messages.
Dataset parseCsv(std::string_view text, const std::string& name, const LoadOptions& options = {});
// An IDX images file and its labels file, each plain or gzip-compressed.
Dataset loadIdx(const std::string& imagesPath, const std::string& labelsPath,
                const LoadOptions& options = {});
// An IDX images file and its labels file already in memory, both uncompressed (gunzip them
// first); the names are used for Dataset::source and in messages.
Dataset parseIdx(std::string_view images, std::string_view labels, const std::string& imagesName,
                 const std::string& labelsName, const LoadOptions& options = {});
// The labels file that belongs beside an IDX images file, or "" if none is found.
std::string idxLabelsPathFor(const std::string& imagesPath);

// The book's format: no header, LF, "label,p1,…,pN". Gzip-compressed if path ends in ".gz".
// Throws std::runtime_error if the file cannot be written.
void saveCsv(const Dataset& d, const std::string& path);
// IDX images (n × height × width, or n × inputs when not an image) and labels, each
// gzip-compressed if its path ends in ".gz".
void saveIdx(const Dataset& d, const std::string& imagesPath, const std::string& labelsPath);

}  // namespace bp
