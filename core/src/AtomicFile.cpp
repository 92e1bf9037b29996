// AtomicFile.cpp — temporary file, write, fsync, rename (POSIX).
#include "backprop/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace bp {
namespace {

std::string errnoText(int error) {
    return std::strerror(error);
}

// The file a save replaces: path itself, or what a symbolic link at path points to (followed
// link by link, relative links from the link's folder), so the link stays a link.
std::string targetOf(const std::string& path) {
    std::filesystem::path p(path);
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!std::filesystem::is_symlink(std::filesystem::symlink_status(p, ec))) break;
        const std::filesystem::path to = std::filesystem::read_symlink(p, ec);
        if (ec) break;
        p = to.is_absolute() ? to : p.parent_path() / to;
    }
    return p.string();
}

}  // namespace

AtomicWriter::AtomicWriter(const std::string& path) : m_path(path), m_target(targetOf(path)) {
    const std::filesystem::path target(m_target);
    std::error_code ec;
    if (std::filesystem::is_directory(target, ec))
        throw std::runtime_error("a folder has that name");
    const std::filesystem::path dir =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    // Temporary file next to the target (same file system, so rename is atomic).
    std::string tempName = ".";  // appended: GCC 12's -Wrestrict misfires on "." + s
    tempName += target.filename().string();
    tempName += ".tmp-XXXXXX";
    m_temp = (dir / tempName).string();
    m_fd = ::mkstemp(m_temp.data());
    if (m_fd < 0) {
        const int error = errno;
        m_temp.clear();
        throw std::runtime_error("cannot create a temporary file in " + dir.string() + ": " +
                                 errnoText(error));
    }
    // The old file's permissions, else what open(…, 0666) would give under the umask.
    struct stat st {};
    mode_t mode = 0;
    if (::stat(m_target.c_str(), &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    ::fchmod(m_fd, mode);
}

AtomicWriter::~AtomicWriter() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_temp.empty()) ::unlink(m_temp.c_str());
}

void AtomicWriter::fail(const std::string& step) {
    const std::string reason = errnoText(errno);
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
    if (!m_temp.empty()) ::unlink(m_temp.c_str());
    m_temp.clear();
    throw std::runtime_error(step + ": " + reason + "; the previous file, if any, is unchanged");
}

void AtomicWriter::write(const char* data, std::size_t n) {
    if (m_fd < 0) throw std::logic_error("AtomicWriter::write after finish");
    std::size_t done = 0;
    while (done < n) {
        const ssize_t w = ::write(m_fd, data + done, n - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) fail("write failed");
        done += static_cast<std::size_t>(w);
    }
}

void AtomicWriter::finish() {
    if (m_fd < 0) return;
    if (::fsync(m_fd) != 0) fail("fsync failed");
    const int rc = ::close(m_fd);
    m_fd = -1;
    if (rc != 0) fail("close failed");
}

void AtomicWriter::commit() {
    finish();
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0) fail("rename failed");
    m_temp.clear();
    // Make the rename itself durable (best effort: not every file system allows it).
    const std::filesystem::path target(m_target);
    const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void writeFileAtomically(const std::string& path, std::string_view bytes) {
    AtomicWriter out(path);
    out.write(bytes);
    out.commit();
}

void writeFileAtomically(const std::string& path, const std::vector<char>& bytes) {
    writeFileAtomically(path, std::string_view(bytes.data(), bytes.size()));
}

}  // namespace bp
