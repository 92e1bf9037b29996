// ClassClient.h — the student's side of class mode: joins a host with the class's code and a
// display name and sends a summary of the student's run at a bounded rate.
//
// The caller reports its run as it goes (beginRun, addErrorPoints, changeLearningRate,
// setSamplesSeen, addEpoch); the client keeps what is not sent yet and sends it when the budget
// allows (Limits::kClientRate messages a second, progress at most every
// kClientProgressIntervalMs): the run first, then epoch results in order (never coalesced),
// then one progress message with the newest points (downsampled to kMaxProgressPoints).
// The run's curve (≤ kMaxHistoryPoints points) and last epochs are kept, so when the host goes
// away the student keeps working, the client retries every few seconds, and on rejoining it
// sends the run again: a host that restarted gets the curves back, one that did not ignores the
// epochs it already has.
//
// From the teacher the client accepts only what Protocol's parser accepts (welcome, refused,
// session, goal); a session is passed on as bytes for core's session loader to check.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QTimer>
#include <QVector>
#include <deque>

#include "Protocol.h"

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace bp::classroom {

class ClassClient : public QObject {
    Q_OBJECT
  public:
    static constexpr int kMaxHistoryPoints = 1000;  // the run's curve kept for a rejoin
    static constexpr int kMaxKeptEpochs = 500;      // epoch results kept (unsent ones included)
    static constexpr int kResentEpochs = 20;        // sent again on rejoining
    static constexpr int kRetryMs = 2000;           // between attempts while the host is away

    enum class State {
        Idle,        // not started, or stopped
        Connecting,  // trying to reach the host
        Joined,      // welcomed: sending
        Waiting,     // the host went away or is full: retrying every kRetryMs
        Refused,     // refused for good (code, name, protocol, removed): stopped
    };

    struct Options {
        QString host;  // address or name of the teacher's computer
        quint16 port = 0;
        QString code;  // the class's join code
        QString name;  // display name (normalizedName() must accept it)
        QString key;   // reconnection key; empty = a fresh one (makeStudentKey)
    };

    explicit ClassClient(QObject* parent = nullptr);
    ~ClassClient() override;

    // Returns an empty string, or why the options cannot work (bad name or code, no host).
    QString start(const Options& options);
    void stop();
    State state() const { return m_state; }
    QString joinedName() const { return m_joinedName; }
    RefuseReason lastRefusal() const { return m_lastRefusal; }
    // Messages per second the client allows itself (default Limits::kClientRate; the load test
    // sends at the host's limit, Limits::kRate) and the shortest gap between progress messages.
    void setRate(double messagesPerSecond);
    void setProgressInterval(int ms) { m_progressIntervalMs = ms; }

    // ---- the run, as it happens ----
    void beginRun(const RunStart& run);  // a new curve; the run number must change
    void addErrorPoints(const QVector<QPointF>& points);
    void changeLearningRate(double samplesSeen, double lr);
    void setSamplesSeen(double samplesSeen);
    void addEpoch(const Epoch& epoch);

    // Nothing left to send (all epochs and points went out).
    bool isFlushed() const;
    qint64 epochsSent() const { return m_epochsSent; }
    qint64 epochsLost() const { return m_epochsLost; }  // unsent ones past kMaxKeptEpochs
    int pendingEpochs() const;

  signals:
    void stateChanged(bp::classroom::ClassClient::State state);
    void sessionReceived(const bp::classroom::SessionOffer& offer);
    void goalReceived(const bp::classroom::Goal& goal);

  private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onText(const QString& text);
    void setState(State s);
    void pump();
    bool spend();  // takes one message from the budget, or returns false
    void send(const StudentMessage& m);
    void rejoined();

    QWebSocket* m_socket = nullptr;
    Options m_options;
    State m_state = State::Idle;
    QString m_joinedName;  // as the host shows it
    RefuseReason m_lastRefusal = RefuseReason::Code;
    bool m_final = false;                 // refused for good: no retry
    QTimer* m_retry = nullptr;            // single shot, kRetryMs
    QTimer* m_pump = nullptr;             // sends what the budget allows
    QElapsedTimer m_clock;                // budget and progress pacing
    double m_rate = Limits::kClientRate;  // messages per second
    double m_tokens = 1;                  // budget left
    qint64 m_lastRefillNs = 0;
    int m_progressIntervalMs = Limits::kClientProgressIntervalMs;
    qint64 m_lastProgressMs = -1000000;

    // The run and what of it is still to send.
    RunStart m_run;
    bool m_hasRun = false;
    bool m_runSent = false;            // on this connection
    QVector<QPointF> m_history;        // the run's curve, ≤ kMaxHistoryPoints
    QVector<QPointF> m_pendingPoints;  // not sent yet (bounded like m_history)
    QVector<QPointF> m_pendingRates;   // rate changes not sent yet (≤ 16 a message)
    double m_samplesSeen = 0;
    double m_lr = 0;
    bool m_progressDue = false;  // something changed since the last progress
    std::deque<Epoch> m_epochs;  // the run's last results, sent or not
    qint64 m_epochBase = 0;      // number of the first in m_epochs (absolute index)
    qint64 m_nextEpoch = 0;      // absolute index of the next to send now
    qint64 m_firstUnsent = 0;    // absolute index of the first never sent
    qint64 m_epochsSent = 0;
    qint64 m_epochsLost = 0;
};

}  // namespace bp::classroom

Q_DECLARE_METATYPE(bp::classroom::SessionOffer)
Q_DECLARE_METATYPE(bp::classroom::Goal)
