// ModelFile.h — saving and loading a network with its settings (".bpm", format 1).
//
// The format is documented in docs/MODEL_FORMAT.md. In short:
//   BPSMODEL 1\n                       magic line and format version
//   key value\n …                      text header: layers, activations, bias, error rule, seed,
//                                      training settings, "weights <count> f8 rows"
//   end\n
//   <count> little-endian float64      W_0, W_1, … each row by row (as numpy's C order)
//   <CRC-32 of everything above>       4 bytes, little-endian
// A truncated, corrupted or newer-version file throws an error whose what() names the file
// and says what is wrong. Saving is atomic: a temporary file in the same folder is written,
// flushed, fsync'ed and renamed over the target, so a failed save leaves the old file as it was.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "backprop/Network.h"

namespace bp {

// The format version this program writes and the newest it reads.
inline constexpr int kModelFormatVersion = 1;

// Any failure to save or load a model file (I/O errors, bad header, …).
class ModelFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};
// The file ends before all weights (or the checksum) are there.
class ModelTruncatedError : public ModelFileError {
  public:
    using ModelFileError::ModelFileError;
};
// The checksum does not match, or the header cannot be understood.
class ModelCorruptError : public ModelFileError {
  public:
    using ModelFileError::ModelFileError;
};
// The file was written by a newer Backprop Studio (a format version above kModelFormatVersion).
class ModelVersionError : public ModelFileError {
  public:
    ModelVersionError(const std::string& what, int fileVersion)
        : ModelFileError(what), version(fileVersion) {}
    int version;  // the file's format version
};

// How the network was trained so far (saved alongside the weights).
struct TrainingRecord {
    double learningRate = 0.1;      // α of the last run
    int epochsTrained = 0;          // whole epochs completed since initialisation
    int batch = 1;                  // 1 = per-sample updates (the book), n = mini-batches
    bool shuffle = false;           // whether epochs were shuffled
    std::uint64_t samplesSeen = 0;  // training samples seen since initialisation

    bool operator==(const TrainingRecord&) const = default;
};

struct SavedModel {
    Network network;          // architecture (spec, with seed) and weights
    TrainingRecord training;  // settings of the training that produced the weights
};

// The bytes of a model file. Throws ModelFileError if a weight is NaN or Inf.
std::vector<char> encodeModel(const Network& net, const TrainingRecord& training = {});
// Reads a model file's bytes; `name` (the path) starts every message. Every header value is
// range-checked (Limits.h) and the architecture's weights must fit in memory before the network
// is made; file text in messages goes through printable().
SavedModel decodeModel(const std::vector<char>& bytes, const std::string& name);
SavedModel decodeModel(std::string_view bytes, const std::string& name);

// Atomic save (see above). Throws ModelFileError with the path and the reason.
void saveModel(const std::string& path, const Network& net, const TrainingRecord& training = {});
// Reads the header first (at most kMaxModelHeader bytes) and checks the size it announces
// against the file before reading the rest, so /dev/zero, a 10 GB file or a FIFO with no
// writer are refused at once in bounded memory (docs/HARDENING.md). A folder is named as such.
SavedModel loadModel(const std::string& path);

}  // namespace bp
