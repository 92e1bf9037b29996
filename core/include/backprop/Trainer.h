// Trainer.h — epochs over a dataset, the book's per-sample updates or mini-batches.
//
// A Trainer owns a cursor (epoch, position in the epoch) so a caller can advance it by any
// number of samples at a time — the studio's worker advances it in slices and takes value
// snapshots between them; backprop-cli runs whole epochs. The learning rate may be changed
// and the run cancelled from another thread; both take effect at the next sample.
//
// Per-sample training fuses the update of W_0 with the forward pass of the next sample
// (one sweep over the largest matrix instead of two); the result is bit-identical to calling
// Network::train sample by sample, and a test holds it to that.
//
// Per sample, W_0 (the largest matrix) may be split by rows across `threads` threads; the result
// is bit-identical to one thread (each row's forward, update and activation depend on that row
// only). `precision = Float` keeps W_0 in float32 during training, for speed where exact
// agreement with the book's double-precision code is not needed.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "backprop/Dataset.h"
#include "backprop/Network.h"

namespace bp {

class FirstLayerSweep;

// Precision of W_0 during per-sample training.
enum class Precision {
    Double,  // the book's float64: bit-identical to Network::train
    Float,   // W_0 stored, updated and multiplied in float32; everything else in double
};
std::string_view precisionName(Precision p);  // "double", "float"
bool parsePrecision(std::string_view name, Precision& out);

// CPUs this process may run on (its affinity mask, so `taskset -c 1` gives 1), at least 1.
int availableCores();

struct TrainOptions {
    double learningRate = 0.1;
    int epochs = 1;        // used by run(); advance() ignores it
    int batch = 1;         // 1 = the book's per-sample updates; n > 1 mini-batches (mean ΔW)
    bool shuffle = false;  // the book keeps file order
    std::uint64_t shuffleSeed = 1;  // epoch e uses a permutation drawn from (shuffleSeed, e)
    int errorWindow = 100;          // running error = mean Σ(T−O)² of the last N samples
    // Threads sharing W_0's rows in per-sample training (1 = this thread only; 0 = every core
    // availableCores() reports). Never more than W_0's row blocks (8 rows in double, 16 in
    // float); more than the cores are started if asked (they spin briefly, then park, so it
    // stays correct, only slower): callers cap it (backprop-cli does). Same bits for any value.
    // Mini-batches ignore it (Eigen's GEMM on one thread).
    int threads = 1;
    Precision precision = Precision::Double;  // per-sample training; mini-batches use double
};

struct TrainProgress {
    int epoch = 1;                  // 1-based epoch being trained
    std::size_t sampleInEpoch = 0;  // samples done in this epoch
    std::size_t samplesPerEpoch = 0;
    std::uint64_t samplesSeen = 0;  // since the trainer was made (or the resumeAt position)
    double runningError = 0;        // mean of the last errorWindow sample errors
    double learningRate = 0;        // the rate used for the last sample
};

struct EpochResult {
    int epoch = 0;
    double seconds = 0;    // wall time of the training loop of this epoch
    double meanError = 0;  // mean Σ(T−O)² over the epoch's samples
    double testAccuracy = std::numeric_limits<double>::quiet_NaN();  // NaN without a test set
    std::size_t samples = 0;
};

// Everything a trainer holds besides the network's weights and its options: where it is in the
// run and the sums behind its running error and epoch mean error. A Trainer restored to a state
// taken from another one (with the same options and data) goes on bit-identically to it: the
// same next sample of the same order, the same running errors, the same epoch mean error.
struct TrainerState {
    TrainProgress progress;           // epoch, position in it, samples seen, running error, rate
    std::vector<double> window;       // ring of the last errorWindow sample errors
    std::size_t windowPos = 0;        // samples recorded into the ring so far
    double windowSum = 0;             // Σ of the ring (re-added once per wrap)
    double epochErrorSum = 0;         // Σ of this epoch's sample errors
    std::size_t epochErrorCount = 0;  // samples in epochErrorSum
    bool epochOpen = false;           // an epoch has started and not finished

    std::size_t bytes() const { return sizeof(*this) + window.capacity() * sizeof(double); }
};

// Thrown when a weight or an output becomes NaN or Inf. The network is left as it was
// after the last good sample where possible; what() says epoch, sample and learning rate.
class DivergenceError : public std::runtime_error {
  public:
    DivergenceError(const std::string& what, int atEpoch, std::size_t atSample)
        : std::runtime_error(what), epoch(atEpoch), sample(atSample) {}
    int epoch;
    std::size_t sample;
};

// The order in which a shuffled run visits `rows` samples in epoch `epoch` (1-based): a
// Fisher–Yates permutation drawn from (shuffleSeed, epoch), the same on every platform. The
// Trainer uses it; exports write it down so other code can go on in the same order.
std::vector<std::size_t> epochOrder(std::size_t rows, std::uint64_t shuffleSeed, int epoch);

// Fraction of samples whose largest output is at the label.
double accuracy(const Network& net, const Dataset& data, const std::atomic<bool>* cancel = nullptr);
// Predicted label (argmax of the output) of each of the first `limit` samples (default: all),
// computed in blocks as matrix products.
std::vector<int> predictions(const Network& net, const Dataset& data,
                             std::size_t limit = std::numeric_limits<std::size_t>::max());

class Trainer {
  public:
    // Called after every sample (cheap: a small struct by reference). Return false to stop.
    // While advance() runs, W_0 trains in the trainer's own aligned buffer (FirstLayerSweep):
    // the network's W_0 is brought up to date when advance() returns (or throws), so read the
    // weights between advance() calls, not from this callback.
    using ProgressFn = std::function<bool(const TrainProgress&)>;
    // Called at the end of every epoch, after the test accuracy is measured.
    using EpochFn = std::function<void(const EpochResult&)>;

    // net, train and test must outlive the trainer; test may be null.
    Trainer(Network& net, const Dataset& train, const Dataset* test, TrainOptions options);
    ~Trainer();

    void setLearningRate(double lr) { m_lr.store(lr, std::memory_order_relaxed); }
    double learningRate() const { return m_lr.load(std::memory_order_relaxed); }
    void cancel() { m_cancel.store(true, std::memory_order_relaxed); }
    void clearCancel() { m_cancel.store(false, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }

    void onProgress(ProgressFn f) { m_onProgress = std::move(f); }
    void onEpoch(EpochFn f) { m_onEpoch = std::move(f); }

    // Trains up to maxSamples samples from the cursor, crossing epoch boundaries (an epoch end
    // measures test accuracy and calls onEpoch). Returns the number trained; fewer when
    // cancelled. Throws DivergenceError.
    std::size_t advance(std::size_t maxSamples);
    // Trains until the end of the current epoch and returns its result.
    EpochResult runEpoch();
    // Runs options.epochs whole epochs.
    std::vector<EpochResult> run();
    // Puts the cursor where a trainer on this dataset would be after `samplesSeen` samples:
    // epoch samplesSeen / rows + 1, position samplesSeen % rows of that epoch's order (the
    // same shuffled order), so a saved run continues where it stopped. The network's weights
    // are used as they are; the epoch's mean error starts empty. The running-error window
    // starts empty, or, given the run's last running error (> 0), full of that value, so the
    // curve goes on smoothly. Per sample, training on is bit-identical to never having stopped.
    void resumeAt(std::uint64_t samplesSeen, double runningError = 0.0);

    // The trainer's position and error sums (a checkpoint holds it beside the weights).
    TrainerState state() const;
    // Puts the trainer where `s` says; the network's weights are used as they are (set them from
    // the same checkpoint first). The learning rate is left alone: the caller chooses it (the
    // checkpoint's own to resume, another to branch). Throws std::invalid_argument when the
    // state comes from a trainer with another error window or dataset size.
    void restore(const TrainerState& s);

    const TrainProgress& progress() const { return m_progress; }
    const TrainOptions& options() const { return m_options; }
    // Threads per-sample training uses (options.threads resolved against the cores and W_0).
    int threads() const;
    // Index into the training set of the sample at position p of the current epoch's order.
    std::size_t sampleAt(std::size_t p) const;

  private:
    void startEpoch();
    void finishEpoch();
    std::size_t trainSingles(std::size_t count);
    std::size_t trainBatches(std::size_t count);
    void record(double error);
    [[noreturn]] void diverged(std::size_t position) const;

    Network& m_net;
    const Dataset& m_train;
    const Dataset* m_test;
    TrainOptions m_options;
    std::atomic<double> m_lr;
    std::atomic<bool> m_cancel{false};
    ProgressFn m_onProgress;
    EpochFn m_onEpoch;

    TrainProgress m_progress;
    std::vector<std::size_t> m_order;  // sample order of this epoch (empty = file order)
    std::vector<double> m_window;      // ring of the last sample errors
    std::size_t m_windowPos = 0;
    double m_windowSum = 0;
    double m_epochErrorSum = 0;
    std::size_t m_epochErrorCount = 0;  // samples in m_epochErrorSum (fewer after resumeAt)
    double m_epochSeconds = 0;
    bool m_epochOpen = false;
    std::vector<EpochResult> m_results;
    // per-sample workspace
    PassValues m_work;
    Vector m_nextIn;  // the next sample's input, loaded for the fused sweep
    std::unique_ptr<FirstLayerSweep> m_first;  // W_0's part of a sample (rows split, precision)
};

}  // namespace bp
