// DataError.h — the two exceptions every loader throws (datasets, gzip).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace bp {

// Thrown for bad input. what() is one line, "<file>:<line>:<field>: <what was wrong>", where a
// line or field of 0 (not applicable) is left out: "train.csv:17:5: 'x3' is not a number
// (pixel 4)", "train.csv:9: line 9 has 783 values, expected 785 like line 1", "a.gz: truncated".
class DataError : public std::runtime_error {
  public:
    DataError(std::string file, std::size_t line, std::size_t field, const std::string& message);

    std::string file;     // the path as the caller gave it
    std::size_t line;     // 1-based line (CSV) or 0
    std::size_t field;    // 1-based field within the line (the label is field 1) or 0
    std::string message;  // what was wrong, without the location
};

// Thrown when a load is cancelled through LoadOptions::cancel or the progress callback.
class LoadCancelled : public std::runtime_error {
  public:
    using runtime_error::runtime_error;
};

}  // namespace bp
