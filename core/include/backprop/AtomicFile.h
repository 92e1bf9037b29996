// AtomicFile.h — saving a file so that a crash, a full disk or a read-only folder never leaves
// half a file or loses the old one: every file the programs write goes through it (models,
// sessions, convert's CSV, CSV.gz and IDX, .npy weights, PNG images, the studio's exports,
// notebooks and ONNX models).
//
// A temporary file in the same folder is written, fsync'ed and renamed over the target; on any
// failure the temporary file is removed and the target is left byte for byte as it was. A target
// that is a symbolic link is written through it (the link stays, its target is replaced); an
// existing target keeps its permission bits (a new file gets 0644 less the umask… as a plain
// open() would: 0666 & ~umask).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

// Writes bytes to path atomically (see above). Throws std::runtime_error saying which step
// failed and why (without the path).
void writeFileAtomically(const std::string& path, const std::vector<char>& bytes);
void writeFileAtomically(const std::string& path, std::string_view bytes);

// The same for a file written piece by piece (a large CSV, a gzip stream). Nothing appears at
// path until commit(); an AtomicWriter destroyed without commit() removes its temporary file.
// Several files that belong together (an IDX pair, a network's .npy set) are written whole or
// not at all: write and finish() each, then commit() each — a write failure (a full disk) comes
// before any rename, and renames within one folder do not fail for want of space.
class AtomicWriter {
  public:
    explicit AtomicWriter(const std::string& path);  // creates the temporary file; throws
    ~AtomicWriter();
    AtomicWriter(const AtomicWriter&) = delete;
    AtomicWriter& operator=(const AtomicWriter&) = delete;

    void write(const char* data, std::size_t n);  // throws std::runtime_error
    void write(std::string_view s) { write(s.data(), s.size()); }
    void finish();  // fsync and close the temporary file (commit() does it if not done)
    void commit();  // renames it over the target
    const std::string& path() const { return m_path; }

  private:
    [[noreturn]] void fail(const std::string& step);

    std::string m_path;    // as given, for messages
    std::string m_target;  // the file replaced: path, or a symbolic link's target
    std::string m_temp;    // the temporary file beside it ("" once renamed or removed)
    int m_fd = -1;         // the temporary file while it is written
};

}  // namespace bp
