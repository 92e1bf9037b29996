// FullDiskTest.cpp — saves that fail on a real full disk and a real read-only folder leave the
// previous model or session file byte for byte as it was, leave no temporary file behind, and
// say why. A 64 KiB tmpfs is mounted for each test (needs root, as in CI here; skipped when
// mounting is not permitted). ModelFileTest covers the same with RLIMIT_FSIZE, which needs none.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "backprop/ModelFile.h"
#include "backprop/SessionFile.h"

using namespace bp;
namespace fs = std::filesystem;

namespace {

std::vector<char> readBytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

NetworkSpec smallSpec() {
    NetworkSpec s;
    s.layers = {4, 3, 2};
    s.seed = 5;
    return s;
}

// A tiny tmpfs (64 KiB) mounted on a fresh temporary folder.
class FullDisk : public ::testing::Test {
  protected:
    void SetUp() override {
        std::random_device rd;
        m_dir = fs::temp_directory_path() /
                ("bp-fulldisk-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        fs::create_directories(m_dir);
        if (::mount("tmpfs", m_dir.c_str(), "tmpfs", 0, "size=64k") != 0) {
            const std::string why = std::strerror(errno);
            fs::remove(m_dir);
            GTEST_SKIP() << "cannot mount a tmpfs here (" << why << ")";
        }
        m_mounted = true;
    }
    void TearDown() override {
        if (m_mounted) ::umount2(m_dir.c_str(), MNT_DETACH);
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(m_dir), {}));
    }
    void remountReadOnly() {
        ASSERT_EQ(::mount("tmpfs", m_dir.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=64k"), 0)
            << std::strerror(errno);
    }

    fs::path m_dir;
    bool m_mounted = false;
};

// what() of the exception fn throws, or "(no error)".
template <typename Error, typename Fn>
std::string errorOf(Fn fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_F(FullDisk, ModelSaveOnAFullDiskKeepsTheOldFile) {
    saveModel(path("m.bpm"), Network(smallSpec()));
    const std::vector<char> old = readBytes(path("m.bpm"));
    ASSERT_FALSE(old.empty());
    // 784-200-10 is 1.27 MB: the 64 KiB disk fills up while the temporary file is written.
    const std::string e = errorOf<ModelFileError>([&] { saveModel(path("m.bpm"), Network{}); });
    EXPECT_EQ(e.rfind(path("m.bpm") + ": cannot save the model (", 0), 0u) << e;
    EXPECT_NE(e.find("No space left on device"), std::string::npos) << e;
    EXPECT_EQ(readBytes(path("m.bpm")), old);
    EXPECT_EQ(entries(), 1u) << "the temporary file was left behind";
    EXPECT_NO_THROW(loadModel(path("m.bpm")));
}

TEST_F(FullDisk, ModelSaveInAReadOnlyFolderKeepsTheOldFile) {
    saveModel(path("m.bpm"), Network(smallSpec()));
    const std::vector<char> old = readBytes(path("m.bpm"));
    remountReadOnly();
    NetworkSpec other = smallSpec();
    other.seed = 6;
    const std::string e =
        errorOf<ModelFileError>([&] { saveModel(path("m.bpm"), Network(other)); });
    EXPECT_EQ(e.rfind(path("m.bpm") + ": cannot save the model (", 0), 0u) << e;
    EXPECT_NE(e.find("Read-only file system"), std::string::npos) << e;
    EXPECT_EQ(readBytes(path("m.bpm")), old);
    EXPECT_EQ(entries(), 1u);
}

TEST_F(FullDisk, SessionSaveOnAFullDiskKeepsTheOldFile) {
    Session s;
    s.network = Network(smallSpec());
    s.title = "lesson";
    saveSession(path("l.bps"), s);
    const std::vector<char> old = readBytes(path("l.bps"));
    Session big;  // a 784-200-10 network: 1.27 MB
    big.title = "too big for this disk";
    const std::string e = errorOf<SessionFileError>([&] { saveSession(path("l.bps"), big); });
    EXPECT_EQ(e.rfind(path("l.bps") + ": cannot save the session (", 0), 0u) << e;
    EXPECT_NE(e.find("No space left on device"), std::string::npos) << e;
    EXPECT_EQ(readBytes(path("l.bps")), old);
    EXPECT_EQ(entries(), 1u) << "the temporary file was left behind";
    EXPECT_EQ(loadSession(path("l.bps")).title, "lesson");
}

TEST_F(FullDisk, SessionSaveInAReadOnlyFolderKeepsTheOldFile) {
    Session s;
    s.network = Network(smallSpec());
    saveSession(path("l.bps"), s);
    const std::vector<char> old = readBytes(path("l.bps"));
    remountReadOnly();
    s.title = "changed";
    const std::string e = errorOf<SessionFileError>([&] { saveSession(path("l.bps"), s); });
    EXPECT_NE(e.find("Read-only file system"), std::string::npos) << e;
    EXPECT_EQ(readBytes(path("l.bps")), old);
    EXPECT_EQ(entries(), 1u);
}
