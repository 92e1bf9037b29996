// FileRead.h — reading files a stranger may hand us, bounded before each read is made.
//
// Every loader (datasets, models, sessions, .npy, and whatever reads a file or a message next)
// opens its input through InputFile, which never waits where a user would not expect it to:
//   - opening never blocks: a FIFO nobody writes to, a device, a folder are opened
//     non-blocking (a folder is refused at once, "is a folder, not a model file");
//   - a pipe with a writer is read as it comes (`gzip -c a.csv | backprop-cli info
//     /dev/stdin`, `info <(gzip -c a.csv)`); a FIFO with no writer reads as empty at once;
//   - a regular file's size is known before reading, so a header's announced size can be
//     checked against it, and a file larger than a loader's cap is refused unread.
// readFileCapped() is the whole-file form with a cap; peekFile() the never-waiting look at a
// file's first bytes (for "what kind of file is this" on a GUI thread).
// Errors are FileReadError, whose what() is "<path>: <what was wrong>".
#pragma once

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

// A file could not be opened or read, is a folder, or is larger than the reader accepts.
// what() is "<path>: <message>".
class FileReadError : public std::runtime_error {
  public:
    FileReadError(const std::string& filePath, const std::string& what)
        : std::runtime_error(filePath + ": " + what), path(filePath), message(what) {}
    std::string path;     // as the caller gave it
    std::string message;  // what was wrong, without the path
};

// What a loader says when a pipe or FIFO gave no bytes at all (opened with no writer).
inline constexpr const char* kEmptyPipe =
    "nothing to read: a pipe or FIFO that no program is writing to";

// strerror(error) as a std::string ("No such file or directory").
std::string errnoText(int error = errno);

// "1.5 GB", "640 KB", "12 bytes": a byte count as a person reads it (decimal units).
std::string byteSize(std::uint64_t bytes);

class InputFile {
  public:
    enum class Kind {
        Regular,  // size() is the file's length
        Pipe,     // a pipe or FIFO: read as it comes, size unknown
        Device,   // a character or block device (/dev/zero, /dev/urandom): size unknown
        Other,    // a socket or anything else
    };

    // Opens path for reading without blocking. what names the expected content in messages
    // ("model file": "cannot open model file (No such file or directory)", "is a folder, not a
    // model file"). Throws FileReadError if it cannot be opened or is a folder.
    InputFile(const std::string& path, std::string_view what);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    const std::string& path() const { return m_path; }
    Kind kind() const { return m_kind; }
    // The length of a regular file (from fstat, before any read); 0 for the other kinds.
    std::uint64_t size() const { return m_size; }
    // Bytes read so far.
    std::uint64_t position() const { return m_position; }

    // Reads up to n bytes into buf; fewer only at the end of the file (0 = the end). On a pipe
    // whose writer has not written yet it waits, calling whileWaiting (if set) about every
    // 100 ms: it may throw to give up (a cancelled load). Throws FileReadError on a read error.
    std::size_t read(void* buf, std::size_t n);
    // Reads until buf is full or the file ends; returns the bytes read.
    std::size_t readFully(void* buf, std::size_t n);
    // Appends to bytes until it holds upTo bytes or the file ends. The buffer grows with what
    // really arrives (a regular file's remaining length at once, a pipe's by pieces), so a
    // header that announces more than the file holds costs no memory.
    void appendUpTo(std::vector<char>& bytes, std::uint64_t upTo);
    void setWhileWaiting(std::function<void()> f) { m_whileWaiting = std::move(f); }

    // "<path>: <message>" as a FileReadError.
    [[noreturn]] void fail(const std::string& message) const;

  private:
    std::string m_path;                    // as the caller gave it, for messages
    int m_fd = -1;                         // the open file (non-blocking)
    Kind m_kind = Kind::Other;             // what fstat said
    std::uint64_t m_size = 0;              // st_size of a regular file
    std::uint64_t m_position = 0;          // bytes read so far
    std::function<void()> m_whileWaiting;  // called while a pipe has nothing yet
};

// The whole content of path. A regular file larger than cap is refused before it is read
// ("is 10.0 GB; a model file is at most 4.3 GB"); from a pipe or a device at most cap + 1 bytes
// are read before the same refusal. what names the content as for InputFile.
std::vector<char> readFileCapped(const std::string& path, std::uint64_t cap, std::string_view what);

// Up to n first bytes of path, without ever waiting: a FIFO with no data or no writer, a
// folder, or a file that cannot be opened gives what could be read at once (often nothing).
std::string peekFile(const std::string& path, std::size_t n);

}  // namespace bp
