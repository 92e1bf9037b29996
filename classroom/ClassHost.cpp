// ClassHost.cpp — admission, the per-student budget, strict parsing and bounded summaries
// (see ClassHost.h; the rules are docs/CLASSROOM_PROTOCOL.md's).
#include "ClassHost.h"

#include "Curve.h"

#include <QSet>
#include <QWebSocket>
#include <QWebSocketServer>
#include <algorithm>
#include <cmath>

namespace bp::classroom {

// One open connection. id is 0 until its hello is accepted.
struct ClassHost::Peer {
    QWebSocket* socket = nullptr;    // owned: deleted (later) when the connection ends
    int id = 0;                      // the student, once joined
    double tokens = Limits::kBurst;  // message budget left (token bucket)
    qint64 lastRefillNs = 0;         // when the bucket was last refilled
    int drops = 0;                   // messages refused on this connection
    bool closing = false;            // refused or removed: everything further is ignored
    QElapsedTimer age;               // since the connection was accepted (hello deadline)
};

ClassHost::ClassHost(QObject* parent) : QObject(parent) {
    m_housekeeping = new QTimer(this);  // a child: moves with the object to its thread
    m_changed = new QTimer(this);       // a child: moves with the object to its thread
    qRegisterMetaType<bp::classroom::EpochRow>();
    m_housekeeping->setInterval(1000);
    connect(m_housekeeping, &QTimer::timeout, this, &ClassHost::housekeeping);
    m_changed->setSingleShot(true);
    m_changed->setInterval(200);
    connect(m_changed, &QTimer::timeout, this, &ClassHost::changed);
}

ClassHost::~ClassHost() {
    stop();
}

QString ClassHost::start(const Options& options) {
    stop();
    if (!isValidCode(options.code))
        return tr("the join code must be %1 to %2 letters or digits")
            .arg(Limits::kMinCodeChars)
            .arg(Limits::kMaxCodeChars);
    m_options = options;
    m_options.maxStudents = std::clamp(options.maxStudents, 1, kMaxRemembered);
    m_server = new QWebSocketServer(QStringLiteral("Backprop Studio"),
                                    QWebSocketServer::NonSecureMode, this);
    m_server->setMaxPendingConnections(m_options.maxStudents);
    m_server->setHandshakeTimeout(Limits::kHelloTimeoutMs);
    if (!m_server->listen(m_options.address, m_options.port)) {
        const QString why = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return why;
    }
    connect(m_server, &QWebSocketServer::newConnection, this, &ClassHost::onNewConnection);
    m_housekeeping->start();
    return {};
}

void ClassHost::stop() {
    m_housekeeping->stop();
    if (m_server) {
        m_server->close();  // the port is closed from here on
        delete m_server;
        m_server = nullptr;
    }
    const auto peers = m_peers;  // closing emits disconnected, which edits m_peers
    m_peers.clear();
    for (const auto& p : peers) {
        p->closing = true;
        p->socket->disconnect(this);
        p->socket->abort();
        p->socket->deleteLater();
    }
    for (StudentSummary& s : m_students) s.connected = false;
    if (!peers.isEmpty()) touch();
}

bool ClassHost::isListening() const {
    return m_server && m_server->isListening();
}
quint16 ClassHost::port() const {
    return m_server ? m_server->serverPort() : 0;
}

QVector<StudentSummary> ClassHost::students() const {
    return m_students;
}

int ClassHost::connectedCount() const {
    return static_cast<int>(std::count_if(m_students.begin(), m_students.end(),
                                          [](const StudentSummary& s) { return s.connected; }));
}

const char* ClassHost::counterName(int c) {
    static const char* const names[] = {"too_large",    "not_json",   "bad_type", "bad_field",
                                        "rate_limited", "wrong_code", "bad_name", "full",
                                        "flooded",      "timed_out"};
    return c >= 0 && c < kCounters ? names[c] : "?";
}

StudentSummary* ClassHost::student(int id) {
    for (StudentSummary& s : m_students)
        if (s.id == id) return &s;
    return nullptr;
}

void ClassHost::touch() {
    if (!m_changed->isActive()) m_changed->start();
}

void ClassHost::onNewConnection() {
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        // Larger messages close the connection before Qt buffers them (close code 1009).
        socket->setMaxAllowedIncomingFrameSize(Limits::kMaxFrameBytes);
        socket->setMaxAllowedIncomingMessageSize(Limits::kMaxFrameBytes);
        socket->setReadBufferSize(Limits::kMaxFrameBytes);
        auto peer = std::make_shared<Peer>();
        peer->socket = socket;
        peer->age.start();
        peer->lastRefillNs = peer->age.nsecsElapsed();
        Peer* p = peer.get();
        m_peers.insert(socket, peer);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, p](const QString& t) { onText(p, t); });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [this, p] { onBinary(p); });
        connect(socket, &QWebSocket::disconnected, this, [this, p] { onDisconnected(p); });
        if (m_peers.size() > m_options.maxStudents) {
            ++m_counters[Full];
            refuseAndClose(p, RefuseReason::Full);
        }
    }
}

void ClassHost::drop(Peer* peer, Counter why) {
    ++m_counters[why];
    ++peer->drops;
    if (StudentSummary* s = student(peer->id)) ++s->dropped;
    if (peer->drops >= Limits::kMaxDrops && !peer->closing) {
        ++m_counters[Flooded];
        refuseAndClose(peer, RefuseReason::Flood);
    }
}

void ClassHost::sendTo(Peer* peer, const TeacherMessage& m) {
    peer->socket->sendTextMessage(QString::fromUtf8(encode(m)));
}

void ClassHost::refuseAndClose(Peer* peer, RefuseReason reason) {
    if (peer->closing) return;
    peer->closing = true;
    sendTo(peer, Refused{reason});
    peer->socket->close(reason == RefuseReason::Flood ? QWebSocketProtocol::CloseCodePolicyViolated
                                                      : QWebSocketProtocol::CloseCodeNormal);
}

void ClassHost::onBinary(Peer* peer) {
    if (!peer->closing) drop(peer, BadType);  // the protocol has text frames only
}

void ClassHost::onText(Peer* peer, const QString& text) {
    if (peer->closing) return;
    // The budget first: a message over it costs no parsing.
    const qint64 now = peer->age.nsecsElapsed();
    peer->tokens = std::min(
        Limits::kBurst,
        peer->tokens + Limits::kRate * static_cast<double>(now - peer->lastRefillNs) * 1e-9);
    peer->lastRefillNs = now;
    if (peer->tokens < 1.0) {
        drop(peer, RateLimited);
        return;
    }
    peer->tokens -= 1.0;
    // A UTF-16 length over the cap is over it in UTF-8 too (each unit is ≥ 1 byte).
    if (text.size() > Limits::kMaxStudentMessageBytes) {
        drop(peer, TooLarge);
        return;
    }
    const Parsed<StudentMessage> parsed = parseStudentMessage(text.toUtf8());
    if (!parsed.message) {
        switch (parsed.error) {
            case ParseError::TooLarge:
                drop(peer, TooLarge);
                break;
            case ParseError::NotJson:
                drop(peer, NotJson);
                break;
            case ParseError::BadType:
                drop(peer, BadType);
                break;
            default:
                drop(peer, BadField);
                break;
        }
        return;
    }
    const StudentMessage& m = *parsed.message;
    if (const auto* hello = std::get_if<Hello>(&m)) {
        if (peer->id != 0) {
            drop(peer, BadType);  // one hello per connection
            return;
        }
        handleHello(peer, *hello);
        return;
    }
    StudentSummary* s = student(peer->id);
    if (!s) {
        drop(peer, BadType);  // nothing before hello
        return;
    }
    handle(peer, *s, m);
}

void ClassHost::handleHello(Peer* peer, const Hello& hello) {
    if (hello.protocol != kProtocolVersion) {
        refuseAndClose(peer, RefuseReason::Protocol);
        return;
    }
    if (hello.code.compare(m_options.code, Qt::CaseInsensitive) != 0) {
        ++m_counters[WrongCode];
        refuseAndClose(peer, RefuseReason::Code);
        return;
    }
    const QString name = normalizedName(hello.name);
    if (name.isEmpty()) {
        ++m_counters[BadName];
        refuseAndClose(peer, RefuseReason::Name);
        return;
    }
    if (m_barred.contains(hello.key)) {
        refuseAndClose(peer, RefuseReason::Removed);
        return;
    }
    const int known = m_keys.value(hello.key, 0);
    for (const StudentSummary& other : m_students)
        if (other.id != known && other.name.compare(name, Qt::CaseInsensitive) == 0) {
            ++m_counters[BadName];
            refuseAndClose(peer, RefuseReason::NameTaken);
            return;
        }
    if (known != 0) {
        // The same student again (the connection was lost): the older connection goes.
        for (const auto& other : std::as_const(m_peers))
            if (other.get() != peer && other->id == known && !other->closing) {
                other->closing = true;
                other->id = 0;
                other->socket->close();
            }
        peer->id = known;
    } else {
        if (m_students.size() >= kMaxRemembered) {
            const auto lost = std::find_if(m_students.begin(), m_students.end(),
                                           [](const StudentSummary& s) { return !s.connected; });
            if (lost == m_students.end()) {
                ++m_counters[Full];
                refuseAndClose(peer, RefuseReason::Full);
                return;
            }
            m_keys.remove(m_keys.key(lost->id));
            m_students.erase(lost);
        }
        peer->id = m_nextId++;
        m_keys.insert(hello.key, peer->id);
        StudentSummary s;
        s.id = peer->id;
        m_students.append(s);
    }
    StudentSummary* s = student(peer->id);
    s->name = name;
    s->connected = true;
    ++m_accepted;
    sendTo(peer, Welcome{kProtocolVersion, name});
    if (m_goal.active) sendTo(peer, m_goal);
    emit studentJoined(s->id, name);
    touch();
}

void ClassHost::handle(Peer* peer, StudentSummary& s, const StudentMessage& m) {
    if (const auto* run = std::get_if<RunStart>(&m)) {
        if (!s.hasRun || run->run != s.run.run) {  // a new run: a new curve
            s.error.clear();
            s.rateMarks.clear();
            s.epochResults.clear();
            s.epochs = 0;
            s.samplesSeen = 0;
            s.testAccuracy = std::numeric_limits<double>::quiet_NaN();
            s.metGoal = false;
        }
        s.run = *run;
        s.hasRun = true;
        s.learningRate = run->learningRate;
        ++m_accepted;
        touch();
        return;
    }
    if (!s.hasRun) {
        drop(peer, BadType);  // progress and epochs belong to a run
        return;
    }
    if (const auto* p = std::get_if<Progress>(&m)) {
        if (p->run != s.run.run) {
            drop(peer, BadField);
            return;
        }
        appendBounded(s.error, p->error, kMaxCurvePoints);
        for (const QPointF& r : p->rateChanges) {
            if (s.rateMarks.size() >= kMaxRateMarks) s.rateMarks.removeFirst();
            s.rateMarks.append(r);
        }
        s.samplesSeen = std::max(s.samplesSeen, p->samplesSeen);
        s.learningRate = p->learningRate;
        ++m_accepted;
        touch();
        return;
    }
    if (const auto* e = std::get_if<Epoch>(&m)) {
        if (e->run != s.run.run) {
            drop(peer, BadField);
            return;
        }
        ++m_accepted;
        if (e->epoch <= s.epochs) return;  // sent again after a reconnection: already counted
        s.epochs = e->epoch;
        s.samplesSeen = std::max(s.samplesSeen, e->samplesSeen);
        s.learningRate = e->learningRate;
        if (!std::isnan(e->testAccuracy)) s.testAccuracy = e->testAccuracy;
        if (s.epochResults.size() >= kMaxEpochs) s.epochResults.removeFirst();
        s.epochResults.append(*e);
        if (m_goal.metBy(e->testAccuracy, s.run.hiddenNeurons())) s.metGoal = true;
        emit epochReceived(EpochRow{s.name, e->learningRate, s.run.hiddenNeurons(), *e});
        touch();
    }
}

void ClassHost::onDisconnected(Peer* peer) {
    QWebSocket* socket = peer->socket;
    if (socket->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData) ++m_counters[TooLarge];
    const int id = peer->id;
    m_peers.remove(socket);  // peer is gone from here on
    socket->deleteLater();
    if (StudentSummary* s = student(id)) {
        bool stillThere = false;  // a newer connection of the same student
        for (const auto& other : std::as_const(m_peers)) stillThere |= other->id == id;
        if (!stillThere) {
            s->connected = false;
            emit studentLeft(id);
            touch();
        }
    }
}

void ClassHost::housekeeping() {
    for (const auto& p : std::as_const(m_peers))
        if (p->id == 0 && !p->closing && p->age.elapsed() > Limits::kHelloTimeoutMs) {
            ++m_counters[TimedOut];
            refuseAndClose(p.get(), RefuseReason::Timeout);
        }
}

void ClassHost::remove(int id) {
    const QString key = m_keys.key(id);
    if (!key.isEmpty()) m_barred.insert(key);
    for (const auto& p : std::as_const(m_peers))
        if (p->id == id) refuseAndClose(p.get(), RefuseReason::Removed);
    m_keys.remove(key);
    m_students.erase(std::remove_if(m_students.begin(), m_students.end(),
                                    [id](const StudentSummary& s) { return s.id == id; }),
                     m_students.end());
    emit studentLeft(id);
    touch();
}

bool ClassHost::sendSession(int id, const QByteArray& bps, SessionPurpose purpose) {
    if (bps.isEmpty() || bps.size() > Limits::kMaxSessionBytes) return false;
    const QString message = QString::fromUtf8(encode(SessionOffer{purpose, bps}));
    for (const auto& p : std::as_const(m_peers))
        if (p->id != 0 && !p->closing && (id == 0 || p->id == id))
            p->socket->sendTextMessage(message);
    return true;
}

void ClassHost::setGoal(const Goal& goal) {
    m_goal = goal;
    for (StudentSummary& s : m_students) {
        s.metGoal = false;
        for (const Epoch& e : s.epochResults)
            s.metGoal |= m_goal.metBy(e.testAccuracy, s.run.hiddenNeurons());
    }
    for (const auto& p : std::as_const(m_peers))
        if (p->id != 0 && !p->closing) sendTo(p.get(), goal);
    touch();
}

}  // namespace bp::classroom
