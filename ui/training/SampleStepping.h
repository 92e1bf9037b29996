// SampleStepping.h — Step phase and Step sample on the worker's network (the worker's stepping).
//
// A bp::Stepper runs the phases of one sample on the real network. For the trainer's next
// sample, when its last phase has run the weights are put back as they were before it and the
// trainer trains it (Stepper and Trainer are bit-identical per sample), so the trainer's cursor,
// running error and epoch stay exact. A sample picked in the sample browser is "pinned": it is
// stepped by hand (through the Stepper only) until Play un-pins it.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "backprop/Dataset.h"
#include "backprop/Network.h"
#include "backprop/Stepper.h"

namespace bps::detail {

class SampleStepping {
  public:
    // Trains the trainer's next sample on the trainer (the stepped weights were put back).
    using TrainOnTrainer = std::function<void()>;

    explicit SampleStepping(bp::Network& net);  // net outlives this

    void pin(long i) { m_pinned = i; }  // −1 un-pins
    long pinned() const { return m_pinned; }
    // The sample shown and stepped now: the pinned one, else the trainer's next (−1: none).
    long current(long trainerNext) const { return m_pinned >= 0 ? m_pinned : trainerNext; }

    // One phase of the current sample (started if none is half done); false without a sample.
    bool stepPhase(const bp::Dataset& data, long trainerNext, double lr, const TrainOnTrainer& t);
    // Every phase left of the current sample.
    bool stepSample(const bp::Dataset& data, long trainerNext, double lr, const TrainOnTrainer& t);
    bool halfDone() const;  // a sample has started and not finished
    // A step has a sample: a half-done one, or a current one (the pinned or the trainer's next).
    bool canStep(long trainerNext) const { return halfDone() || current(trainerNext) >= 0; }
    // Finishes a half-done sample (so the trainer owns the network again, e.g. before Play).
    void completeHalf(double lr, const TrainOnTrainer& t);
    // Forgets a half-done sample without training it (the weights are replaced, e.g. resume).
    void drop();

    // Snapshots show the stepper's values (after a step) until hide() (Play, a new pin).
    bool showing() const { return m_showing && m_stepper->hasSample(); }
    void hide() { m_showing = false; }
    const bp::Stepper& stepper() const { return *m_stepper; }
    long index() const { return m_index; }  // training-set index of the stepper's sample

  private:
    bool start(const bp::Dataset& data, long trainerNext);  // a sample, if none is half done
    void complete(double lr, const TrainOnTrainer& t);      // the sample's phases have all run

    bp::Network& m_net;
    std::unique_ptr<bp::Stepper> m_stepper;  // phase-by-phase step on m_net
    std::vector<bp::Matrix> m_before;        // weights before the trainer's sample was stepped
    long m_index = -1;                       // training-set index the stepper holds
    bool m_fromTrainer = false;              // that sample is the trainer's next one
    bool m_showing = false;                  // snapshots show the stepper's values
    long m_pinned = -1;                      // sample picked in the browser, −1 none
};

}  // namespace bps::detail
