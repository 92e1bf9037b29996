// TrainingWorker.h — the object on the training thread that owns the core objects of a run.
//
// It holds the network, the trainer and the run's timeline, and takes the controller's commands
// (queued to its thread). Its jobs each have their own part: Play's pace (PlayPacer), Step phase
// and Step sample (SampleStepping), the snapshot's network values (SnapshotBuilder); what it
// hands the GUI thread goes into the Mailbox. Every method runs on the worker's thread.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QTimer>
#include <QVector>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backprop/Diagnosis.h"
#include "backprop/Network.h"
#include "backprop/Timeline.h"
#include "backprop/Trainer.h"
#include "training/DatasetPtr.h"
#include "training/Mailbox.h"
#include "training/PlayPacer.h"
#include "training/SampleStepping.h"

namespace bps::detail {

class Worker : public QObject {
  public:
    explicit Worker(std::shared_ptr<Mailbox> mail);
    ~Worker() override;

    // --- the run ---
    // A new run: network (kept if keepNetwork and the spec is unchanged), trainer, stepping.
    // resumeAt > 0: the kept network had been trained on that many samples of this training
    // set (a session's run): the trainer continues from there (bp::Trainer::resumeAt).
    // from: a branch, the run starts at that checkpoint's weights and place in the run.
    void rebuild(const bp::NetworkSpec& spec, const bp::TrainOptions& options, DatasetPtr train,
                 DatasetPtr test, unsigned generation, bool keepNetwork, std::uint64_t resumeAt = 0,
                 double resumeError = 0.0, bp::CheckpointPtr from = nullptr);
    // Takes a copy of net as the network; the rebuild that follows keeps it.
    void adopt(const bp::Network& net);
    void noop() {}

    // --- Play ---
    void play(bool toEpochEnd);  // toEpochEnd: Step epoch (Play to the end of this epoch)
    void pause();
    void setSpeed(double samplesPerSecond);
    void setEpochLimit(int epochs);  // Play stops after `epochs` epochs of the run; 0 = never

    // --- stepping ---
    void selectSample(long i);  // pins sample i of the training set (−1 un-pins)
    void stepPhase();
    void stepSample();

    // --- the timeline ---
    // Shows the checkpoint at `sample` instead of the live network (pauses Play first); the
    // live network and the trainer are untouched. An unknown sample shows the live network.
    void view(std::uint64_t sample);
    void viewLive();
    // Training continues from the checkpoint at `sample` with its learning rate (the controller
    // set it): its weights and trainer state are put back, the checkpoints, observations and
    // curve after it are dropped. The same data order then gives the uninterrupted run's bits.
    void resume(std::uint64_t sample);

  private:
    bp::CheckpointPtr find(std::uint64_t sample) const;  // this run's checkpoint there, or null
    int epochsDoneAt(std::uint64_t sample) const;
    void checkpoint();                          // keeps one now and looks at it for trouble
    std::size_t advanceTrainer(std::size_t n);  // trains n samples, taking due checkpoints
    void trainStepped();                        // the stepped sample, trained by the trainer
    double learningRate() const;
    bool onSample(const bp::TrainProgress& p);  // error points and learning-rate marks
    void markLearningRate(double lr);           // a rate change made while stepping
    long trainerNextSample() const;             // −1 without a trainer
    void stepPhaseOnce();
    void setPlaying(bool on);
    void configureTimer();
    void tick();
    void fail(const std::string& message);
    void publish();   // a snapshot of now, with the pending curve values, state and failure
    void putState();  // the pending Play state and failure into the mailbox (its mutex held)
    void publishPredictions();           // the browser's predictions of the network shown
    const bp::Network& viewedNetwork();  // a network with the viewed checkpoint's weights
    const bp::Network& shownNetwork() { return m_viewed ? viewedNetwork() : *m_net; }

    std::shared_ptr<Mailbox> m_mail;             // shared with the controller
    QTimer m_tick;                               // drives Play on this thread
    DatasetPtr m_train, m_test;                  // data the trainer reads
    bp::TrainOptions m_options;                  // epochs, batch, shuffle, error window
    std::unique_ptr<bp::Network> m_net;          // the network being trained
    std::unique_ptr<bp::Trainer> m_trainer;      // cursor over the training set (null without data)
    std::unique_ptr<SampleStepping> m_stepping;  // Step phase / Step sample on m_net
    std::unique_ptr<bp::Timeline> m_timeline;    // checkpoints of this run (null without data)
    std::unique_ptr<bp::RunWatcher> m_watcher;   // looks at each checkpoint for trouble
    bp::CheckpointPtr m_viewed;                  // checkpoint the views show, null = live
    std::unique_ptr<bp::Network> m_scratch;      // the viewed checkpoint's weights (viewedNetwork)
    bp::CheckpointPtr m_scratchOf;               // the checkpoint m_scratch holds
    bool m_timelineDirty = false;                // checkpoints or trouble not yet published
    PlayPacer m_pacer;                           // Play's pace and the epoch it stops after
    bool m_playing = false;                      // Play is on
    int m_epochsDone = 0;                        // epochs finished in this run
    QElapsedTimer m_sincePublish;                // time since the last snapshot
    QElapsedTimer m_playClock;                   // time since Play
    std::uint64_t m_playStartSeen = 0;           // samples seen when Play started
    std::uint64_t m_pointEvery = 1;              // one error point every this many samples
    double m_lastLr = 0;                         // rate of the last sample (for the marks)
    QVector<QPointF> m_points;                   // error points not yet published
    std::vector<std::pair<double, double>> m_lrMarks;  // marks not yet published
    std::vector<EpochMark> m_epochs;                   // epochs not yet published
    int m_playingToPost = -1;                          // Play state not yet posted, −1 none
    std::string m_failure;                             // divergence message not yet posted
};

}  // namespace bps::detail
