// ClassHost.h — the teacher's side of class mode: a WebSocket server that admits students with
// the class's code and keeps, per student, a bounded summary of their run.
//
// Listening starts in start() and stops in stop() (and in the destructor): a host that is not
// started has no open port. Every message goes through Protocol's strict parser after the
// per-student rate budget (Limits::kRate, kBurst); anything refused is dropped and counted
// (counters()). What a host keeps per student is bounded (a curve of at most kMaxCurvePoints
// points, at most kMaxEpochs epoch results, at most kMaxRateMarks rate changes), so memory stays
// flat however long a class runs; every epoch result is also announced once (epochReceived) for
// a report written as results arrive.
//
// The host is a plain QObject of the thread it lives on (the studio runs it on a worker thread
// and reads snapshots; backprop-cli on its main thread).
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QVector>
#include <array>
#include <memory>

#include "Protocol.h"

QT_BEGIN_NAMESPACE
class QWebSocket;
class QWebSocketServer;
QT_END_NAMESPACE

namespace bp::classroom {

// One student as the teacher sees them (a value: snapshots of the class are copies).
struct StudentSummary {
    int id = 0;               // stable while the host runs, also across reconnections
    QString name;             // plain text, checked by normalizedName()
    bool connected = false;   // false: lost, kept until the student returns or is removed
    RunStart run;             // the current run's shape and settings
    bool hasRun = false;      // a run message has arrived
    double learningRate = 0;  // the rate now
    double samplesSeen = 0;   // in the current run
    double testAccuracy = std::numeric_limits<double>::quiet_NaN();  // last epoch's, NaN = none
    int epochs = 0;               // epochs ended in the current run
    QVector<QPointF> error;       // current run's running error, ≤ kMaxCurvePoints points
    QVector<QPointF> rateMarks;   // (samples seen, new rate), ≤ kMaxRateMarks
    QVector<Epoch> epochResults;  // current run's last ≤ kMaxEpochs results
    bool metGoal = false;         // some epoch of the current run met the goal in force
    int dropped = 0;              // this student's messages refused so far
};

// A result as the report writes it (one row per epoch received).
struct EpochRow {
    QString name;
    double learningRate = 0;
    int hidden = 0;  // hidden neurons of the run (RunStart::hiddenNeurons)
    Epoch epoch;
};

class ClassHost : public QObject {
    Q_OBJECT
  public:
    static constexpr int kMaxCurvePoints = 1000;  // per student; older points are merged
    static constexpr int kMaxEpochs = 500;        // results kept per student (oldest go first)
    static constexpr int kMaxRateMarks = 200;
    static constexpr int kMaxRemembered = 200;  // students kept, connected or lost

    struct Options {
        QHostAddress address = QHostAddress::Any;  // the room's network; tests use LocalHost
        quint16 port = 0;                          // 0 = any free port (see port())
        QString code;                              // isValidCode()
        int maxStudents = Limits::kDefaultMaxStudents;
    };

    // What was refused, by kind (the teacher's status line and the tests read them).
    enum Counter {
        TooLarge,  // over the message cap (dropped) or the frame cap (connection closed)
        NotJson,
        BadType,  // unknown type, binary frame, or a message out of order (run before hello)
        BadField,
        RateLimited,  // over the per-student budget
        WrongCode,    // hellos with a wrong code
        BadName,      // hellos with a name normalizedName() refuses, or taken
        Full,         // connections refused because the class was full
        Flooded,      // students disconnected for kMaxDrops drops
        TimedOut,     // connections that said no hello in time
        kCounters
    };
    using Counters = std::array<qint64, kCounters>;

    explicit ClassHost(QObject* parent = nullptr);
    ~ClassHost() override;

    // Listens; returns an empty string or what went wrong (port in use, bad code).
    QString start(const Options& options);
    // Closes every connection and the port.
    void stop();
    bool isListening() const;
    quint16 port() const;
    QString code() const { return m_options.code; }

    QVector<StudentSummary> students() const;  // by id
    int connectedCount() const;
    Counters counters() const { return m_counters; }
    qint64 messagesAccepted() const { return m_accepted; }
    static const char* counterName(int c);

    // Ends a student's connection with "removed"; they cannot join again while this host runs
    // (their key is barred; a new name and key can: the teacher removes again).
    void remove(int id);
    // Sends a session to one student (id) or to every connected one (id 0). Returns false when
    // the bytes exceed Limits::kMaxSessionBytes.
    bool sendSession(int id, const QByteArray& bps, SessionPurpose purpose);
    // Sends the goal to everyone now and to each student who joins later; marks who meets it.
    void setGoal(const Goal& goal);
    Goal goal() const { return m_goal; }

  signals:
    void studentJoined(int id, const QString& name);
    void studentLeft(int id);
    void epochReceived(const bp::classroom::EpochRow& row);
    // The class changed (coalesced: at most every 200 ms).
    void changed();

  private:
    struct Peer;
    void onNewConnection();
    void onText(Peer* peer, const QString& text);
    void onBinary(Peer* peer);
    void onDisconnected(Peer* peer);
    void handleHello(Peer* peer, const Hello& hello);
    void handle(Peer* peer, StudentSummary& s, const StudentMessage& m);
    void drop(Peer* peer, Counter why);
    void refuseAndClose(Peer* peer, RefuseReason reason);
    void sendTo(Peer* peer, const TeacherMessage& m);
    void housekeeping();
    void touch();
    StudentSummary* student(int id);

    QWebSocketServer* m_server = nullptr;
    Options m_options;
    QHash<QWebSocket*, std::shared_ptr<Peer>> m_peers;  // every open connection
    QVector<StudentSummary> m_students;                 // joined (or lost) students, by id
    QHash<QString, int> m_keys;                         // student key → id
    QSet<QString> m_barred;                             // keys of removed students
    Counters m_counters{};                              // refusals by kind
    qint64 m_accepted = 0;                              // messages parsed and used
    int m_nextId = 1;
    Goal m_goal{false, 0.95, 0};       // the challenge in force (inactive at first)
    QTimer* m_housekeeping = nullptr;  // hello deadlines, once a second
    QTimer* m_changed = nullptr;       // coalesces changed()
};

}  // namespace bp::classroom

Q_DECLARE_METATYPE(bp::classroom::EpochRow)
