// PlayPacer.cpp — Play's pace, slices and the epoch it stops after.
#include "training/PlayPacer.h"

#include <algorithm>

#include "training/TrainingController.h"

namespace bps::detail {

void PlayPacer::setSpeed(double samplesPerSecond) {
    m_speed = std::max(0.0, samplesPerSecond);
}

void PlayPacer::setEpochLimit(int epochs, int epochsDone) {
    m_epochLimit = std::max(0, epochs);
    plan(epochsDone);
}

void PlayPacer::start(bool toEpochEnd, int epochsDone) {
    m_toEpochEnd = toEpochEnd;
    m_playFromEpochs = epochsDone;
    m_budget = 0;
    m_budgetClock.start();
    plan(epochsDone);
}

void PlayPacer::plan(int epochsDone) {
    if (m_toEpochEnd) {
        m_stopAfter = m_playFromEpochs + 1;
    } else if (m_epochLimit == 0) {
        m_stopAfter = kNever;
    } else if (m_playFromEpochs >= m_epochLimit) {
        m_stopAfter = m_playFromEpochs + m_epochLimit;  // a finished run goes on as long again
    } else {
        m_stopAfter = m_epochLimit;
    }
    // A limit lowered below the epoch being trained ends that epoch, not the one before.
    if (m_stopAfter != kNever) m_stopAfter = std::max(m_stopAfter, epochsDone + 1);
}

bool PlayPacer::phaseByPhase() const {
    return limited() && m_speed <= TrainingController::kPhaseBySampleRate;
}

int PlayPacer::timerMs(std::size_t phases) const {
    if (phaseByPhase())
        return static_cast<int>(std::max(
            1.0, 1000.0 / (m_speed * static_cast<double>(std::max<std::size_t>(1, phases)))));
    return limited() ? TrainingController::kSnapshotMs : 0;
}

int PlayPacer::publishMs() const {
    // At full speed 30 snapshots a second: each costs the GUI thread a repaint of the whole
    // network, and that time is taken from the two cores training shares.
    return limited() ? TrainingController::kSnapshotMs : 2 * TrainingController::kSnapshotMs;
}

std::size_t PlayPacer::samplesNow(const bp::TrainProgress& p, int epochsDone) {
    std::size_t want = m_chunk;
    if (limited()) {
        m_budget += m_speed * static_cast<double>(m_budgetClock.nsecsElapsed()) / 1e9;
        m_budgetClock.restart();
        want = static_cast<std::size_t>(m_budget);
        m_budget -= static_cast<double>(want);
        m_budget = std::min(m_budget, 1.0);
    }
    if (m_stopAfter != kNever) {  // never past the end of the last epoch Play should run
        const std::size_t inEpoch = std::min(p.sampleInEpoch, p.samplesPerEpoch);
        const std::size_t left =
            static_cast<std::size_t>(std::max(0, m_stopAfter - epochsDone - 1)) *
                p.samplesPerEpoch +
            (p.samplesPerEpoch - inEpoch);
        want = std::min(want, left);
    }
    return want;
}

void PlayPacer::sliceTook(double ms) {
    if (limited()) return;
    if (ms < kSliceMs / 2 && m_chunk < (1u << 20)) m_chunk *= 2;
    if (ms > kSliceMs * 2 && m_chunk > 1) m_chunk /= 2;
}

}  // namespace bps::detail
