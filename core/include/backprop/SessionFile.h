// SessionFile.h — a whole studio session in one file (".bps", format 1): the network with its
// weights, the dataset paths, the training settings and the curves of earlier runs, so a teacher
// prepares a lesson at home and opens it in class.
//
// The format is documented in docs/SESSION_FORMAT.md. In short:
//   BPSESSION 1\n                      magic line and format version
//   key value\n …                      text header: title, datasets, settings, one "run" line
//                                      per curve (with its point counts), "model <bytes> bpm"
//   end\n
//   <model bytes>                      a complete .bpm model file (docs/MODEL_FORMAT.md)
//   <curve points>                     per run: error, accuracy, rate points, (x, y) float64 LE
//   <CRC-32 of everything above>       4 bytes, little-endian
// The network is stored as an embedded model file, written and read by encodeModel /
// decodeModel, so the weights have one format only. A truncated, corrupted or newer-version file
// throws an error whose what() names the file and says what is wrong. Saving is atomic (as
// saveModel: temporary file, fsync, rename).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "backprop/AtomicFile.h"
#include "backprop/ModelFile.h"
#include "backprop/Network.h"

namespace bp {

// The format version this program writes and the newest it reads.
inline constexpr int kSessionFormatVersion = 1;

// Any failure to save or load a session file.
class SessionFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};
// The file ends before everything its header announces is there.
class SessionTruncatedError : public SessionFileError {
  public:
    using SessionFileError::SessionFileError;
};
// The checksum does not match, or the header or the embedded model cannot be understood.
class SessionCorruptError : public SessionFileError {
  public:
    using SessionFileError::SessionFileError;
};
// Written by a newer Backprop Studio (a format version above kSessionFormatVersion).
class SessionVersionError : public SessionFileError {
  public:
    SessionVersionError(const std::string& what, int fileVersion)
        : SessionFileError(what), version(fileVersion) {}
    int version;  // the file's format version
};

// A point of a curve: x = samples seen since the run started, y = the value.
using CurvePoint = std::pair<double, double>;

// One run's curves, as the error chart shows them.
struct SessionRun {
    std::string label;                  // settings of the run ("α 0.1 · hidden 100 · 1 epoch")
    std::vector<CurvePoint> error;      // (samples seen, running error)
    std::vector<CurvePoint> accuracy;   // (samples seen, test accuracy 0 … 1) per epoch
    std::vector<CurvePoint> rateMarks;  // (samples seen, new learning rate)

    bool operator==(const SessionRun&) const = default;
};

struct Session {
    std::string title;              // shown in the window title; may be empty
    Network network;                // architecture (with seed) and weights
    TrainingRecord training;        // learning rate, batch, shuffle, epochs and samples so far
    int epochs = 1;                 // epochs a Play runs
    std::uint64_t shuffleSeed = 1;  // seed of the shuffled epoch order
    int errorWindow = 100;          // N of the running error
    std::string trainData;          // training-set path ("" = the built-in default)
    std::string testData;           // test-set path ("" = none / the built-in default)
    std::vector<SessionRun> runs;   // earlier runs first, the current run last
    // Other settings of the program (speed, view density, …): key = [A-Za-z0-9_./-]+, value =
    // any text. Kept in order; a reader ignores keys it does not know.
    std::vector<std::pair<std::string, std::string>> settings;

    // The value of a setting, or fallback when absent.
    std::string setting(const std::string& key, const std::string& fallback = {}) const;
};

// The bytes of a session file. Throws SessionFileError if the network has NaN or Inf weights or
// a setting key is not a plain word.
std::vector<char> encodeSession(const Session& session);
// Reads a session file's bytes; `name` (the path) starts every message. Every header number is
// range-checked (epochs, error_window, point counts: Limits.h) before it sizes anything.
Session decodeSession(const std::vector<char>& bytes, const std::string& name);

// Atomic save. Throws SessionFileError with the path and the reason.
void saveSession(const std::string& path, const Session& session);
// Reads the header first (at most kMaxSessionHeader bytes) and then only what it announces,
// checked against the file's size: /dev/zero, a FIFO with no writer, a folder are refused at once.
Session loadSession(const std::string& path);

// True when bytes start like a session file (for "open this file by its content").
bool looksLikeSession(const std::vector<char>& head);

}  // namespace bp
