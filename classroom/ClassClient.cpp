// ClassClient.cpp — joining, the send queue and its budget, retrying while the host is away
// (see ClassClient.h).
#include "ClassClient.h"

#include <QRandomGenerator>
#include <QUrl>
#include <QWebSocket>
#include <algorithm>

#include "Curve.h"

namespace bp::classroom {

ClassClient::ClassClient(QObject* parent) : QObject(parent) {
    m_retry = new QTimer(this);  // a child: moves with the object to its thread
    m_pump = new QTimer(this);   // a child: moves with the object to its thread
    qRegisterMetaType<bp::classroom::SessionOffer>();
    qRegisterMetaType<bp::classroom::Goal>();
    qRegisterMetaType<bp::classroom::ClassClient::State>();
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &ClassClient::connectNow);
    m_pump->setInterval(20);
    connect(m_pump, &QTimer::timeout, this, &ClassClient::pump);
    m_clock.start();
}

ClassClient::~ClassClient() {
    stop();
}

QString ClassClient::start(const Options& options) {
    stop();
    if (normalizedName(options.name).isEmpty())
        return tr("a name is 1 to %1 letters, digits, spaces or - _ . '")
            .arg(Limits::kMaxNameChars);
    if (!isValidCode(options.code))
        return tr("the join code is %1 to %2 letters or digits")
            .arg(Limits::kMinCodeChars)
            .arg(Limits::kMaxCodeChars);
    if (options.host.trimmed().isEmpty() || options.port == 0)
        return tr("the teacher's address needs a host and a port");
    m_options = options;
    m_options.name = normalizedName(options.name);
    if (m_options.key.isEmpty()) m_options.key = makeStudentKey();
    m_final = false;
    connectNow();
    return {};
}

void ClassClient::stop() {
    m_retry->stop();
    m_pump->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Idle);
}

void ClassClient::setState(State s) {
    if (s == m_state) return;
    m_state = s;
    emit stateChanged(s);
}

void ClassClient::setRate(double messagesPerSecond) {
    m_rate = std::clamp(messagesPerSecond, 0.1, Limits::kRate);
}

void ClassClient::connectNow() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingFrameSize(Limits::kMaxTeacherMessageBytes);
    m_socket->setMaxAllowedIncomingMessageSize(Limits::kMaxTeacherMessageBytes);
    connect(m_socket, &QWebSocket::connected, this, &ClassClient::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &ClassClient::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClassClient::onText);
    setState(m_state == State::Waiting ? State::Waiting : State::Connecting);
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_options.host.trimmed());
    url.setPort(m_options.port);
    url.setPath(QStringLiteral("/"));
    m_socket->open(url);
}

void ClassClient::onConnected() {
    send(Hello{kProtocolVersion, m_options.code, m_options.name, m_options.key});
}

void ClassClient::onDisconnected() {
    m_pump->stop();
    if (m_final) {
        setState(State::Refused);
        return;
    }
    setState(State::Waiting);
    // Spread the class's retries so thirty students do not knock at the same instant.
    m_retry->start(kRetryMs / 2 + QRandomGenerator::global()->bounded(kRetryMs));
}

void ClassClient::onText(const QString& text) {
    const Parsed<TeacherMessage> parsed = parseTeacherMessage(text.toUtf8());
    if (!parsed.message) return;  // not a message of the protocol: ignored
    const TeacherMessage& m = *parsed.message;
    if (const auto* w = std::get_if<Welcome>(&m)) {
        if (w->protocol != kProtocolVersion) return;
        m_joinedName = w->name;
        rejoined();
        setState(State::Joined);
        m_pump->start();
    } else if (const auto* r = std::get_if<Refused>(&m)) {
        m_lastRefusal = r->reason;
        m_final = r->reason != RefuseReason::Full && r->reason != RefuseReason::Timeout &&
                  r->reason != RefuseReason::Flood;
    } else if (m_state == State::Joined) {  // sessions and goals only from a host that welcomed us
        if (const auto* s = std::get_if<SessionOffer>(&m)) emit sessionReceived(*s);
        if (const auto* g = std::get_if<Goal>(&m)) emit goalReceived(*g);
    }
}

void ClassClient::rejoined() {
    m_runSent = false;
    m_pendingPoints = m_history;  // a host that restarted gets the curve back
    m_progressDue = m_hasRun;
    // The last few epochs again (a host that kept them ignores them) and every unsent one.
    const qint64 end = m_epochBase + static_cast<qint64>(m_epochs.size());
    m_nextEpoch = std::max(m_epochBase, std::min(m_firstUnsent, end - kResentEpochs));
    m_tokens = 1;
}

void ClassClient::beginRun(const RunStart& run) {
    m_run = run;
    m_hasRun = true;
    m_runSent = false;
    m_history.clear();
    m_pendingPoints.clear();
    m_pendingRates.clear();
    m_samplesSeen = 0;
    m_lr = run.learningRate;
    m_progressDue = false;
    m_epochBase += static_cast<qint64>(m_epochs.size());
    m_epochs.clear();
    m_nextEpoch = m_firstUnsent = m_epochBase;
}

void ClassClient::addErrorPoints(const QVector<QPointF>& points) {
    if (!m_hasRun || points.isEmpty()) return;
    appendBounded(m_history, points, kMaxHistoryPoints);
    appendBounded(m_pendingPoints, points, kMaxHistoryPoints);
    m_samplesSeen = std::max(m_samplesSeen, points.back().x());
    m_progressDue = true;
}

void ClassClient::changeLearningRate(double samplesSeen, double lr) {
    if (!m_hasRun || !(lr > 0) || lr > Limits::kMaxLearningRate) return;
    m_lr = lr;
    if (m_pendingRates.size() >= Limits::kMaxRateChanges) m_pendingRates.removeFirst();
    m_pendingRates.append(QPointF(std::max(samplesSeen, 0.0), lr));
    m_progressDue = true;
}

void ClassClient::setSamplesSeen(double samplesSeen) {
    if (samplesSeen != m_samplesSeen) {
        m_samplesSeen = samplesSeen;
        m_progressDue = m_hasRun;
    }
}

void ClassClient::addEpoch(const Epoch& epoch) {
    if (!m_hasRun) return;
    Epoch e = epoch;
    e.run = m_run.run;
    m_epochs.push_back(e);
    m_lr = e.learningRate;
    m_samplesSeen = std::max(m_samplesSeen, e.samplesSeen);
    while (m_epochs.size() > static_cast<std::size_t>(kMaxKeptEpochs)) {
        if (m_firstUnsent <= m_epochBase) {
            ++m_epochsLost;  // never sent, and no room left
            ++m_firstUnsent;
        }
        m_epochs.pop_front();
        ++m_epochBase;
        m_nextEpoch = std::max(m_nextEpoch, m_epochBase);
    }
}

int ClassClient::pendingEpochs() const {
    return static_cast<int>(m_epochBase + static_cast<qint64>(m_epochs.size()) - m_firstUnsent);
}

bool ClassClient::isFlushed() const {
    return m_state == State::Joined && (!m_hasRun || m_runSent) && pendingEpochs() == 0 &&
           !m_progressDue && m_pendingPoints.isEmpty();
}

bool ClassClient::spend() {
    const qint64 now = m_clock.nsecsElapsed();
    m_tokens = std::min(1.0, m_tokens + m_rate * static_cast<double>(now - m_lastRefillNs) * 1e-9);
    m_lastRefillNs = now;
    if (m_tokens < 1.0) return false;
    m_tokens -= 1.0;
    return true;
}

void ClassClient::send(const StudentMessage& m) {
    if (m_socket) m_socket->sendTextMessage(QString::fromUtf8(encode(m)));
}

void ClassClient::pump() {
    if (m_state != State::Joined || !m_hasRun) return;
    while (spend()) {
        if (!m_runSent) {
            send(m_run);
            m_runSent = true;
            continue;
        }
        const qint64 end = m_epochBase + static_cast<qint64>(m_epochs.size());
        if (m_nextEpoch < end) {
            send(m_epochs[static_cast<std::size_t>(m_nextEpoch - m_epochBase)]);
            ++m_nextEpoch;
            if (m_nextEpoch > m_firstUnsent) {
                m_epochsSent += m_nextEpoch - m_firstUnsent;
                m_firstUnsent = m_nextEpoch;
            }
            continue;
        }
        const qint64 nowMs = m_clock.elapsed();
        if (m_progressDue && nowMs - m_lastProgressMs >= m_progressIntervalMs) {
            Progress p;
            p.run = m_run.run;
            p.samplesSeen = m_samplesSeen;
            p.learningRate = m_lr;
            // The oldest pending points first, at most a message's worth; the newest last.
            QVector<QPointF> chunk = m_pendingPoints.mid(0, Limits::kMaxProgressPoints);
            m_pendingPoints.remove(0, chunk.size());
            p.error = chunk;
            p.rateChanges = m_pendingRates;
            m_pendingRates.clear();
            send(p);
            m_lastProgressMs = nowMs;
            m_progressDue = !m_pendingPoints.isEmpty();
            continue;
        }
        m_tokens = std::min(1.0, m_tokens + 1.0);  // nothing to send: the token stays
        break;
    }
}

}  // namespace bp::classroom
