// DiagnosisTest.cpp — runs made to fail each way are diagnosed so, with the numbers that show it;
// healthy runs are never flagged; the rules themselves on hand-made observations; WeightDiff on
// a known change.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "backprop/DatasetIO.h"
#include "backprop/Diagnosis.h"
#include "backprop/Timeline.h"
#include "backprop/WeightDiff.h"

using namespace bp;

namespace {

const Dataset& mnist5000() {
    static const Dataset d =
        loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/mnist_train_5000.csv.gz");
    return d;
}

// A training file that came in chunks of 500: digits other than 1 in file order, then 500 ones
// (the 5000-row file's 1s, repeated), and so on, 5000 rows. Each chunk pulls the network its own
// way; a learning rate too large to average them makes the error swing chunk after chunk.
Dataset inChunks(const Dataset& d) {
    std::vector<std::size_t> ones, rest;
    for (std::size_t i = 0; i < d.rows(); ++i) (d.label(i) == 1 ? ones : rest).push_back(i);
    Dataset r = d;
    r.pixels.clear();
    r.labels.clear();
    std::size_t a = 0, b = 0;
    for (int chunk = 0; chunk < 10; ++chunk)
        for (int k = 0; k < 500; ++k) {
            const std::size_t i = chunk % 2 ? ones[b++ % ones.size()] : rest[a++ % rest.size()];
            r.pixels.insert(r.pixels.end(), d.row(i), d.row(i) + d.inputs);
            r.labels.push_back(d.labels[i]);
        }
    return r;
}

struct Watched {
    Diagnosis first;                    // the first trouble seen
    std::vector<Trouble> everyVerdict;  // the diagnosis after each observation
    std::size_t observations = 0;
};

// Trains `epochs` epochs as the studio does, observing at every due checkpoint.
Watched watch(const Dataset& data, NetworkSpec spec, TrainOptions o, int epochs) {
    Network net(spec);
    Trainer t(net, data, nullptr, o);
    Timeline timeline(data.rows(), o.batch);
    RunWatcher w(data, spec);
    Watched out;
    w.observe(net, t.progress());
    const std::uint64_t total = static_cast<std::uint64_t>(epochs) * data.rows();
    try {
        while (t.progress().samplesSeen < total) {
            const std::uint64_t s = t.progress().samplesSeen;
            t.advance(timeline.nextDue(s) - s);
            w.observe(net, t.progress());
            out.everyVerdict.push_back(w.diagnosis().trouble);
        }
    } catch (const DivergenceError& e) {
        w.noteDivergence(t.progress().samplesSeen, t.learningRate());
        out.everyVerdict.push_back(w.diagnosis().trouble);
    }
    out.first = w.firstTrouble();
    out.observations = w.observations().size();
    return out;
}

NetworkSpec book(int hidden, Activation a = Activation::Sigmoid) {
    NetworkSpec s;
    s.layers = {784, hidden, 10};
    s.hidden = a;
    return s;
}

TrainOptions rate(double lr, int batch = 1) {
    TrainOptions o;
    o.learningRate = lr;
    o.batch = batch;
    return o;
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

}  // namespace

// Healthy runs: the book's network at its rates, other activations, mini-batches. Not one
// observation of them is flagged.
TEST(Diagnosis, HealthyRunsAreNeverFlagged) {
    struct Case {
        const char* name;
        NetworkSpec spec;
        TrainOptions options;
    };
    for (const Case& c :
         {Case{"book α 0.1", book(100), rate(0.1)}, Case{"book α 0.3", book(100), rate(0.3)},
          Case{"relu α 0.1", book(100, Activation::ReLU), rate(0.1)},
          Case{"tanh α 0.1", book(100, Activation::Tanh), rate(0.1)},
          Case{"batch 10 α 0.5", book(100), rate(0.5, 10)}}) {
        SCOPED_TRACE(c.name);
        const Watched w = watch(mnist5000(), c.spec, c.options, 3);
        EXPECT_EQ(w.observations, 31u);
        EXPECT_EQ(w.first.trouble, Trouble::None) << w.first.describe();
    }
}

// Deep ReLU at α 100 overflows: NaN, the moment, and the last good checkpoint before it.
TEST(Diagnosis, ARunThatOverflowsDiverges) {
    const Dataset d =
        loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/mnist_train_100.csv");
    NetworkSpec s;
    s.layers = {784, 100, 100, 100, 100, 10};
    s.hidden = Activation::ReLU;
    const Watched w = watch(d, s, rate(100), 3);
    ASSERT_EQ(w.first.trouble, Trouble::Diverges) << w.first.describe();
    EXPECT_TRUE(w.first.nonFinite);
    EXPECT_GT(w.first.atSample, 0u);
    EXPECT_LT(w.first.lastGoodSample, w.first.atSample);
    EXPECT_EQ(w.first.learningRate, 100);
    const std::string m = w.first.describe();
    EXPECT_TRUE(contains(m, "NaN or infinite")) << m;
    EXPECT_TRUE(contains(m, "learning rate 100")) << m;
    EXPECT_TRUE(contains(m, "last good checkpoint is at sample")) << m;
}

// The book's network at α 3: the weights run away (tenfold and more) while the error gets worse
// than its best. Diagnosed within the first epoch, with the growth in numbers.
TEST(Diagnosis, WeightsThatRunAwayDiverge) {
    const Watched w = watch(mnist5000(), book(100), rate(3), 2);
    ASSERT_EQ(w.first.trouble, Trouble::Diverges) << w.first.describe();
    EXPECT_FALSE(w.first.nonFinite);
    EXPECT_LE(w.first.atSample, 5000u);
    EXPECT_GE(w.first.weightNow, 10 * w.first.weightThen);
    EXPECT_GE(w.first.weightNow, 5.0);
    EXPECT_LT(w.first.weightThen, 1.0);             // the initial weights' size
    EXPECT_GT(w.first.errorNow, w.first.errorLow);  // worse than its best
    EXPECT_GE(w.first.saturated, 50);
    const std::string m = w.first.describe();
    EXPECT_TRUE(contains(m, "Training diverges: the largest weight (in W_0) grew from")) << m;
    EXPECT_TRUE(contains(m, "hidden neurons are saturated")) << m;
}

// α 30: every hidden neuron saturates at once and the error freezes: a stall, said with the
// saturated count and how far the weights had jumped.
TEST(Diagnosis, SaturatedAndFlatStalls) {
    const Watched w = watch(mnist5000(), book(100), rate(30), 2);
    ASSERT_EQ(w.first.trouble, Trouble::Stalls) << w.first.describe();
    EXPECT_GE(w.first.saturated, 90);
    EXPECT_EQ(w.first.hidden, 100);
    EXPECT_LE(w.first.errorHigh - w.first.errorLow, 0.1 * w.first.errorLow + 0.01);
    EXPECT_LE(w.first.sinceSample, 1000u);
    EXPECT_LE(w.first.lastGoodSample, w.first.sinceSample);
    const std::string m = w.first.describe();
    EXPECT_TRUE(contains(m, "of 100 hidden neurons are saturated")) << m;
    EXPECT_TRUE(contains(m, "had grown from")) << m;
}

// ReLU at α 2: the hidden neurons die (output 0 for every probe sample) and nothing moves.
TEST(Diagnosis, DeadReLUsStall) {
    const Watched w = watch(mnist5000(), book(100, Activation::ReLU), rate(2), 2);
    ASSERT_EQ(w.first.trouble, Trouble::Stalls) << w.first.describe();
    EXPECT_GE(w.first.dead, 90);
    EXPECT_TRUE(contains(w.first.describe(), "hidden neurons are dead")) << w.first.describe();
}

// Chunks of other digits and of ones, in file order at α 1: the network swings between the
// two, chunk after chunk, and the probe error goes up and down without a new low.
TEST(Diagnosis, ChunksPullingEachWayAtALargeRateOscillate) {
    const Dataset chunks = inChunks(mnist5000());
    const Watched w = watch(chunks, book(100), rate(1), 2);
    ASSERT_EQ(w.first.trouble, Trouble::Oscillates) << w.first.describe();
    EXPECT_GE(w.first.reversals, 4);
    EXPECT_GE(w.first.errorHigh - w.first.errorLow, 0.2);
    EXPECT_GE(w.first.lastGoodSample, w.first.sinceSample);
    const std::string m = w.first.describe();
    EXPECT_TRUE(contains(m, "Training oscillates: since sample")) << m;
    EXPECT_TRUE(contains(m, "without a new low")) << m;
    // The same file at the book's α still swings but keeps making new lows: not flagged.
    EXPECT_EQ(watch(chunks, book(100), rate(0.1), 3).first.trouble, Trouble::None);
}

// The rules on hand-made observations: each threshold on both sides.
TEST(Diagnosis, RulesOnHandMadeObservations) {
    auto series = [](std::vector<double> errors, double w, int saturated) {
        std::vector<Observation> v;
        for (std::size_t i = 0; i < errors.size(); ++i) {
            Observation o;
            o.sample = 100 * i;
            o.probeError = errors[i];
            o.maxAbsWeight = i == 0 ? 0.3 : w;
            o.saturatedHidden = saturated;
            o.hiddenNeurons = 100;
            o.outputNeurons = 10;
            o.learningRate = 0.5;
            v.push_back(o);
        }
        return v;
    };
    // flat and high, 60 saturated: stall since the second observation; 40 saturated: nothing
    const std::vector<double> flatHigh{2.0, 0.9, 0.91, 0.9, 0.92, 0.9, 0.91, 0.9, 0.9, 0.91};
    const Diagnosis stall = diagnose(series(flatHigh, 0.8, 60));
    EXPECT_EQ(stall.trouble, Trouble::Stalls);
    EXPECT_EQ(stall.sinceSample, 100u);
    EXPECT_EQ(stall.lastGoodSample, 0u);
    EXPECT_EQ(diagnose(series(flatHigh, 0.8, 40)).trouble, Trouble::None);
    // flat but low (converged) with many saturated: not a stall
    EXPECT_EQ(
        diagnose(series({2.0, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05}, 0.8, 90)).trouble,
        Trouble::None);
    // swinging without a new low: oscillates; the same swings going down: healthy
    const std::vector<double> swing{2.0, 0.4, 0.8, 0.3, 0.9, 0.35, 0.85, 0.4, 0.8};
    const Diagnosis osc = diagnose(series(swing, 0.8, 0));
    EXPECT_EQ(osc.trouble, Trouble::Oscillates);
    EXPECT_EQ(osc.reversals, 6);
    EXPECT_EQ(osc.lastGoodSample, 300u);  // its lowest point
    EXPECT_DOUBLE_EQ(osc.errorLow, 0.3);
    EXPECT_DOUBLE_EQ(osc.errorHigh, 0.9);
    EXPECT_EQ(diagnose(series({2.0, 0.9, 1.2, 0.7, 1.0, 0.5, 0.8, 0.3, 0.6}, 0.8, 0)).trouble,
              Trouble::None);
    // weights 30× and growing, error worse than its best: diverges; weights large but the error
    // at its best now: healthy
    std::vector<Observation> grow = series({2.0, 0.5, 0.6, 0.7, 0.8}, 1, 0);
    for (std::size_t i = 1; i < grow.size(); ++i)
        grow[i].maxAbsWeight = 3.0 * static_cast<double>(i);
    const Diagnosis div = diagnose(grow);
    EXPECT_EQ(div.trouble, Trouble::Diverges);
    EXPECT_EQ(div.atSample, 200u);  // the first with |w| ≥ max(10 · 0.3, 5)
    EXPECT_EQ(div.lastGoodSample, 100u);
    EXPECT_DOUBLE_EQ(div.weightThen, 0.3);
    EXPECT_DOUBLE_EQ(div.weightNow, 12.0);
    grow.back().probeError = 0.4;
    EXPECT_EQ(diagnose(grow).trouble, Trouble::None);
    // a non-finite observation diverges at once
    std::vector<Observation> nan = series({2.0, 0.5, 0.4}, 0.5, 0);
    nan[2].finite = false;
    const Diagnosis d = diagnose(nan);
    EXPECT_EQ(d.trouble, Trouble::Diverges);
    EXPECT_TRUE(d.nonFinite);
    EXPECT_EQ(d.atSample, 200u);
    EXPECT_EQ(d.lastGoodSample, 100u);
}

// The watcher forgets what a rewind undoes, and its first trouble with it.
TEST(Diagnosis, RewindForgetsTheTroubleAfterIt) {
    const Dataset& d = mnist5000();
    RunWatcher w(d, book(100));
    EXPECT_EQ(w.probeSize(), 100u);
    Network net(book(100));
    TrainProgress p;
    w.observe(net, p);
    p.samplesSeen = 500;
    w.noteDivergence(500, 50);
    EXPECT_EQ(w.firstTrouble().trouble, Trouble::Diverges);
    w.truncateAfter(0);
    EXPECT_EQ(w.firstTrouble().trouble, Trouble::None);
    EXPECT_EQ(w.observations().size(), 1u);
}

// WeightDiff on a known change: three weights moved by hand, the rest untouched.
TEST(WeightDiff, FindsAKnownChangeAndWhere) {
    NetworkSpec s;
    s.layers = {784, 20, 10};
    Network a(s);
    Network b = a;
    b.weights(0)(7, 28 * 14 + 9) += 0.5;  // neuron 7 ← pixel (9, 14)
    b.weights(0)(7, 3) -= 0.25;
    b.weights(1)(2, 19) += 0.125;
    const WeightDiff d = diffWeights(a.allWeights(), b.allWeights(), 3);
    ASSERT_EQ(d.layers.size(), 2u);
    EXPECT_FALSE(d.identical());
    const LayerDiff& l0 = d.layers[0];
    EXPECT_EQ(l0.changed, 2u);
    ASSERT_EQ(l0.largest.size(), 2u);
    EXPECT_EQ(l0.largest[0].row, 7);
    EXPECT_EQ(l0.largest[0].col, 28 * 14 + 9);
    EXPECT_NEAR(l0.largest[0].delta(), 0.5, 1e-15);
    EXPECT_NEAR(l0.largest[1].delta(), -0.25, 1e-15);
    EXPECT_NEAR(l0.maxAbs, 0.5, 1e-15);
    EXPECT_NEAR(l0.meanAbs, 0.75 / (20 * 784), 1e-15);
    EXPECT_EQ(l0.mostMovedNeuron, 7);
    EXPECT_NEAR(l0.mostMovedNeuronSum, 0.75, 1e-15);
    EXPECT_NEAR(l0.relative, std::sqrt(0.5 * 0.5 + 0.25 * 0.25) / a.weights(0).norm(), 1e-12);
    EXPECT_EQ(d.layers[1].changed, 1u);
    EXPECT_EQ(d.layers[1].largest[0].row, 2);
    const std::string text = d.describe(28);
    EXPECT_TRUE(contains(text, "W_0 (20×784)")) << text;
    EXPECT_TRUE(contains(text, "+0.5 at neuron 7 ← input 401 (x 9, y 14)")) << text;
    EXPECT_TRUE(diffWeights(a.allWeights(), a.allWeights()).identical());
    Network other(NetworkSpec{{784, 21, 10}});
    EXPECT_THROW(diffWeights(a.allWeights(), other.allWeights()), std::invalid_argument);
}
