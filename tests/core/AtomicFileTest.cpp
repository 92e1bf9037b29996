// AtomicFileTest.cpp — every write goes through AtomicFile.h: nothing at the path until commit,
// the old file kept on failure, a symbolic link kept as a link, the old mode kept, a set of
// .npy files whole or none.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "backprop/AtomicFile.h"
#include "backprop/Npy.h"

namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& name) {
    const fs::path dir =
        fs::temp_directory_path() / ("bp_atomic_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string content(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

void put(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

bool temporaryLeft(const fs::path& dir) {
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
    return false;
}

TEST(AtomicFile, SymbolicLinkStaysALinkAndModeIsKept) {
    const fs::path dir = freshDir("link");
    put(dir / "target.csv", "old");
    ::chmod((dir / "target.csv").c_str(), 0640);
    fs::create_symlink("target.csv", dir / "link.csv");
    bp::writeFileAtomically((dir / "link.csv").string(), std::string_view("new"));
    EXPECT_TRUE(fs::is_symlink(dir / "link.csv"));
    EXPECT_EQ(content(dir / "target.csv"), "new");
    struct stat st {};
    ASSERT_EQ(::stat((dir / "target.csv").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
    EXPECT_FALSE(temporaryLeft(dir));
    fs::remove_all(dir);
}

TEST(AtomicFile, NothingAppearsWithoutCommit) {
    const fs::path dir = freshDir("nocommit");
    put(dir / "a.csv", "old");
    {
        bp::AtomicWriter w((dir / "a.csv").string());
        w.write("new, half written");
        w.finish();
    }  // destroyed without commit
    EXPECT_EQ(content(dir / "a.csv"), "old");
    {
        bp::AtomicWriter w((dir / "b.csv").string());
        w.write("never");
    }
    EXPECT_FALSE(fs::exists(dir / "b.csv"));
    EXPECT_FALSE(temporaryLeft(dir));
    fs::remove_all(dir);
}

TEST(AtomicFile, NpySetIsWrittenWholeOrNotAtAll) {
    const fs::path dir = freshDir("npyset");
    put(dir / "w0.npy", "old0");
    const std::vector<bp::Matrix> m = {bp::Matrix::Constant(2, 3, 0.5),
                                       bp::Matrix::Constant(1, 2, 0.25)};
    // the second file cannot be written (its folder is missing): the first keeps its old bytes
    EXPECT_THROW(
        bp::writeNpyFiles({(dir / "w0.npy").string(), (dir / "none" / "w1.npy").string()}, m),
        bp::NpyError);
    EXPECT_EQ(content(dir / "w0.npy"), "old0");
    EXPECT_FALSE(temporaryLeft(dir));
    bp::writeNpyFiles({(dir / "w0.npy").string(), (dir / "w1.npy").string()}, m);
    EXPECT_EQ(bp::readNpy((dir / "w0.npy").string()), m[0]);
    EXPECT_EQ(bp::readNpy((dir / "w1.npy").string()), m[1]);
    fs::remove_all(dir);
}

}  // namespace
