// TestFiles.h — files for the core tests: a fresh temporary folder per test and whole-file
// reads and writes (header-only, shared by the loader, model, session and .npy tests).
#pragma once

#include <unistd.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

namespace testfiles {

// A fresh empty folder (mkdtemp, so parallel test runs never share one), removed at the end.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& prefix = "bp_test") {
        std::string t = (std::filesystem::temp_directory_path() / (prefix + "_XXXXXX")).string();
        path = ::mkdtemp(t.data());
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // The path of a file in the folder.
    std::string operator/(const std::string& name) const { return (path / name).string(); }
    // Writes a file with that content and returns its path.
    std::string file(const std::string& name, const std::string& content) const {
        const std::string p = *this / name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
    // How many entries the folder holds (a failed save must leave no temporary file behind).
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path),
                                                      std::filesystem::directory_iterator()));
    }
};

inline std::vector<char> readBytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

inline void writeBytes(const std::string& path, const std::vector<char>& bytes) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace testfiles
