// AtomicFile.cpp — temporary file, write, fsync, rename (POSIX); write and rename elsewhere.
#include "backprop/AtomicFile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#define BP_POSIX_FILES 1
#endif

namespace bp {
namespace {

std::string errnoText() {
    return std::strerror(errno);
}

}  // namespace

void writeFileAtomically(const std::string& path, const std::vector<char>& bytes) {
    const std::filesystem::path target(path);
    const std::filesystem::path dir =
        target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    if (std::filesystem::is_directory(target)) throw std::runtime_error("a folder has that name");
#ifdef BP_POSIX_FILES
    // Temporary file next to the target (same file system, so rename is atomic).
    std::string tempName = ".";
    tempName += target.filename().string();
    tempName += ".tmp-XXXXXX";
    std::string temp = (dir / tempName).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0)
        throw std::runtime_error("cannot create a temporary file in " + dir.string() + ": " +
                                 errnoText());
    auto fail = [&](const std::string& step) {
        const std::string reason = errnoText();
        ::close(fd);
        ::unlink(temp.c_str());
        throw std::runtime_error(step + ": " + reason +
                                 "; the previous file, if any, is unchanged");
    };
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail("write failed");
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) fail("fsync failed");
    ::fchmod(fd, 0644);  // mkstemp creates 0600; a model or a session is an ordinary document
    if (::close(fd) != 0) {
        const std::string reason = errnoText();
        ::unlink(temp.c_str());
        throw std::runtime_error("close failed: " + reason);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string reason = errnoText();
        ::unlink(temp.c_str());
        throw std::runtime_error("rename failed: " + reason +
                                 "; the previous file, if any, is unchanged");
    }
    // Make the rename itself durable (best effort: not every file system allows it).
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
#else
    const std::filesystem::path temp = dir / ("." + target.filename().string() + ".tmp");
    {
        std::ofstream f(temp, std::ios::binary | std::ios::trunc);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        f.flush();
        if (!f) {
            f.close();
            std::error_code ignored;
            std::filesystem::remove(temp, ignored);
            throw std::runtime_error("write failed");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw std::runtime_error("rename failed: " + ec.message());
    }
#endif
}

}  // namespace bp
