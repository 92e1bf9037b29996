// PlayPacer.h — how fast and how long Play trains (the worker's pacing, on the worker's thread).
//
// The pace is samples per second (0 = as fast as the core goes). At or below
// TrainingController::kPhaseBySampleRate Play runs phase by phase, one timer tick a phase. Above
// it, a timer at the snapshot rate trains the samples owed since the last tick (the budget). At
// full speed each tick trains a slice whose size is adapted to take about kSliceMs, so the
// worker's event loop (new rates, Pause) turns between slices. Play stops at the end of an
// epoch: the next one for Step epoch, else the "stop after N epochs" limit (0: never).
#pragma once

#include <QElapsedTimer>
#include <cstddef>
#include <limits>

#include "backprop/Trainer.h"

namespace bps::detail {

class PlayPacer {
  public:
    static constexpr double kSliceMs = 12.0;  // full speed: one slice's time between turns
    static constexpr int kNever = std::numeric_limits<int>::max();  // no epoch to stop after

    void setSpeed(double samplesPerSecond);
    double speed() const { return m_speed; }
    // Play stops after `epochs` epochs of the run; 0 = never. epochsDone: the run's now.
    void setEpochLimit(int epochs, int epochsDone);

    // Play starts (toEpochEnd: by Step epoch) with `epochsDone` epochs of the run done.
    void start(bool toEpochEnd, int epochsDone);
    bool toEpochEnd() const { return m_toEpochEnd; }
    // The pace a snapshot reports: samples/s, 0 = full speed (Step epoch is full speed).
    double pace() const { return m_toEpochEnd ? 0 : m_speed; }
    bool phaseByPhase() const;
    // The interval of Play's timer, for a network whose step has `phases` phases.
    int timerMs(std::size_t phases) const;
    // At least this long between two snapshots while training.
    int publishMs() const;

    // The samples to train in this tick: the budget at a limited pace, the slice at full speed;
    // never past the end of the epoch Play stops after.
    std::size_t samplesNow(const bp::TrainProgress& p, int epochsDone);
    // The tick's training took `ms`: at full speed the slice is doubled or halved toward kSliceMs.
    void sliceTook(double ms);
    // Play has trained every epoch it should.
    bool done(int epochsDone) const { return epochsDone >= m_stopAfter; }
    int stopAfter() const { return m_stopAfter; }  // the epoch count Play stops at

  private:
    void plan(int epochsDone);  // m_stopAfter from how Play started and the limit now
    bool limited() const { return m_speed > 0 && !m_toEpochEnd; }

    double m_speed = 0;           // samples/s, 0 = full speed
    bool m_toEpochEnd = false;    // Play was started by Step epoch
    int m_epochLimit = 0;         // "stop after N epochs", 0 = until Pause
    int m_playFromEpochs = 0;     // epochs done when Play was pressed
    int m_stopAfter = 1;          // Play stops when the run's epochs done reach it
    std::size_t m_chunk = 32;     // samples per full-speed slice (adaptive)
    double m_budget = 0;          // samples owed at a limited pace
    QElapsedTimer m_budgetClock;  // time since the budget was last topped up
};

}  // namespace bps::detail
