// ClassMode.cpp — hosting on a worker thread, joining on the GUI thread (see ClassMode.h).
#include "classroom/ClassMode.h"

#include <QFile>
#include <QHostAddress>
#include <QMetaObject>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <cmath>
#include <mutex>

#include "ClassReport.h"
#include "training/TrainingController.h"

namespace bps {

using namespace bp::classroom;

// The report file, written on the host's thread as results arrive.
class ReportSink {
  public:
    ClassReport report;
};

ClassMode::ClassMode(TrainingController* controller)
    : QObject(controller), m_controller(controller) {
    setObjectName(QStringLiteral("ClassMode"));
    qRegisterMetaType<bp::Session>();
    m_hostThread.setObjectName(QStringLiteral("class host"));
}

ClassMode* ClassMode::of(TrainingController* controller) {
    if (auto* existing = controller->findChild<ClassMode*>(QStringLiteral("ClassMode"),
                                                           Qt::FindDirectChildrenOnly))
        return existing;
    return new ClassMode(controller);
}

ClassMode::~ClassMode() {
    stopHosting();
    leave();
}

// ---- the teacher ----------------------------------------------------------------------------

QString ClassMode::host(quint16 port, const QString& code) {
    leave();
    stopHosting();
    m_hostThread.start();
    m_host = new ClassHost;
    m_host->moveToThread(&m_hostThread);
    connect(&m_hostThread, &QThread::finished, m_host, &QObject::deleteLater);
    ClassHost::Options options;
    options.port = port;
    options.code = code;
    QString error;
    QMetaObject::invokeMethod(
        m_host, [&] { error = m_host->start(options); }, Qt::BlockingQueuedConnection);
    if (!error.isEmpty()) {
        m_hostThread.quit();
        m_hostThread.wait();
        m_host = nullptr;
        return error;
    }
    // The class, copied on the host's thread when it changed, at most every kSnapshotMs.
    ClassHost* host = m_host;
    auto* pacer = new QTimer;  // lives (and dies) with the host on its thread
    pacer->setSingleShot(true);
    pacer->setInterval(kSnapshotMs);
    pacer->moveToThread(&m_hostThread);
    QMetaObject::invokeMethod(
        host, [host, pacer] { pacer->setParent(host); }, Qt::BlockingQueuedConnection);
    connect(host, &ClassHost::changed, pacer, [pacer] {
        if (!pacer->isActive()) pacer->start();
    });
    connect(pacer, &QTimer::timeout, host, [this, host] {
        const QVector<StudentSummary> students = host->students();
        const ClassHost::Counters counters = host->counters();
        QMetaObject::invokeMethod(this, [this, students, counters] {
            m_students = students;
            m_counters = counters;
            emit classChanged();
        });
    });
    m_report = std::make_shared<ReportSink>();
    if (!m_reportPath.isEmpty())
        if (const QString why = m_report->report.open(m_reportPath); !why.isEmpty()) error = why;
    std::shared_ptr<ReportSink> report = m_report;
    connect(
        host, &ClassHost::epochReceived, host,
        [report](const EpochRow& row) { report->report.write(row); }, Qt::DirectConnection);
    connect(pacer, &QTimer::timeout, host, [report] { report->report.flush(); });
    m_port = m_host->port();
    m_code = code;
    m_students.clear();
    m_counters = {};
    m_goal = Goal{false, 0.95, 0};
    m_role = Role::Teacher;
    emit roleChanged();
    emit classChanged();
    return error;
}

void ClassMode::stopHosting() {
    if (!m_host) return;
    ClassHost* host = m_host;
    std::shared_ptr<ReportSink> report = m_report;
    QMetaObject::invokeMethod(
        host,
        [host, report] {
            host->stop();  // the port closes here
            if (report) report->report.close();
        },
        Qt::BlockingQueuedConnection);
    m_hostThread.quit();
    m_hostThread.wait();
    m_host = nullptr;
    m_report.reset();
    m_role = Role::None;
    emit roleChanged();
}

QStringList ClassMode::roomAddresses() {
    QStringList out;
    for (const QHostAddress& a : QNetworkInterface::allAddresses())
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() && !a.isLinkLocal())
            out << a.toString();
    // Private networks (a school's LAN) first: 192.168…, 10…, 172.16–31…
    std::stable_sort(out.begin(), out.end(), [](const QString& x, const QString& y) {
        const auto rank = [](const QString& s) {
            return s.startsWith(QLatin1String("192.168.")) || s.startsWith(QLatin1String("10."))
                       ? 0
                       : 1;
        };
        return rank(x) < rank(y);
    });
    if (out.isEmpty()) out << QStringLiteral("127.0.0.1");  // no network: this computer only
    return out;
}

void ClassMode::removeStudent(int id) {
    if (!m_host) return;
    ClassHost* host = m_host;
    QMetaObject::invokeMethod(host, [host, id] { host->remove(id); });
}

bp::Session ClassMode::freshSession(const bp::Session& base) {
    bp::Session s = base;
    s.network = bp::Network(base.network.spec());  // the weights the seed gives, on every computer
    s.training.samplesSeen = 0;
    s.training.epochsTrained = 0;
    s.runs.clear();
    return s;
}

QString ClassMode::checkClassSession(const bp::Session& session) {
    static const QRegularExpression builtIn(QStringLiteral("^:/data/[A-Za-z0-9_.-]+$"));
    for (const std::string& path : {session.trainData, session.testData}) {
        const QString p = QString::fromStdString(path);
        if (p.isEmpty()) continue;
        if (!builtIn.match(p).hasMatch() || p.contains(QLatin1String("..")) || !QFile::exists(p))
            return tr("The teacher's session uses a data file of the teacher's computer (%1); "
                      "class sessions can use only the studio's built-in data.")
                .arg(p.left(80));
    }
    return {};
}

QString ClassMode::sendSweep(const QVector<QPair<int, double>>& rates, const bp::Session& base) {
    if (!m_host) return tr("No class is hosted.");
    if (const QString why = checkClassSession(base); !why.isEmpty())
        return tr(
            "A class sweep needs the same data on every computer: train on one of the "
            "studio's built-in data sets first.");
    ClassHost* host = m_host;
    for (const auto& [id, lr] : rates) {
        if (!(lr > 0) || lr > Limits::kMaxLearningRate)
            return tr("A learning rate must be above 0.");
        bp::Session s = freshSession(base);
        s.training.learningRate = lr;
        s.title = tr("Class sweep: α = %1").arg(lr, 0, 'g', 3).toStdString();
        std::vector<char> bytes;
        try {
            bytes = bp::encodeSession(s);
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
        if (bytes.size() > static_cast<std::size_t>(Limits::kMaxSessionBytes))
            return tr("The network is too large to send to the class (%1 MB; at most %2 MB).")
                .arg(static_cast<double>(bytes.size()) / 1e6, 0, 'f', 1)
                .arg(Limits::kMaxSessionBytes / 1e6, 0, 'f', 1);
        const QByteArray b(bytes.data(), static_cast<qsizetype>(bytes.size()));
        QMetaObject::invokeMethod(
            host, [host, id, b] { host->sendSession(id, b, SessionPurpose::Sweep); });
    }
    return {};
}

QString ClassMode::sendChallenge(const Goal& goal, const bp::Session* start) {
    if (!m_host) return tr("No class is hosted.");
    QByteArray bytes;
    if (start) {
        if (const QString why = checkClassSession(*start); !why.isEmpty())
            return tr(
                "A challenge's starting session needs the same data on every computer: "
                "train on one of the studio's built-in data sets first.");
        const std::vector<char> b = bp::encodeSession(freshSession(*start));
        if (b.size() > static_cast<std::size_t>(Limits::kMaxSessionBytes))
            return tr("The network is too large to send to the class.");
        bytes = QByteArray(b.data(), static_cast<qsizetype>(b.size()));
    }
    ClassHost* host = m_host;
    QMetaObject::invokeMethod(host, [host, goal, bytes] {
        host->setGoal(goal);
        if (!bytes.isEmpty()) host->sendSession(0, bytes, SessionPurpose::Challenge);
    });
    m_goal = goal;
    emit classChanged();
    return {};
}

QString ClassMode::setReportFile(const QString& path) {
    m_reportPath = path;
    return {};
}

// ---- a student ------------------------------------------------------------------------------

QString ClassMode::join(const ClassClient::Options& options) {
    stopHosting();
    leave();
    m_client = new ClassClient(this);
    if (const QString why = m_client->start(options); !why.isEmpty()) {
        delete m_client;
        m_client = nullptr;
        return why;
    }
    connect(m_client, &ClassClient::stateChanged, this, &ClassMode::studentStateChanged);
    connect(m_client, &ClassClient::goalReceived, this, [this](const Goal& g) {
        m_studentGoal = g.active ? std::optional<Goal>(g) : std::nullopt;
        m_goalMet = m_studentGoal && m_studentGoal->metBy(m_bestAccuracy, [this] {
            RunStart r;
            r.layers = m_controller->spec().layers;
            return r.hiddenNeurons();
        }());
        emit studentStateChanged();
    });
    connect(m_client, &ClassClient::sessionReceived, this, &ClassMode::onSession);
    // Follow the studio's runs.
    m_follow << connect(m_controller, &TrainingController::runStarted, this,
                        [this] { beginStudentRun(); });
    m_follow << connect(
        m_controller, &TrainingController::errorPoints, this,
        [this](const QVector<QPointF>& points) { m_client->addErrorPoints(points); });
    m_follow << connect(m_controller, &TrainingController::learningRateMarked, this,
                        [this](double x, double lr) { m_client->changeLearningRate(x, lr); });
    m_follow << connect(
        m_controller, &TrainingController::epochFinished, this,
        [this](int epoch, double seen, double meanError, double accuracy, double) {
            Epoch e;
            e.epoch = std::max(1, epoch);
            e.samplesSeen = std::floor(std::max(0.0, seen));
            e.testAccuracy =
                std::isfinite(accuracy) ? std::clamp(accuracy, 0.0, 1.0) : std::nan("");
            e.meanError = std::isfinite(meanError) ? std::max(0.0, meanError) : 0.0;
            e.learningRate = m_controller->learningRate();
            m_client->addEpoch(e);
            if (std::isfinite(accuracy) && !(accuracy <= m_bestAccuracy)) m_bestAccuracy = accuracy;
            RunStart r;
            r.layers = m_controller->spec().layers;
            const bool met =
                m_studentGoal && m_studentGoal->metBy(m_bestAccuracy, r.hiddenNeurons());
            if (met != m_goalMet) {
                m_goalMet = met;
                emit studentStateChanged();
            }
        });
    beginStudentRun();
    m_role = Role::Student;
    emit roleChanged();
    emit studentStateChanged();
    return {};
}

void ClassMode::beginStudentRun() {
    if (!m_client) return;
    RunStart r;
    r.run = ++m_runNumber;
    const bp::NetworkSpec spec = m_controller->spec();
    r.layers = spec.layers;
    r.seed = spec.seed;
    r.learningRate = m_controller->learningRate() > 0 ? m_controller->learningRate() : 0.1;
    r.batch = std::max(1, m_controller->options().batch);
    m_client->beginRun(r);
    m_bestAccuracy = std::nan("");
    if (m_goalMet) {
        m_goalMet = false;
        emit studentStateChanged();
    }
}

void ClassMode::onSession(const SessionOffer& offer) {
    bp::Session session;
    try {
        session = bp::decodeSession(std::vector<char>(offer.bps.begin(), offer.bps.end()),
                                    tr("the teacher's session").toStdString());
    } catch (const std::exception& e) {
        emit sessionRefused(QString::fromStdString(e.what()));
        return;
    }
    if (const QString why = checkClassSession(session); !why.isEmpty()) {
        emit sessionRefused(why);
        return;
    }
    emit sessionArrived(session, offer.purpose);
}

void ClassMode::leave() {
    for (const auto& c : std::as_const(m_follow)) disconnect(c);
    m_follow.clear();
    if (m_client) {
        m_client->stop();
        m_client->deleteLater();
        m_client = nullptr;
    }
    m_studentGoal.reset();
    m_goalMet = false;
    if (m_role == Role::Student) {
        m_role = Role::None;
        emit roleChanged();
    }
}

ClassClient::State ClassMode::studentState() const {
    return m_client ? m_client->state() : ClassClient::State::Idle;
}

QString ClassMode::joinedName() const {
    return m_client ? m_client->joinedName() : QString();
}

RefuseReason ClassMode::lastRefusal() const {
    return m_client ? m_client->lastRefusal() : RefuseReason::Code;
}

}  // namespace bps
