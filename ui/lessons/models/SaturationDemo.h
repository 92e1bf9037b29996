// SaturationDemo.h — the saturation lesson's demo, without Qt: a 784-100-10 sigmoid network
// trained sample by sample on MNIST samples prepared one of several ways (the book's, or one of
// the mistakes the book warns of), beside the same network trained the book's way as the
// reference. The lesson runs it on a worker thread and draws what it returns.
//
// Preparation (the book's is the first of each):
//   inputs   x/255·0.99 + 0.01 ∈ [0.01, 1.00] · raw bytes 0 … 255 · x/255 ∈ [0, 1]
//   targets  0.01 / 0.99 (bp::bookTarget) · 0 / 1
//   weights  normal(0, 1/√incoming) · all 0 · normal(0, 10)
// Error of a sample: E = Σ(T − O)², as bp::Network::train returns it; the curves are the mean
// over the last kWindow samples.
#pragma once

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

#include "backprop/Dataset.h"
#include "backprop/Network.h"

namespace bps::lessons {

class SaturationDemo {
  public:
    enum class InputScaling { Book, Raw, ZeroToOne };  // 0.01 … 1.00 / 0 … 255 / 0 … 1
    enum class Targets { Book, ZeroOne };              // 0.01 / 0.99 or 0 / 1
    enum class Weights { Book, Zero, Large };          // normal 1/√n, all 0, normal std 10
    struct Preparation {
        InputScaling inputs = InputScaling::Book;
        Targets targets = Targets::Book;
        Weights weights = Weights::Book;
    };
    // What the lesson's checks look at: measured on the prepared data and the starting weights.
    struct DataFacts {
        double inputMin = 0, inputMax = 0;    // over the prepared inputs
        double targetMin = 0, targetMax = 0;  // over the prepared targets
        double weightRms = 0;                 // root mean square of all weights
        double bookWeightRms = 0;             // what the book's 1/√n start would give
        bool weightsAllZero = false;
    };
    using Curve = std::vector<std::pair<double, double>>;  // (samples trained, running error)

    static constexpr int kHidden = 100;  // 784-100-10
    static constexpr double kLearningRate = 0.1;
    static constexpr int kWindow = 50;          // running error window
    static constexpr int kDemoSamples = 500;    // a demo run: 5 epochs of the 100 samples
    static constexpr int kSamplesPerTick = 10;  // what the lesson asks for at each tick

    // Ready to train the book's preparation (restart() trains its reference curve).
    explicit SaturationDemo(std::shared_ptr<const bp::Dataset> data);

    // Starts again from the starting weights of `p`, measures the facts, and trains the book's
    // preparation kDemoSamples samples as the reference curve.
    void restart(const Preparation& p);
    // Trains `samples` more samples of the chosen preparation; returns their curve points.
    Curve train(int samples);

    const Preparation& preparation() const { return m_prep; }
    bool hasData() const { return m_data && !m_data->empty(); }
    const bp::Dataset& data() const { return *m_data; }
    const DataFacts& facts() const { return m_facts; }
    const Curve& bookCurve() const { return m_bookCurve; }
    std::size_t samplesTrained() const { return m_demo.errors.size(); }
    bool finished() const { return samplesTrained() >= static_cast<std::size_t>(kDemoSamples); }
    double error() const { return windowMean(m_demo.errors); }  // mean E, last kWindow
    double bookError() const { return windowMean(m_book.errors); }
    const bp::Network& network() const { return *m_demo.net; }  // the chosen preparation's
    // The sample the views show, prepared: the last one trained (sample 0 before any).
    void shownSample(bp::Vector& in, bp::Vector& target) const;

    void prepare(const Preparation& p, std::size_t i, bp::Vector& in, bp::Vector& target) const;
    std::unique_ptr<bp::Network> makeNetwork(const Preparation& p) const;
    static DataFacts measure(const bp::Network& net, const std::vector<bp::Vector>& inputs,
                             const std::vector<bp::Vector>& targets);
    static double windowMean(const std::vector<double>& e);

  private:
    struct Run {
        std::unique_ptr<bp::Network> net;
        Preparation prep;
        std::vector<double> errors;  // E per sample trained
        std::size_t next = 0;        // next sample index
    };
    void begin(const Preparation& p);  // starting weights and facts of p, nothing trained
    double trainOne(Run& run);

    std::shared_ptr<const bp::Dataset> m_data;
    Preparation m_prep;
    Run m_demo;  // trained with m_prep
    Run m_book;  // trained with the book's preparation
    DataFacts m_facts;
    Curve m_bookCurve;
};

}  // namespace bps::lessons
