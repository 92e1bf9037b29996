// The lessons' numeric models without Qt: the book's linear classifier, the playground, the
// comparison runs and the saturation demo — their numbers, and that they give the same bits on a
// worker thread as on this one (the lessons run them on workers; the TSan build runs these).
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <future>
#include <memory>
#include <thread>

#include "backprop/DatasetIO.h"
#include "lessons/models/LinearClassifier.h"
#include "lessons/models/Playground.h"
#include "lessons/models/SaturationDemo.h"
#include "lessons/models/TrainRun.h"

namespace {

using bps::lessons::SaturationDemo;

std::shared_ptr<const bp::Dataset> book100() {
    static const auto data = std::make_shared<const bp::Dataset>(
        bp::loadCsv(BP_SOURCE_DIR "/resources/data/mnist_train_100.csv"));
    return data;
}

bool sameCurve(const SaturationDemo::Curve& a, const SaturationDemo::Curve& b) {
    return a == b;  // bit for bit
}

}  // namespace

// The book: k = 0.25; ladybird (3.0, 1.0) target 1.1: y = 0.75, E = 0.35, Δk = 0.35/3, k = 0.3667;
// afterwards the line passes through the target.
TEST(LinearClassifier, FollowsTheBook) {
    bps::lessons::LinearClassifier m;
    EXPECT_EQ(m.k(), 0.25);
    const auto bugs = bps::lessons::LinearClassifier::bookBugs();
    const auto s = m.train(bugs[0], 0, 1.0);
    EXPECT_DOUBLE_EQ(s.target, 1.1);
    EXPECT_DOUBLE_EQ(s.y, 0.75);
    EXPECT_NEAR(s.error, 0.35, 1e-15);
    EXPECT_NEAR(s.deltaK, 0.35 / 3, 1e-15);
    EXPECT_NEAR(m.k(), 0.25 + 0.35 / 3, 1e-15);
    EXPECT_NEAR(m.lineAt(3.0), 1.1, 1e-12);
}

// A hidden layer of 4 separates (jittered) XOR; the same settings on a worker thread give the same
// weights.
TEST(Playground, SolvesXorTheSameOnAWorker) {
    const auto train = [] {
        bps::lessons::PlaygroundModel m;
        bps::lessons::PlaygroundSettings s;
        s.hidden = 4;
        m.reset(s);
        m.setData(bps::lessons::makePlaneData(bps::lessons::PlaneShape::Xor, 200, 0.1, 3), 0.2, 3);
        for (int i = 0; i < 300; ++i) m.train(static_cast<int>(m.trainingPoints().size()));
        return std::make_pair(m.accuracy(m.trainingPoints()), m.network().allWeights());
    };
    auto worker = std::async(std::launch::async, train);
    const auto here = train();
    const auto there = worker.get();
    EXPECT_GE(here.first, 0.95);  // points jittered across the boundaries may stay wrong
    ASSERT_EQ(here.second.size(), there.second.size());
    for (std::size_t k = 0; k < here.second.size(); ++k) EXPECT_EQ(here.second[k], there.second[k]);
}

// Two comparison runs at once (the sweep lesson's way) give the bits of one run alone; a cancel
// set from another thread stops a run.
TEST(TrainRun, ConcurrentRunsAgreeAndCancelStops) {
    const auto data = book100();
    bps::lessons::RunSettings s;
    s.spec.layers = {784, 30, 10};
    s.options.learningRate = 0.3;
    s.options.epochs = 2;
    const auto alone = bps::lessons::trainRun(s, *data, *data, nullptr, nullptr);
    auto a = std::async(std::launch::async,
                        [&] { return bps::lessons::trainRun(s, *data, *data, nullptr, nullptr); });
    auto b = std::async(std::launch::async,
                        [&] { return bps::lessons::trainRun(s, *data, *data, nullptr, nullptr); });
    const auto ra = a.get(), rb = b.get();
    EXPECT_EQ(ra.accuracy, alone.accuracy);
    EXPECT_EQ(rb.accuracy, alone.accuracy);
    EXPECT_EQ(ra.error, alone.error);
    EXPECT_FALSE(alone.cancelled);

    std::atomic<bool> cancel{false};
    std::atomic<std::uint64_t> done{0};
    s.options.epochs = 1000;  // far longer than the wait below
    auto long_run = std::async(std::launch::async, [&] {
        return bps::lessons::trainRun(s, *data, *data, &cancel, &done);
    });
    while (done.load() < 50) std::this_thread::yield();
    cancel = true;
    const auto r = long_run.get();
    EXPECT_TRUE(r.cancelled);
    EXPECT_LT(done.load(), 1000u * data->rows());
}

// The book's preparation learns: the running error of its 500 reference samples falls well
// below the first window's.
TEST(SaturationDemo, TheBooksPreparationLearns) {
    SaturationDemo d(book100());
    d.restart({});
    const auto& curve = d.bookCurve();
    ASSERT_EQ(curve.size(), static_cast<std::size_t>(SaturationDemo::kDemoSamples));
    const double first = curve[SaturationDemo::kWindow - 1].second;
    const double last = curve.back().second;
    EXPECT_LT(last, 0.6 * first) << first << " → " << last;
    EXPECT_EQ(d.samplesTrained(), 0u);  // the chosen preparation has not trained yet
}

// From weights of std 10 the sigmoids saturate and the error stays high; the chosen run's
// curve counts its samples; facts say what the preparation did.
TEST(SaturationDemo, LargeWeightsStallAndFactsTellWhy) {
    SaturationDemo d(book100());
    SaturationDemo::Preparation p;
    p.weights = SaturationDemo::Weights::Large;
    d.restart(p);
    EXPECT_GT(d.facts().weightRms, 3 * d.facts().bookWeightRms);
    const auto early = d.train(SaturationDemo::kWindow);
    ASSERT_EQ(early.size(), static_cast<std::size_t>(SaturationDemo::kWindow));
    EXPECT_EQ(early.back().first, SaturationDemo::kWindow);
    d.train(300 - SaturationDemo::kWindow);
    EXPECT_EQ(d.samplesTrained(), 300u);
    EXPECT_GT(d.error(), 1.0);
    EXPECT_LT(d.bookError(), 0.5 * d.error());

    SaturationDemo::Preparation raw;
    raw.inputs = SaturationDemo::InputScaling::Raw;
    raw.targets = SaturationDemo::Targets::ZeroOne;
    d.restart(raw);
    EXPECT_EQ(d.facts().inputMax, 255.0);
    EXPECT_EQ(d.facts().targetMin, 0.0);
    EXPECT_EQ(d.facts().targetMax, 1.0);
    EXPECT_EQ(d.samplesTrained(), 0u);
}

// The lesson runs the demo on a worker: there it gives the bits it gives here.
TEST(SaturationDemo, AWorkerGivesTheSameBits) {
    const auto run = [] {
        SaturationDemo d(book100());
        d.restart({});
        auto points = d.train(120);
        return std::make_pair(d.bookCurve(), points);
    };
    auto worker = std::async(std::launch::async, run);
    const auto here = run();
    const auto there = worker.get();
    EXPECT_TRUE(sameCurve(here.first, there.first));
    EXPECT_TRUE(sameCurve(here.second, there.second));
}
