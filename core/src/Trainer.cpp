// Trainer.cpp — epochs of per-sample (fused) or mini-batch training, with progress, a live
// learning rate, cancellation and divergence detection.
#include "backprop/Trainer.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numeric>
#include <sstream>

#include "BatchGemm.h"
#include "FirstLayerSweep.h"
#include "Kernels.h"
#include "Phases.h"
#include "ThreadTeam.h"
#include "backprop/Random.h"

namespace bp {
namespace {

using Clock = std::chrono::steady_clock;

// o = x/255·0.99 + 0.01 for each byte of a row, looked up in a table of scaleInput's 256
// values (the same bits; one call per pixel was 4 % of a threaded training step).
void loadInput(const Dataset& d, std::size_t i, Scalar* out) {
    static const std::array<Scalar, 256> table = [] {
        std::array<Scalar, 256> t{};
        for (int x = 0; x < 256; ++x)
            t[static_cast<std::size_t>(x)] = scaleInput(static_cast<std::uint8_t>(x));
        return t;
    }();
    const std::uint8_t* row = d.row(i);
    for (int j = 0; j < d.inputs; ++j) out[j] = table[row[j]];
}

// Forward pass of a block of samples as matrix products: O_{k+1} = f(W_k · O_k).
Matrix forwardBatch(const Network& net, Matrix o) {
    for (int k = 0; k < net.weightLayers(); ++k) {
        const Matrix& W = net.weights(k);
        const Eigen::Index n = net.spec().layers[k];
        Matrix x(W.rows(), o.cols());  // X = W · O, the CPU's fastest GEMM (BatchGemm.h)
        gemm::product(W.data(), W.rows(), W.rows(), n, o.data(), o.cols(), x.data());
        if (net.spec().bias) x.colwise() += W.col(n);
        o.resize(x.rows(), x.cols());
        activate(net.activationOf(k + 1), x, o);
    }
    return o;
}

template <typename PerSample>
// f(i, predicted label) for the first `rows` samples of data (at most all of them).
void forEachPrediction(const Network& net, const Dataset& data, std::size_t rows,
                       const std::atomic<bool>* cancel, PerSample f) {
    if (data.inputs != net.inputs()) {
        throw std::invalid_argument(data.source + ": samples have " + std::to_string(data.inputs) +
                                    " inputs, the network expects " + std::to_string(net.inputs()));
    }
    constexpr std::size_t kBlock = 256;
    Matrix in(net.inputs(), static_cast<Eigen::Index>(kBlock));
    rows = std::min(rows, data.rows());
    for (std::size_t start = 0; start < rows; start += kBlock) {
        if (cancel && cancel->load(std::memory_order_relaxed)) return;
        const std::size_t n = std::min(kBlock, rows - start);
        in.resize(net.inputs(), static_cast<Eigen::Index>(n));
        for (std::size_t c = 0; c < n; ++c)
            loadInput(data, start + c, in.col(static_cast<Eigen::Index>(c)).data());
        const Matrix out = forwardBatch(net, in);
        for (std::size_t c = 0; c < n; ++c)
            f(start + c, argmax(out.col(static_cast<Eigen::Index>(c))));
    }
}

}  // namespace

std::string_view precisionName(Precision p) {
    return p == Precision::Float ? "float" : "double";
}

bool parsePrecision(std::string_view name, Precision& out) {
    for (Precision p : {Precision::Double, Precision::Float}) {
        if (name == precisionName(p)) {
            out = p;
            return true;
        }
    }
    return false;
}

std::vector<std::size_t> epochOrder(std::size_t rows, std::uint64_t shuffleSeed, int epoch) {
    std::vector<std::size_t> order(rows);
    std::iota(order.begin(), order.end(), std::size_t{0});
    Rng rng(shuffleSeed * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(epoch));
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    return order;
}

double accuracy(const Network& net, const Dataset& data, const std::atomic<bool>* cancel) {
    if (data.rows() == 0) return std::numeric_limits<double>::quiet_NaN();
    std::size_t correct = 0;
    forEachPrediction(net, data, data.rows(), cancel, [&](std::size_t i, int predicted) {
        if (predicted == data.label(i)) ++correct;
    });
    return static_cast<double>(correct) / static_cast<double>(data.rows());
}

std::vector<int> predictions(const Network& net, const Dataset& data, std::size_t limit) {
    std::vector<int> out(std::min(limit, data.rows()), -1);
    forEachPrediction(net, data, out.size(), nullptr,
                      [&](std::size_t i, int predicted) { out[i] = predicted; });
    return out;
}

Trainer::Trainer(Network& net, const Dataset& train, const Dataset* test, TrainOptions options)
    : m_net(net), m_train(train), m_test(test), m_options(options), m_lr(options.learningRate) {
    if (train.inputs != net.inputs()) {
        throw std::invalid_argument(train.source + ": samples have " +
                                    std::to_string(train.inputs) + " inputs, the network expects " +
                                    std::to_string(net.inputs()));
    }
    if (train.maxLabel() >= net.outputs()) {
        throw std::invalid_argument(train.source + ": label " + std::to_string(train.maxLabel()) +
                                    " needs at least " + std::to_string(train.maxLabel() + 1) +
                                    " outputs, the network has " + std::to_string(net.outputs()));
    }
    if (test && test->inputs != net.inputs()) {
        throw std::invalid_argument(test->source + ": samples have " +
                                    std::to_string(test->inputs) + " inputs, the network expects " +
                                    std::to_string(net.inputs()));
    }
    m_options.batch = std::max(1, m_options.batch);
    m_options.errorWindow = std::max(1, m_options.errorWindow);
    m_window.assign(static_cast<std::size_t>(m_options.errorWindow), 0.0);
    m_progress.samplesPerEpoch = train.rows();
    m_progress.learningRate = options.learningRate;
    m_work.resize(net.spec(), false);
    m_nextIn = Vector::Zero(net.inputs());
    if (m_options.threads < 0)
        throw std::invalid_argument("threads must be 0 (every core) or more");
    if (m_options.threads == 0) m_options.threads = availableCores();
    const int threads = m_options.batch > 1 ? 1 : m_options.threads;
    m_first = std::make_unique<FirstLayerSweep>(net, threads, m_options.precision);
}

Trainer::~Trainer() = default;

int Trainer::threads() const {
    return m_options.batch > 1 ? 1 : m_first->threads();
}

std::size_t Trainer::sampleAt(std::size_t p) const {
    return m_order.empty() ? p : m_order[p];
}

void Trainer::startEpoch() {
    m_order.clear();
    if (m_options.shuffle)
        m_order = epochOrder(m_train.rows(), m_options.shuffleSeed, m_progress.epoch);
    m_progress.sampleInEpoch = 0;
    m_epochErrorSum = 0;
    m_epochErrorCount = 0;
    m_epochSeconds = 0;
    m_epochOpen = true;
}

void Trainer::finishEpoch() {
    if (!m_net.isFinite()) diverged(m_progress.sampleInEpoch);
    EpochResult r;
    r.epoch = m_progress.epoch;
    r.seconds = m_epochSeconds;
    r.samples = m_progress.sampleInEpoch;
    r.meanError =
        m_epochErrorCount ? m_epochErrorSum / static_cast<double>(m_epochErrorCount) : 0.0;
    if (m_test && !m_test->empty()) r.testAccuracy = accuracy(m_net, *m_test, &m_cancel);
    m_results.push_back(r);
    m_epochOpen = false;
    ++m_progress.epoch;
    m_progress.sampleInEpoch = 0;
    if (m_onEpoch) m_onEpoch(r);
}

void Trainer::record(double error) {
    const std::size_t w = m_window.size();
    const std::size_t slot = m_windowPos % w;
    m_windowSum += error - m_window[slot];
    m_window[slot] = error;
    ++m_windowPos;
    if (m_windowPos % w == 0) {  // re-add exactly once per wrap, so rounding cannot drift
        m_windowSum = 0;
        for (double e : m_window) m_windowSum += e;
    }
    const std::size_t filled = std::min<std::size_t>(m_windowPos, w);
    m_progress.runningError = m_windowSum / static_cast<double>(filled);
    m_epochErrorSum += error;
    ++m_epochErrorCount;
    ++m_progress.sampleInEpoch;
    ++m_progress.samplesSeen;
}

void Trainer::diverged(std::size_t position) const {
    std::ostringstream s;
    s << "training diverged at epoch " << m_progress.epoch << ", sample " << position + 1
      << ": a weight or an output became NaN or infinite (learning rate " << learningRate()
      << " is probably too large); training stopped, reset the network and try a smaller rate";
    throw DivergenceError(s.str(), m_progress.epoch, position);
}

std::size_t Trainer::trainSingles(std::size_t count) {
    const int L = m_net.weightLayers();
    const std::size_t perEpoch = m_progress.samplesPerEpoch;
    const auto start = Clock::now();
    std::size_t done = 0;
    bool haveX1 = false;  // m_work.x[1], o[1] already hold sample pos's layer 1 (fused sweep)
    Vector& o0 = m_work.o[0];
    Vector a0(m_net.spec().layers[1]);
    FirstLayerSweep& first = *m_first;
    first.begin(m_net);
    // W_0 trains in the sweep's own buffer: it goes back into the network however this run
    // ends (divergence included), so the network always holds the trained weights.
    struct EndGuard {
        FirstLayerSweep& f;
        Network& n;
        ~EndGuard() { f.end(n); }
    } guard{first, m_net};
    while (done < count && m_progress.sampleInEpoch < perEpoch && !cancelled()) {
        const std::size_t pos = m_progress.sampleInEpoch;
        const std::size_t idx = sampleAt(pos);
        const double lr = learningRate();
        if (!haveX1) {  // x_1 = W_0 · o_0, o_1 = f(x_1)
            loadInput(m_train, idx, o0.data());
            first.forward(o0, m_work);
        }
        for (int k = 1; k < L; ++k) phase::forward(m_net, m_work, k);
        for (int k = 1; k <= L; ++k)
            if (!m_work.x[k].allFinite()) diverged(pos);

        m_work.target.setConstant(0.01);  // the book's targets: 0.01, and 0.99 at the label
        m_work.target(m_train.label(idx)) = 0.99;
        phase::outputError(m_net, m_work);
        if (!std::isfinite(m_work.error)) diverged(pos);
        for (int k = L - 1; k >= 1; --k) {
            phase::backError(m_net, m_work, k);
            phase::update(m_net, m_work, k, lr);
        }
        // W_0: the update, fused with the next sample's forward pass when there is one.
        phase::computeDelta(m_net, m_work, 0);
        a0.noalias() = lr * m_work.delta[1];
        if (done + 1 < count && pos + 1 < perEpoch) {
            loadInput(m_train, sampleAt(pos + 1), m_nextIn.data());
            first.updateForward(a0, o0, m_nextIn, m_work);
            o0.swap(m_nextIn);
            haveX1 = true;
        } else {
            first.update(a0, o0);
            haveX1 = false;
        }
        m_progress.learningRate = lr;
        record(m_work.error);
        ++done;
        if (m_onProgress && !m_onProgress(m_progress)) cancel();
    }
    m_epochSeconds += std::chrono::duration<double>(Clock::now() - start).count();
    return done;
}

std::size_t Trainer::trainBatches(std::size_t count) {
    const int L = m_net.weightLayers();
    const bool bias = m_net.spec().bias;
    const auto& layers = m_net.spec().layers;
    const auto start = Clock::now();
    std::size_t done = 0;
    std::vector<Matrix> O(static_cast<std::size_t>(L) + 1);
    while (done < count && m_progress.sampleInEpoch < m_progress.samplesPerEpoch && !cancelled()) {
        const std::size_t pos = m_progress.sampleInEpoch;
        const std::size_t B = std::min({static_cast<std::size_t>(m_options.batch), count - done,
                                        m_progress.samplesPerEpoch - pos});
        const auto cols = static_cast<Eigen::Index>(B);
        const double lr = learningRate();
        O[0].resize(layers[0], cols);
        Matrix T = Matrix::Constant(layers[L], cols, 0.01);
        for (std::size_t c = 0; c < B; ++c) {
            const std::size_t idx = sampleAt(pos + c);
            loadInput(m_train, idx, O[0].col(static_cast<Eigen::Index>(c)).data());
            T(m_train.label(idx), static_cast<Eigen::Index>(c)) = 0.99;
        }
        for (int k = 0; k < L; ++k) {  // X_{k+1} = W_k · O_k (B columns), O_{k+1} = f(X_{k+1})
            const Matrix& W = m_net.weights(k);
            Matrix X(W.rows(), cols);
            gemm::product(W.data(), W.rows(), W.rows(), layers[k], O[k].data(), cols, X.data());
            if (bias) X.colwise() += W.col(layers[k]);
            if (!X.allFinite()) diverged(pos);
            O[k + 1].resize(X.rows(), X.cols());
            activate(m_net.activationOf(k + 1), X, O[k + 1]);
        }
        Matrix E = T - O[L];  // E = T − O
        const Eigen::VectorXd errors = E.colwise().squaredNorm().transpose();
        if (!errors.allFinite()) diverged(pos);
        const double scale = lr / static_cast<double>(B);  // mean ΔW over the batch
        for (int k = L - 1; k >= 0; --k) {
            Matrix D(O[k + 1].rows(), cols);  // D = E ∘ f'(O)
            slopeFromOutput(m_net.activationOf(k + 1), O[k + 1], D);
            D.array() *= E.array();
            Matrix& W = m_net.weights(k);
            Matrix Eprev;
            if (k > 0) {  // errors back through W_k before it changes
                Eprev.noalias() = W.leftCols(layers[k]).transpose() *
                                  (m_net.spec().rule == ErrorRule::Book ? E : D);
            }
            // ΔW = α/B · D · Oᵀ, added to the weight columns (the bias column below)
            gemm::addOuter(W.data(), W.rows(), W.rows(), layers[k], D.data(), O[k].data(), cols,
                           scale);
            if (bias) W.col(layers[k]) += scale * D.rowwise().sum();
            E.swap(Eprev);
        }
        m_progress.learningRate = lr;
        for (std::size_t c = 0; c < B; ++c) {
            record(errors(static_cast<Eigen::Index>(c)));
            if (m_onProgress && !m_onProgress(m_progress)) cancel();
        }
        done += B;
    }
    m_epochSeconds += std::chrono::duration<double>(Clock::now() - start).count();
    return done;
}

std::size_t Trainer::advance(std::size_t maxSamples) {
    std::size_t done = 0;
    if (m_progress.samplesPerEpoch == 0) return 0;
    while (done < maxSamples && !cancelled()) {
        if (!m_epochOpen) startEpoch();
        const std::size_t left =
            std::min(maxSamples - done, m_progress.samplesPerEpoch - m_progress.sampleInEpoch);
        done += m_options.batch > 1 ? trainBatches(left) : trainSingles(left);
        if (m_progress.sampleInEpoch >= m_progress.samplesPerEpoch && !cancelled()) finishEpoch();
    }
    return done;
}

EpochResult Trainer::runEpoch() {
    if (!m_epochOpen) startEpoch();
    const int epoch = m_progress.epoch;
    advance(m_progress.samplesPerEpoch - m_progress.sampleInEpoch);
    if (!m_results.empty() && m_results.back().epoch == epoch) return m_results.back();
    EpochResult partial;  // cancelled before the epoch ended
    partial.epoch = epoch;
    partial.seconds = m_epochSeconds;
    partial.samples = m_progress.sampleInEpoch;
    partial.meanError =
        m_epochErrorCount ? m_epochErrorSum / static_cast<double>(m_epochErrorCount) : 0.0;
    return partial;
}

void Trainer::resumeAt(std::uint64_t samplesSeen, double runningError) {
    const bool seeded = std::isfinite(runningError) && runningError > 0;
    std::fill(m_window.begin(), m_window.end(), seeded ? runningError : 0.0);
    m_windowPos = seeded ? m_window.size() : 0;  // a full window of the saved mean
    m_windowSum = seeded ? runningError * static_cast<double>(m_window.size()) : 0.0;
    m_progress.runningError = seeded ? runningError : 0.0;
    m_progress.samplesSeen = samplesSeen;
    m_epochOpen = false;
    m_progress.sampleInEpoch = 0;
    const std::uint64_t perEpoch = m_progress.samplesPerEpoch;
    if (perEpoch == 0) return;
    const std::uint64_t epochsDone = samplesSeen / perEpoch;
    m_progress.epoch = static_cast<int>(
        std::min<std::uint64_t>(epochsDone, std::numeric_limits<int>::max() - 1) + 1);
    const auto inEpoch = static_cast<std::size_t>(samplesSeen % perEpoch);
    if (inEpoch > 0) {  // inside an epoch: its order (shuffled by its number), then the position
        startEpoch();
        m_progress.sampleInEpoch = inEpoch;
    }
}

TrainerState Trainer::state() const {
    TrainerState s;
    s.progress = m_progress;
    s.window = m_window;
    s.windowPos = m_windowPos;
    s.windowSum = m_windowSum;
    s.epochErrorSum = m_epochErrorSum;
    s.epochErrorCount = m_epochErrorCount;
    s.epochOpen = m_epochOpen;
    return s;
}

void Trainer::restore(const TrainerState& s) {
    if (s.window.size() != m_window.size())
        throw std::invalid_argument("checkpoint has a running-error window of " +
                                    std::to_string(s.window.size()) + " samples, the trainer " +
                                    std::to_string(m_window.size()));
    if (s.progress.samplesPerEpoch != m_progress.samplesPerEpoch)
        throw std::invalid_argument(
            "checkpoint was taken on " + std::to_string(s.progress.samplesPerEpoch) +
            " samples per epoch, the trainer has " + std::to_string(m_progress.samplesPerEpoch));
    m_progress = s.progress;
    if (s.epochOpen) {  // the epoch's order (shuffled by its number), then its sums and place
        startEpoch();
        m_progress.sampleInEpoch = s.progress.sampleInEpoch;
    } else {
        m_order.clear();
        m_epochOpen = false;
    }
    m_window = s.window;
    m_windowPos = s.windowPos;
    m_windowSum = s.windowSum;
    m_epochErrorSum = s.epochErrorSum;
    m_epochErrorCount = s.epochErrorCount;
    m_epochSeconds = 0;
    m_results.clear();  // results of epochs after the state belong to another future
}

std::vector<EpochResult> Trainer::run() {
    std::vector<EpochResult> out;
    for (int e = 0; e < m_options.epochs && !cancelled(); ++e) out.push_back(runEpoch());
    return out;
}

}  // namespace bp
