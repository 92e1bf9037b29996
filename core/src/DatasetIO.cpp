// DatasetIO.cpp — DataError, and loadDataset: the format from the content (see DatasetIO.h).
// The readers are CsvReader.cpp and IdxReader.cpp, the writers DatasetWriter.cpp; what they
// share (input, progress, recognising a file) is DataInput.h.
#include "backprop/DatasetIO.h"

#include <utility>

#include "DataInput.h"

namespace bp {
namespace {

std::string formatLocation(const std::string& file, std::size_t line, std::size_t field) {
    std::string s = file;
    if (line > 0) {
        s += ':';
        s += std::to_string(line);
    }
    if (line > 0 && field > 0) {
        s += ':';
        s += std::to_string(field);
    }
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

Dataset loadDataset(const std::string& path, const LoadOptions& options) {
    data::Input in(path, options.cancel);
    const std::string_view head = in.peek(4);
    if (data::isIdxLabels(head))
        throw DataError(path, 0, 0,
                        "is an IDX labels file: open the images file (…-idx3-ubyte) instead");
    if (data::isIdxImages(head)) {
        const std::string labels = idxLabelsPathFor(path);
        if (labels.empty())
            throw DataError(path, 0, 0,
                            "is an IDX images file, but no labels file was found beside it "
                            "(expected the same name with images→labels, idx3→idx1)");
        data::Input labelsIn(labels, options.cancel);  // the images are read on from `in`
        return data::readIdx(in, labelsIn, options);
    }
    if (data::isIdxAny(head))
        throw DataError(path, 0, 0, "is an IDX file of a kind this program does not read");
    return data::readCsv(in, options);
}

}  // namespace bp
