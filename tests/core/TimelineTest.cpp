// TimelineTest.cpp — checkpoints of a run: resuming from one is bit-identical to never having
// stopped (weights, running error, epoch mean error), a branch is the run with its rate changed
// there, a replay is a fresh run with another α; thinning keeps the start, the newest and an even
// spread; memory stays under the stated bound for 784-200-10 over 50 epochs (heap measured).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <vector>
// The heap is measured with glibc's mallinfo2, which a sanitizer's allocator bypasses.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define BP_MEASURE_HEAP 1
#include <malloc.h>
#endif

#include "backprop/Random.h"
#include "backprop/Timeline.h"

using namespace bp;

namespace {

Dataset randomDataset(std::size_t rows, int inputs, int classes, std::uint64_t seed) {
    Dataset d;
    d.source = "random";
    d.inputs = inputs;
    Rng rng(seed);
    for (std::size_t i = 0; i < rows; ++i) {
        for (int j = 0; j < inputs; ++j)
            d.pixels.push_back(static_cast<std::uint8_t>(rng.below(256)));
        d.labels.push_back(
            static_cast<std::uint8_t>(rng.below(static_cast<std::uint64_t>(classes))));
    }
    return d;
}

NetworkSpec spec(std::vector<int> layers, bool bias = false) {
    NetworkSpec s;
    s.layers = std::move(layers);
    s.bias = bias;
    s.seed = 5;
    return s;
}

// What a run shows: every sample's running error and every epoch's mean error.
struct Trace {
    std::vector<std::pair<std::uint64_t, double>> running;  // (samples seen, running error)
    std::vector<std::pair<int, double>> epochs;             // (epoch, mean error)
};

// Trains up to `until` samples as the studio does: in slices that stop at every due checkpoint,
// recording it there. Returns what the run showed.
Trace runTo(Network& net, Trainer& t, Timeline& timeline, std::uint64_t until) {
    Trace trace;
    t.onProgress([&](const TrainProgress& p) {
        trace.running.emplace_back(p.samplesSeen, p.runningError);
        return true;
    });
    t.onEpoch([&](const EpochResult& r) { trace.epochs.emplace_back(r.epoch, r.meanError); });
    if (timeline.empty()) timeline.record(net, t.state());
    while (t.progress().samplesSeen < until) {
        const std::uint64_t s = t.progress().samplesSeen;
        t.advance(std::min(timeline.nextDue(s), until) - s);
        if (timeline.isDue(t.progress().samplesSeen)) timeline.record(net, t.state());
    }
    return trace;
}

}  // namespace

TEST(Timeline, DueEveryTenthOfAnEpochInWholeBatches) {
    const Timeline perSample(60000, 1);
    EXPECT_EQ(perSample.interval(), 6000u);
    EXPECT_TRUE(perSample.isDue(0));
    EXPECT_TRUE(perSample.isDue(6000));
    EXPECT_FALSE(perSample.isDue(6001));
    EXPECT_EQ(perSample.nextDue(0), 6000u);
    EXPECT_EQ(perSample.nextDue(59999), 60000u);
    const Timeline odd(37, 4);  // 3.7 rounds to one batch of 4: due at 0, 4, … 36, then 37
    EXPECT_EQ(odd.interval(), 4u);
    EXPECT_EQ(odd.nextDue(36), 37u);
    EXPECT_EQ(odd.nextDue(37), 41u);  // epoch 2 starts its own grid at 37
    EXPECT_TRUE(odd.isDue(41));
    EXPECT_FALSE(odd.isDue(40));
}

// The heart of the timeline: go back to a checkpoint, resume, and the run is the same run.
TEST(Timeline, ResumeFromACheckpointIsBitIdenticalToTheUninterruptedRun) {
    const Dataset data = randomDataset(53, 12, 5, 3);
    struct Case {
        int batch;
        bool shuffle;
        bool bias;
        int window;
    };
    for (const Case c :
         {Case{1, false, false, 100}, Case{1, true, false, 7}, Case{1, true, true, 20},
          Case{4, true, false, 10}, Case{5, false, true, 3}}) {
        SCOPED_TRACE("batch " + std::to_string(c.batch) + " shuffle " + std::to_string(c.shuffle) +
                     " bias " + std::to_string(c.bias) + " window " + std::to_string(c.window));
        TrainOptions o;
        o.learningRate = 0.4;
        o.batch = c.batch;
        o.shuffle = c.shuffle;
        o.shuffleSeed = 21;
        o.errorWindow = c.window;
        constexpr std::uint64_t kTotal = 53 * 4 + 17;  // into the fifth epoch

        Network straight(spec({12, 9, 5}, c.bias));
        Trainer a(straight, data, nullptr, o);
        Timeline timeline(data.rows(), c.batch);
        const Trace whole = runTo(straight, a, timeline, kTotal);
        ASSERT_GT(timeline.checkpoints().size(), 10u);

        // every checkpoint, from inside an epoch and from its end, resumes into the same future
        for (const CheckpointPtr& ptr : timeline.checkpoints()) {
            const Checkpoint& cp = *ptr;
            SCOPED_TRACE("checkpoint at sample " + std::to_string(cp.sample()));
            Network net(spec({12, 9, 5}, c.bias));
            net.initialise(999);  // other weights: restore must set every one
            Trainer r(net, data, nullptr, o);
            restore(cp, net, r);
            r.setLearningRate(cp.learningRate() > 0 ? cp.learningRate() : o.learningRate);
            EXPECT_EQ(r.progress().samplesSeen, cp.sample());
            Timeline again(data.rows(), c.batch);
            const Trace after = runTo(net, r, again, kTotal);
            for (int k = 0; k < net.weightLayers(); ++k)
                ASSERT_TRUE(net.weights(k) == straight.weights(k)) << "W_" << k;
            EXPECT_EQ(r.progress().runningError, a.progress().runningError);
            EXPECT_EQ(r.progress().epoch, a.progress().epoch);
            // the same running error at every sample after the checkpoint
            ASSERT_EQ(after.running.size(), kTotal - cp.sample());
            for (std::size_t i = 0; i < after.running.size(); ++i) {
                const auto& w = whole.running[cp.sample() + i];
                ASSERT_EQ(after.running[i].first, w.first);
                ASSERT_EQ(after.running[i].second, w.second) << "sample " << w.first;
            }
            // the same mean error of every epoch that ends after it, the resumed one included
            ASSERT_LE(after.epochs.size(), whole.epochs.size());
            for (std::size_t i = 0; i < after.epochs.size(); ++i) {
                const auto& w = whole.epochs[whole.epochs.size() - after.epochs.size() + i];
                EXPECT_EQ(after.epochs[i].first, w.first);
                EXPECT_EQ(after.epochs[i].second, w.second) << "epoch " << w.first;
            }
        }
    }
}

// Rewinding the same trainer in place (the studio's "Resume from there") gives the same future.
TEST(Timeline, RewindingTheSameTrainerInPlaceGoesOnTheSame) {
    const Dataset data = randomDataset(40, 10, 4, 8);
    TrainOptions o;
    o.shuffle = true;
    o.learningRate = 0.3;
    Network net(spec({10, 6, 4}));
    Trainer t(net, data, nullptr, o);
    Timeline timeline(data.rows(), 1);
    runTo(net, t, timeline, 130);
    const Matrix w0 = net.weights(0), w1 = net.weights(1);
    const double running = t.progress().runningError;
    const Checkpoint cp = *timeline.atOrBefore(70);
    EXPECT_EQ(cp.sample(), 68u);  // epoch 2, 7 tenths of 4 samples in (40 + 7·4)
    restore(cp, net, t);
    timeline.truncateAfter(cp.sample());
    EXPECT_EQ(timeline.checkpoints().back()->sample(), 68u);
    runTo(net, t, timeline, 130);
    EXPECT_TRUE(net.weights(0) == w0);
    EXPECT_TRUE(net.weights(1) == w1);
    EXPECT_EQ(t.progress().runningError, running);
}

// Branch from there: the branch is the original run with its learning rate changed at that
// sample, bit for bit; and it really differs from the original.
TEST(Timeline, BranchWithAnotherRateIsTheRunWithItsRateChangedThere) {
    const Dataset data = randomDataset(30, 8, 3, 4);
    TrainOptions o;
    o.learningRate = 0.2;
    o.shuffle = true;
    Network original(spec({8, 5, 3}));
    Trainer a(original, data, nullptr, o);
    Timeline timeline(data.rows(), 1);
    runTo(original, a, timeline, 90);
    const Checkpoint cp = *timeline.atOrBefore(45);
    ASSERT_EQ(cp.sample(), 45u);

    Network branch(spec({8, 5, 3}));
    Trainer b(branch, data, nullptr, o);
    restore(cp, branch, b);
    b.setLearningRate(0.9);
    Timeline branchLine(data.rows(), 1);
    runTo(branch, b, branchLine, 90);
    EXPECT_EQ(branchLine.checkpoints().front()->sample(), 45u);  // the branch starts there

    Network reference(spec({8, 5, 3}));  // one run, its rate changed at sample 45
    Trainer c(reference, data, nullptr, o);
    c.advance(45);
    c.setLearningRate(0.9);
    c.advance(45);
    for (int k = 0; k < 2; ++k) {
        EXPECT_TRUE(branch.weights(k) == reference.weights(k)) << "W_" << k;
        EXPECT_FALSE(branch.weights(k) == original.weights(k)) << "W_" << k;
    }
}

// Replay with another α from the same start: the start checkpoint holds the initial weights and
// the order is the run's, so the replay equals a fresh run with that α from the same seed.
TEST(Timeline, ReplayFromTheStartEqualsAFreshRunWithTheOtherRate) {
    const Dataset data = randomDataset(30, 8, 3, 6);
    TrainOptions o;
    o.learningRate = 0.1;
    o.shuffle = true;
    o.shuffleSeed = 77;
    Network first(spec({8, 5, 3}));
    const Matrix initial = first.weights(0);
    Trainer a(first, data, nullptr, o);
    Timeline timeline(data.rows(), 1);
    runTo(first, a, timeline, 75);
    ASSERT_EQ(timeline.checkpoints().front()->sample(), 0u);
    EXPECT_TRUE(timeline.checkpoints().front()->weights[0] == initial);

    Network replay(spec({8, 5, 3}));
    replay.initialise(3);  // whatever it held before
    Trainer r(replay, data, nullptr, o);
    restore(*timeline.checkpoints().front(), replay, r);
    r.setLearningRate(0.6);
    r.advance(75);

    TrainOptions fresh = o;
    fresh.learningRate = 0.6;
    Network reference(spec({8, 5, 3}));
    Trainer f(reference, data, nullptr, fresh);
    f.advance(75);
    EXPECT_TRUE(replay.weights(0) == reference.weights(0));
    EXPECT_TRUE(replay.weights(1) == reference.weights(1));
    EXPECT_EQ(r.progress().runningError, f.progress().runningError);
}

TEST(Timeline, ThinningKeepsTheStartTheNewestAndAnEvenSpread) {
    TimelinePolicy policy;
    Network net(spec({4, 3, 2}));
    TrainerState s;
    s.progress.samplesPerEpoch = 100;
    s.window.assign(10, 0.0);
    {
        Timeline probe(100, 1, policy);
        probe.record(net, s);
        policy.budgetBytes = 20 * probe.checkpoints().front()->bytes();  // room for 20
    }
    Timeline t(100, 1, policy);
    for (std::uint64_t sample = 0; sample <= 100 * 30; sample += 10) {  // 30 epochs, 301 due
        s.progress.samplesSeen = sample;
        t.record(net, s);
        ASSERT_LE(t.checkpoints().size(), 20u);
        ASSERT_LE(t.bytes(), policy.budgetBytes);
    }
    EXPECT_EQ(t.capacity(), 20u);
    const auto& cps = t.checkpoints();
    EXPECT_EQ(cps.front()->sample(), 0u);             // the start (for replays)
    EXPECT_EQ(cps.back()->sample(), 3000u);           // now
    EXPECT_EQ(cps[cps.size() - 2]->sample(), 2990u);  // the newest few at full density
    EXPECT_GE(t.stride(), 16u);                       // 301 slots into 20: every 16th or sparser
    for (std::size_t i = 1; i < cps.size(); ++i) {    // every stride-th slot is there: no wider gap
        EXPECT_EQ(cps[i]->sample() % 10, 0u);
        EXPECT_LE(cps[i]->sample() - cps[i - 1]->sample(), 10 * t.stride()) << cps[i]->sample();
    }
    std::size_t bytes = 0;
    for (const CheckpointPtr& c : cps) bytes += c->bytes();
    EXPECT_EQ(t.bytes(), bytes);
    // atOrBefore / nearest
    EXPECT_EQ(t.atOrBefore(2995)->sample(), 2990u);
    EXPECT_EQ(t.nearest(1)->sample(), 0u);
    EXPECT_EQ(t.nearest(99999)->sample(), 3000u);
    // a smaller budget thins at once; recording an earlier sample rewrites the future
    t.setBudget(6 * cps.front()->bytes());
    EXPECT_LE(t.checkpoints().size(), 6u);
    EXPECT_EQ(t.checkpoints().front()->sample(), 0u);
    s.progress.samplesSeen = 1500;
    t.record(net, s);
    EXPECT_EQ(t.checkpoints().back()->sample(), 1500u);
}

// The stated bound: 784-200-10 (158,800 weights), full MNIST (60,000 a epoch), 50 epochs, the
// default budget: at most 131 checkpoints, ≤ 166.6 MB, under 200 MB as measured on the heap.
TEST(Timeline, MemoryOf784x200x10Over50EpochsStaysUnder200MB) {
    Network net;  // 784-200-10
    TrainerState s;
    s.progress.samplesPerEpoch = 60000;
    s.window.assign(100, 0.0);
#if BP_MEASURE_HEAP
    const auto heap = [] {
        const struct mallinfo2 m = mallinfo2();
        return static_cast<double>(m.uordblks + m.hblkhd);  // in use: arena + mmapped chunks
    };
    const double heapBefore = heap();
    double heapPeak = 0;
#endif
    std::size_t peakBytes = 0;
    {
        Timeline t(60000, 1);
        Rng rng(1);
        for (std::uint64_t sample = 0; sample <= 50ull * 60000; sample += t.interval()) {
            s.progress.samplesSeen = sample;
            net.weights(0)(static_cast<Eigen::Index>(rng.below(200)), 0) += 1e-3;  // it moves
            t.record(net, s);
            peakBytes = std::max(peakBytes, t.bytes());
#if BP_MEASURE_HEAP
            heapPeak = std::max(heapPeak, heap() - heapBefore);
#endif
        }
        const std::size_t one = t.checkpoints().front()->bytes();
        EXPECT_GE(one, 158800u * 8);
        EXPECT_LT(one, 158800u * 8 + 4096);
        EXPECT_EQ(t.capacity(), (160u << 20) / one);
        EXPECT_EQ(t.capacity(), 131u);
        EXPECT_LE(t.checkpoints().size(), 131u);
        EXPECT_GE(t.checkpoints().size(), 100u);  // thinned, not emptied: 501 due, ~4 % kept
        EXPECT_EQ(t.checkpoints().back()->sample(), 50ull * 60000);
        RecordProperty("checkpoints", static_cast<int>(t.checkpoints().size()));
        RecordProperty("stride", static_cast<int>(t.stride()));
        std::printf(
            "784-200-10, 50 epochs: %zu checkpoints kept of 501, every %llu-th tenth of "
            "an epoch; %.1f MB accounted at most (budget %.1f MB)\n",
            t.checkpoints().size(), static_cast<unsigned long long>(t.stride()), peakBytes / 1e6,
            (160u << 20) / 1e6);
    }
    EXPECT_LE(peakBytes, 200'000'000u);
    EXPECT_LE(peakBytes, 131u * (158800u * 8 + 4096));
#if BP_MEASURE_HEAP
    {
        std::printf("heap in use at most %.1f MB above the start\n", heapPeak / 1e6);
        EXPECT_LE(heapPeak, 200e6);
        EXPECT_GE(heapPeak, 0.9 * static_cast<double>(peakBytes));  // the accounting is real
    }
#endif
}

TEST(Timeline, RestoreRefusesAnotherShapeOrWindow) {
    const Dataset data = randomDataset(10, 6, 3, 2);
    Network small(spec({6, 4, 3}));
    Trainer t(small, data, nullptr, TrainOptions{});
    Timeline timeline(data.rows(), 1);
    timeline.record(small, t.state());
    Network other(spec({6, 5, 3}));
    Trainer u(other, data, nullptr, TrainOptions{});
    EXPECT_THROW(restore(*timeline.checkpoints().front(), other, u), std::invalid_argument);
    TrainOptions w;
    w.errorWindow = 3;
    Network same(spec({6, 4, 3}));
    Trainer v(same, data, nullptr, w);
    EXPECT_THROW(restore(*timeline.checkpoints().front(), same, v), std::invalid_argument);
}
