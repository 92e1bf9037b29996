// FileRead.cpp — non-blocking open, fstat first, reads that wait only on a pipe with a writer
// (see FileRead.h). POSIX: open(O_NONBLOCK), fstat, read, poll.
#include "backprop/FileRead.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace bp {

std::string errnoText(int error) {
    return std::strerror(error);
}

std::string byteSize(std::uint64_t bytes) {
    char buf[48];
    const auto b = static_cast<double>(bytes);
    if (bytes >= 1'000'000'000'000'000ULL)
        std::snprintf(buf, sizeof buf, "%.1f PB", b / 1e15);
    else if (bytes >= 1'000'000'000'000ULL)
        std::snprintf(buf, sizeof buf, "%.1f TB", b / 1e12);
    else if (bytes >= 1'000'000'000ULL)
        std::snprintf(buf, sizeof buf, "%.1f GB", b / 1e9);
    else if (bytes >= 1'000'000ULL)
        std::snprintf(buf, sizeof buf, "%.1f MB", b / 1e6);
    else if (bytes >= 10'000ULL)
        std::snprintf(buf, sizeof buf, "%.0f KB", b / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
    return buf;
}

InputFile::InputFile(const std::string& path, std::string_view what) : m_path(path) {
    // O_NONBLOCK: opening a FIFO for reading returns at once even with no writer.
    do {
        m_fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    } while (m_fd < 0 && errno == EINTR);
    if (m_fd < 0) {
        const int error = errno;
        if (error == EISDIR) fail("is a folder, not a " + std::string(what));
        fail("cannot open " + std::string(what) + " (" + errnoText(error) + ")");
    }
    struct stat st {};
    if (::fstat(m_fd, &st) != 0) {
        const int error = errno;
        ::close(m_fd);
        m_fd = -1;
        fail("cannot open " + std::string(what) + " (" + errnoText(error) + ")");
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(m_fd);
        m_fd = -1;
        fail("is a folder, not a " + std::string(what));
    }
    if (S_ISREG(st.st_mode)) {
        m_kind = Kind::Regular;
        m_size = static_cast<std::uint64_t>(st.st_size);
    } else if (S_ISFIFO(st.st_mode)) {
        m_kind = Kind::Pipe;
    } else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
        m_kind = Kind::Device;
    }
}

InputFile::~InputFile() {
    if (m_fd >= 0) ::close(m_fd);
}

void InputFile::fail(const std::string& message) const {
    throw FileReadError(m_path, message);
}

std::size_t InputFile::read(void* buf, std::size_t n) {
    if (n == 0) return 0;
    for (;;) {
        const ssize_t got = ::read(m_fd, buf, n);
        if (got >= 0) {
            // A FIFO opened with no writer reads as 0 (the end) at once: nothing will come.
            m_position += static_cast<std::uint64_t>(got);
            return static_cast<std::size_t>(got);
        }
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) fail("read error: " + errnoText(errno));
        // A pipe with a writer that has not written yet: wait for data or its end.
        pollfd p{m_fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, 100);
        if (ready == 0 && m_whileWaiting) m_whileWaiting();
        if (ready < 0 && errno != EINTR) fail("read error: " + errnoText(errno));
    }
}

std::size_t InputFile::readFully(void* buf, std::size_t n) {
    std::size_t done = 0;
    auto* p = static_cast<char*>(buf);
    while (done < n) {
        const std::size_t got = read(p + done, n - done);
        if (got == 0) break;
        done += got;
    }
    return done;
}

void InputFile::appendUpTo(std::vector<char>& bytes, std::uint64_t upTo) {
    constexpr std::size_t kPiece = std::size_t{1} << 16;
    if (m_kind == Kind::Regular && m_size > m_position)
        bytes.reserve(static_cast<std::size_t>(
            std::min<std::uint64_t>(upTo, bytes.size() + (m_size - m_position))));
    while (bytes.size() < upTo) {
        const std::size_t at = bytes.size();
        const auto want =
            static_cast<std::size_t>(std::min<std::uint64_t>(upTo - at, std::max(kPiece, at)));
        bytes.resize(at + want);  // a pipe's buffer doubles at most as its data arrives
        const std::size_t got = readFully(bytes.data() + at, want);
        bytes.resize(at + got);
        if (got < want) break;
    }
}

std::vector<char> readFileCapped(const std::string& path, std::uint64_t cap,
                                 std::string_view what) {
    InputFile f(path, what);
    const auto tooLarge = [&](const std::string& size) {
        f.fail(size + "; a " + std::string(what) + " is at most " + byteSize(cap));
    };
    if (f.kind() == InputFile::Kind::Regular && f.size() > cap)
        tooLarge("is " + byteSize(f.size()));
    std::vector<char> bytes;
    f.appendUpTo(bytes, cap + 1);
    if (bytes.size() > cap) tooLarge("holds more than " + byteSize(cap));
    return bytes;
}

std::string peekFile(const std::string& path, std::size_t n) {
    int fd = -1;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return {};
    std::string head;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode)) {
        head.resize(n);
        ssize_t got = -1;
        do {
            got = ::read(fd, head.data(), n);  // non-blocking: what is there now, or nothing
        } while (got < 0 && errno == EINTR);
        head.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    }
    ::close(fd);
    return head;
}

}  // namespace bp
