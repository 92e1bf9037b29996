// TrainingController.cpp — the GUI side: commands queued to the worker (TrainingWorker.h) and
// the drain of its mailbox into signals.
#include "training/TrainingController.h"

#include <QLocale>
#include <QMutexLocker>
#include <algorithm>
#include <cmath>

#include "training/Mailbox.h"
#include "training/TrainingWorker.h"

namespace bps {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), m_mail(std::make_shared<detail::Mailbox>()) {
    m_thread.setObjectName(QStringLiteral("bp-training"));
    m_mail->wake = [this] {
        QMetaObject::invokeMethod(
            this, [this] { wakeDrain(); }, Qt::QueuedConnection);
    };
    m_worker = new detail::Worker(m_mail);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    m_spec.layers = {784, 100, 10};
    m_options.learningRate = 0.1;
    connect(&m_drainTimer, &QTimer::timeout, this, &TrainingController::drain);
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

void TrainingController::wakeDrain() {
    if (m_drainTimer.isActive()) return;
    m_drainClock.invalidate();  // the time asleep is not time the GUI thread was busy
    m_drainTimer.start(kSnapshotMs);
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
        const bool empty = !m_mail->snapshot && m_mail->points.isEmpty() &&
                           m_mail->lrMarks.empty() && m_mail->epochs.empty() &&
                           m_mail->playing < 0 && !m_mail->predictions &&
                           m_mail->failure.isEmpty() && m_mail->throughput < 0 &&
                           !m_mail->timeline && m_mail->rewoundTo < 0;
        // Nothing to take while not playing (or only a run the worker has left; its next one
        // is posted): the timer sleeps until the worker posts again, so an idle studio does not
        // wake 60 times a second. While playing it runs on (its lateness paces the views).
        if ((empty && !m_playing) || m_mail->generation != m_generation) {
            m_mail->drainAwake = false;
            m_drainTimer.stop();
            return;
        }
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
