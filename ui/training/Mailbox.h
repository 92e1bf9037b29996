// Mailbox.h — the values the training worker hands the GUI thread, and what the GUI thread
// reaches across: the live trainer (for the learning rate) and the rate itself.
#pragma once

#include <QMutex>
#include <QPointF>
#include <QString>
#include <QVector>
#include <atomic>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "backprop/Trainer.h"
#include "training/RunTimeline.h"
#include "training/Snapshot.h"

namespace bps {

namespace detail {

// An epoch result with the samples seen when it ended (x position on the error chart).
struct EpochMark {
    bp::EpochResult result;  // epoch, mean error, test accuracy, seconds
    double samplesSeen = 0;  // samples seen since the run started
};

// Values travelling worker → GUI thread. Everything is guarded by `mutex`, except the live
// trainer pointer (guarded by trainerMutex) and the learning rate (atomic).
struct Mailbox {
    QMutex mutex;
    unsigned generation = 0;                         // run the items belong to
    SnapshotPtr snapshot;                            // newest snapshot, if not yet taken
    QVector<QPointF> points;                         // new running-error points
    std::vector<std::pair<double, double>> lrMarks;  // (samples seen, new rate)
    std::vector<EpochMark> epochs;                   // epochs ended since the last drain
    int playing = -1;                                // −1 unchanged, else 0/1
    PredictionsPtr predictions;                      // newest predictions, if not yet taken
    QString failure;                                 // divergence message, if any
    double throughput = -1;                          // samples/s while playing, −1 unchanged
    RunTimelinePtr timeline;                         // newest timeline, if not yet taken
    double rewoundTo = -1;                           // the run went back to this sample, −1 not
    // The GUI thread drains only while there is something to drain: a writer calls posted()
    // (holding `mutex`) after it put something here, which wakes the drain timer if it sleeps.
    bool drainAwake = false;     // the drain timer runs, or a wake is on its way
    std::function<void()> wake;  // queues the wake to the GUI thread (set before the worker runs)
    void posted() {
        if (drainAwake) return;
        drainAwake = true;
        if (wake) wake();
    }

    QMutex trainerMutex;
    bp::Trainer* trainer = nullptr;         // the worker's trainer (for the learning rate)
    std::atomic<double> learningRate{0.1};  // α for new trainers and for stepping
};

}  // namespace detail
}  // namespace bps
