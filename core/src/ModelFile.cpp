// ModelFile.cpp — the ".bpm" model format, version 1 (see ModelFile.h, docs/MODEL_FORMAT.md).
#include "backprop/ModelFile.h"

#include <algorithm>
#include <charconv>
#include <new>
#include <string_view>

#include "ByteOrder.h"
#include "TextHeader.h"
#include "backprop/AtomicFile.h"
#include "backprop/Checksum.h"
#include "backprop/FileRead.h"
#include "backprop/FileText.h"
#include "backprop/Limits.h"

namespace bp {
namespace {

const TextHeaderFormat kHeaderFormat{.magic = "BPSMODEL ",
                                     .fileKind = "model file",
                                     .versionWord = "format",
                                     .newestVersion = kModelFormatVersion,
                                     .maxHeader = kMaxModelHeader,
                                     .repeatable = {}};

std::string formatDouble(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip form
    return std::string(buf, r.ptr);
}

[[noreturn]] void corrupt(const std::string& name, const std::string& what) {
    throw ModelCorruptError(name + ": " + what);
}

// The header's error as this format's exception.
[[noreturn]] void rethrow(const TextHeaderError& e) {
    switch (e.kind) {
        case TextHeaderError::Kind::Truncated:
            throw ModelTruncatedError(e.what());
        case TextHeaderError::Kind::Newer:
            throw ModelVersionError(e.what(), e.version);
        case TextHeaderError::Kind::Corrupt:
            break;
    }
    throw ModelCorruptError(e.what());
}

// What a model file's header says, every value checked, before a weight is read.
struct ModelHeader {
    NetworkSpec spec;         // architecture, validated (memory included)
    TrainingRecord training;  // the training record
    std::size_t count = 0;    // weights announced, equal to the architecture's
    std::size_t dataAt = 0;   // offset of the first weight

    // Bytes of the whole file: header, weights, CRC-32.
    std::size_t fileSize() const { return dataAt + 8 * count + 4; }
};

ModelHeader decodeHeader(std::string_view all, const std::string& name) {
    TextHeader text;
    try {
        text = parseTextHeader(all, kHeaderFormat, name);
    } catch (const TextHeaderError& e) {
        rethrow(e);
    }
    ModelHeader h;
    h.dataAt = text.dataAt;

    auto find = [&](std::string_view key) -> const std::string* {
        for (const TextHeaderLine& l : text.lines)
            if (l.key == key) return &l.value;
        return nullptr;
    };
    auto field = [&](std::string_view key) -> const std::string& {
        const std::string* v = find(key);
        if (v == nullptr) corrupt(name, "header has no \"" + std::string(key) + "\" line");
        return *v;
    };
    auto bad = [&](std::string_view key, const std::string& value) {
        corrupt(name, "header field " + std::string(key) + " has an invalid value \"" +
                          printable(value) + "\"");
    };
    auto optional = [&](std::string_view key, const char* fallback) -> std::string {
        const std::string* v = find(key);
        return v == nullptr ? std::string(fallback) : *v;
    };

    // Architecture.
    NetworkSpec& spec = h.spec;
    spec.layers.clear();
    {
        const std::string& layersText = field("layers");
        std::string_view rest = layersText;
        while (!rest.empty()) {
            const std::size_t comma = rest.find(',');
            int n = 0;
            if (!parseNumber(rest.substr(0, comma), n)) bad("layers", layersText);
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
    // Layer sizes, and weights that fit in memory, before anything is allocated from them.
    if (const std::string problem = spec.validate(); !problem.empty())
        corrupt(name, "invalid architecture: " + problem);

    // Training record: each value within what the CLI and the studio accept (Limits.h).
    TrainingRecord& training = h.training;
    if (const std::string v = optional("learning_rate", "0.1");
        !parseNumber(v, training.learningRate) || !(training.learningRate > 0) ||
        training.learningRate > kMaxLearningRate)  // a rate the trainer could not use
        bad("learning_rate", v);
    if (const std::string v = optional("epochs_trained", "0");
        !parseNumber(v, training.epochsTrained) || training.epochsTrained < 0)
        bad("epochs_trained", v);
    if (const std::string v = optional("batch", "1");
        !parseNumber(v, training.batch) || training.batch < 1 || training.batch > kMaxBatch)
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
    if (sp == std::string::npos || !parseNumber(std::string_view(wtext).substr(0, sp), h.count) ||
        wtext.substr(sp + 1) != "f8 rows")
        bad("weights", wtext);
    const std::uint64_t expected = weightCount(spec.layers, spec.bias);
    if (h.count != expected)
        corrupt(
            name, "header says " + std::to_string(h.count) + " weights but a " +
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
    return h;
}

[[noreturn]] void extraBytes(const std::string& name, std::uint64_t extra) {
    corrupt(name, "file has " + std::to_string(extra) + " unexpected bytes after the checksum");
}

SavedModel decodeBytes(std::string_view all, const std::string& name) {
    const ModelHeader h = decodeHeader(all, name);
    const std::size_t weightBytes = 8 * h.count;
    const std::size_t have = all.size() - h.dataAt;
    if (have < weightBytes)
        throw ModelTruncatedError(name + ": file is truncated (expected " +
                                  std::to_string(weightBytes) + " bytes of weights, found " +
                                  std::to_string(have) + ")");
    if (have < weightBytes + 4)
        throw ModelTruncatedError(name +
                                  ": file is truncated (the 4-byte checksum at the end is "
                                  "missing)");
    if (have > weightBytes + 4) extraBytes(name, have - weightBytes - 4);
    const std::size_t crcAt = h.dataAt + weightBytes;
    if (const std::string mismatch = trailingCrc32Mismatch(all.data(), crcAt); !mismatch.empty())
        corrupt(name, "file is corrupted (" + mismatch + ")");

    SavedModel model{Network(h.spec), h.training};
    const char* p = all.data() + h.dataAt;
    for (int k = 0; k < model.network.weightLayers(); ++k) {
        Matrix& w = model.network.weights(k);  // filled in place: no second copy of the weights
        for (Eigen::Index i = 0; i < w.rows(); ++i)
            for (Eigen::Index j = 0; j < w.cols(); ++j, p += 8) w(i, j) = bytes::getF64le(p);
        if (!w.allFinite())
            corrupt(name, "weight matrix W" + std::to_string(k) + " holds NaN or infinite values");
    }
    return model;
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
    header += std::string(kHeaderFormat.magic) + std::to_string(kModelFormatVersion) + "\n";
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
            for (Eigen::Index j = 0; j < w.cols(); ++j) bytes::putF64le(out, w(i, j));
    }
    bytes::putLe(out, crc32(out.data(), out.size()), 4);
    return out;
}

SavedModel decodeModel(const std::vector<char>& bytes, const std::string& name) {
    return decodeBytes(std::string_view(bytes.data(), bytes.size()), name);
}

SavedModel decodeModel(std::string_view bytes, const std::string& name) {
    return decodeBytes(bytes, name);
}

SavedModel loadModel(const std::string& path) {
    std::vector<char> bytes;
    try {
        InputFile f(path, "model file");
        // The header first (at most kMaxModelHeader bytes): it says how large the file is, and
        // that size is checked against the file and memory before the rest is read.
        f.appendUpTo(bytes, kMaxModelHeader);
        if (bytes.empty() && f.kind() == InputFile::Kind::Pipe) f.fail(kEmptyPipe);
        const std::size_t total =
            decodeHeader(std::string_view(bytes.data(), bytes.size()), path).fileSize();
        if (f.kind() == InputFile::Kind::Regular && f.size() > total)
            extraBytes(path, f.size() - total);
        f.appendUpTo(bytes, total);
        char extra = 0;
        if (bytes.size() == total && f.read(&extra, 1) != 0)  // a pipe that goes on
            corrupt(path, "file has more bytes after the checksum than its header announces");
    } catch (const FileReadError& e) {
        throw ModelFileError(e.what());
    } catch (const std::bad_alloc&) {
        throw ModelFileError(path + ": not enough memory to load it");
    }
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
