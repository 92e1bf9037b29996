// Diagnosis.h — "why did it break?": a run that diverges, stalls or oscillates, said with the
// numbers that show it.
//
// A RunWatcher looks at the network every so often (the studio: at each checkpoint, a tenth of
// an epoch) and keeps one Observation a time: the running error, the error on a fixed probe of
// training samples (the same samples every time, spread over the file, so its changes are the
// network's and not the samples'), the largest weight, and how many neurons are saturated.
// diagnose() reads the observations so far:
//
//   Diverges    a weight or an output became NaN or ∞; or the largest weight has grown more
//               than tenfold (and past 5) while the probe error is no better than its best.
//   Stalls      over the last 8 observations the probe error is flat (its range ≤ 10 % of its
//               mean + 0.01) and not low (≥ 0.1), while most hidden neurons are saturated
//               (slope f′ < 0.01, bp::isSaturated, on ≥ 90 % of the probe samples; for ReLU:
//               dead, output 0 on all of them) or every output neuron is.
//   Oscillates  over the last 8 observations the probe error changes direction at least 4
//               times, its steps average ≥ 30 % of its mean (and ≥ 0.05), and it has made no
//               new low in the second half of that stretch.
//   None        otherwise (a healthy run: the book's 784-100-10 at α 0.1 is not flagged).
//
// Each verdict names the moment it shows (atSample, marked on the studio's timeline) and the
// last good moment before it (lastGoodSample: where to rewind).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "backprop/Dataset.h"
#include "backprop/Network.h"
#include "backprop/Trainer.h"

namespace bp {

// The network at one moment of a run, in the few numbers the diagnosis reads.
struct Observation {
    std::uint64_t sample = 0;  // samples seen
    double runningError = 0;   // mean Σ(T−O)² of the last errorWindow samples (the chart)
    double probeError = 0;     // mean Σ(T−O)² over the fixed probe samples
    double learningRate = 0;   // α then
    double maxAbsWeight = 0;   // largest |w| over every W_k
    int maxWeightLayer = 0;    // the k of the W_k holding it
    int saturatedHidden = 0;   // hidden neurons saturated on ≥ 90 % of the probe samples
    int deadHidden = 0;        // ReLU hidden neurons whose output is 0 on every probe sample
    int hiddenNeurons = 0;     // all hidden neurons, every hidden layer
    int saturatedOutputs = 0;  // output neurons saturated on ≥ 90 % of the probe samples
    int outputNeurons = 0;
    bool finite = true;  // every weight and probe output is finite
};

enum class Trouble { None, Diverges, Stalls, Oscillates };

std::string_view troubleName(Trouble t);  // "none", "diverges", "stalls", "oscillates"

struct Diagnosis {
    Trouble trouble = Trouble::None;
    std::uint64_t atSample = 0;               // the moment it shows (marked on the timeline)
    std::uint64_t lastGoodSample = 0;         // the last good moment before it (rewind there)
    std::uint64_t sinceSample = 0;            // start of the stretch the numbers describe
    bool nonFinite = false;                   // Diverges: a weight or an output became NaN or ∞
    double errorThen = 0;                     // probe error at lastGoodSample
    double errorNow = 0;                      // probe error at the last observation
    double errorLow = 0, errorHigh = 0;       // range of the probe error over the stretch
    int reversals = 0;                        // Oscillates: changes of direction over the stretch
    double weightThen = 0;                    // largest |w| at sinceSample
    double weightNow = 0;                     // largest |w| now
    int weightLayer = 0;                      // the k of W_k holding weightNow
    int saturated = 0, dead = 0, hidden = 0;  // hidden neurons now
    int saturatedOutputs = 0, outputs = 0;    // output neurons now
    double learningRate = 0;                  // α now

    // One English paragraph with the numbers (backprop-cli prints it; the studio words its own
    // through tr() from the same fields).
    std::string describe() const;
};

// Reads the observations (in order of sample) as the header above says.
Diagnosis diagnose(const std::vector<Observation>& observations);

class RunWatcher {
  public:
    // Probe: up to probeSize samples of train, evenly spread over it (copied; train may go).
    RunWatcher(const Dataset& train, const NetworkSpec& spec, std::size_t probeSize = 100);

    // Measures the network now and appends an Observation (replacing later ones if the run
    // went back). Cost: one forward pass over the probe (100 × 784-200-10: ~16 M multiply-adds).
    const Observation& observe(const Network& net, const TrainProgress& progress);
    // A DivergenceError stopped the run at `sample`: recorded as a non-finite observation.
    void noteDivergence(std::uint64_t sample, double learningRate);
    // Forgets observations after `sample` (a resume or branch from an earlier checkpoint).
    void truncateAfter(std::uint64_t sample);
    void clear();

    const std::vector<Observation>& observations() const { return m_observations; }
    // The diagnosis of the observations so far (symptoms may fade: a stalled run whose error
    // moves once is no longer flat over the last eight).
    Diagnosis diagnosis() const { return diagnose(m_observations); }
    // The first trouble diagnosed in this run (None until one is): the studio marks it on the
    // timeline, backprop-cli reports it at the end even if the symptoms faded since.
    const Diagnosis& firstTrouble() const { return m_first; }
    std::size_t probeSize() const { return static_cast<std::size_t>(m_probe.cols()); }

  private:
    void append(const Observation& o);

    NetworkSpec m_spec;                       // activations of the watched network
    Matrix m_probe;                           // inputs × probe samples, scaled as the book scales
    Matrix m_probeTargets;                    // outputs × probe samples, 0.01 / 0.99
    std::vector<Observation> m_observations;  // ≤ kMaxObservations, every other dropped beyond
    Diagnosis m_first;                        // first trouble seen (None until one is)
    std::uint64_t m_firstSeenAt = 0;          // sample of the observation that found it
    static constexpr std::size_t kMaxObservations = 4096;
};

}  // namespace bp
