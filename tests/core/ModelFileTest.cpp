// ModelFileTest.cpp — .bpm save/load round trips (bit-exact, with bias and deeper networks),
// and the errors for truncated, corrupted, foreign and newer-version files; atomic saves.
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "TestFiles.h"
#include "backprop/Checksum.h"
#include "backprop/ModelFile.h"

using namespace bp;
namespace fs = std::filesystem;

namespace {

struct ModelTempDir : testfiles::TempDir {
    ModelTempDir() : testfiles::TempDir("bp_model") {}
};
using testfiles::readBytes;
using testfiles::writeBytes;

void expectSameNetwork(const Network& a, const Network& b) {
    EXPECT_EQ(a.spec().layers, b.spec().layers);
    EXPECT_EQ(a.spec().hidden, b.spec().hidden);
    EXPECT_EQ(a.spec().output, b.spec().output);
    EXPECT_EQ(a.spec().bias, b.spec().bias);
    EXPECT_EQ(a.spec().rule, b.spec().rule);
    EXPECT_EQ(a.spec().seed, b.spec().seed);
    ASSERT_EQ(a.weightLayers(), b.weightLayers());
    for (int k = 0; k < a.weightLayers(); ++k) {
        ASSERT_EQ(a.weights(k).rows(), b.weights(k).rows());
        ASSERT_EQ(a.weights(k).cols(), b.weights(k).cols());
        EXPECT_EQ(0, std::memcmp(a.weights(k).data(), b.weights(k).data(),
                                 sizeof(double) * static_cast<std::size_t>(a.weights(k).size())))
            << "W" << k << " differs";
    }
}

// A network whose weights are not just the seeded initial ones (so a loader that re-draws
// weights from the seed cannot pass).
Network trainedALittle(NetworkSpec spec) {
    Network net(std::move(spec));
    Vector in = Vector::Constant(net.inputs(), 0.5);
    for (int i = 0; i < 3; ++i) net.train(in, bookTarget(i % net.outputs(), net.outputs()), 0.3);
    return net;
}

std::string loadError(const std::string& path) {
    try {
        loadModel(path);
    } catch (const ModelFileError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(ModelFile, RoundTripIsBitExact) {
    ModelTempDir dir;
    const Network net = trainedALittle(NetworkSpec{});
    TrainingRecord rec;
    rec.learningRate = 0.1;
    rec.epochsTrained = 5;
    rec.batch = 1;
    rec.samplesSeen = 300000;
    saveModel(dir / "m.bpm", net, rec);
    const SavedModel back = loadModel(dir / "m.bpm");
    expectSameNetwork(net, back.network);
    EXPECT_EQ(back.training, rec);
    // header, 158,800 float64 weights, CRC-32
    const std::vector<char> bytes = readBytes(dir / "m.bpm");
    const std::string text(bytes.begin(), bytes.begin() + 11);
    EXPECT_EQ(text, "BPSMODEL 1\n");
    EXPECT_EQ(bytes.size() - std::string(bytes.begin(), bytes.end()).find("end\n") - 4,
              8u * 158800u + 4u);
}

TEST(ModelFile, RoundTripWithBiasFourLayersAndOtherSettings) {
    ModelTempDir dir;
    NetworkSpec spec;
    spec.layers = {64, 30, 20, 10};
    spec.bias = true;
    spec.hidden = Activation::Tanh;
    spec.rule = ErrorRule::Gradient;
    spec.seed = 1234567890123ULL;
    const Network net = trainedALittle(spec);
    TrainingRecord rec;
    rec.learningRate = 0.0123456789012345;  // needs all 17 digits to round-trip
    rec.epochsTrained = 2;
    rec.batch = 32;
    rec.shuffle = true;
    rec.samplesSeen = 7;
    saveModel(dir / "deep.bpm", net, rec);
    const SavedModel back = loadModel(dir / "deep.bpm");
    expectSameNetwork(net, back.network);
    EXPECT_EQ(back.training, rec);
    EXPECT_EQ(back.network.weights(0).cols(), 65);

    NetworkSpec relu;
    relu.layers = {4, 3, 2};
    relu.hidden = Activation::ReLU;
    const Network small = trainedALittle(relu);
    saveModel(dir / "relu.bpm", small);
    expectSameNetwork(small, loadModel(dir / "relu.bpm").network);
    // Saving over an existing file replaces it.
    saveModel(dir / "relu.bpm", net, rec);
    expectSameNetwork(net, loadModel(dir / "relu.bpm").network);
}

TEST(ModelFile, TruncatedFile) {
    ModelTempDir dir;
    saveModel(dir / "model.bpm", Network{});
    std::vector<char> bytes = readBytes(dir / "model.bpm");
    const std::size_t dataAt = std::string(bytes.begin(), bytes.end()).find("\nend\n") + 5;
    bytes.resize(dataAt + 1000);
    writeBytes(dir / "model.bpm", bytes);
    EXPECT_EQ(
        loadError(dir / "model.bpm"),
        dir / "model.bpm" + ": file is truncated (expected 1270400 bytes of weights, found 1000)");
    EXPECT_THROW(loadModel(dir / "model.bpm"), ModelTruncatedError);

    bytes.resize(dataAt + 1270400 + 2);  // weights complete, checksum cut
    writeBytes(dir / "model.bpm", bytes);
    // (the resize padded with zeros up to the weights; only the checksum is short)
    EXPECT_EQ(
        loadError(dir / "model.bpm"),
        dir / "model.bpm" + ": file is truncated (the 4-byte checksum at the end is missing)");

    bytes.resize(40);  // inside the header
    writeBytes(dir / "model.bpm", bytes);
    EXPECT_EQ(loadError(dir / "model.bpm"),
              dir / "model.bpm" + ": file is truncated (it ends inside the header)");

    writeBytes(dir / "empty.bpm", {});
    EXPECT_EQ(loadError(dir / "empty.bpm"),
              dir / "empty.bpm" + ": file is empty (not a model file)");
}

TEST(ModelFile, CorruptedFile) {
    ModelTempDir dir;
    saveModel(dir / "m.bpm", trainedALittle(NetworkSpec{}));
    const std::vector<char> good = readBytes(dir / "m.bpm");

    std::vector<char> bytes = good;
    bytes[bytes.size() / 2] ^= 0x10;  // one bit of one weight
    writeBytes(dir / "m.bpm", bytes);
    const std::string e = loadError(dir / "m.bpm");
    EXPECT_EQ(e.rfind(dir / "m.bpm" + ": file is corrupted (checksum mismatch: stored 0x", 0), 0u)
        << e;
    EXPECT_THROW(loadModel(dir / "m.bpm"), ModelCorruptError);

    bytes = good;
    bytes.push_back('x');
    writeBytes(dir / "m.bpm", bytes);
    EXPECT_EQ(loadError(dir / "m.bpm"),
              dir / "m.bpm" + ": file has 1 unexpected bytes after the checksum");

    // A header edit is caught too: the checksum covers the header.
    std::string text(good.begin(), good.end());
    text.replace(text.find("learning_rate 0.1"), 17, "learning_rate 0.3");
    writeBytes(dir / "m.bpm", std::vector<char>(text.begin(), text.end()));
    EXPECT_NE(loadError(dir / "m.bpm").find("checksum mismatch"), std::string::npos);

    // A header that names a different architecture than the weights it carries.
    text.assign(good.begin(), good.end());
    text.replace(text.find("layers 784,200,10"), 17, "layers 784,100,10");
    writeBytes(dir / "m.bpm", std::vector<char>(text.begin(), text.end()));
    EXPECT_EQ(loadError(dir / "m.bpm"), dir / "m.bpm" +
                                            ": header says 158800 weights but a 784-100-10 "
                                            "network has 79400");

    text.assign(good.begin(), good.end());
    text.replace(text.find("hidden_activation sigmoid"), 25, "hidden_activation swishy");
    writeBytes(dir / "m.bpm", std::vector<char>(text.begin(), text.end()));
    EXPECT_EQ(loadError(dir / "m.bpm"),
              dir / "m.bpm" + ": header field hidden_activation has an invalid value \"swishy\"");

    // A learning rate the trainer could not use (the studio would train with it).
    for (const char* rate : {"nan", "inf", "0.0", "-.5", "0x1"}) {
        text.assign(good.begin(), good.end());
        text.replace(text.find("learning_rate 0.1"), 17, std::string("learning_rate ") + rate);
        writeBytes(dir / "m.bpm", std::vector<char>(text.begin(), text.end()));
        EXPECT_EQ(loadError(dir / "m.bpm"), dir / "m.bpm" +
                                                ": header field learning_rate has an invalid "
                                                "value \"" +
                                                rate + "\"");
    }

    writeBytes(dir / "png.bpm", {'\x89', 'P', 'N', 'G', '\r', '\n'});
    EXPECT_EQ(loadError(dir / "png.bpm"),
              dir / "png.bpm" +
                  ": not a Backprop Studio model file (it does not start with \"BPSMODEL\")");
}

TEST(ModelFile, NewerVersionIsRefusedClearly) {
    ModelTempDir dir;
    saveModel(dir / "model.bpm", Network{});
    std::vector<char> bytes = readBytes(dir / "model.bpm");
    bytes[9] = '2';  // "BPSMODEL 2"
    writeBytes(dir / "model.bpm", bytes);
    try {
        loadModel(dir / "model.bpm");
        FAIL() << "a format-2 file was accepted";
    } catch (const ModelVersionError& e) {
        EXPECT_EQ(std::string(e.what()), dir / "model.bpm" +
                                             ": written by a newer Backprop Studio "
                                             "(format 2; this version reads 1)");
        EXPECT_EQ(e.version, 2);
    }
}

TEST(ModelFile, DivergedNetworkIsNotSaved) {
    ModelTempDir dir;
    Network net;
    net.weights(1)(3, 4) = std::numeric_limits<double>::quiet_NaN();
    try {
        saveModel(dir / "nan.bpm", net);
        FAIL();
    } catch (const ModelFileError& e) {
        EXPECT_EQ(
            std::string(e.what()),
            dir / "nan.bpm" + ": the network has NaN or infinite weights (it diverged); not saved");
    }
    EXPECT_EQ(dir.entries(), 0u);
}

TEST(ModelFile, FailedSaveLeavesTheOldFileUntouched) {
    ModelTempDir dir;
    NetworkSpec small;
    small.layers = {4, 3, 2};
    saveModel(dir / "m.bpm", Network(small));
    const std::vector<char> old = readBytes(dir / "m.bpm");

    // Let the kernel refuse writes beyond 64 KB (EFBIG): the 1.27 MB model cannot be written.
    struct rlimit saved {};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit lim = saved;
    lim.rlim_cur = 64 * 1024;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &lim), 0);
    std::string message;
    try {
        saveModel(dir / "m.bpm", Network{});
    } catch (const ModelFileError& e) {
        message = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);

    EXPECT_EQ(
        message.rfind(dir / "m.bpm" + ": cannot save the model (write failed: File too large; the "
                                      "previous file, if any, is unchanged)",
                      0),
        0u)
        << message;
    EXPECT_EQ(readBytes(dir / "m.bpm"), old);
    EXPECT_EQ(dir.entries(), 1u) << "the temporary file was left behind";

    // A folder that does not exist.
    const std::string e = [&] {
        try {
            saveModel(dir / "no/such/folder/m.bpm", Network(small));
        } catch (const ModelFileError& x) {
            return std::string(x.what());
        }
        return std::string("(no error)");
    }();
    EXPECT_EQ(e.rfind(dir / "no/such/folder/m.bpm" +
                          ": cannot save the model (cannot create a temporary file",
                      0),
              0u)
        << e;
}

TEST(ModelFile, EncodeDecodeInMemory) {
    NetworkSpec spec;
    spec.layers = {3, 3, 3};
    const Network net = trainedALittle(spec);
    const std::vector<char> bytes = encodeModel(net);
    const std::string head(bytes.begin(), bytes.end());
    EXPECT_NE(head.find("\nlayers 3,3,3\n"), std::string::npos);
    EXPECT_NE(head.find("\nweights 18 f8 rows\nend\n"), std::string::npos);
    expectSameNetwork(net, decodeModel(bytes, "mem").network);
}

// Every single-bit change anywhere in a file is refused with a ModelFileError, never a crash,
// a hang or a silently different network.
TEST(ModelFile, EveryBitFlipIsCaught) {
    NetworkSpec spec;
    spec.layers = {3, 3, 3};
    const std::vector<char> good = encodeModel(trainedALittle(spec));
    for (std::size_t i = 0; i < good.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            std::vector<char> bytes = good;
            bytes[i] = static_cast<char>(bytes[i] ^ (1 << bit));
            EXPECT_THROW(decodeModel(bytes, "flip.bpm"), ModelFileError)
                << "byte " << i << " bit " << bit;
        }
}

TEST(ModelFile, HugeClaimedArchitectureIsRefusedBeforeAllocating) {
    std::string text =
        "BPSMODEL 1\nlayers 1000000,1000000,10\nweights 1000010000000 f8 "
        "rows\nend\n";
    const std::vector<char> bytes(text.begin(), text.end());
    try {
        decodeModel(bytes, "huge.bpm");
        FAIL();
    } catch (const ModelCorruptError& e) {
        // 10^12 weights: 16 TB, more than any computer this runs on has (the message names
        // the machine's own memory last).
        EXPECT_EQ(std::string(e.what()).rfind(
                      "huge.bpm: invalid architecture: a 1000000-1000000-10 network has "
                      "1000010000000 weights and needs 16.0 TB of memory (8 bytes a weight, "
                      "twice); this computer has ",
                      0),
                  0u)
            << e.what();
    }
}

// Every header value is checked against the bounds the CLI and the studio accept (Limits.h),
// a key may come once, and what a message quotes from the file has no raw control bytes.
TEST(ModelFile, HeaderNumbersAreRangeCheckedKeysUniqueAndQuotesPrintable) {
    NetworkSpec spec;
    spec.layers = {3, 3, 3};
    const std::vector<char> good = encodeModel(trainedALittle(spec));
    const std::string text(good.begin(), good.end() - 4);
    // The same file with one header line replaced (CRC made right again).
    const auto withLine = [&](const std::string& from, const std::string& to) {
        std::string t = text;
        const std::size_t at = t.find(from);
        EXPECT_NE(at, std::string::npos) << from;
        t.replace(at, from.size(), to);
        std::vector<char> bytes(t.begin(), t.end());
        const std::uint32_t crc = crc32(bytes.data(), bytes.size());
        for (int b = 0; b < 4; ++b) bytes.push_back(static_cast<char>((crc >> (8 * b)) & 0xFF));
        try {
            decodeModel(bytes, "m.bpm");
        } catch (const ModelCorruptError& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    EXPECT_EQ(withLine("batch 1\n", "batch 1048577\n"),
              "m.bpm: header field batch has an invalid value \"1048577\"");
    EXPECT_EQ(withLine("learning_rate 0.1\n", "learning_rate 1e7\n"),
              "m.bpm: header field learning_rate has an invalid value \"1e7\"");
    EXPECT_EQ(withLine("epochs_trained 0\n", "epochs_trained 2147483648\n"),
              "m.bpm: header field epochs_trained has an invalid value \"2147483648\"");
    EXPECT_EQ(withLine("layers 3,3,3\n", "layers 3,1000001,3\n"),
              "m.bpm: invalid architecture: a layer of more than 1,000,000 neurons is not "
              "supported");
    // A key twice: refused (the first used to win silently).
    const auto batchLine =
        1 + std::count(text.begin(),
                       text.begin() + static_cast<std::ptrdiff_t>(text.find("batch 1\n")), '\n');
    EXPECT_EQ(withLine("batch 1\n", "batch 1\nbatch 7\n"),
              "m.bpm: header line " + std::to_string(batchLine + 1) + ": batch appears twice");
    // An escape sequence in a value reaches the message as text, not as a terminal command.
    EXPECT_EQ(withLine("hidden_activation sigmoid\n", "hidden_activation \x1b[2J\x1b[31mred\n"),
              "m.bpm: header field hidden_activation has an invalid value "
              "\"\\x1b[2J\\x1b[31mred\"");
}
