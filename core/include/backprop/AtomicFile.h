// AtomicFile.h — saving a document so that a crash, a full disk or a read-only folder never
// leaves half a file: model files (.bpm) and sessions (.bps) are written through it.
#pragma once

#include <string>
#include <vector>

namespace bp {

// Writes bytes to path atomically: a temporary file in the same folder, written, fsync'ed and
// renamed over path; on failure the temporary file is removed and path is left as it was.
// Throws std::runtime_error saying which step failed and why (without the path).
void writeFileAtomically(const std::string& path, const std::vector<char>& bytes);

}  // namespace bp
