// TrainingController.h — runs the core (Network, Stepper, Trainer) on a worker thread.
//
// The controller lives on the GUI thread; the worker (TrainingWorker.h) lives on its own QThread
// and owns the network, the stepping and the trainer. Commands are queued to the worker; the
// worker publishes values (a Snapshot, error-curve points, learning-rate marks, epoch results)
// into a mutex-protected mailbox (Mailbox.h), and a GUI-thread timer drains it at ≤ 60 Hz. So the
// views repaint on a coalescing timer and never once per sample (STYLE.md, point 6). Play's
// pace is the worker's PlayPacer, stepping its SampleStepping, snapshots SnapshotBuilder's.
//
// Stepping (SampleStepping.h). "Step phase" runs one phase of a bp::Stepper on the real network for
// the trainer's next sample. When the sample's last phase has run, the weights are put back as they
// were before the sample and bp::Trainer::advance(1) trains it again: Stepper and Trainer are
// bit-identical per sample (Stepper.h, Trainer.h), so this keeps the trainer's cursor, running
// error and epoch count exact. A sample picked in the sample browser is "pinned": stepping then
// trains that sample by hand (through the Stepper only) until Play un-pins it.
//
// Timeline. While it trains, the worker keeps a bp::Timeline of the run (a checkpoint every
// tenth of an epoch, thinned to a 160 MiB budget: ≤ 166.6 MB for 784-200-10 however long the
// run) and a bp::RunWatcher that looks at each checkpoint for trouble (Diagnosis.h). The GUI
// gets them as a RunTimeline value (timelineChanged). viewCheckpoint() makes the snapshots show
// the network as it was at a checkpoint (Snapshot::live false) without touching the live one;
// resumeFrom() continues the run from a checkpoint (bit-identical to the uninterrupted run with
// the same data order), branchFrom() starts a new run from its weights with another rate, and
// replay() a new run from the same initial weights and order with another rate.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QThread>
#include <QTimer>
#include <QVector>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "backprop/Dataset.h"
#include "backprop/Network.h"
#include "backprop/Trainer.h"
#include "training/DatasetPtr.h"
#include "training/RunTimeline.h"
#include "training/Snapshot.h"

namespace bps {

namespace detail {
struct Mailbox;
class Worker;
}  // namespace detail

class TrainingController : public QObject {
    Q_OBJECT
  public:
    // Speed of Play: samples per second; 0 = as fast as the core goes. At or below
    // kPhaseBySampleRate Play advances phase by phase so each phase is visible.
    static constexpr double kFullSpeed = 0;
    static constexpr double kPhaseBySampleRate = 2.0;
    // Snapshot rate: at most one snapshot every kSnapshotMs milliseconds (≤ 60 Hz).
    static constexpr int kSnapshotMs = 16;
    // Longest pause between snapshots when the views are slow to draw (see drain()).
    static constexpr int kMaxPaceMs = 500;

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;  // stops the worker and waits for it

    // --- commands (all return at once; the worker does the work) ---
    void play();
    void pause();
    void togglePlay();
    void stepPhase();
    void stepSample();
    void stepEpoch();
    // Re-initialises the network from the seed and rewinds the trainer: a run replays exactly.
    void reset();
    // Thread-safe and immediate: the trainer reads it atomically before every sample.
    void setLearningRate(double lr);
    void setSpeed(double samplesPerSecond);
    // Play stops at the end of the run's epoch `epochs` (a finished run goes on as many again);
    // 0, the default, = never: Play trains epoch after epoch until Pause. Applies at once.
    void setEpochLimit(int epochs);
    int epochLimit() const { return m_epochLimit; }
    // A new network (and trainer options); starts a new run. Layer 0 and the output layer are
    // fitted to the training set (inputs, labels) when one is loaded.
    // Returns false (and emits networkRefused, changing nothing) when the network fitted to
    // the data could not be built (networkProblem).
    bool setNetworkSpec(const bp::NetworkSpec& spec, const bp::TrainOptions& options);
    // New data; test may be null. Keeps the trained network when its shape still fits the data
    // (a new test set does not throw away the weights); the trainer starts a new run. Returns
    // false (and emits networkRefused, keeping the data and network of now) when the network
    // fitted to train could not be built.
    bool setDatasets(DatasetPtr train, DatasetPtr test);
    // A new training set while a trained network exists, as the person answered: keep the
    // trained network (its counters go on from the samples it has seen, and the run's label says
    // it was kept: keptSamples()) or make a new one from the seed (counters from 0).
    enum class OnNewData { KeepTrained, NewNetwork };
    bool setDatasets(DatasetPtr train, DatasetPtr test, OnNewData answer);
    // Samples the current run's network had been trained on before this training set was
    // loaded with KeepTrained (0: not a kept network).
    std::uint64_t keptSamples() const { return m_kept; }
    // spec with its input and output layers fitted to train (as a run does), and why a network
    // of that shape cannot be built (too many weights for memory, a layer too large), naming
    // train's file; empty when it can.
    static bp::NetworkSpec fitted(bp::NetworkSpec spec, const DatasetPtr& train);
    static QString networkProblem(const bp::NetworkSpec& spec, const DatasetPtr& train);
    // A network read from a file (session or model) with its weights: the weights are kept
    // (if its shape fits the data) and a new run starts on them. samplesSeen > 0 continues a
    // saved run instead: the trainer resumes at that sample (same epoch, same place in the
    // epoch's order), so the run's curve and epoch count go on where the file left them;
    // runningError (> 0) is the run's last running error, where its curve goes on from.
    bool loadNetwork(const bp::Network& net, const bp::TrainOptions& options,
                     std::uint64_t samplesSeen = 0, double runningError = 0.0);
    // Makes sample i of the training set the current sample for stepping (−1 un-pins).
    void selectSample(long i);

    // --- the timeline (RunTimeline.h); checkpoints are named by their sample ---
    // The views show the checkpoint taken at `sample` (Play pauses); the live network is kept.
    void viewCheckpoint(std::uint64_t sample);
    void viewLive();  // the views show the live network again
    // Training continues from the checkpoint at `sample` with the rate it had then; the run's
    // later checkpoints and curve are dropped (runRewound). False if there is no such checkpoint.
    bool resumeFrom(std::uint64_t sample);
    // A new run from the checkpoint's weights and place in the run, at rate lr (the first run
    // stays on the chart beside it).
    bool branchFrom(std::uint64_t sample, double lr);
    // A new run from the same initial weights and sample order at rate lr.
    void replay(double lr);
    RunTimelinePtr timeline() const { return m_timeline; }

    // --- state as last published by the worker (GUI thread) ---
    SnapshotPtr lastSnapshot() const { return m_last; }
    bool isPlaying() const { return m_playing; }
    double learningRate() const;
    double speed() const { return m_speed; }
    bp::NetworkSpec spec() const { return m_spec; }
    bp::TrainOptions options() const { return m_options; }
    DatasetPtr trainingSet() const { return m_train; }
    DatasetPtr testSet() const { return m_test; }
    // True once the current network has been trained on at least one sample.
    bool isTrained() const { return m_last && m_last->samplesSeen > 0; }
    // A short label for the current run: learning rate, shape, epochs (for the error chart).
    QString runLabel() const;
    // Blocks until the worker has handled every command sent so far and its results are
    // published (for tests and for a clean "export now").
    void sync();
    // The GUI-side drain timer runs: only while the worker has posted something not yet taken.
    bool isDraining() const { return m_drainTimer.isActive(); }

  signals:
    void snapshotReady(bps::SnapshotPtr snapshot);
    // New points of the running error: x = samples seen, y = mean Σ(T−O)² of the last N.
    void errorPoints(const QVector<QPointF>& points);
    // The learning rate changed to lr before sample samplesSeen + 1.
    void learningRateMarked(double samplesSeen, double lr);
    // An epoch ended; testAccuracy is NaN without a test set.
    void epochFinished(int epoch, double samplesSeen, double meanError, double testAccuracy,
                       double seconds);
    void playingChanged(bool playing);
    // A new run starts (Reset, new network, new data): label describes the run that starts.
    void runStarted(const QString& label);
    // Predicted label of the first samples of the training set (after epochs and pauses).
    void predictionsReady(bps::PredictionsPtr predictions);
    // Training stopped on an error (divergence): a sentence for a dialog.
    void trainingFailed(const QString& message);
    // A network or data set was refused before anything was allocated (networkProblem).
    void networkRefused(const QString& message);
    // Samples trained per second of playing, measured by the worker (0 when idle).
    void throughput(double samplesPerSecond);
    // The run's checkpoints or its diagnosis changed.
    void timelineChanged(bps::RunTimelinePtr timeline);
    // The current run went back to samplesSeen (resumeFrom): later points are no longer its.
    void runRewound(double samplesSeen);
    // The controller set the learning rate itself (resume, branch, replay): for the controls.
    void learningRateSet(double lr);

  private:
    void drain();
    void wakeDrain();  // the worker posted into a mailbox the timer had found empty
    void post(std::function<void(detail::Worker&)> command);
    // keepNetwork: keep the weights if the shape still fits; resumeAt: continue a saved run
    // from: a branch's checkpoint (its weights and trainer state)
    void startRun(bool keepNetwork, std::uint64_t resumeAt = 0, double resumeError = 0.0,
                  bp::CheckpointPtr from = nullptr);

    QThread m_thread;                         // runs the worker's event loop
    detail::Worker* m_worker = nullptr;       // lives on m_thread; deleted when it finishes
    std::shared_ptr<detail::Mailbox> m_mail;  // worker → GUI values, and the live trainer
    QTimer m_drainTimer;                      // GUI-thread coalescing timer, runs while awake
    QElapsedTimer m_drainClock;               // time between two drains (GUI busy time)
    SnapshotPtr m_last;                       // last snapshot emitted
    bool m_playing = false;                   // as last reported by the worker
    double m_speed = kFullSpeed;              // samples/s of Play (0 = full speed)
    int m_epochLimit = 0;                     // Play stops after this many epochs, 0 = never
    std::uint64_t m_kept = 0;                 // keptSamples() of the current run
    std::uint64_t m_nextKept = 0;             // the next run's (set by setDatasets' answer)
    std::uint64_t m_branchAt = 0;             // the current run branched at this sample, 0 not
    RunTimelinePtr m_timeline;                // last timeline published by the worker
    bp::NetworkSpec m_spec;                   // spec of the current network (fitted to data)
    bp::TrainOptions m_options;               // options of the current trainer
    DatasetPtr m_train, m_test;               // current data (shared, read-only)
    unsigned m_generation = 0;                // run number: stale mailbox items are dropped
};

}  // namespace bps
