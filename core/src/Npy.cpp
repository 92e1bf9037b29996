// Npy.cpp — NumPy .npy reader and writer (see Npy.h).
//
// File layout (numpy/lib/format.py):
//   "\x93NUMPY", major, minor,
//   header length: u16 LE (1.0) or u32 LE (2.0, 3.0),
//   header: a Python dict literal {'descr': '<f8', 'fortran_order': False, 'shape': (r, c), }
//           padded with spaces and a final '\n' so the data starts at a multiple of 64,
//   data: r·c items, row by row (C order) or column by column (Fortran order).
#include "backprop/Npy.h"

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

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

// Little-endian bytes of a double / to a double, whatever the host's byte order.
void putF64le(char* out, double v) {
    std::uint64_t bits = std::bit_cast<std::uint64_t>(v);
    for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((bits >> (8 * i)) & 0xFFu);
}
std::uint64_t getLe(const char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
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

std::vector<char> readAll(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw NpyError(path + ": cannot open file (" + std::strerror(errno) + ")");
    std::vector<char> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    if (f.bad()) throw NpyError(path + ": cannot read file (" + std::strerror(errno) + ")");
    return bytes;
}

}  // namespace

void writeNpy(const std::string& path, const Eigen::Ref<const Matrix>& m) {
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
    const std::size_t dataAt = kMagicLen + 4 + header.size();
    std::vector<char> bytes(dataAt + 8 * n);
    std::memcpy(bytes.data(), kMagic, kMagicLen);
    bytes[6] = 1;  // major
    bytes[7] = 0;  // minor
    bytes[8] = static_cast<char>(header.size() & 0xFF);
    bytes[9] = static_cast<char>(header.size() >> 8);
    std::memcpy(bytes.data() + 10, header.data(), header.size());
    char* out = bytes.data() + dataAt;
    for (Eigen::Index i = 0; i < m.rows(); ++i)  // C order: row by row
        for (Eigen::Index j = 0; j < m.cols(); ++j, out += 8) putF64le(out, m(i, j));

    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw NpyError(path + ": cannot create file (" + std::strerror(errno) + ")");
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) throw NpyError(path + ": cannot write file (" + std::strerror(errno) + ")");
}

Matrix parseNpy(const std::vector<char>& bytes, const std::string& name) {
    if (bytes.size() < kMagicLen + 4 || std::memcmp(bytes.data(), kMagic, kMagicLen) != 0)
        throw NpyError(name + ": not a NumPy .npy file (no \\x93NUMPY signature)");
    const int major = static_cast<unsigned char>(bytes[6]);
    std::size_t headerLen = 0, headerAt = 0;
    if (major == 1) {
        headerLen = getLe(bytes.data() + 8, 2);
        headerAt = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12) throw NpyError(name + ": .npy file is truncated in its header");
        headerLen = getLe(bytes.data() + 8, 4);
        headerAt = 12;
    } else {
        throw NpyError(name + ": unsupported .npy format version " + std::to_string(major) + "." +
                       std::to_string(static_cast<unsigned char>(bytes[7])) +
                       " (this program reads 1.0, 2.0 and 3.0)");
    }
    if (bytes.size() < headerAt + headerLen)
        throw NpyError(name + ": .npy file is truncated in its header");
    const Header h = parseHeader(std::string_view(bytes.data() + headerAt, headerLen), name);

    const long long rows = h.shape[0];
    const long long cols = h.shape.size() == 2 ? h.shape[1] : 1;
    // Each axis is below 2^40 (parseHeader); refuse products that could overflow the byte count.
    if (cols > 0 &&
        static_cast<std::size_t>(rows) > (std::size_t{1} << 48) / static_cast<std::size_t>(cols))
        throw NpyError(name + ": .npy shape is implausibly large for a weight matrix");
    const std::size_t n = static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
    const std::size_t dataAt = headerAt + headerLen;
    const std::size_t need = n * static_cast<std::size_t>(h.itemSize);
    const std::size_t have = bytes.size() - dataAt;
    if (have < need)
        throw NpyError(name + ": .npy file is truncated (shape (" + std::to_string(rows) +
                       (h.shape.size() == 2 ? ", " + std::to_string(cols) : std::string(",")) +
                       ") needs " + std::to_string(need) + " bytes of data, found " +
                       std::to_string(have) + ")");

    Matrix m(rows, cols);
    const char* p = bytes.data() + dataAt;
    for (std::size_t k = 0; k < n; ++k, p += h.itemSize) {
        // item k sits at (i, j) = (k / cols, k % cols) in C order, (k % rows, k / rows) in Fortran
        const auto r = static_cast<std::size_t>(rows), c = static_cast<std::size_t>(cols);
        const std::size_t i = h.fortran ? k % r : k / c;
        const std::size_t j = h.fortran ? k / r : k % c;
        const double v = h.itemSize == 8 ? std::bit_cast<double>(getLe(p, 8))
                                         : static_cast<double>(std::bit_cast<float>(
                                               static_cast<std::uint32_t>(getLe(p, 4))));
        m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = v;
    }
    return m;
}

Matrix readNpy(const std::string& path) {
    return parseNpy(readAll(path), path);
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
    const std::vector<std::string> names = npyNames(net.weightLayers());
    for (int k = 0; k < net.weightLayers(); ++k)
        writeNpy((std::filesystem::path(dir) / names[static_cast<std::size_t>(k)]).string(),
                 net.weights(k));
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
        Matrix m = readNpy(path);
        const Matrix& w = net.weights(k);
        if (m.rows() != w.rows() || m.cols() != w.cols())
            throw NpyError(path + ": shape " + shapeText(m.rows(), m.cols()) +
                           " does not match the network's W" + std::to_string(k) + " " +
                           shapeText(w.rows(), w.cols()) + " (" + net.spec().describe() +
                           (net.spec().bias ? ", bias column last" : "") + ")");
        loaded.push_back(std::move(m));
    }
    for (int k = 0; k < net.weightLayers(); ++k)
        net.setWeights(k, loaded[static_cast<std::size_t>(k)]);
}

}  // namespace bp
