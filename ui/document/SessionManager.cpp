// SessionManager.cpp — gathers the studio's state into a bp::Session and restores it; autosave,
// crash recovery and recent sessions.
#include "document/SessionManager.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointF>
#include <QSettings>
#include <QStandardPaths>
#include <exception>

#include "backprop/FileRead.h"
#include "backprop/FileText.h"
#include "training/DatasetLoader.h"
#include "training/TrainingController.h"
#include "views/ErrorPlot.h"

namespace bps {

namespace {

const QString kRecentKey = QStringLiteral("session/recent");
const QString kRunningKey = QStringLiteral("session/running");

std::vector<bp::CurvePoint> toCurve(const QVector<QPointF>& points) {
    std::vector<bp::CurvePoint> out;
    out.reserve(static_cast<std::size_t>(points.size()));
    for (const QPointF& p : points) out.emplace_back(p.x(), p.y());
    return out;
}

QVector<QPointF> toPoints(const std::vector<bp::CurvePoint>& curve) {
    QVector<QPointF> out;
    out.reserve(static_cast<qsizetype>(curve.size()));
    for (const auto& [x, y] : curve) out.append(QPointF(x, y));
    return out;
}

bp::SessionRun toRun(const ErrorPlot::Run& run) {
    bp::SessionRun out;
    out.label = run.label.toStdString();
    out.error = toCurve(run.error);
    out.accuracy = toCurve(run.accuracy);
    for (const ErrorPlot::RateMark& m : run.rateMarks) out.rateMarks.emplace_back(m.x, m.lr);
    return out;
}

std::string toStd(const QString& s) {
    return s.toStdString();
}

}  // namespace

SessionManager::SessionManager(TrainingController* controller, ErrorPlot* plot,
                               DatasetLoader* loader, QObject* parent)
    : QObject(parent), m_controller(controller), m_plot(plot), m_loader(loader) {
    if (m_loader) {
        connect(m_loader, &DatasetLoader::loaded, this,
                [this](DatasetLoader::Role role, DatasetPtr, const QString& path) {
                    (role == DatasetLoader::Role::Training ? m_trainPath : m_testPath) = path;
                });
        // Queued: the window hands the new data to the controller first (its own slot on the
        // same signal may be connected after this one).
        connect(m_loader, &DatasetLoader::busyChanged, this, &SessionManager::finishPending,
                Qt::QueuedConnection);
    }
    connect(&m_autosave, &QTimer::timeout, this, [this] { autosaveNow(); });
}

void SessionManager::setTitle(const QString& title) {
    const QString t = title.simplified();
    if (t == m_title) return;
    m_title = t;
    emit documentChanged();
}

QString SessionManager::documentName() const {
    if (!m_title.isEmpty()) return m_title;
    return m_path.isEmpty() ? QString() : QFileInfo(m_path).fileName();
}

void SessionManager::setDatasetPaths(const QString& train, const QString& test) {
    m_trainPath = train;
    m_testPath = test;
}

bp::Session SessionManager::gather() const {
    m_controller->sync();  // the newest weights are published
    const SnapshotPtr snap = m_controller->lastSnapshot();
    const bp::TrainOptions options = m_controller->options();
    bp::Session s;
    s.title = toStd(m_title);
    if (snap) {
        s.network = bp::Network(snap->spec);
        for (int k = 0; k < s.network.weightLayers(); ++k)
            s.network.setWeights(k, snap->weights[static_cast<std::size_t>(k)]);
        s.training.samplesSeen = snap->samplesSeen;
        s.training.epochsTrained = snap->samplesPerEpoch > 0
                                       ? static_cast<int>(snap->samplesSeen / snap->samplesPerEpoch)
                                       : 0;
    } else {
        s.network = bp::Network(m_controller->spec());
    }
    s.training.learningRate = m_controller->learningRate();
    s.training.batch = options.batch;
    s.training.shuffle = options.shuffle;
    s.epochs = options.epochs;
    s.shuffleSeed = options.shuffleSeed;
    s.errorWindow = options.errorWindow;
    s.trainData = toStd(m_trainPath);
    s.testData = toStd(m_testPath);
    if (m_plot) {
        for (const ErrorPlot::Run& run : m_plot->previousRuns()) s.runs.push_back(toRun(run));
        // The current run is the last one whenever samples were seen in it (it goes on when the
        // session is opened), even before its first curve point.
        const ErrorPlot::Run& current = m_plot->currentRun();
        if (!current.error.isEmpty() || !current.accuracy.isEmpty() || s.training.samplesSeen > 0)
            s.runs.push_back(toRun(current));
    }
    if (m_gatherHook) m_gatherHook(s);
    return s;
}

QString SessionManager::resolveDataPath(const QString& path, const QString& sessionDir) const {
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')) || QFileInfo::exists(path) ||
        sessionDir.isEmpty())
        return path;
    // Prepared on another computer: look for the file beside the session.
    const QString beside = QDir(sessionDir).filePath(QFileInfo(path).fileName());
    return QFileInfo::exists(beside) ? beside : path;
}

void SessionManager::apply(const bp::Session& session, const QString& sessionDir) {
    bp::TrainOptions options = m_controller->options();
    options.learningRate = session.training.learningRate;
    options.batch = session.training.batch;
    options.shuffle = session.training.shuffle;
    options.epochs = session.epochs;
    options.shuffleSeed = session.shuffleSeed;
    options.errorWindow = session.errorWindow;

    m_title = QString::fromStdString(session.title).simplified();
    m_controller->setLearningRate(options.learningRate);  // at once, also while data load

    // Data first: loads run in the background, and the network (whose input size may differ
    // from the data loaded now) and the curves wait for them.
    const QString train = resolveDataPath(QString::fromStdString(session.trainData), sessionDir);
    const QString test = resolveDataPath(QString::fromStdString(session.testData), sessionDir);
    m_pending.reset();
    bool waiting = false;
    if (m_loader) {
        if (!train.isEmpty() && train != m_trainPath) {
            m_loader->load(train, DatasetLoader::Role::Training);
            waiting = true;
        }
        if (!test.isEmpty() && test != m_testPath) {
            m_loader->load(test, DatasetLoader::Role::Test);
            waiting = true;
        }
    } else {
        setDatasetPaths(train, test);
    }
    if (waiting && m_loader->isLoading()) {
        m_pending = Pending{session, options, train};
    } else {
        restoreTraining(session, options, true);
    }
    if (m_applyHook) m_applyHook(session);
}

void SessionManager::finishPending() {
    if (!m_pending || !m_loader || m_loader->isLoading()) return;
    const Pending p = std::move(*m_pending);
    m_pending.reset();
    // The run goes on only on its own training set: if that load failed (or was replaced), the
    // set loaded now is another one.
    restoreTraining(p.session, p.options, p.trainPath.isEmpty() || p.trainPath == m_trainPath);
}

void SessionManager::restoreTraining(const bp::Session& session, const bp::TrainOptions& options,
                                     bool resume) {
    // The run saved with samples seen > 0 was going on: it goes on (same sample, same curve).
    const bool continues = resume && session.training.samplesSeen > 0 && !session.runs.empty();
    const bool hasError = continues && !session.runs.back().error.empty();
    // A network that does not fit the data loaded now would be replaced by a fresh random one
    // of the data's shape: say so and keep the studio as it is instead.
    if (const QString why = misfit(session.network, m_controller->trainingSet()); !why.isEmpty()) {
        emit problem(why);
        return;
    }
    if (!m_controller->loadNetwork(session.network, options,
                                   continues ? session.training.samplesSeen : 0,
                                   hasError ? session.runs.back().error.back().second : 0.0))
        return;  // too large for this computer: the controller said why

    // The curves: the file's earlier runs become faded runs; the run going on is the current
    // one again (new points continue it), else a new run starts on the restored weights.
    if (m_plot) {
        m_plot->setErrorWindow(session.errorWindow);
        m_plot->beginRun(QString());
        m_plot->clearPreviousRuns();
        for (const bp::SessionRun& run : session.runs) {
            m_plot->beginRun(QString::fromStdString(run.label));
            m_plot->addErrorPoints(toPoints(run.error));
            for (const auto& [x, y] : run.rateMarks) m_plot->markLearningRate(x, y);
            for (const auto& [x, y] : run.accuracy) m_plot->addAccuracy(x, y);
        }
        if (!continues) m_plot->beginRun(m_controller->runLabel());
    }
}

QString SessionManager::misfit(const bp::Network& net, const DatasetPtr& train) {
    if (!train || train->empty()) return {};
    const QString file = QString::fromStdString(bp::printable(train->source, 200));
    if (train->inputs != net.inputs())
        return tr("The session's network has %1 inputs but the training set %2 has %3 a sample; "
                  "the network was not restored (open the session with its own training set)")
            .arg(net.inputs())
            .arg(file)
            .arg(train->inputs);
    if (train->maxLabel() >= net.outputs())
        return tr("The session's network has %1 outputs but the training set %2 holds label %3; "
                  "the network was not restored (open the session with its own training set)")
            .arg(net.outputs())
            .arg(file)
            .arg(train->maxLabel());
    return {};
}

QString SessionManager::save(const QString& path) {
    try {
        bp::saveSession(toStd(path), gather());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    becomeCurrent(path);
    return {};
}

void SessionManager::becomeCurrent(const QString& path) {
    m_path = path;
    addRecent(path);
    emit sessionPathChanged(path);
    emit documentChanged();
}

QString SessionManager::open(const QString& path) {
    try {
        const bp::Session session = bp::loadSession(toStd(path));
        apply(session, QFileInfo(path).absolutePath());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    becomeCurrent(path);
    return {};
}

QString SessionManager::openModel(const QString& path) {
    try {
        const bp::SavedModel model = bp::loadModel(toStd(path));
        if (const DatasetPtr train = m_controller->trainingSet();
            train && !train->empty() && train->inputs != model.network.inputs())
            return tr("%1: the model has %2 inputs but the training set loaded now has %3; load "
                      "a training set of its kind first")
                .arg(path)
                .arg(model.network.inputs())
                .arg(train->inputs);
        bp::TrainOptions options = m_controller->options();
        options.learningRate = model.training.learningRate;
        options.batch = model.training.batch;
        options.shuffle = model.training.shuffle;
        m_controller->loadNetwork(model.network, options);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

SessionManager::FileKind SessionManager::kindOf(const QString& path) {
    if (!QFileInfo::exists(path)) return FileKind::Missing;
    // Never waits (a FIFO with no writer, a device, a folder give what is there at once, often
    // nothing): the GUI thread asks this before any window. Whatever it is not is the loader's
    // to refuse, on its worker, with the path in the message.
    const std::string head = bp::peekFile(QFile::encodeName(path).toStdString(), 16);
    if (head.starts_with("BPSESSION ")) return FileKind::Session;
    if (head.starts_with("BPSMODEL ")) return FileKind::Model;
    return FileKind::Dataset;  // CSV, CSV.gz or IDX: the loader says if it is none of them
}

QStringList SessionManager::recentSessions() const {
    return QSettings().value(kRecentKey).toStringList();
}

void SessionManager::clearRecentSessions() {
    QSettings().remove(kRecentKey);
    emit recentSessionsChanged({});
}

void SessionManager::addRecent(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentSessions();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecent) files.removeLast();
    QSettings().setValue(kRecentKey, files);
    emit recentSessionsChanged(files);
}

void SessionManager::setAutosaveMinutes(int minutes) {
    m_autosaveMinutes = std::max(0, minutes);
    if (m_autosaveMinutes > 0) {
        m_autosave.start(m_autosaveMinutes * 60 * 1000);
    } else {
        m_autosave.stop();
    }
}

QString SessionManager::autosavePath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("autosave.bps"));
}

QString SessionManager::autosaveNow() {
    const QString path = autosavePath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return tr("Cannot create the folder %1").arg(QFileInfo(path).absolutePath());
    try {
        bp::saveSession(toStd(path), gather());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    emit autosaved(path);
    return {};
}

bool SessionManager::recoveryPending() {
    return QSettings().value(kRunningKey, false).toBool() && QFileInfo::exists(autosavePath());
}

void SessionManager::markRunning() {
    QSettings s;
    s.setValue(kRunningKey, true);
    s.sync();
}

void SessionManager::markCleanExit() {
    QSettings s;
    s.setValue(kRunningKey, false);
    s.sync();
}

bool SessionManager::offerRecovery(QWidget* parent) {
    if (!recoveryPending()) return false;
    const QString path = autosavePath();
    const auto answer = QMessageBox::question(
        parent, tr("Restore the last session?"),
        tr("Backprop Studio did not close normally last time. Restore the session saved "
           "automatically at %1?")
            .arg(QLocale().toString(QFileInfo(path).lastModified(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) return false;
    const QString error = open(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, tr("Restore the last session"), error);
        return false;
    }
    return true;
}

}  // namespace bps
