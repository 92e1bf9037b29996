// TrainRun.h — one whole training run of a fresh network, for the lessons that compare runs
// (learning-rate sweep, augmentation): the same network spec and seed, a bp::Trainer over whole
// epochs, the test accuracy of the last epoch, and the running error sampled along the way.
// Plain C++ (runs on worker threads); cancellation through an atomic flag.
#pragma once

#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "backprop/Dataset.h"
#include "backprop/Network.h"
#include "backprop/Trainer.h"

namespace bps::lessons {

struct RunSettings {
    bp::NetworkSpec spec;         // layers, activations, seed of the initial weights
    bp::TrainOptions options;     // learning rate, epochs (batch 1, file order: the book's way)
    std::size_t errorEvery = 50;  // record the running error every this many samples
};

struct RunOutcome {
    double accuracy = std::numeric_limits<double>::quiet_NaN();  // test accuracy, last epoch
    std::vector<std::pair<double, double>> error;                // (samples seen, running error)
    std::vector<std::pair<double, double>> accuracyPerEpoch;     // (samples seen, accuracy 0 … 1)
    bool cancelled = false;
    bool diverged = false;
};

// Trains a new network from settings on train, measuring on test after each epoch. `done` is
// increased by one per sample (for a progress bar); the run stops early when cancel is set.
inline RunOutcome trainRun(const RunSettings& settings, const bp::Dataset& train,
                           const bp::Dataset& test, const std::atomic<bool>* cancel,
                           std::atomic<std::uint64_t>* done) {
    RunOutcome out;
    bp::Network net(settings.spec);
    bp::Trainer trainer(net, train, &test, settings.options);
    trainer.onProgress([&](const bp::TrainProgress& p) {
        if (done) done->fetch_add(1, std::memory_order_relaxed);
        if (settings.errorEvery > 0 && p.samplesSeen % settings.errorEvery == 0)
            out.error.emplace_back(static_cast<double>(p.samplesSeen), p.runningError);
        return !(cancel && cancel->load(std::memory_order_relaxed));
    });
    trainer.onEpoch([&](const bp::EpochResult& r) {
        out.accuracyPerEpoch.emplace_back(static_cast<double>(trainer.progress().samplesSeen),
                                          r.testAccuracy);
    });
    try {
        const std::vector<bp::EpochResult> results = trainer.run();
        if (cancel && cancel->load()) {
            out.cancelled = true;
            return out;
        }
        if (!results.empty()) out.accuracy = results.back().testAccuracy;
    } catch (const bp::DivergenceError&) {
        out.diverged = true;
    }
    return out;
}

}  // namespace bps::lessons
