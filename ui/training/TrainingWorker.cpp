// TrainingWorker.cpp — the run's lifecycle, Play's ticks, stepping and the timeline commands on
// the training thread, and what it publishes.
#include "training/TrainingWorker.h"

#include <QMutexLocker>
#include <algorithm>

#include "training/SnapshotBuilder.h"
#include "training/TrainingController.h"

namespace bps::detail {

namespace {

// Predictions are computed for at most this many training samples (the browser's first pages).
constexpr std::size_t kMaxPredictions = 2000;

bool sameShape(const bp::NetworkSpec& a, const bp::NetworkSpec& b) {
    return a.layers == b.layers && a.hidden == b.hidden && a.output == b.output &&
           a.bias == b.bias && a.rule == b.rule && a.seed == b.seed;
}

}  // namespace

Worker::Worker(std::shared_ptr<Mailbox> mail) : m_mail(std::move(mail)), m_tick(this) {
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, [this] { tick(); });
}

Worker::~Worker() = default;

// --- the run ---------------------------------------------------------------------------------

void Worker::rebuild(const bp::NetworkSpec& spec, const bp::TrainOptions& options, DatasetPtr train,
                     DatasetPtr test, unsigned generation, bool keepNetwork, std::uint64_t resumeAt,
                     double resumeError, bp::CheckpointPtr from) {
    setPlaying(false);
    {
        QMutexLocker lock(&m_mail->trainerMutex);
        m_mail->trainer = nullptr;
    }
    m_stepping.reset();
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
    m_stepping = std::make_unique<SampleStepping>(*m_net);
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
        m_mail->posted();
    }
    publish();
    publishPredictions();
}

void Worker::adopt(const bp::Network& net) {
    setPlaying(false);
    {
        QMutexLocker lock(&m_mail->trainerMutex);
        m_mail->trainer = nullptr;
    }
    m_stepping.reset();  // both refer to the old network
    m_trainer.reset();
    m_net = std::make_unique<bp::Network>(net);
}

int Worker::epochsDoneAt(std::uint64_t sample) const {
    return static_cast<int>(sample / std::max<std::size_t>(1, m_train->rows()));
}

// Between two advance() calls only: the trainer's W_0 is whole then (Diagnosis.h).
void Worker::checkpoint() {
    m_timeline->record(*m_net, m_trainer->state());
    m_watcher->observe(*m_net, m_trainer->progress());
    m_timelineDirty = true;
}

// Stops at every due checkpoint to take it. Throws DivergenceError (fail() tells the watcher).
std::size_t Worker::advanceTrainer(std::size_t n) {
    std::size_t done = 0;
    while (done < n) {
        const std::uint64_t s = m_trainer->progress().samplesSeen;
        const std::uint64_t step = std::min<std::uint64_t>(n - done, m_timeline->nextDue(s) - s);
        const std::size_t got = m_trainer->advance(static_cast<std::size_t>(step));
        done += got;
        const std::uint64_t now = m_trainer->progress().samplesSeen;
        if (now != s && m_timeline->isDue(now)) checkpoint();
        if (got < step) break;  // cancelled
    }
    return done;
}

void Worker::trainStepped() {
    if (m_trainer) advanceTrainer(1);
}

double Worker::learningRate() const {
    return m_trainer ? m_trainer->learningRate() : m_mail->learningRate.load();
}

bool Worker::onSample(const bp::TrainProgress& p) {
    if (p.learningRate != m_lastLr) {
        m_lrMarks.emplace_back(static_cast<double>(p.samplesSeen - 1), p.learningRate);
        m_lastLr = p.learningRate;
    }
    if (p.samplesSeen % m_pointEvery == 0)
        m_points.append(QPointF(static_cast<double>(p.samplesSeen), p.runningError));
    return true;
}

void Worker::markLearningRate(double lr) {
    if (lr != m_lastLr) {
        const double seen = m_trainer ? static_cast<double>(m_trainer->progress().samplesSeen) : 0;
        m_lrMarks.emplace_back(seen, lr);
        m_lastLr = lr;
    }
}

long Worker::trainerNextSample() const {
    if (!m_trainer) return -1;
    const auto& p = m_trainer->progress();
    const std::size_t pos = p.sampleInEpoch < p.samplesPerEpoch ? p.sampleInEpoch : 0;
    return static_cast<long>(m_trainer->sampleAt(pos));
}

void Worker::fail(const std::string& message) {
    if (m_watcher && m_trainer) {
        m_watcher->noteDivergence(m_trainer->progress().samplesSeen, m_trainer->learningRate());
        m_timelineDirty = true;
    }
    m_failure = message;
    setPlaying(false);  // posts the failure with the stop and the snapshot that shows it
}

// --- Play ------------------------------------------------------------------------------------

void Worker::play(bool toEpochEnd) {
    if (!m_trainer) return;
    m_viewed.reset();  // training goes on with the live network
    m_stepping->pin(-1);
    m_pacer.start(toEpochEnd, m_epochsDone);
    setPlaying(true);
}

void Worker::setEpochLimit(int epochs) {
    m_pacer.setEpochLimit(epochs, m_epochsDone);
}

void Worker::pause() {
    if (!m_playing) return;
    setPlaying(false);
    publishPredictions();
}

void Worker::setSpeed(double samplesPerSecond) {
    m_pacer.setSpeed(samplesPerSecond);
    if (m_playing) configureTimer();
}

void Worker::setPlaying(bool on) {
    if (on) {
        m_stepping->completeHalf(learningRate(), [this] { trainStepped(); });
        m_stepping->hide();
        m_playClock.start();
        m_playStartSeen = m_trainer ? m_trainer->progress().samplesSeen : 0;
    }
    const bool changed = on != m_playing;
    m_playing = on;
    if (on) {
        configureTimer();
    } else {
        m_tick.stop();
    }
    if (changed) m_playingToPost = on ? 1 : 0;
    // A start or stop goes out in one post with the snapshot that shows it (and the epochs and
    // failure that came with it): a drain between two posts saw a stopped run with the snapshot
    // from before, so the first sync() after play() could show "0 samples seen, not playing".
    if (m_net && m_stepping) {
        publish();
    } else if (changed || !m_failure.empty()) {
        QMutexLocker lock(&m_mail->mutex);
        putState();
        m_mail->posted();
    }
}

void Worker::putState() {
    if (m_playingToPost >= 0) {
        m_mail->playing = m_playingToPost;
        if (m_playingToPost == 0) m_mail->throughput = 0;
        m_playingToPost = -1;
    }
    if (!m_failure.empty()) {
        m_mail->failure = QString::fromStdString(m_failure);
        m_failure.clear();
    }
}

void Worker::configureTimer() {
    m_tick.start(m_pacer.timerMs(bp::phasesOf(m_net->weightLayers()).size()));
}

void Worker::tick() {
    if (!m_playing || !m_trainer) return;
    try {
        if (m_pacer.phaseByPhase()) {
            stepPhaseOnce();
            if (m_pacer.done(m_epochsDone)) setPlaying(false);
            publish();
            return;
        }
        m_stepping->completeHalf(learningRate(), [this] { trainStepped(); });
        m_stepping->hide();
        const std::size_t want = m_pacer.samplesNow(m_trainer->progress(), m_epochsDone);
        QElapsedTimer slice;
        slice.start();
        advanceTrainer(want);
        m_pacer.sliceTook(static_cast<double>(slice.nsecsElapsed()) / 1e6);
        if (m_pacer.done(m_epochsDone)) {
            setPlaying(false);
            publishPredictions();
            return;
        }
        if (m_sincePublish.isValid() && m_sincePublish.elapsed() < m_pacer.publishMs()) return;
        publish();
    } catch (const bp::DivergenceError& e) {
        fail(e.what());
        publish();
    }
}

// --- stepping --------------------------------------------------------------------------------

void Worker::selectSample(long i) {
    if (!m_train || i < 0 || static_cast<std::size_t>(i) >= m_train->rows()) i = -1;
    m_stepping->completeHalf(learningRate(), [this] { trainStepped(); });
    m_stepping->pin(i);
    m_stepping->hide();
    publish();
}

void Worker::stepPhaseOnce() {
    const long next = trainerNextSample();
    if (!m_train || !m_stepping->canStep(next)) return;
    const double lr = learningRate();
    markLearningRate(lr);
    m_stepping->stepPhase(*m_train, next, lr, [this] { trainStepped(); });
}

void Worker::stepPhase() {
    m_viewed.reset();
    if (m_playing) setPlaying(false);
    try {
        stepPhaseOnce();
    } catch (const bp::DivergenceError& e) {
        fail(e.what());
    }
    publish();
}

void Worker::stepSample() {
    m_viewed.reset();
    if (m_playing) setPlaying(false);
    try {
        const long next = trainerNextSample();
        if (!m_train || !m_stepping->canStep(next)) return;
        const double lr = learningRate();
        markLearningRate(lr);
        m_stepping->stepSample(*m_train, next, lr, [this] { trainStepped(); });
    } catch (const bp::DivergenceError& e) {
        fail(e.what());
    }
    publish();
}

// --- the timeline ----------------------------------------------------------------------------

bp::CheckpointPtr Worker::find(std::uint64_t sample) const {
    if (!m_timeline) return nullptr;
    for (const auto& c : m_timeline->checkpoints())
        if (c->sample() == sample) return c;
    return nullptr;
}

void Worker::view(std::uint64_t sample) {
    if (m_playing) setPlaying(false);
    m_viewed = find(sample);
    publish();
    publishPredictions();
}

void Worker::viewLive() {
    if (!m_viewed) return;
    m_viewed.reset();
    publish();
    publishPredictions();
}

void Worker::resume(std::uint64_t sample) {
    const bp::CheckpointPtr cp = find(sample);
    if (!cp || !m_trainer) return;
    if (m_playing) setPlaying(false);
    m_stepping->drop();  // a half-stepped sample is forgotten: the weights are replaced
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
        m_mail->points.erase(std::remove_if(m_mail->points.begin(), m_mail->points.end(), later),
                             m_mail->points.end());
        m_mail->epochs.clear();
        m_mail->lrMarks.clear();
        m_mail->rewoundTo = x;
        m_mail->posted();
    }
    publish();
    publishPredictions();
}

// --- what is published -----------------------------------------------------------------------

const bp::Network& Worker::viewedNetwork() {
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

void Worker::publish() {
    std::shared_ptr<Snapshot> s;
    const double lr = m_viewed ? m_viewed->learningRate() : learningRate();
    if (m_stepping->showing() && !m_viewed) {
        s = snapshotOfStepper(m_stepping->stepper(), lr);  // the phase just run, with its ΔW
        s->sample = m_stepping->index();
    } else if (const long i = m_stepping->current(trainerNextSample()); i >= 0) {
        // The current sample's whole step, shown and not taken, on the weights the views show
        // (no phase: the views draw the whole pass, as at full speed).
        const auto idx = static_cast<std::size_t>(i);
        s = snapshotOfSample(shownNetwork(), m_train->input(idx),
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
    s->pace = m_pacer.pace();
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
    putState();
    m_mail->posted();
    m_points.clear();
    m_lrMarks.clear();
    m_epochs.clear();
    m_sincePublish.start();
}

// Predictions exist once the network has been trained; an untrained one publishes an empty
// list (the browser then shows labels only).
void Worker::publishPredictions() {
    if (!m_train || m_train->empty() || m_train->inputs != m_net->inputs()) return;
    const bool trained =
        m_viewed ? m_viewed->sample() > 0 : m_trainer && m_trainer->progress().samplesSeen > 0;
    const std::size_t n = trained ? std::min(kMaxPredictions, m_train->rows()) : 0;
    auto out = std::make_shared<const std::vector<int>>(
        n > 0 ? bp::predictions(shownNetwork(), *m_train, n) : std::vector<int>{});
    QMutexLocker lock(&m_mail->mutex);
    m_mail->predictions = std::move(out);
    m_mail->posted();
}

}  // namespace bps::detail
