// Timeline.h — checkpoints of a run's weights, so a student can go back to any moment of it,
// resume from there bit for bit, branch with another learning rate, or replay from the start.
//
// A checkpoint is due every tenth of an epoch, at the positions p = j·interval (j = 0, 1, …) of
// each epoch's order; with mini-batches the interval is a whole number of batches, so a
// checkpoint always falls between two batches. As the run grows the timeline thins itself so its
// memory stays under a budget:
//   slot(s)     = epoch·slotsPerEpoch + p / interval          (the checkpoint's place on the grid)
//   kept        = the first checkpoint of the run (the start), the newest `recent` ones, and
//                 those whose slot is a multiple of the stride
//   stride      = 1, 2, 4, … doubled whenever the budget would be exceeded
//   capacity    = max(2, budgetBytes / bytes of one checkpoint)
//   bytes()     ≤ capacity · bytes of one checkpoint ≤ max(budgetBytes, 2 checkpoints)
// For 784-200-10 (158,800 weights, 1.27 MB a checkpoint) and the default budget of 160 MiB that
// is 131 checkpoints, 166.6 MB at most, over any number of epochs (a test holds 50 epochs of
// 60,000 samples to it, measuring the heap).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "backprop/Network.h"
#include "backprop/Trainer.h"

namespace bp {

// The network and the trainer at one moment of a run.
struct Checkpoint {
    std::vector<Matrix> weights;  // W_0 … W_{L−1}, rows = next layer, columns = previous layer
    TrainerState trainer;         // position, running-error window, epoch sums, rate then

    std::uint64_t sample() const { return trainer.progress.samplesSeen; }
    double runningError() const { return trainer.progress.runningError; }
    double learningRate() const { return trainer.progress.learningRate; }
    std::size_t bytes() const;  // memory held: weights, error window and the structs
};

// Checkpoints are shared and never change once taken: a GUI thread may hold and read one while
// the training thread goes on (and thins the timeline, which only lets go of its reference).
using CheckpointPtr = std::shared_ptr<const Checkpoint>;

// How densely a timeline keeps checkpoints and how much memory it may use.
struct TimelinePolicy {
    std::size_t perEpoch = 10;             // checkpoints due per epoch (a tenth of one)
    std::size_t budgetBytes = 160u << 20;  // memory the checkpoints may take (160 MiB)
    std::size_t recent = 4;                // the newest ones kept whatever the thinning
};

class Timeline {
  public:
    // samplesPerEpoch and batch are the trainer's (batch 1 = per-sample updates).
    Timeline(std::uint64_t samplesPerEpoch, int batch, TimelinePolicy policy = {});

    // Samples between two due checkpoints inside an epoch (a multiple of the batch).
    std::uint64_t interval() const { return m_interval; }
    // Whether a checkpoint is due after samplesSeen samples, and the next position (> s) at
    // which one is: a trainer advanced by at most nextDue(s) − s samples stops exactly there.
    bool isDue(std::uint64_t samplesSeen) const;
    std::uint64_t nextDue(std::uint64_t samplesSeen) const;

    // Keeps a checkpoint of net's weights and the trainer's state (one at the same or a later
    // sample is dropped: the run went back), thinning the older ones first when the budget would
    // be exceeded. Returns the checkpoint taken.
    CheckpointPtr record(const Network& net, const TrainerState& state);
    // Drops every checkpoint after `sample` (resuming from an earlier one rewrites the future).
    void truncateAfter(std::uint64_t sample);
    // Sets another budget and thins at once if needed.
    void setBudget(std::size_t bytes);
    void clear();

    const std::vector<CheckpointPtr>& checkpoints() const { return m_checkpoints; }
    bool empty() const { return m_checkpoints.empty(); }
    // The latest checkpoint at or before `sample`, the one nearest to it, or null when empty.
    const Checkpoint* atOrBefore(std::uint64_t sample) const;
    const Checkpoint* nearest(std::uint64_t sample) const;

    std::size_t bytes() const { return m_bytes; }  // held by all checkpoints now
    // Most checkpoints the budget allows (known after the first record; 0 before).
    std::size_t capacity() const { return m_capacity; }
    std::uint64_t stride() const { return m_stride; }  // slots between kept older checkpoints
    const TimelinePolicy& policy() const { return m_policy; }

  private:
    bool onGrid(std::uint64_t sample) const;
    std::uint64_t slot(std::uint64_t sample) const;
    bool keeps(std::size_t index) const;  // under the current stride
    void thinTo(std::size_t count);       // until at most count checkpoints remain

    TimelinePolicy m_policy;
    std::uint64_t m_perEpoch;       // samples in an epoch
    std::uint64_t m_interval;       // samples between due checkpoints in an epoch
    std::uint64_t m_slotsPerEpoch;  // due checkpoints per epoch (⌈perEpoch / interval⌉)
    std::uint64_t m_stride = 1;     // kept older checkpoints are on slots ≡ 0 mod stride
    std::size_t m_capacity = 0;     // budget / bytes of one checkpoint (≥ 2)
    std::size_t m_bytes = 0;        // Σ bytes() of m_checkpoints
    std::vector<CheckpointPtr> m_checkpoints;  // in order of sample; [0] is the run's start
};

// Sets net's weights and trainer's position from cp. The learning rate is the caller's choice:
// trainer.setLearningRate(cp.learningRate()) resumes, another rate branches. Throws
// std::invalid_argument when cp was taken from a network of another shape.
void restore(const Checkpoint& cp, Network& net, Trainer& trainer);

}  // namespace bp
