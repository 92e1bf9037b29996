// Commands.cpp — train, eval, query, backquery, convert, info (see Cli.cpp for the help texts).
#include "Commands.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "Json.h"
#include "Progress.h"
#include "backprop/Augment.h"
#include "backprop/DatasetIO.h"
#include "backprop/Diagnosis.h"
#include "backprop/FileRead.h"
#include "backprop/FileText.h"
#include "backprop/Limits.h"
#include "backprop/ModelFile.h"
#include "backprop/Npy.h"
#include "backprop/OptionText.h"
#include "backprop/Png.h"
#include "backprop/Timeline.h"
#include "backprop/Trainer.h"
#include "bridges/Notebook.h"
#include "bridges/Onnx.h"

namespace bp::cli {
namespace {

// --threads above this is a typing mistake, not a machine (more than the cores are not started).
constexpr long long kMaxThreads = 1024;

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// Loads a dataset, with a progress bar on a terminal.
Dataset load(const std::string& path, Context& ctx, int maxLabel, bool quiet,
             std::size_t maxRows = 0) {
    ProgressBar bar(ctx.err, ctx.terminal && !quiet);
    LoadOptions options;
    options.maxLabel = maxLabel;
    options.maxRows = maxRows;
    if (bar.enabled())
        options.progress = [&](std::uint64_t done, std::uint64_t total) {
            if (bar.due(done, total)) bar.draw(done, total, "loading " + path);
            return true;
        };
    Dataset d = loadDataset(path, options);
    bar.clear();
    return d;
}

// "784-200-10" from --layers "784,200,10", "auto,200,10" or ",200,10" (auto = the data's width).
std::vector<int> parseLayers(const Args& args, int dataInputs, const std::string& dataName) {
    const std::string text = args.value("layers").value_or("auto,200,10");
    std::vector<int> layers;
    std::size_t pos = 0;
    bool autoFirst = false;
    while (pos <= text.size()) {
        const std::size_t comma = std::min(text.find(',', pos), text.size());
        const std::string item = text.substr(pos, comma - pos);
        if (layers.empty() && !autoFirst && (item == "auto" || item.empty())) {
            autoFirst = true;
            layers.push_back(dataInputs);
        } else {
            long long n = 0;
            std::size_t used = 0;
            try {
                n = std::stoll(item, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used == 0 || used != item.size() || n < 1 || n > 1000000)
                args.fail(
                    "--layers needs neuron counts separated by commas, such as 784,200,10 "
                    "(the first may be 'auto'); '" +
                    item + "' is not a count");
            layers.push_back(static_cast<int>(n));
        }
        pos = comma + 1;
    }
    if (layers.size() < 2) args.fail("--layers needs at least an input and an output layer");
    if (!autoFirst && layers.front() != dataInputs)
        throw std::runtime_error(dataName + ": each row has " + std::to_string(dataInputs) +
                                 " inputs but --layers starts with " +
                                 std::to_string(layers.front()) + " (use --layers auto," +
                                 text.substr(text.find(',') + 1) + " to follow the data)");
    return layers;
}

// Why the layers of --layers after the input layer cannot be built even on one input (too many
// weights for memory), as NetworkSpec::validate says it; "" when they can, or cannot be read
// yet (parseLayers says why later).
std::string layersAlone(const Args& args) {
    const std::string text = args.value("layers").value_or("auto,200,10");
    NetworkSpec spec;
    spec.layers = {1};
    std::size_t pos = text.find(',');
    while (pos != std::string::npos) {
        const std::size_t next = text.find(',', pos + 1);
        const std::string item =
            text.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
        int n = 0;
        if (!parseNumber(item, n) || n < 1 || n > kMaxLayerNeurons) return {};
        spec.layers.push_back(n);
        pos = next;
    }
    if (spec.layers.size() < 2) return {};
    spec.bias = args.flag("bias");
    const std::string why = spec.validate();
    return why.empty() ? why : "--layers: even on one input, " + why;
}

void checkFits(const Dataset& d, int inputs, int outputs, const std::string& what) {
    if (d.inputs != inputs)
        throw std::runtime_error(d.source + ": each row has " + std::to_string(d.inputs) +
                                 " inputs but the " + what + " has " + std::to_string(inputs));
    if (!d.empty() && d.maxLabel() >= outputs)
        throw std::runtime_error(d.source + ": holds label " + std::to_string(d.maxLabel()) +
                                 " but the " + what + " has only " + std::to_string(outputs) +
                                 " output neurons (labels 0-" + std::to_string(outputs - 1) + ")");
}

std::string baseName(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool endsWith(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// True when a and b name the same file: the same inode when both exist (hard links, symbolic
// links, ./a and a), else the same absolute, normal path.
bool sameFile(const std::string& a, const std::string& b) {
    namespace fs = std::filesystem;
    std::error_code ec1, ec2;
    if (fs::exists(a, ec1) && fs::exists(b, ec2)) {
        std::error_code ec;
        const bool same = fs::equivalent(a, b, ec);
        return !ec && same;
    }
    return fs::weakly_canonical(a, ec1) == fs::weakly_canonical(b, ec2) && !ec1 && !ec2;
}

// The files a data path reads: itself, and the labels file beside IDX images.
std::vector<std::string> dataFiles(const std::string& path) {
    std::vector<std::string> files = {path};
    if (path.find("ubyte") != std::string::npos || path.find("idx") != std::string::npos)
        if (const std::string labels = idxLabelsPathFor(path); !labels.empty() && labels != path)
            files.push_back(labels);
    return files;
}

// An output that is one of the run's inputs is refused before any work (a usage error): the
// write would replace the input the run reads.
void refuseOverwrite(const Args& args, const std::string& what, const std::string& out,
                     const std::vector<std::pair<std::string, std::string>>& inputs) {
    for (const auto& [name, in] : inputs)
        for (const std::string& file : dataFiles(in))
            if (sameFile(out, file))
                args.fail(what + " " + printable(out) + " is the same file as " + name + " " +
                          printable(file) +
                          ": writing it would destroy that input; choose another "
                          "name");
}

// --save's folder exists and may be written, checked before training so that a run's work is
// not lost at its end for a typing mistake (exit status 1, as a failed save).
void checkSavePath(const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path p(path);
    std::error_code ec;
    if (fs::is_directory(p, ec))
        throw std::runtime_error(printable(path) +
                                 ": is a folder; --save needs the name of the model file to write");
    const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec))
        throw std::runtime_error(printable(path) + ": cannot save the model there: the folder " +
                                 printable(dir.string()) + " does not exist");
    if (::access(dir.c_str(), W_OK) != 0)
        throw std::runtime_error(printable(path) + ": cannot save the model there: the folder " +
                                 printable(dir.string()) + " cannot be written (" + errnoText() +
                                 ")");
}

// Ctrl-C while training (train --save / --export-npy): the first one asks the trainer to stop
// after the sample it is on, so what was trained is saved; a second one quits at once.
std::atomic<Trainer*> g_interruptible{nullptr};
std::atomic<int> g_interrupts{0};
static_assert(std::atomic<Trainer*>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

extern "C" void onInterrupt(int) {
    if (g_interrupts.fetch_add(1) > 0) {  // the second: the default action, at once
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
        return;
    }
    if (Trainer* t = g_interruptible.load()) t->cancel();  // an atomic store: signal-safe
}

// Installs onInterrupt for its lifetime.
class InterruptGuard {
  public:
    explicit InterruptGuard(Trainer& trainer) {
        g_interrupts = 0;
        g_interruptible = &trainer;
        struct sigaction sa {};
        sa.sa_handler = onInterrupt;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGINT, &sa, &m_old);
    }
    ~InterruptGuard() {
        ::sigaction(SIGINT, &m_old, nullptr);
        g_interruptible = nullptr;
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    static bool interrupted() { return g_interrupts.load() > 0; }

  private:
    struct sigaction m_old {};
};

}  // namespace

const std::vector<OptionSpec>& trainOptions() {
    static const std::vector<OptionSpec> list = {
        {"train"},      {"test"},           {"layers"},         {"lr"},       {"epochs"},
        {"seed"},       {"batch"},          {"shuffle", false}, {"limit"},    {"augment-rotate"},
        {"activation"}, {"bias", false},    {"rule"},           {"init-npy"}, {"export-npy"},
        {"save"},       {"json", false},    {"quiet", false},   {"threads"},  {"precision"},
        {"resume"},     {"diagnose", false}};
    return list;
}

int train(const Args& args, Context& ctx) {
    return trainWith(args, ctx, TrainObserver{});
}

int trainWith(const Args& args, Context& ctx, const TrainObserver& observer) {
    const bool json = args.flag("json"), quiet = args.flag("quiet");
    const std::string trainPath = args.required("train");
    const auto testPath = args.value("test");
    // --resume MODEL: the network and its training so far come from the model; the run goes on
    // at the sample where it stopped (same epoch, same place in the same order).
    std::optional<SavedModel> resumed;
    if (const auto path = args.value("resume")) {
        for (const char* fixedByModel : {"layers", "activation", "bias", "rule", "init-npy"})
            if (args.has(fixedByModel))
                args.fail("--resume takes the network from " + *path + "; --" + fixedByModel +
                          " cannot change it");
        resumed = loadModel(*path);
    }
    const TrainingRecord before = resumed ? resumed->training : TrainingRecord{};
    double lr = resumed ? before.learningRate : 0.1;
    if (const auto v = args.value("lr"))  // the studio's --lr is checked by the same code
        if (const std::string why = parseLearningRateOption("lr", *v, kMaxLearningRate, lr);
            !why.empty())
            args.fail(why);
    const int epochs = static_cast<int>(args.integer("epochs", 1, 0, kMaxEpochs));
    const auto seed = static_cast<std::uint64_t>(args.integer(
        "seed", resumed ? static_cast<long long>(resumed->network.spec().seed) : 1, 0, kMaxSeed));
    const int batch =
        static_cast<int>(args.integer("batch", resumed ? before.batch : 1, 1, kMaxBatch));
    const auto limit = static_cast<std::size_t>(args.integer("limit", 0, 0, 1LL << 40));
    // Threads of per-sample training: by default, and at most, every core this process may use.
    const int threads =
        std::min(availableCores(),
                 static_cast<int>(args.integer("threads", availableCores(), 1, kMaxThreads)));
    Precision precision = Precision::Double;
    if (const auto p = args.value("precision"); p && !parsePrecision(*p, precision))
        args.fail("--precision must be double or float, not '" + *p + "'");
    if (precision == Precision::Float && batch > 1)
        args.fail("--precision float is for per-sample training; mini-batches (--batch " +
                  std::to_string(batch) + ") train in double");
    NetworkSpec spec;
    if (const auto a = args.value("activation"); a && !parseActivation(*a, spec.hidden))
        args.fail("--activation must be sigmoid, tanh or relu, not '" + *a + "'");
    spec.output = Activation::Sigmoid;  // the output layer stays the book's sigmoid
    spec.bias = args.flag("bias");
    if (const auto r = args.value("rule")) {
        if (*r == "book")
            spec.rule = ErrorRule::Book;
        else if (*r == "gradient")
            spec.rule = ErrorRule::Gradient;
        else
            args.fail("--rule must be book or gradient, not '" + *r + "'");
    }
    spec.seed = seed;
    // The output layer's size bounds the labels the loader accepts; read it before loading.
    int maxLabel = resumed ? std::min(255, resumed->network.outputs() - 1) : 9;
    if (const auto l = args.value("layers"); l && l->find(',') != std::string::npos) {
        const std::string last = l->substr(l->rfind(',') + 1);
        if (!last.empty() && last.find_first_not_of("0123456789") == std::string::npos &&
            last.size() < 7)
            maxLabel = std::max(0, std::min(255, std::stoi(last) - 1));
    }

    // Outputs that would destroy an input, and a --save that could not be written: refused
    // before any work. (--resume MODEL --save MODEL is fine: the save is atomic.)
    if (const auto save = args.value("save")) {
        std::vector<std::pair<std::string, std::string>> inputs = {{"--train", trainPath}};
        if (testPath) inputs.emplace_back("--test", *testPath);
        refuseOverwrite(args, "--save", *save, inputs);
        checkSavePath(*save);
    }
    // Hidden and output layers that could not be built on any data: refused before loading.
    if (!resumed)
        if (const std::string why = layersAlone(args); !why.empty()) args.fail(why);
    Dataset trainSet = load(trainPath, ctx, maxLabel, quiet, limit);
    double rotate = 0;  // the book's augmentation: ± this many degrees, 0 = none
    if (args.has("augment-rotate")) {
        rotate = args.number("augment-rotate", 10.0, 0.0, 180.0);
        if (!trainSet.isImage())
            args.fail("--augment-rotate needs square images, but " + baseName(trainPath) + " has " +
                      std::to_string(trainSet.inputs) + " inputs per row");
        trainSet = withRotations(trainSet, rotate);  // per sample: original, +θ, −θ
    }
    Dataset testSet;
    if (testPath) testSet = load(*testPath, ctx, maxLabel, quiet);
    if (resumed)
        spec = resumed->network.spec();
    else
        spec.layers = parseLayers(args, trainSet.inputs, trainPath);
    if (const std::string why = spec.validate(); !why.empty()) {
        // --layers alone was refused before loading (layersAlone); here the data's width makes
        // the network too large: the data's fault (exit 1), named with its limit.
        if (resumed || !layersAlone(args).empty()) args.fail(why);
        throw std::runtime_error(trainPath + ": a network cannot be built on this data: " + why);
    }
    checkFits(trainSet, spec.layers.front(), spec.layers.back(), "network");
    if (testPath) checkFits(testSet, spec.layers.front(), spec.layers.back(), "network");

    Network net = resumed ? resumed->network : Network(spec);
    if (const auto dir = args.value("init-npy")) importNpy(net, *dir);

    TrainOptions options;
    options.learningRate = lr;
    options.epochs = epochs;
    options.batch = batch;
    options.shuffle = args.flag("shuffle") || before.shuffle;
    options.shuffleSeed = seed;
    options.threads = threads;
    options.precision = precision;
    Trainer trainer(net, trainSet, testPath ? &testSet : nullptr, options);
    if (resumed) trainer.resumeAt(before.samplesSeen);
    const int lastEpoch = trainer.progress().epoch + epochs - 1;  // the number the run stops at

    // --diagnose: a look at the network every tenth of an epoch (Diagnosis.h)
    std::optional<RunWatcher> watcher;
    std::optional<Timeline> grid;  // only for its due positions
    if (args.flag("diagnose")) {
        watcher.emplace(trainSet, spec);
        grid.emplace(trainSet.rows(), batch);
        watcher->observe(net, trainer.progress());
    }

    ProgressBar bar(ctx.err, ctx.terminal && !quiet);
    if (bar.enabled() || observer.progress)
        trainer.onProgress([&](const TrainProgress& p) {
            if (observer.progress) observer.progress(p);
            if (bar.enabled() && bar.due(p.sampleInEpoch, p.samplesPerEpoch)) {  // cheap check
                std::string label = "epoch ";
                label += std::to_string(p.epoch);
                label += '/';
                label += std::to_string(lastEpoch);
                bar.draw(p.sampleInEpoch, p.samplesPerEpoch, label,
                         "error " + fixed(p.runningError, 4));
            }
            return true;
        });
    if (!json && !quiet)
        ctx.out << "training " << spec.describe() << " on " << trainSet.rows() << " rows of "
                << baseName(trainPath) << ", lr " << lr << ", " << epochs << " epoch(s), "
                << (batch == 1 ? std::string("per-sample") : "batch " + std::to_string(batch))
                << (options.shuffle ? ", shuffled" : ", file order")
                << (rotate > 0 ? ", with ±" + fixed(rotate, 1) + "° copies" : std::string())
                << (precision == Precision::Float ? ", float32 W0" : std::string()) << ", "
                << trainer.threads() << (trainer.threads() == 1 ? " thread" : " threads")
                << (resumed
                        ? ", going on after " + std::to_string(before.samplesSeen) +
                              " samples (epoch " + std::to_string(trainer.progress().epoch) +
                              ", sample " + std::to_string(trainer.progress().sampleInEpoch) + ")"
                        : std::string())
                << "\n"
                << std::flush;
    trainer.onEpoch([&](const EpochResult& r) {
        bar.clear();
        if (json) {
            ctx.out << JsonObject()
                           .add("epoch", r.epoch)
                           .add("epochs", lastEpoch)
                           .add("seconds", r.seconds)
                           .add("mean_error", r.meanError)
                           .add("test_accuracy", r.testAccuracy)
                           .add("samples", static_cast<std::uint64_t>(r.samples))
                           .add("learning_rate", trainer.learningRate())
                           .add("threads", trainer.threads())
                           .add("precision", std::string(precisionName(precision)))
                           .str()
                    << "\n";
        } else {
            ctx.out << "epoch " << r.epoch << "/" << lastEpoch << ": " << fixed(r.seconds, 3)
                    << " s, mean error " << fixed(r.meanError, 6);
            if (!std::isnan(r.testAccuracy))
                ctx.out << ", test accuracy " << fixed(100.0 * r.testAccuracy, 2) << "%";
            ctx.out << "\n";
        }
        ctx.out.flush();
        if (observer.epoch) observer.epoch(r, trainer.learningRate());
    });

    if (observer.started) observer.started(spec, options);
    // The diagnosis: the first trouble seen, or that none was (stdout, a JSON object with --json).
    auto report = [&] {
        if (!watcher) return;
        const Diagnosis& d = watcher->firstTrouble();
        if (json)
            ctx.out << JsonObject()
                           .add("diagnosis", std::string(troubleName(d.trouble)))
                           .add("at_sample", d.atSample)
                           .add("last_good_sample", d.lastGoodSample)
                           .add("message", d.describe())
                           .str()
                    << "\n";
        else
            ctx.out << "diagnosis: " << d.describe() << "\n";
        ctx.out.flush();
    };
    // Ctrl-C with something to save: stop after the current sample, save, exit 130.
    std::optional<InterruptGuard> interrupt;
    if (args.has("save") || args.has("export-npy")) interrupt.emplace(trainer);
    try {
        if (epochs > 0 && !watcher) {
            trainer.run();
        } else if (epochs > 0) {  // in slices that stop at every tenth of an epoch, to look
            const std::uint64_t end = static_cast<std::uint64_t>(lastEpoch) * trainSet.rows();
            while (trainer.progress().samplesSeen < end && !trainer.cancelled()) {
                const std::uint64_t s = trainer.progress().samplesSeen;
                trainer.advance(std::min(grid->nextDue(s), end) - s);
                if (grid->isDue(trainer.progress().samplesSeen))  // weights are whole between
                    watcher->observe(net, trainer.progress());    // advance() calls
            }
        }
    } catch (const DivergenceError&) {  // exit status 3, after the diagnosis says why
        bar.clear();
        if (watcher)
            watcher->noteDivergence(trainer.progress().samplesSeen, trainer.learningRate());
        report();
        throw;
    }
    bar.clear();
    report();

    TrainingRecord record;
    record.learningRate = lr;
    record.epochsTrained = before.epochsTrained + epochs;
    record.batch = batch;
    record.shuffle = options.shuffle;
    record.samplesSeen = trainer.progress().samplesSeen;
    if (const auto path = args.value("save")) {
        saveModel(*path, net, record);
        if (!quiet) ctx.err << "saved model to " << *path << "\n";
    }
    if (const auto dir = args.value("export-npy")) {
        exportNpy(net, *dir);
        if (!quiet) ctx.err << "exported weights to " << *dir << "\n";
    }
    if (interrupt && InterruptGuard::interrupted()) {
        const TrainProgress& p = trainer.progress();
        ctx.err << "interrupted (Ctrl-C) after " << p.samplesSeen << " samples (epoch " << p.epoch
                << ", sample " << p.sampleInEpoch << " of " << p.samplesPerEpoch
                << "); what was trained is saved (train --resume goes on from it)\n";
        return 130;
    }
    return 0;
}

int eval(const Args& args, Context& ctx) {
    const bool json = args.flag("json");
    const std::string modelPath = args.required("model");
    const std::string testPath = args.required("test");
    const SavedModel model = loadModel(modelPath);
    const Network& net = model.network;
    const Dataset test = load(testPath, ctx, std::min(255, net.outputs() - 1), false);
    checkFits(test, net.inputs(), net.outputs(), "model " + modelPath);
    const std::vector<int> predicted = predictions(net, test);
    std::size_t correct = 0;
    for (std::size_t i = 0; i < test.rows(); ++i) correct += predicted[i] == test.label(i);
    const double acc =
        test.rows() ? static_cast<double>(correct) / static_cast<double>(test.rows()) : 0.0;
    if (json)
        ctx.out << JsonObject()
                       .add("test_accuracy", acc)
                       .add("correct", static_cast<std::uint64_t>(correct))
                       .add("rows", static_cast<std::uint64_t>(test.rows()))
                       .str()
                << "\n";
    else
        ctx.out << "test_accuracy " << fixed(acc, 4) << " (" << correct << " of " << test.rows()
                << " correct)\n";
    return 0;
}

int query(const Args& args, Context& ctx) {
    const bool json = args.flag("json");
    const SavedModel model = loadModel(args.required("model"));
    const Network& net = model.network;
    const std::string inputPath = args.required("input");
    const auto row = static_cast<std::size_t>(args.integer("row", 0, 0, 1LL << 40));
    const Dataset d = load(inputPath, ctx, 255, false, row + 1);
    if (d.inputs != net.inputs())
        throw std::runtime_error(inputPath + ": each row has " + std::to_string(d.inputs) +
                                 " inputs but the model has " + std::to_string(net.inputs()));
    if (row >= d.rows())
        args.fail("--row " + std::to_string(row) + " is past the end of " + inputPath + " (" +
                  std::to_string(d.rows()) + " rows; the first is --row 0)");
    const Vector o = net.query(d.input(row));
    Eigen::Index best = 0;
    o.maxCoeff(&best);
    if (json) {
        std::string outputs = "[";
        for (Eigen::Index i = 0; i < o.size(); ++i) outputs += (i ? ", " : "") + jsonNumber(o[i]);
        ctx.out << JsonObject()
                       .add("row", static_cast<std::uint64_t>(row))
                       .add("label", d.label(row))
                       .addRaw("outputs", outputs + "]")
                       .add("predicted", static_cast<long long>(best))
                       .str()
                << "\n";
    } else {
        ctx.out << "row " << row << " of " << inputPath << " (label " << d.label(row) << ")\n";
        for (Eigen::Index i = 0; i < o.size(); ++i)
            ctx.out << "  " << i << "  " << fixed(o[i], 6) << (i == best ? "  <" : "") << "\n";
        ctx.out << "predicted " << best << "\n";
    }
    return 0;
}

int backquery(const Args& args, Context& ctx) {
    const std::string modelPath = args.required("model");
    const std::string outPath = args.required("out");
    refuseOverwrite(args, "--out", outPath, {{"--model", modelPath}});
    const SavedModel model = loadModel(modelPath);
    const Network& net = model.network;
    const int label = static_cast<int>(args.integer("label", -1, 0, net.outputs() - 1));
    if (label < 0) args.fail("missing required option '--label'");
    const int scale = static_cast<int>(args.integer("scale", 1, 1, 64));
    const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(net.inputs()))));
    if (side * side != net.inputs())
        throw std::runtime_error(modelPath + ": the model has " + std::to_string(net.inputs()) +
                                 " inputs, not a square image, so it cannot be drawn");
    const Vector image = net.backquery(bookTarget(label, net.outputs()));
    const double lo = image.minCoeff(), hi = image.maxCoeff();
    const bool whiteOnBlack = args.flag("white-on-black");
    std::vector<std::uint8_t> grey(static_cast<std::size_t>(side * side * scale * scale));
    for (int y = 0; y < side * scale; ++y)
        for (int x = 0; x < side * scale; ++x) {
            // v in [0, 1]: 1 where the network "imagines" ink (the book plots it with 'Greys').
            const double v =
                hi > lo ? (image[(y / scale) * side + x / scale] - lo) / (hi - lo) : 0.5;
            const double ink = whiteOnBlack ? v : 1.0 - v;
            grey[static_cast<std::size_t>(y * side * scale + x)] =
                static_cast<std::uint8_t>(std::lround(255.0 * ink));
        }
    writePng(outPath, side * scale, side * scale, grey);
    ctx.out << "wrote " << outPath << " (" << side * scale << "×" << side * scale << ", label "
            << label << ", " << (whiteOnBlack ? "white on black" : "black on white") << ")\n";
    return 0;
}

int convert(const Args& args, Context& ctx) {
    const auto& pos = args.positional();
    if (pos.size() != 2) args.fail("needs two arguments, IN and OUT");
    const std::string& in = pos[0];
    std::string out = pos[1];
    std::string to = args.value("to").value_or("");
    const bool gz = endsWith(out, ".gz");
    const std::string plain = gz ? out.substr(0, out.size() - 3) : out;
    if (to.empty()) {
        if (endsWith(plain, ".csv"))
            to = "csv";
        else if (endsWith(plain, "-ubyte") || endsWith(plain, ".idx"))
            to = "idx";
        else
            args.fail("cannot tell the output format from '" + out +
                      "': name it *.csv or *-images-idx3-ubyte, or add --to csv|idx");
    }
    if (to != "csv" && to != "idx") args.fail("--to must be csv or idx, not '" + to + "'");

    // Outputs that are the input are refused before it is read (an output is written whole
    // or not at all, so a failed write never costs the old file either).
    if (to == "csv") {
        refuseOverwrite(args, "OUT", out, {{"IN", in}});
        const Dataset d = load(in, ctx, 255, args.flag("quiet"));
        saveCsv(d, out);
        ctx.out << "wrote " << d.rows() << " rows of " << d.inputs << " inputs to " << out << "\n";
        return 0;
    }
    // IDX: OUT names the images file or a prefix; both files are written side by side.
    std::string prefix = plain;
    for (const char* suffix :
         {"-images-idx3-ubyte", "-labels-idx1-ubyte", "-idx3-ubyte", "-idx1-ubyte", ".idx"})
        if (endsWith(prefix, suffix)) {
            prefix.resize(prefix.size() - std::string(suffix).size());
            break;
        }
    const std::string ext = gz ? ".gz" : "";
    const std::string images = prefix + "-images-idx3-ubyte" + ext;
    const std::string labels = prefix + "-labels-idx1-ubyte" + ext;
    refuseOverwrite(args, "OUT", images, {{"IN", in}});
    refuseOverwrite(args, "OUT", labels, {{"IN", in}});
    const Dataset d = load(in, ctx, 255, args.flag("quiet"));
    saveIdx(d, images, labels);
    ctx.out << "wrote " << d.rows() << " rows to " << images << " and " << labels << "\n";
    return 0;
}

int info(const Args& args, Context& ctx) {
    const auto& pos = args.positional();
    if (pos.size() != 1) args.fail("needs one argument, the data file");
    const bool json = args.flag("json");
    const Dataset d = load(pos[0], ctx, 255, false);
    const std::vector<std::size_t> counts = d.labelCounts();
    if (json) {
        std::string labels = "{";
        for (std::size_t i = 0; i < counts.size(); ++i)
            labels +=
                (i ? ", " : "") + jsonString(std::to_string(i)) + ": " + std::to_string(counts[i]);
        JsonObject o;
        o.add("file", pos[0])
            .add("rows", static_cast<std::uint64_t>(d.rows()))
            .add("inputs", d.inputs);
        if (d.isImage()) o.add("width", d.width).add("height", d.height);
        ctx.out << o.addRaw("labels", labels + "}").str() << "\n";
    } else {
        ctx.out << "file    " << pos[0] << "\nrows    " << d.rows() << "\ninputs  " << d.inputs;
        if (d.isImage()) ctx.out << " (" << d.width << "×" << d.height << " image)";
        ctx.out << "\nlabels  ";
        for (std::size_t i = 0; i < counts.size(); ++i)
            ctx.out << (i ? "  " : "") << i << ": " << counts[i];
        ctx.out << "\n";
    }
    return 0;
}

}  // namespace bp::cli

namespace bp::cli {

int exportModel(const Args& args, Context& ctx) {
    const std::string modelPath = args.required("model");
    const auto notebookPath = args.value("notebook");
    const auto onnxPath = args.value("onnx");
    if (!notebookPath && !onnxPath)
        args.fail("needs --notebook FILE.ipynb or --onnx FILE.onnx (or both)");
    for (const char* notebookOnly : {"test", "train"})
        if (!notebookPath && args.has(notebookOnly))
            args.fail(std::string("--") + notebookOnly +
                      " is for --notebook (the data the "
                      "notebook reads)");
    std::vector<std::pair<std::string, std::string>> inputs = {{"--model", modelPath}};
    for (const char* data : {"test", "train"})
        if (const auto v = args.value(data)) inputs.emplace_back(std::string("--") + data, *v);
    if (notebookPath) refuseOverwrite(args, "--notebook", *notebookPath, inputs);
    if (onnxPath) refuseOverwrite(args, "--onnx", *onnxPath, inputs);
    const SavedModel model = loadModel(modelPath);
    const Network& net = model.network;
    const int maxLabel = std::min(255, net.outputs() - 1);

    if (notebookPath) {
        bridges::NotebookSource source;
        source.training = model.training;
        source.shuffleSeed = net.spec().seed;  // backprop-cli shuffles with the model's seed
        source.title = "The network of " + baseName(modelPath);
        if (model.training.shuffle && !args.has("train"))
            args.fail(
                "the model was trained shuffled: --train FILE is needed to write down the "
                "order its next epoch visits");
        // IDX data come as an images file with its labels file beside it
        const auto labelsOf = [](const std::string& path) {
            const bool idx =
                path.find("ubyte") != std::string::npos || path.find("idx") != std::string::npos;
            return idx ? idxLabelsPathFor(path) : std::string();
        };
        std::optional<double> accuracyNow;
        std::size_t correct = 0, rows = 0;
        if (const auto test = args.value("test")) {  // loaded now: it must fit the model
            const Dataset d = load(*test, ctx, maxLabel, false);
            checkFits(d, net.inputs(), net.outputs(), "model " + modelPath);
            const std::vector<int> predicted = predictions(net, d);
            for (std::size_t i = 0; i < d.rows(); ++i) correct += predicted[i] == d.label(i);
            rows = d.rows();
            if (rows) accuracyNow = static_cast<double>(correct) / static_cast<double>(rows);
            source.testData = *test;
            source.testLabels = labelsOf(*test);
        }
        if (const auto train = args.value("train")) {
            const Dataset d = load(*train, ctx, maxLabel, false);
            checkFits(d, net.inputs(), net.outputs(), "model " + modelPath);
            source.trainData = *train;
            source.trainLabels = labelsOf(*train);
            source.trainRows = d.rows();
        }
        const bridges::NotebookFiles files = bridges::exportNotebook(*notebookPath, net, source);
        ctx.out << "wrote " << files.notebook << " and " << files.files.size() - 1 << " file(s) in "
                << files.weightsDir << "\n";
        if (accuracyNow)
            ctx.out << "the notebook prints test_accuracy = " << fixed(*accuracyNow, 4) << " ("
                    << correct << " of " << rows << " correct), as backprop-cli eval does\n";
    }
    if (onnxPath) {
        bridges::exportOnnx(*onnxPath, net, model.training);
        ctx.out << "wrote " << *onnxPath << " (ONNX opset " << bridges::kOnnxOpset
                << ": input \"input\" double [N, " << net.inputs()
                << "] of raw values 0-255, scaled inside; output \"output\" [N, " << net.outputs()
                << "])\n";
    }
    return 0;
}

}  // namespace bp::cli
