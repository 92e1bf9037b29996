// TrainingController.cpp — the worker that owns the core objects, and the GUI-side mailbox drain.
#include "training/TrainingController.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QMutex>
#include <QMutexLocker>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

#include "backprop/Diagnosis.h"
#include "backprop/Stepper.h"
#include "backprop/Timeline.h"
#include "training/SnapshotBuilder.h"

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

    QMutex trainerMutex;
    bp::Trainer* trainer = nullptr;         // the worker's trainer (for the learning rate)
    std::atomic<double> learningRate{0.1};  // α for new trainers and for stepping
};

namespace {

// Predictions are computed for at most this many training samples (the browser's first pages).
constexpr std::size_t kMaxPredictions = 2000;
// Play at full speed trains in slices of about this many milliseconds between event-loop turns.
constexpr double kSliceMs = 12.0;

bool sameShape(const bp::NetworkSpec& a, const bp::NetworkSpec& b) {
    return a.layers == b.layers && a.hidden == b.hidden && a.output == b.output &&
           a.bias == b.bias && a.rule == b.rule && a.seed == b.seed;
}

}  // namespace

// Lives on the controller's thread; every method runs there.
class Worker : public QObject {
  public:
    explicit Worker(std::shared_ptr<Mailbox> mail) : m_mail(std::move(mail)), m_tick(this) {
        m_tick.setTimerType(Qt::PreciseTimer);
        connect(&m_tick, &QTimer::timeout, this, [this] { tick(); });
    }

    // A new run: network (kept if keepNetwork and the spec is unchanged), trainer, stepper.
    // resumeAt > 0: the kept network had been trained on that many samples of this training
    // set (a session's run): the trainer continues from there (bp::Trainer::resumeAt).
    void rebuild(const bp::NetworkSpec& spec, const bp::TrainOptions& options, DatasetPtr train,
                 DatasetPtr test, unsigned generation, bool keepNetwork, std::uint64_t resumeAt = 0,
                 double resumeError = 0.0, bp::CheckpointPtr from = nullptr) {
        setPlaying(false);
        {
            QMutexLocker lock(&m_mail->trainerMutex);
            m_mail->trainer = nullptr;
        }
        m_stepper.reset();
        m_trainer.reset();
        m_timeline.reset();
        m_watcher.reset();
        m_viewed.reset();
        m_train = std::move(train);
        m_test = std::move(test);
        m_options = options;
        if (!keepNetwork || !m_net || !sameShape(m_net->spec(), spec)) {
            m_net = std::make_unique<bp::Network>(spec);
            resumeAt = 0;  // new weights: nothing to continue
        }
        m_stepper = std::make_unique<bp::Stepper>(*m_net);
        m_stepIndex = -1;
        m_stepFromTrainer = false;
        m_showStepper = false;
        m_pinned = -1;
        m_epochsDone = 0;
        m_points.clear();
        m_lrMarks.clear();
        m_epochs.clear();
        // The run was announced (its label, the chart's start) with options.learningRate; a
        // change the person made since, before the worker got here, is marked at the first
        // sample trained, as any other change.
        const double lr = m_mail->learningRate.load();
        m_lastLr = options.learningRate;
        if (m_train && !m_train->empty()) {
            bp::TrainOptions o = m_options;
            o.learningRate = lr;
            m_trainer = std::make_unique<bp::Trainer>(*m_net, *m_train, m_test.get(), o);
            if (from) {  // a branch: the weights and the place in the run of a checkpoint
                bp::restore(*from, *m_net, *m_trainer);
                m_epochsDone = epochsDoneAt(from->sample());
            } else if (resumeAt > 0) {
                m_trainer->resumeAt(resumeAt, resumeError);
                m_epochsDone = m_trainer->progress().epoch - 1;
            }
            m_trainer->onProgress([this](const bp::TrainProgress& p) { return onSample(p); });
            m_trainer->onEpoch([this](const bp::EpochResult& r) {
                ++m_epochsDone;
                m_epochs.push_back({r, static_cast<double>(m_trainer->progress().samplesSeen)});
            });
            m_pointEvery = std::max<std::uint64_t>(1, m_train->rows() / 1000);
            m_timeline = std::make_unique<bp::Timeline>(m_train->rows(), std::max(1, o.batch));
            m_watcher = std::make_unique<bp::RunWatcher>(*m_train, m_net->spec());
            checkpoint();  // the run's start
            QMutexLocker lock(&m_mail->trainerMutex);
            m_mail->trainer = m_trainer.get();
            // A change made while the trainer was built (it found no trainer to set) reaches it.
            m_trainer->setLearningRate(m_mail->learningRate.load());
        }
        {
            QMutexLocker lock(&m_mail->mutex);
            m_mail->generation = generation;
            m_mail->snapshot.reset();
            m_mail->points.clear();
            m_mail->lrMarks.clear();
            m_mail->epochs.clear();
            m_mail->predictions.reset();
            m_mail->failure.clear();
            m_mail->playing = 0;
            m_mail->timeline.reset();
            m_mail->rewoundTo = -1;
        }
        publish();
        publishPredictions();
    }

    void play(bool toEpochEnd) {
        if (!m_trainer) return;
        m_viewed.reset();  // training goes on with the live network
        m_pinned = -1;
        m_toEpochEnd = toEpochEnd;
        m_playFromEpochs = m_epochsDone;
        planStop();
        setPlaying(true);
    }

    // Play stops after `epochs` epochs of the run; 0 = never (Play trains until Pause).
    void setEpochLimit(int epochs) {
        m_epochLimit = std::max(0, epochs);
        if (m_playing) planStop();
    }

    void pause() {
        if (!m_playing) return;
        setPlaying(false);
        publishPredictions();
    }

    void setSpeed(double samplesPerSecond) {
        m_speed = std::max(0.0, samplesPerSecond);
        if (m_playing) configureTimer();
    }

    void selectSample(long i) {
        if (!m_train || i < 0 || static_cast<std::size_t>(i) >= m_train->rows()) i = -1;
        if (m_stepper && m_stepper->started() && !m_stepper->finished()) completeSample();
        m_pinned = i;
        m_showStepper = false;
        publish();
    }

    void stepPhase() {
        m_viewed.reset();
        if (m_playing) setPlaying(false);
        try {
            stepPhaseOnce();
        } catch (const bp::DivergenceError& e) {
            fail(e.what());
        }
        publish();
    }

    void stepSample() {
        m_viewed.reset();
        if (m_playing) setPlaying(false);
        try {
            if (!startSampleIfNeeded()) return;
            const double lr = learningRate();
            markLearningRate(lr);
            m_stepper->finish(lr);
            m_showStepper = true;
            completeSample();
        } catch (const bp::DivergenceError& e) {
            fail(e.what());
        }
        publish();
    }

    // Finishes a half-stepped sample so the trainer owns the network again (before Play).
    void completeHalfSample() {
        if (m_stepper && m_stepper->hasSample() && m_stepper->started() && !m_stepper->finished()) {
            const double lr = learningRate();
            m_stepper->finish(lr);
            completeSample();
        }
    }

    // Takes a copy of net as the network; the rebuild that follows keeps it.
    void adopt(const bp::Network& net) {
        setPlaying(false);
        {
            QMutexLocker lock(&m_mail->trainerMutex);
            m_mail->trainer = nullptr;
        }
        m_stepper.reset();  // both refer to the old network
        m_trainer.reset();
        m_net = std::make_unique<bp::Network>(net);
    }

    void noop() {}

    // Shows the checkpoint at `sample` instead of the live network (pauses Play first); the
    // live network and the trainer are untouched. An unknown sample shows the live network.
    void view(std::uint64_t sample) {
        if (m_playing) setPlaying(false);
        m_viewed = find(sample);
        publish();
        publishPredictions();
    }

    void viewLive() {
        if (!m_viewed) return;
        m_viewed.reset();
        publish();
        publishPredictions();
    }

    // Training continues from the checkpoint at `sample` with its learning rate (the controller
    // set it): its weights and trainer state are put back, the checkpoints, observations and
    // curve after it are dropped. The same data order then gives the uninterrupted run's bits.
    void resume(std::uint64_t sample) {
        const bp::CheckpointPtr cp = find(sample);
        if (!cp || !m_trainer) return;
        if (m_playing) setPlaying(false);
        if (m_stepper) m_stepper = std::make_unique<bp::Stepper>(*m_net);  // drop a half step
        m_showStepper = false;
        m_stepFromTrainer = false;
        m_viewed.reset();
        bp::restore(*cp, *m_net, *m_trainer);
        m_epochsDone = epochsDoneAt(cp->sample());
        m_lastLr = m_trainer->learningRate();
        m_timeline->truncateAfter(cp->sample());
        m_watcher->truncateAfter(cp->sample());
        m_timelineDirty = true;
        const auto x = static_cast<double>(cp->sample());
        auto later = [x](const QPointF& p) { return p.x() > x; };
        m_points.erase(std::remove_if(m_points.begin(), m_points.end(), later), m_points.end());
        m_epochs.clear();
        m_lrMarks.clear();
        {
            QMutexLocker lock(&m_mail->mutex);
            m_mail->points.erase(
                std::remove_if(m_mail->points.begin(), m_mail->points.end(), later),
                m_mail->points.end());
            m_mail->epochs.clear();
            m_mail->lrMarks.clear();
            m_mail->rewoundTo = x;
        }
        publish();
        publishPredictions();
    }

  private:
    // The checkpoint of this run at `sample`, null if the timeline has none there.
    bp::CheckpointPtr find(std::uint64_t sample) const {
        if (!m_timeline) return nullptr;
        for (const auto& c : m_timeline->checkpoints())
            if (c->sample() == sample) return c;
        return nullptr;
    }

    int epochsDoneAt(std::uint64_t sample) const {
        return static_cast<int>(sample / std::max<std::size_t>(1, m_train->rows()));
    }

    // Keeps a checkpoint of the network now and looks at it for trouble (Diagnosis.h). Between
    // two advance() calls only: the trainer's W_0 is whole then.
    void checkpoint() {
        m_timeline->record(*m_net, m_trainer->state());
        m_watcher->observe(*m_net, m_trainer->progress());
        m_timelineDirty = true;
    }

    // Trains up to n samples, stopping at every due checkpoint to take it. Throws
    // DivergenceError (the watcher is told in fail()).
    std::size_t advanceTrainer(std::size_t n) {
        std::size_t done = 0;
        while (done < n) {
            const std::uint64_t s = m_trainer->progress().samplesSeen;
            const std::uint64_t step =
                std::min<std::uint64_t>(n - done, m_timeline->nextDue(s) - s);
            const std::size_t got = m_trainer->advance(static_cast<std::size_t>(step));
            done += got;
            const std::uint64_t now = m_trainer->progress().samplesSeen;
            if (now != s && m_timeline->isDue(now)) checkpoint();
            if (got < step) break;  // cancelled
        }
        return done;
    }

    // Sets m_stopAfter from how Play was started and the epoch limit now.
    void planStop() {
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
        m_stopAfter = std::max(m_stopAfter, m_epochsDone + 1);
    }

    double learningRate() const {
        return m_trainer ? m_trainer->learningRate() : m_mail->learningRate.load();
    }

    // Called by the trainer after every sample: error points and learning-rate marks.
    bool onSample(const bp::TrainProgress& p) {
        if (p.learningRate != m_lastLr) {
            m_lrMarks.emplace_back(static_cast<double>(p.samplesSeen - 1), p.learningRate);
            m_lastLr = p.learningRate;
        }
        if (p.samplesSeen % m_pointEvery == 0) {
            m_points.append(QPointF(static_cast<double>(p.samplesSeen), p.runningError));
        }
        return true;
    }

    void markLearningRate(double lr) {
        if (lr != m_lastLr) {
            const double seen =
                m_trainer ? static_cast<double>(m_trainer->progress().samplesSeen) : 0;
            m_lrMarks.emplace_back(seen, lr);
            m_lastLr = lr;
        }
    }

    long trainerNextSample() const {
        const auto& p = m_trainer->progress();
        const std::size_t pos = p.sampleInEpoch < p.samplesPerEpoch ? p.sampleInEpoch : 0;
        return static_cast<long>(m_trainer->sampleAt(pos));
    }

    // The sample shown and stepped now: the pinned one, else the trainer's next.
    long currentSample() const {
        if (m_pinned >= 0) return m_pinned;
        if (m_trainer) return trainerNextSample();
        return -1;
    }

    // Gives the stepper a sample if it has none or finished its last one.
    bool startSampleIfNeeded() {
        if (m_stepper->hasSample() && m_stepper->started() && !m_stepper->finished()) return true;
        const long i = currentSample();
        if (i < 0) return false;
        m_stepFromTrainer = m_pinned < 0;
        if (m_stepFromTrainer) m_before = m_net->allWeights();
        m_stepIndex = i;
        const auto idx = static_cast<std::size_t>(i);
        m_stepper->setSample(m_train->input(idx),
                             bp::bookTarget(m_train->label(idx), m_net->outputs()));
        return true;
    }

    void stepPhaseOnce() {
        if (!startSampleIfNeeded()) return;
        const double lr = learningRate();
        markLearningRate(lr);
        m_stepper->step(lr);
        m_showStepper = true;
        if (m_stepper->finished()) completeSample();
    }

    // The stepper has run every phase of its sample. For the trainer's own sample the weights
    // go back to where they were and the trainer trains it (bit-identical), so its cursor,
    // running error and epoch stay exact.
    void completeSample() {
        if (!m_stepper->finished()) m_stepper->finish(learningRate());
        if (m_stepFromTrainer && m_trainer) {
            for (int k = 0; k < m_net->weightLayers(); ++k) m_net->setWeights(k, m_before[k]);
            advanceTrainer(1);
            m_stepFromTrainer = false;
        }
    }

    void setPlaying(bool on) {
        if (on) {
            completeHalfSample();
            m_showStepper = false;
            m_playClock.start();
            m_playStartSeen = m_trainer ? m_trainer->progress().samplesSeen : 0;
            m_budget = 0;
            m_budgetClock.start();
        }
        const bool changed = on != m_playing;
        m_playing = on;
        if (on) {
            configureTimer();
        } else {
            m_tick.stop();
        }
        if (changed) {
            QMutexLocker lock(&m_mail->mutex);
            m_mail->playing = on ? 1 : 0;
            if (!on) m_mail->throughput = 0;
        }
        if (!on && m_net) publish();
    }

    bool phaseByPhase() const {
        return !m_toEpochEnd && m_speed > 0 && m_speed <= TrainingController::kPhaseBySampleRate;
    }

    void configureTimer() {
        if (phaseByPhase()) {
            const double phases = static_cast<double>(bp::phasesOf(m_net->weightLayers()).size());
            m_tick.start(static_cast<int>(std::max(1.0, 1000.0 / (m_speed * phases))));
        } else if (m_speed > 0 && !m_toEpochEnd) {
            m_tick.start(TrainingController::kSnapshotMs);
        } else {
            m_tick.start(0);
        }
    }

    void tick() {
        if (!m_playing || !m_trainer) return;
        try {
            if (phaseByPhase()) {
                stepPhaseOnce();
                if (m_epochsDone >= m_stopAfter) setPlaying(false);
                publish();
                return;
            }
            completeHalfSample();
            m_showStepper = false;
            std::size_t want = m_chunk;
            if (m_speed > 0 && !m_toEpochEnd) {
                m_budget += m_speed * static_cast<double>(m_budgetClock.nsecsElapsed()) / 1e9;
                m_budgetClock.restart();
                want = static_cast<std::size_t>(m_budget);
                m_budget -= static_cast<double>(want);
                m_budget = std::min(m_budget, 1.0);
            }
            const auto& p = m_trainer->progress();
            // Never train past the end of the last epoch Play should run.
            const std::size_t inEpoch = std::min(p.sampleInEpoch, p.samplesPerEpoch);
            if (m_stopAfter != kNever) {
                const std::size_t left =
                    static_cast<std::size_t>(std::max(0, m_stopAfter - m_epochsDone - 1)) *
                        p.samplesPerEpoch +
                    (p.samplesPerEpoch - inEpoch);
                want = std::min(want, left);
            }
            QElapsedTimer slice;
            slice.start();
            advanceTrainer(want);
            if (m_speed == 0 || m_toEpochEnd) {  // adapt the slice to about kSliceMs
                const double ms = static_cast<double>(slice.nsecsElapsed()) / 1e6;
                if (ms < kSliceMs / 2 && m_chunk < (1u << 20)) m_chunk *= 2;
                if (ms > kSliceMs * 2 && m_chunk > 1) m_chunk /= 2;
            }
            if (m_epochsDone >= m_stopAfter) {
                setPlaying(false);
                publishPredictions();
                return;
            }
            // At full speed 30 snapshots a second: each costs the GUI thread a repaint of the
            // whole network, and that time is taken from the two cores training shares.
            const int interval = m_speed == 0 || m_toEpochEnd ? 2 * TrainingController::kSnapshotMs
                                                              : TrainingController::kSnapshotMs;
            if (m_sincePublish.isValid() && m_sincePublish.elapsed() < interval) return;
            publish();
        } catch (const bp::DivergenceError& e) {
            fail(e.what());
            publish();
        }
    }

    void fail(const std::string& message) {
        if (m_watcher && m_trainer) {
            m_watcher->noteDivergence(m_trainer->progress().samplesSeen, m_trainer->learningRate());
            m_timelineDirty = true;
        }
        setPlaying(false);
        QMutexLocker lock(&m_mail->mutex);
        m_mail->failure = QString::fromStdString(message);
    }

    // Builds a snapshot of the current state and posts it with the pending curve values.
    void publish() {
        std::shared_ptr<Snapshot> s;
        const double lr = m_viewed ? m_viewed->learningRate() : learningRate();
        if (m_showStepper && m_stepper->hasSample() && !m_viewed) {
            s = snapshotOfStepper(*m_stepper, lr);  // the phase just run, with its ΔW
            s->sample = m_stepIndex;
        } else if (const long i = currentSample(); i >= 0) {
            // The current sample's whole step, shown and not taken, on the weights the views
            // show (no phase: the views draw the whole pass, as at full speed).
            const auto idx = static_cast<std::size_t>(i);
            s = snapshotOfSample(m_viewed ? viewedNetwork() : *m_net, m_train->input(idx),
                                 bp::bookTarget(m_train->label(idx), m_net->outputs()), lr);
            s->sample = i;
        } else {
            s = std::make_shared<Snapshot>();
            s->spec = m_net->spec();
            s->weights = m_viewed ? m_viewed->weights : m_net->allWeights();
            s->values.resize(m_net->spec(), false);
            s->learningRate = lr;
        }
        s->live = !m_viewed;
        s->batch = std::max(1, m_options.batch);
        s->playing = m_playing;
        s->pace = m_toEpochEnd ? 0 : m_speed;  // Step epoch runs at full speed
        if (m_train && m_train->isImage()) {
            s->imageWidth = m_train->width;
            s->imageHeight = m_train->height;
        }
        if (m_trainer) {
            const auto& p = m_trainer->progress();
            s->epoch = p.epoch;
            s->sampleInEpoch = p.sampleInEpoch;
            s->samplesPerEpoch = p.samplesPerEpoch;
            s->samplesSeen = p.samplesSeen;
            s->runningError = p.runningError;
            s->liveSamplesSeen = p.samplesSeen;
        }
        if (m_viewed) {  // the checkpoint's place in the run
            const auto& p = m_viewed->trainer.progress;
            s->epoch = p.epoch;
            s->sampleInEpoch = p.sampleInEpoch;
            s->samplesSeen = p.samplesSeen;
            s->runningError = p.runningError;
        }
        if (s->sample >= 0) s->label = m_train->label(static_cast<std::size_t>(s->sample));
        double rate = -1;
        if (m_playing && m_playClock.elapsed() > 250 && m_trainer) {
            rate = static_cast<double>(m_trainer->progress().samplesSeen - m_playStartSeen) /
                   (static_cast<double>(m_playClock.nsecsElapsed()) / 1e9);
        }
        RunTimelinePtr timeline;
        if (m_timelineDirty && m_timeline) {
            auto t = std::make_shared<RunTimeline>();
            t->checkpoints = m_timeline->checkpoints();  // shared, immutable: no weights copied
            t->bytes = m_timeline->bytes();
            t->capacity = m_timeline->capacity();
            t->budget = m_timeline->policy().budgetBytes;
            t->liveSample = m_trainer ? m_trainer->progress().samplesSeen : 0;
            t->trouble = m_watcher->firstTrouble();
            timeline = std::move(t);
            m_timelineDirty = false;
        }
        QMutexLocker lock(&m_mail->mutex);
        m_mail->snapshot = std::move(s);
        if (timeline) m_mail->timeline = std::move(timeline);
        m_mail->points += m_points;
        m_mail->lrMarks.insert(m_mail->lrMarks.end(), m_lrMarks.begin(), m_lrMarks.end());
        m_mail->epochs.insert(m_mail->epochs.end(), m_epochs.begin(), m_epochs.end());
        if (rate >= 0) m_mail->throughput = rate;
        m_points.clear();
        m_lrMarks.clear();
        m_epochs.clear();
        m_sincePublish.start();
    }

    // A network with the viewed checkpoint's weights (m_scratch, filled once per checkpoint).
    const bp::Network& viewedNetwork() {
        if (!m_scratch || !sameShape(m_scratch->spec(), m_net->spec())) {
            m_scratch = std::make_unique<bp::Network>(*m_net);
            m_scratchOf.reset();
        }
        if (m_scratchOf != m_viewed) {
            for (int k = 0; k < m_net->weightLayers(); ++k)
                m_scratch->weights(k) = m_viewed->weights[static_cast<std::size_t>(k)];
            m_scratchOf = m_viewed;
        }
        return *m_scratch;
    }

    // Predictions exist once the network has been trained; an untrained one publishes an
    // empty list (the browser then shows labels only).
    void publishPredictions() {
        if (!m_train || m_train->empty() || m_train->inputs != m_net->inputs()) return;
        const bool trained =
            m_viewed ? m_viewed->sample() > 0 : m_trainer && m_trainer->progress().samplesSeen > 0;
        const std::size_t n = trained ? std::min(kMaxPredictions, m_train->rows()) : 0;
        auto out = std::make_shared<const std::vector<int>>(
            n > 0 ? bp::predictions(m_viewed ? viewedNetwork() : *m_net, *m_train, n)
                  : std::vector<int>{});
        QMutexLocker lock(&m_mail->mutex);
        m_mail->predictions = std::move(out);
    }

    std::shared_ptr<Mailbox> m_mail;            // shared with the controller
    QTimer m_tick;                              // drives Play on this thread
    DatasetPtr m_train, m_test;                 // data the trainer reads
    bp::TrainOptions m_options;                 // epochs, batch, shuffle, error window
    std::unique_ptr<bp::Network> m_net;         // the network being trained
    std::unique_ptr<bp::Network> m_scratch;     // the viewed checkpoint's weights (viewedNetwork)
    bp::CheckpointPtr m_scratchOf;              // the checkpoint m_scratch holds
    std::unique_ptr<bp::Trainer> m_trainer;     // cursor over the training set (null without data)
    std::unique_ptr<bp::Stepper> m_stepper;     // phase-by-phase step on m_net
    std::unique_ptr<bp::Timeline> m_timeline;   // checkpoints of this run (null without data)
    std::unique_ptr<bp::RunWatcher> m_watcher;  // looks at each checkpoint for trouble
    bp::CheckpointPtr m_viewed;                 // checkpoint the views show, null = live
    bool m_timelineDirty = false;               // checkpoints or trouble not yet published
    std::vector<bp::Matrix> m_before;           // weights before the sample being stepped
    long m_stepIndex = -1;                      // training-set index the stepper holds
    bool m_stepFromTrainer = false;             // that sample is the trainer's next one
    bool m_showStepper = false;                 // snapshots show the stepper's values
    long m_pinned = -1;                         // sample picked in the browser, −1 none
    bool m_playing = false;                     // Play is on
    bool m_toEpochEnd = false;                  // Play was started by Step epoch
    double m_speed = 0;                         // samples/s, 0 = full speed
    int m_epochsDone = 0;                       // epochs finished in this run
    static constexpr int kNever = std::numeric_limits<int>::max();  // no epoch to stop after
    int m_stopAfter = 1;                               // Play stops when m_epochsDone reaches it
    int m_epochLimit = 0;                              // "stop after N epochs", 0 = until Pause
    int m_playFromEpochs = 0;                          // epochs done when Play was pressed
    std::size_t m_chunk = 32;                          // samples per full-speed slice (adaptive)
    double m_budget = 0;                               // samples owed at a limited speed
    QElapsedTimer m_budgetClock;                       // time since the budget was last topped up
    QElapsedTimer m_sincePublish;                      // time since the last snapshot
    QElapsedTimer m_playClock;                         // time since Play
    std::uint64_t m_playStartSeen = 0;                 // samples seen when Play started
    std::uint64_t m_pointEvery = 1;                    // one error point every this many samples
    double m_lastLr = 0;                               // rate of the last sample (for the marks)
    QVector<QPointF> m_points;                         // error points not yet published
    std::vector<std::pair<double, double>> m_lrMarks;  // marks not yet published
    std::vector<EpochMark> m_epochs;                   // epochs not yet published
};

}  // namespace detail

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), m_mail(std::make_shared<detail::Mailbox>()) {
    m_thread.setObjectName(QStringLiteral("bp-training"));
    m_worker = new detail::Worker(m_mail);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    m_spec.layers = {784, 100, 10};
    m_options.learningRate = 0.1;
    connect(&m_drainTimer, &QTimer::timeout, this, &TrainingController::drain);
    m_drainTimer.start(kSnapshotMs);
    startRun(false);
}

TrainingController::~TrainingController() {
    {
        QMutexLocker lock(&m_mail->trainerMutex);
        if (m_mail->trainer) m_mail->trainer->cancel();  // ends a long slice or test pass early
    }
    m_thread.quit();
    m_thread.wait();  // the worker is deleted by then (finished → deleteLater)
}

void TrainingController::post(std::function<void(detail::Worker&)> command) {
    detail::Worker* w = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [w, command = std::move(command)] { command(*w); }, Qt::QueuedConnection);
}

void TrainingController::play() {
    post([](detail::Worker& w) { w.play(false); });
}
void TrainingController::pause() {
    post([](detail::Worker& w) { w.pause(); });
}
void TrainingController::togglePlay() {
    if (m_playing) {
        pause();
    } else {
        play();
    }
}
void TrainingController::stepPhase() {
    post([](detail::Worker& w) { w.stepPhase(); });
}
void TrainingController::stepSample() {
    post([](detail::Worker& w) { w.stepSample(); });
}
void TrainingController::stepEpoch() {
    post([](detail::Worker& w) { w.play(true); });
}
void TrainingController::reset() {
    startRun(false);
}

double TrainingController::learningRate() const {
    return m_mail->learningRate.load();
}

void TrainingController::setLearningRate(double lr) {
    if (!(lr > 0) || !std::isfinite(lr)) return;
    m_mail->learningRate.store(lr);
    m_options.learningRate = lr;
    QMutexLocker lock(&m_mail->trainerMutex);
    if (m_mail->trainer) m_mail->trainer->setLearningRate(lr);
}

void TrainingController::setEpochLimit(int epochs) {
    m_epochLimit = std::max(0, epochs);
    if (m_epochLimit > 0) m_options.epochs = m_epochLimit;  // the N a session saves
    post([n = m_epochLimit](detail::Worker& w) { w.setEpochLimit(n); });
}

void TrainingController::setSpeed(double samplesPerSecond) {
    m_speed = std::max(0.0, samplesPerSecond);
    post([s = m_speed](detail::Worker& w) { w.setSpeed(s); });
}

bp::NetworkSpec TrainingController::fitted(bp::NetworkSpec spec, const DatasetPtr& train) {
    // Fit the input and output layers to the data, so any CSV width and label range works.
    if (train && !train->empty() && spec.layers.size() >= 2) {
        spec.layers.front() = train->inputs;
        spec.layers.back() = std::max(spec.layers.back(), train->maxLabel() + 1);
    }
    return spec;
}

QString TrainingController::networkProblem(const bp::NetworkSpec& spec, const DatasetPtr& train) {
    const std::string why = fitted(spec, train).validate();  // before any weight is allocated
    if (why.empty()) return {};
    const QString text = QString::fromStdString(why);
    return train && !train->source.empty() ? tr("%1: a network cannot be built on this data: %2")
                                                 .arg(QString::fromStdString(train->source), text)
                                           : tr("This network cannot be built: %1").arg(text);
}

bool TrainingController::setNetworkSpec(const bp::NetworkSpec& spec,
                                        const bp::TrainOptions& options) {
    if (const QString why = networkProblem(spec, m_train); !why.isEmpty()) {
        emit networkRefused(why);
        return false;
    }
    m_spec = spec;
    m_options = options;
    setLearningRate(options.learningRate);
    startRun(false);
    return true;
}

bool TrainingController::loadNetwork(const bp::Network& net, const bp::TrainOptions& options,
                                     std::uint64_t samplesSeen, double runningError) {
    if (const QString why = networkProblem(net.spec(), m_train); !why.isEmpty()) {
        emit networkRefused(why);
        return false;
    }
    m_spec = net.spec();
    m_options = options;
    setLearningRate(options.learningRate);
    post([copy = std::make_shared<const bp::Network>(net)](detail::Worker& w) { w.adopt(*copy); });
    startRun(true, samplesSeen, runningError);
    return true;
}

bool TrainingController::setDatasets(DatasetPtr train, DatasetPtr test) {
    if (const QString why = networkProblem(m_spec, train); !why.isEmpty()) {
        emit networkRefused(why);
        return false;
    }
    m_train = std::move(train);
    m_test = std::move(test);
    startRun(true);
    return true;
}

bool TrainingController::setDatasets(DatasetPtr train, DatasetPtr test, OnNewData answer) {
    if (const QString why = networkProblem(m_spec, train); !why.isEmpty()) {
        emit networkRefused(why);
        return false;
    }
    sync();  // the newest counters of the network kept or replaced
    const SnapshotPtr last = m_last;
    m_train = std::move(train);
    m_test = std::move(test);
    if (answer == OnNewData::NewNetwork || !last || last->samplesSeen == 0) {
        startRun(false);
        return true;
    }
    m_nextKept = last->samplesSeen;
    startRun(true, last->samplesSeen, last->runningError);
    return true;
}

void TrainingController::selectSample(long i) {
    post([i](detail::Worker& w) { w.selectSample(i); });
}

void TrainingController::viewCheckpoint(std::uint64_t sample) {
    post([sample](detail::Worker& w) { w.view(sample); });
}

void TrainingController::viewLive() {
    post([](detail::Worker& w) { w.viewLive(); });
}

bool TrainingController::resumeFrom(std::uint64_t sample) {
    const bp::CheckpointPtr cp = m_timeline ? m_timeline->at(sample) : nullptr;
    if (!cp) return false;
    // The rate it had then: the same run goes on (the start has trained no sample: the rate now).
    const double lr = cp->learningRate() > 0 ? cp->learningRate() : learningRate();
    setLearningRate(lr);
    emit learningRateSet(lr);
    post([sample](detail::Worker& w) { w.resume(sample); });
    return true;
}

bool TrainingController::branchFrom(std::uint64_t sample, double lr) {
    const bp::CheckpointPtr cp = m_timeline ? m_timeline->at(sample) : nullptr;
    if (!cp || !(lr > 0) || !std::isfinite(lr)) return false;
    setLearningRate(lr);
    emit learningRateSet(lr);
    m_branchAt = sample;
    startRun(true, 0, 0.0, cp);
    return true;
}

void TrainingController::replay(double lr) {
    if (!(lr > 0) || !std::isfinite(lr)) return;
    setLearningRate(lr);
    emit learningRateSet(lr);
    startRun(false);  // from the seed: the same initial weights and sample order
}

QString TrainingController::runLabel() const {
    QStringList hidden;
    for (std::size_t k = 1; k + 1 < m_spec.layers.size(); ++k)
        hidden << QString::number(m_spec.layers[k]);
    const QString layers = hidden.isEmpty() ? tr("none") : hidden.join(QLatin1Char('-'));
    QString label = m_epochLimit == 0  // Play trains until Pause: no epoch count to name
                        ? tr("α %1 · hidden %2").arg(learningRate(), 0, 'g', 3).arg(layers)
                        : tr("α %1 · hidden %2 · epochs %3")
                              .arg(learningRate(), 0, 'g', 3)
                              .arg(layers)
                              .arg(m_epochLimit);
    if (m_kept > 0) {
        const int kept = static_cast<int>(std::min<std::uint64_t>(m_kept, 2147483647ULL));
        label += tr(" · kept network (%n sample(s) trained before)", nullptr, kept);
    }
    if (m_branchAt > 0) label += tr(" · branch at sample %1").arg(QLocale().toString(m_branchAt));
    return label;
}

void TrainingController::startRun(bool keepNetwork, std::uint64_t resumeAt, double resumeError,
                                  bp::CheckpointPtr from) {
    m_spec = fitted(m_spec, m_train);  // checked by networkProblem before it came here
    m_kept = m_nextKept;
    m_nextKept = 0;
    if (!from) m_branchAt = 0;
    m_timeline.reset();
    if (m_test && m_test->inputs != m_spec.layers.front()) m_test.reset();
    ++m_generation;
    post([spec = m_spec, options = m_options, train = m_train, test = m_test, gen = m_generation,
          keepNetwork, resumeAt, resumeError, from = std::move(from)](detail::Worker& w) {
        w.rebuild(spec, options, train, test, gen, keepNetwork, resumeAt, resumeError, from);
    });
    m_playing = false;
    emit playingChanged(false);
    emit runStarted(runLabel());
}

void TrainingController::sync() {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->noop(); }, Qt::BlockingQueuedConnection);
    drain();
}

void TrainingController::drain() {
    // Pace the views: when the GUI thread was busy (the last snapshot's repaint, a dialog) the
    // timer came late by `busy` ms; the next snapshot then waits about twice that, so drawing
    // takes at most a third of the GUI thread and of the cores training shares with it.
    if (m_drainClock.isValid()) {
        const qint64 busy = m_drainClock.restart() - m_drainTimer.interval();
        const int next = busy > kSnapshotMs
                             ? static_cast<int>(std::min<qint64>(kMaxPaceMs, 2 * busy))
                             : kSnapshotMs;
        if (next != m_drainTimer.interval()) m_drainTimer.setInterval(next);
    } else {
        m_drainClock.start();
    }
    SnapshotPtr snapshot;
    QVector<QPointF> points;
    std::vector<std::pair<double, double>> marks;
    std::vector<detail::EpochMark> epochs;
    int playing = -1;
    PredictionsPtr predictions;
    QString failure;
    double rate = -1;
    RunTimelinePtr timeline;
    double rewoundTo = -1;
    {
        QMutexLocker lock(&m_mail->mutex);
        if (m_mail->generation != m_generation) return;  // the worker has not reached this run
        snapshot = std::move(m_mail->snapshot);
        m_mail->snapshot.reset();
        points.swap(m_mail->points);
        marks.swap(m_mail->lrMarks);
        epochs.swap(m_mail->epochs);
        std::swap(playing, m_mail->playing);
        predictions = std::move(m_mail->predictions);
        m_mail->predictions.reset();
        failure.swap(m_mail->failure);
        std::swap(rate, m_mail->throughput);
        timeline = std::move(m_mail->timeline);
        m_mail->timeline.reset();
        std::swap(rewoundTo, m_mail->rewoundTo);
    }
    if (rewoundTo >= 0) emit runRewound(rewoundTo);
    for (const auto& [seen, lr] : marks) emit learningRateMarked(seen, lr);
    if (!points.isEmpty()) emit errorPoints(points);
    for (const auto& e : epochs) {
        emit epochFinished(e.result.epoch, e.samplesSeen, e.result.meanError, e.result.testAccuracy,
                           e.result.seconds);
    }
    // The playing state is updated before the snapshot goes out, so a receiver of the last
    // snapshot of a run already sees isPlaying() == false.
    const bool playingChanges = playing >= 0 && (playing == 1) != m_playing;
    if (playingChanges) m_playing = playing == 1;
    if (snapshot) {
        m_last = snapshot;
        emit snapshotReady(snapshot);
    }
    if (playingChanges) emit playingChanged(m_playing);
    if (rate >= 0) emit throughput(rate);
    if (predictions) emit predictionsReady(predictions);
    if (timeline) {
        m_timeline = timeline;
        emit timelineChanged(timeline);
    }
    if (!failure.isEmpty()) emit trainingFailed(failure);
}

}  // namespace bps
