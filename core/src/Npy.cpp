// Npy.cpp — NumPy .npy reader and writer (see Npy.h).
//
// File layout (numpy/lib/format.py):
//   "\x93NUMPY", major, minor,
//   header length: u16 LE (1.0) or u32 LE (2.0, 3.0),
//   header: a Python dict literal {'descr': '<f8', 'fortran_order': False, 'shape': (r, c), }
//           padded with spaces and a final '\n' so the data starts at a multiple of 64,
//   data: r·c items, row by row (C order) or column by column (Fortran order).
#include "backprop/Npy.h"

#include "backprop/AtomicFile.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string_view>

#include "ByteOrder.h"
#include "backprop/FileRead.h"
#include "backprop/Limits.h"

namespace bp {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicLen = 6;

std::string shapeText(Eigen::Index rows, Eigen::Index cols) {
    std::string s = "(";
    s += std::to_string(rows);
    s += ", ";
    s += std::to_string(cols);
    s += ")";
    return s;
}

// The value that follows 'key': in the header dict, with leading spaces skipped.
std::string_view valueOf(std::string_view header, std::string_view key, const std::string& name) {
    for (const char quote : {'\'', '"'}) {
        const std::string quoted = std::string(1, quote) + std::string(key) + quote;
        const std::size_t at = header.find(quoted);
        if (at == std::string_view::npos) continue;
        std::size_t p = at + quoted.size();
        while (p < header.size() && (header[p] == ' ' || header[p] == ':')) ++p;
        return header.substr(p);
    }
    throw NpyError(name + ": .npy header has no '" + std::string(key) + "' entry");
}

struct Header {
    char kind = 'f';       // 'f' float
    int itemSize = 8;      // 4 or 8
    bool fortran = false;  // column by column
    std::vector<long long> shape;
};

Header parseHeader(std::string_view h, const std::string& name) {
    Header out;
    // descr: a quoted string such as '<f8'
    std::string_view d = valueOf(h, "descr", name);
    if (d.empty() || (d[0] != '\'' && d[0] != '"'))
        throw NpyError(name + ": .npy header has an unreadable 'descr' entry");
    const std::size_t end = d.find(d[0], 1);
    if (end == std::string_view::npos)
        throw NpyError(name + ": .npy header has an unreadable 'descr' entry");
    const std::string descr(d.substr(1, end - 1));
    const bool littleHost = std::endian::native == std::endian::little;
    const bool le = descr.size() == 3 &&
                    (descr[0] == '<' || (littleHost && (descr[0] == '|' || descr[0] == '=')));
    if (le && descr.substr(1) == "f8") {
        out.itemSize = 8;
    } else if (le && descr.substr(1) == "f4") {
        out.itemSize = 4;
    } else {
        throw NpyError(name + ": unsupported .npy data type '" + descr +
                       "' (this program reads little-endian float64 '<f8' and float32 '<f4')");
    }
    // fortran_order: True or False
    const std::string_view f = valueOf(h, "fortran_order", name);
    if (f.starts_with("True"))
        out.fortran = true;
    else if (f.starts_with("False"))
        out.fortran = false;
    else
        throw NpyError(name + ": .npy header has an unreadable 'fortran_order' entry");
    // shape: a tuple of non-negative integers, "(200, 784)", "(10,)" or "()"
    const std::string_view s = valueOf(h, "shape", name);
    if (s.empty() || s[0] != '(') throw NpyError(name + ": .npy header has an unreadable 'shape'");
    std::size_t p = 1;
    for (;;) {
        while (p < s.size() && (s[p] == ' ' || s[p] == ',')) ++p;
        if (p >= s.size()) throw NpyError(name + ": .npy header has an unreadable 'shape'");
        if (s[p] == ')') break;
        if (s[p] < '0' || s[p] > '9')
            throw NpyError(name + ": .npy header has an unreadable 'shape'");
        long long v = 0;
        while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
            v = v * 10 + (s[p] - '0');
            if (v > (1LL << 40)) throw NpyError(name + ": .npy shape is implausibly large");
            ++p;
        }
        while (p < s.size() && s[p] == 'L') ++p;  // Python 2 longs: (200L, 784L)
        out.shape.push_back(v);
    }
    if (out.shape.empty() || out.shape.size() > 2)
        throw NpyError(name + ": .npy array has " + std::to_string(out.shape.size()) +
                       " dimensions; a weight matrix needs 1 or 2");
    return out;
}

// What the preamble and the dict say: where the data starts and how it is laid out.
struct Layout {
    Header dict;                // dtype, order, shape
    long long rows = 0;         // shape[0]
    long long cols = 1;         // shape[1], or 1 for a 1-D array
    std::size_t dataAt = 0;     // offset of the first value
    std::size_t dataBytes = 0;  // rows · cols · itemSize

    std::string shapeText() const {
        std::string t = "(";
        t += std::to_string(rows);
        t += ",";
        if (dict.shape.size() == 2) {
            t += " ";
            t += std::to_string(cols);
        }
        t += ")";
        return t;
    }
};

// Magic, version and header length from the first bytes: the header's end, or 0 if bytes is
// too short to tell yet (fewer than 12 bytes). Throws on a wrong magic or version, and on a
// header longer than kMaxNpyHeader (a dict of a weight matrix is under 128 bytes).
std::size_t headerEnd(std::string_view bytes, const std::string& name, std::size_t& headerAt) {
    if (bytes.size() < kMagicLen + 4 ||
        bytes.substr(0, kMagicLen) != std::string_view(kMagic, kMagicLen)) {
        if (bytes.size() >= kMagicLen + 4 ||
            !std::string_view(kMagic, kMagicLen).starts_with(bytes))
            throw NpyError(name + ": not a NumPy .npy file (no \\x93NUMPY signature)");
        throw NpyError(name + ": .npy file is truncated in its header");
    }
    const int major = static_cast<unsigned char>(bytes[6]);
    std::size_t headerLen = 0;
    if (major == 1) {
        headerLen = bytes::getLe(bytes.data() + 8, 2);
        headerAt = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12) return 0;
        headerLen = bytes::getLe(bytes.data() + 8, 4);
        headerAt = 12;
    } else {
        throw NpyError(name + ": unsupported .npy format version " + std::to_string(major) + "." +
                       std::to_string(static_cast<unsigned char>(bytes[7])) +
                       " (this program reads 1.0, 2.0 and 3.0)");
    }
    if (headerLen > kMaxNpyHeader)
        throw NpyError(name + ": .npy header is " + std::to_string(headerLen) +
                       " bytes long; a weight matrix's takes a few hundred (at most " +
                       byteSize(kMaxNpyHeader) + " are read)");
    return headerAt + headerLen;
}

// The layout, every size checked (and against the memory a Matrix of it would take) before
// anything is allocated from it.
Layout readLayout(std::string_view bytes, const std::string& name) {
    std::size_t headerAt = 0;
    const std::size_t end = headerEnd(bytes, name, headerAt);
    if (end == 0 || bytes.size() < end)
        throw NpyError(name + ": .npy file is truncated in its header");
    Layout l;
    l.dict = parseHeader(bytes.substr(headerAt, end - headerAt), name);
    l.rows = l.dict.shape[0];
    l.cols = l.dict.shape.size() == 2 ? l.dict.shape[1] : 1;
    // Each axis is below 2^40 (parseHeader); refuse products that could overflow the byte count.
    if (l.cols > 0 && static_cast<std::size_t>(l.rows) >
                          (std::size_t{1} << 48) / static_cast<std::size_t>(l.cols))
        throw NpyError(name + ": .npy shape is implausibly large for a weight matrix");
    const std::uint64_t n = static_cast<std::uint64_t>(l.rows) * static_cast<std::uint64_t>(l.cols);
    if (const std::uint64_t memory = availableMemory(); memory != 0 && 8 * n > memory / 2)
        throw NpyError(name + ": .npy shape " + l.shapeText() + " holds " + std::to_string(n) +
                       " values, " + byteSize(8 * n) +
                       " as doubles: more than this computer can hold (" + byteSize(memory) + ")");
    l.dataAt = end;
    l.dataBytes = static_cast<std::size_t>(n) * static_cast<std::size_t>(l.dict.itemSize);
    return l;
}

[[noreturn]] void truncatedData(const Layout& l, std::uint64_t have, const std::string& name) {
    throw NpyError(name + ": .npy file is truncated (shape " + l.shapeText() + " needs " +
                   std::to_string(l.dataBytes) + " bytes of data, found " + std::to_string(have) +
                   ")");
}

// The values into a Matrix; NaN or ±Inf is refused naming its place ([row, column], 0-based
// as numpy indexes it).
Matrix readValues(std::string_view bytes, const Layout& l, const std::string& name) {
    if (bytes.size() - l.dataAt < l.dataBytes) truncatedData(l, bytes.size() - l.dataAt, name);
    Matrix m(l.rows, l.cols);
    const char* p = bytes.data() + l.dataAt;
    const auto r = static_cast<std::size_t>(l.rows), c = static_cast<std::size_t>(l.cols);
    const std::size_t n = r * c;
    const int itemSize = l.dict.itemSize;
    for (std::size_t k = 0; k < n; ++k, p += itemSize) {
        // item k sits at (i, j) = (k / cols, k % cols) in C order, (k % rows, k / rows) in Fortran
        const std::size_t i = l.dict.fortran ? k % r : k / c;
        const std::size_t j = l.dict.fortran ? k / r : k % c;
        const double v = itemSize == 8 ? bytes::getF64le(p)
                                       : static_cast<double>(std::bit_cast<float>(
                                             static_cast<std::uint32_t>(bytes::getLe(p, 4))));
        if (!std::isfinite(v)) {
            std::string at = "[";
            at += std::to_string(i);
            if (l.dict.shape.size() == 2) {
                at += ", ";
                at += std::to_string(j);
            }
            at += "]";
            throw NpyError(name + ": the value at " + at + " is " +
                           (std::isnan(v) ? "NaN"
                            : v > 0       ? "+Inf"
                                          : "-Inf") +
                           "; weights must be finite numbers");
        }
        m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v;
    }
    return m;
}

// Reads path: the preamble and dict first, then, once checkShape (may be empty) accepted the
// layout and the file is long enough, only the data it announces.
Matrix readFile(const std::string& path, const std::function<void(const Layout&)>& checkShape) {
    try {
        InputFile f(path, ".npy file");
        std::vector<char> bytes;
        f.appendUpTo(bytes, 12);
        if (bytes.empty() && f.kind() == InputFile::Kind::Pipe) f.fail(kEmptyPipe);
        std::size_t headerAt = 0;
        const std::size_t end =
            headerEnd(std::string_view(bytes.data(), bytes.size()), path, headerAt);
        f.appendUpTo(bytes, end);
        const Layout l = readLayout(std::string_view(bytes.data(), bytes.size()), path);
        if (checkShape) checkShape(l);
        if (f.kind() == InputFile::Kind::Regular && f.size() < l.dataAt + l.dataBytes)
            truncatedData(l, f.size() - std::min<std::uint64_t>(f.size(), l.dataAt), path);
        // numpy.save writes nothing after the data: a file much longer than its header says
        // (a 10 GB file with a small header) is not what it claims, and is not read.
        if (f.kind() == InputFile::Kind::Regular && f.size() > l.dataAt + l.dataBytes)
            throw NpyError(path + ": the file is " + byteSize(f.size()) +
                           " but its header announces " + std::to_string(l.dataBytes) +
                           " bytes of data (shape " + l.shapeText() +
                           "): not a .npy file numpy.save wrote");
        f.appendUpTo(bytes, l.dataAt + l.dataBytes);
        return readValues(std::string_view(bytes.data(), bytes.size()), l, path);
    } catch (const FileReadError& e) {
        throw NpyError(e.what());
    }
}

}  // namespace

namespace {

// The .npy file of m, as numpy writes it.
std::vector<char> npyBytes(const std::string& path, const Eigen::Ref<const Matrix>& m) {
    std::string header =
        "{'descr': '<f8', 'fortran_order': False, 'shape': " + shapeText(m.rows(), m.cols()) +
        ", }";
    // As numpy ≥ 1.24 writes it (byte for byte): room for the first axis to grow to 21 digits,
    // then spaces so that magic(6) + version(2) + length(2) + header ends on a 64-byte
    // boundary, the last header byte being '\n'.
    header.append(21 - std::to_string(m.rows()).size(), ' ');
    const std::size_t total = kMagicLen + 2 + 2 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header.push_back('\n');
    if (header.size() > 65535) throw NpyError(path + ": .npy header too long");

    const std::size_t n = static_cast<std::size_t>(m.rows()) * static_cast<std::size_t>(m.cols());
    // magic, version 1.0, u16 header length, header, then the data
    std::vector<char> bytes(kMagic, kMagic + kMagicLen);
    bytes.reserve(kMagicLen + 4 + header.size() + 8 * n);
    bytes.push_back(1);  // major
    bytes.push_back(0);  // minor
    bytes::putLe(bytes, header.size(), 2);
    bytes.insert(bytes.end(), header.begin(), header.end());
    for (Eigen::Index i = 0; i < m.rows(); ++i)  // C order: row by row
        for (Eigen::Index j = 0; j < m.cols(); ++j) bytes::putF64le(bytes, m(i, j));
    return bytes;
}

// The whole set or none: every file is written and fsync'ed beside its name first, then all
// are renamed (AtomicWriter); a failure before the renames leaves every old file as it was.
void writeNpySet(const std::vector<std::string>& paths,
                 const std::function<const Matrix&(std::size_t)>& matrix) {
    std::vector<std::unique_ptr<AtomicWriter>> files;
    std::string path;
    try {
        for (std::size_t k = 0; k < paths.size(); ++k) {
            path = paths[k];
            files.push_back(std::make_unique<AtomicWriter>(path));
            const std::vector<char> bytes = npyBytes(path, matrix(k));
            files.back()->write(bytes.data(), bytes.size());
            files.back()->finish();
        }
        for (const auto& f : files) {
            path = f->path();
            f->commit();
        }
    } catch (const NpyError&) {
        throw;
    } catch (const std::runtime_error& e) {
        throw NpyError(path + ": cannot write the file (" + e.what() + ")");
    }
}

}  // namespace

void writeNpy(const std::string& path, const Eigen::Ref<const Matrix>& m) {
    const std::vector<char> bytes = npyBytes(path, m);
    try {
        writeFileAtomically(path, bytes);
    } catch (const std::runtime_error& e) {
        throw NpyError(path + ": cannot write the file (" + e.what() + ")");
    }
}

Matrix parseNpy(const std::vector<char>& bytes, const std::string& name) {
    const std::string_view all(bytes.data(), bytes.size());
    return readValues(all, readLayout(all, name), name);
}

Matrix readNpy(const std::string& path) {
    return readFile(path, {});
}

std::vector<std::string> npyNames(int weightLayers) {
    if (weightLayers == 2) return {"wih.npy", "who.npy"};
    std::vector<std::string> names;
    for (int k = 0; k < weightLayers; ++k) {
        std::string name = "w";
        name += std::to_string(k);
        name += ".npy";
        names.push_back(std::move(name));
    }
    return names;
}

void exportNpy(const Network& net, const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw NpyError(dir + ": cannot create folder (" + ec.message() + ")");
    std::vector<std::string> paths;
    for (const std::string& name : npyNames(net.weightLayers()))
        paths.push_back((std::filesystem::path(dir) / name).string());
    writeNpySet(
        paths, [&net](std::size_t k) -> const Matrix& { return net.weights(static_cast<int>(k)); });
}

void writeNpyFiles(const std::vector<std::string>& paths, const std::vector<Matrix>& matrices) {
    if (paths.size() != matrices.size())
        throw std::invalid_argument("writeNpyFiles: one path for each matrix");
    writeNpySet(paths, [&matrices](std::size_t k) -> const Matrix& { return matrices[k]; });
}

void importNpy(Network& net, const std::string& dir) {
    const std::vector<std::string> names = npyNames(net.weightLayers());
    std::vector<Matrix> loaded;
    for (int k = 0; k < net.weightLayers(); ++k) {
        const std::string path =
            (std::filesystem::path(dir) / names[static_cast<std::size_t>(k)]).string();
        if (!std::filesystem::exists(path))
            throw NpyError(path + ": file not found (a " + net.spec().describe() +
                           " network needs " + std::to_string(names.size()) + " weight files: " +
                           [&] {
                               std::string all;
                               for (const auto& s : names) all += (all.empty() ? "" : ", ") + s;
                               return all;
                           }() +
                           ")");
        const Matrix& w = net.weights(k);
        loaded.push_back(readFile(path, [&](const Layout& l) {  // before its data is read
            if (l.rows != w.rows() || l.cols != w.cols())
                throw NpyError(path + ": shape " + shapeText(l.rows, l.cols) +
                               " does not match the network's W" + std::to_string(k) + " " +
                               shapeText(w.rows(), w.cols()) + " (" + net.spec().describe() +
                               (net.spec().bias ? ", bias column last" : "") + ")");
        }));
    }
    for (int k = 0; k < net.weightLayers(); ++k)
        net.setWeights(k, loaded[static_cast<std::size_t>(k)]);
}

}  // namespace bp
