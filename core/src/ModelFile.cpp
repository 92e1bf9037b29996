// ModelFile.cpp — the ".bpm" model format, version 1 (see ModelFile.h, docs/MODEL_FORMAT.md).
#include "backprop/ModelFile.h"

#include <bit>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string_view>

#include "backprop/AtomicFile.h"
#include "backprop/Checksum.h"


namespace bp {
namespace {

constexpr std::string_view kMagic = "BPSMODEL ";
constexpr std::size_t kMaxHeader = 64 * 1024;  // a header longer than this is not ours

std::string formatDouble(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
    return std::string(buf, r.ptr);
}

std::string errnoText() {
    return std::strerror(errno);
}

// Parses the whole of s as T; false if s is not exactly one number.
template <typename T>
bool parseNumber(std::string_view s, T& out) {
    if (s.empty()) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::size_t weightCount(const NetworkSpec& spec) {
    std::size_t n = 0;
    for (std::size_t k = 0; k + 1 < spec.layers.size(); ++k)
        n += static_cast<std::size_t>(spec.layers[k + 1]) *
             static_cast<std::size_t>(spec.layers[k] + (spec.bias ? 1 : 0));
    return n;
}

[[noreturn]] void corrupt(const std::string& name, const std::string& what) {
    throw ModelCorruptError(name + ": " + what);
}

}  // namespace

std::vector<char> encodeModel(const Network& net, const TrainingRecord& training) {
    if (!net.isFinite())
        throw ModelFileError("the network has NaN or infinite weights (it diverged); not saved");
    const NetworkSpec& spec = net.spec();
    std::string layers;
    for (int n : spec.layers) {
        if (!layers.empty()) layers += ',';
        layers += std::to_string(n);
    }
    const std::size_t count = net.parameterCount();

    std::string header;
    header += std::string(kMagic) + std::to_string(kModelFormatVersion) + "\n";
    header += "# Backprop Studio model; format: docs/MODEL_FORMAT.md\n";
    header += "layers " + layers + "\n";
    header += "hidden_activation " + std::string(activationName(spec.hidden)) + "\n";
    header += "output_activation " + std::string(activationName(spec.output)) + "\n";
    header += std::string("bias ") + (spec.bias ? "1" : "0") + "\n";
    header +=
        std::string("error_rule ") + (spec.rule == ErrorRule::Book ? "book" : "gradient") + "\n";
    header += "seed " + std::to_string(spec.seed) + "\n";
    header += "learning_rate " + formatDouble(training.learningRate) + "\n";
    header += "epochs_trained " + std::to_string(training.epochsTrained) + "\n";
    header += "batch " + std::to_string(training.batch) + "\n";
    header += std::string("shuffle ") + (training.shuffle ? "1" : "0") + "\n";
    header += "samples_seen " + std::to_string(training.samplesSeen) + "\n";
    header += "weights " + std::to_string(count) + " f8 rows\n";
    header += "end\n";

    std::vector<char> out(header.begin(), header.end());
    out.reserve(header.size() + 8 * count + 4);
    for (int k = 0; k < net.weightLayers(); ++k) {
        const Matrix& w = net.weights(k);
        for (Eigen::Index i = 0; i < w.rows(); ++i)  // row by row, as numpy's C order
            for (Eigen::Index j = 0; j < w.cols(); ++j) {
                const std::uint64_t bits = std::bit_cast<std::uint64_t>(w(i, j));
                for (int b = 0; b < 8; ++b)
                    out.push_back(static_cast<char>((bits >> (8 * b)) & 0xFF));
            }
    }
    const std::uint32_t crc = crc32(out.data(), out.size());
    for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>((crc >> (8 * b)) & 0xFF));
    return out;
}

SavedModel decodeModel(const std::vector<char>& bytes, const std::string& name) {
    const std::string_view all(bytes.data(), bytes.size());
    if (bytes.empty()) throw ModelTruncatedError(name + ": file is empty (not a model file)");
    if (!all.starts_with(kMagic))
        throw ModelCorruptError(name +
                                ": not a Backprop Studio model file (it does not start with "
                                "\"BPSMODEL\")");

    // Magic line and version.
    const std::size_t firstEnd = all.find('\n');
    if (firstEnd == std::string_view::npos)
        throw ModelTruncatedError(name + ": file is truncated (it ends inside the header)");
    int version = 0;
    if (!parseNumber(all.substr(kMagic.size(), firstEnd - kMagic.size()), version) || version < 1)
        corrupt(name, "unreadable format version in the first line");
    if (version > kModelFormatVersion)
        throw ModelVersionError(name + ": written by a newer Backprop Studio (format " +
                                    std::to_string(version) + "; this version reads " +
                                    std::to_string(kModelFormatVersion) + ")",
                                version);

    // Header lines up to "end".
    std::map<std::string, std::string, std::less<>> fields;
    std::size_t pos = firstEnd + 1, lineNo = 1;
    bool ended = false;
    while (pos < all.size() && pos < kMaxHeader) {
        const std::size_t eol = all.find('\n', pos);
        if (eol == std::string_view::npos) break;
        ++lineNo;
        const std::string_view line = all.substr(pos, eol - pos);
        pos = eol + 1;
        if (line == "end") {
            ended = true;
            break;
        }
        if (line.empty() || line[0] == '#') continue;
        const std::size_t sp = line.find(' ');
        if (sp == std::string_view::npos || sp == 0)
            corrupt(name, "header line " + std::to_string(lineNo) + " is not \"key value\"");
        fields.emplace(std::string(line.substr(0, sp)), std::string(line.substr(sp + 1)));
    }
    if (!ended) {
        if (pos >= kMaxHeader) corrupt(name, "header has no \"end\" line");
        throw ModelTruncatedError(name + ": file is truncated (it ends inside the header)");
    }
    const std::size_t dataAt = pos;

    auto field = [&](std::string_view key) -> const std::string& {
        const auto it = fields.find(key);
        if (it == fields.end()) corrupt(name, "header has no \"" + std::string(key) + "\" line");
        return it->second;
    };
    auto bad = [&](std::string_view key, const std::string& value) {
        corrupt(name,
                "header field " + std::string(key) + " has an invalid value \"" + value + "\"");
    };
    auto optional = [&](std::string_view key, const char* fallback) -> std::string {
        const auto it = fields.find(key);
        return it == fields.end() ? std::string(fallback) : it->second;
    };

    // Architecture.
    NetworkSpec spec;
    spec.layers.clear();
    {
        const std::string& text = field("layers");
        std::string_view rest = text;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            int n = 0;
            if (!parseNumber(rest.substr(0, comma), n)) bad("layers", text);
            spec.layers.push_back(n);
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    for (const auto& [key, target] :
         {std::pair<std::string_view, Activation*>{"hidden_activation", &spec.hidden},
          std::pair<std::string_view, Activation*>{"output_activation", &spec.output}}) {
        const std::string value = optional(key, "sigmoid");
        if (!parseActivation(value, *target)) bad(key, value);
    }
    {
        const std::string value = optional("bias", "0");
        if (value != "0" && value != "1") bad("bias", value);
        spec.bias = value == "1";
    }
    {
        const std::string value = optional("error_rule", "book");
        if (value == "book")
            spec.rule = ErrorRule::Book;
        else if (value == "gradient")
            spec.rule = ErrorRule::Gradient;
        else
            bad("error_rule", value);
    }
    if (const std::string value = optional("seed", "1"); !parseNumber(value, spec.seed))
        bad("seed", value);
    if (const std::string problem = spec.validate(); !problem.empty())
        corrupt(name, "invalid architecture: " + problem);
    // A header may claim anything: refuse sizes whose weight count could overflow before any
    // allocation (2^36 weights = 512 GiB, far beyond any real file).
    {
        long double total = 0;
        for (std::size_t k = 0; k + 1 < spec.layers.size(); ++k)
            total += static_cast<long double>(spec.layers[k + 1]) *
                     static_cast<long double>(spec.layers[k] + (spec.bias ? 1 : 0));
        if (total > static_cast<long double>(std::uint64_t{1} << 36))
            corrupt(name, "invalid architecture: layers " + field("layers") +
                              " would need more weights than any model file can hold");
    }

    // Training record.
    TrainingRecord training;
    if (const std::string v = optional("learning_rate", "0.1");
        !parseNumber(v, training.learningRate) || !std::isfinite(training.learningRate) ||
        !(training.learningRate > 0))  // a rate the trainer could not use
        bad("learning_rate", v);
    if (const std::string v = optional("epochs_trained", "0");
        !parseNumber(v, training.epochsTrained) || training.epochsTrained < 0)
        bad("epochs_trained", v);
    if (const std::string v = optional("batch", "1");
        !parseNumber(v, training.batch) || training.batch < 1)
        bad("batch", v);
    if (const std::string v = optional("shuffle", "0"); v == "0" || v == "1")
        training.shuffle = v == "1";
    else
        bad("shuffle", v);
    if (const std::string v = optional("samples_seen", "0"); !parseNumber(v, training.samplesSeen))
        bad("samples_seen", v);

    // Weights: "<count> f8 rows".
    const std::string& wtext = field("weights");
    const std::size_t sp = wtext.find(' ');
    std::size_t count = 0;
    if (sp == std::string::npos || !parseNumber(std::string_view(wtext).substr(0, sp), count) ||
        wtext.substr(sp + 1) != "f8 rows")
        bad("weights", wtext);
    const std::size_t expected = weightCount(spec);
    if (count != expected)
        corrupt(
            name, "header says " + std::to_string(count) + " weights but a " +
                      [&] {
                          std::string l;
                          for (int n : spec.layers) {
                              if (!l.empty()) l += '-';
                              l += std::to_string(n);
                          }
                          return l;
                      }() +
                      (spec.bias ? " network with bias" : " network") + " has " +
                      std::to_string(expected));

    const std::size_t weightBytes = 8 * count;
    const std::size_t have = bytes.size() - dataAt;
    if (have < weightBytes)
        throw ModelTruncatedError(name + ": file is truncated (expected " +
                                  std::to_string(weightBytes) + " bytes of weights, found " +
                                  std::to_string(have) + ")");
    if (have < weightBytes + 4)
        throw ModelTruncatedError(name +
                                  ": file is truncated (the 4-byte checksum at the end is "
                                  "missing)");
    if (have > weightBytes + 4)
        corrupt(name, "file has " + std::to_string(have - weightBytes - 4) +
                          " unexpected bytes after the checksum");
    const std::size_t crcAt = dataAt + weightBytes;
    if (const std::string mismatch = trailingCrc32Mismatch(bytes.data(), crcAt); !mismatch.empty())
        corrupt(name, "file is corrupted (" + mismatch + ")");

    SavedModel model{Network(spec), training};
    const char* p = bytes.data() + dataAt;
    for (int k = 0; k < model.network.weightLayers(); ++k) {
        Matrix w(model.network.weights(k).rows(), model.network.weights(k).cols());
        for (Eigen::Index i = 0; i < w.rows(); ++i)
            for (Eigen::Index j = 0; j < w.cols(); ++j, p += 8) {
                std::uint64_t bits = 0;
                for (int b = 0; b < 8; ++b)
                    bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[b])) << (8 * b);
                w(i, j) = std::bit_cast<double>(bits);
            }
        if (!w.allFinite())
            corrupt(name, "weight matrix W" + std::to_string(k) + " holds NaN or infinite values");
        model.network.setWeights(k, w);
    }
    return model;
}

SavedModel loadModel(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw ModelFileError(path + ": cannot open model file (" + errnoText() + ")");
    const std::vector<char> bytes((std::istreambuf_iterator<char>(f)),
                                  std::istreambuf_iterator<char>());
    if (f.bad()) throw ModelFileError(path + ": cannot read model file (" + errnoText() + ")");
    return decodeModel(bytes, path);
}

void saveModel(const std::string& path, const Network& net, const TrainingRecord& training) {
    std::vector<char> bytes;
    try {
        bytes = encodeModel(net, training);
    } catch (const ModelFileError& e) {
        throw ModelFileError(path + ": " + e.what());
    }
    try {
        writeFileAtomically(path, bytes);
    } catch (const std::runtime_error& e) {
        throw ModelFileError(path + ": cannot save the model (" + e.what() + ")");
    }
}

}  // namespace bp
