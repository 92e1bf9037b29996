// ClassMode.h — the studio's part in class mode (issue 15): hosting a class (the teacher) or
// being in one (a student). No widget: ClassActions (per window) shows it.
//
// One per studio, a child of the TrainingController, so it outlives a window that is re-created
// (ClassMode::of finds it). The teacher's ClassHost runs on a worker thread of its own: the GUI
// thread gets a copy of the class (students, counters) at most every kSnapshotMs, never waits for
// the network, and a flood of messages costs the worker, not the teacher's screen. A student's
// ClassClient lives on the GUI thread (a few small messages a second) and follows the controller:
// each run, its curve, its rate changes and its epochs go to the teacher.
//
// From the teacher a student accepts only sessions and goals. A session is checked by the core's
// session loader as a file from disk would be, and may name only data built into the studio
// (":/data/…"), so no teacher can make a student's computer open a path.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QVector>
#include <memory>
#include <optional>

#include "ClassClient.h"
#include "ClassHost.h"
#include "backprop/SessionFile.h"

namespace bps {

class TrainingController;

class ClassMode : public QObject {
    Q_OBJECT
  public:
    static constexpr quint16 kDefaultPort = 5710;
    static constexpr int kSnapshotMs = 500;  // the teacher's copy of the class, at most 2 Hz

    // The studio's class mode (made on first use).
    static ClassMode* of(TrainingController* controller);
    ~ClassMode() override;

    enum class Role { None, Teacher, Student };
    Role role() const { return m_role; }

    // ---- the teacher ----
    // Listens on port (every address of this computer); empty string or the error.
    QString host(quint16 port, const QString& code);
    void stopHosting();
    quint16 port() const { return m_port; }
    QString code() const { return m_code; }
    // This computer's addresses on the room's network (IPv4, not loopback), best first.
    static QStringList roomAddresses();
    QVector<bp::classroom::StudentSummary> students() const { return m_students; }
    bp::classroom::ClassHost::Counters counters() const { return m_counters; }
    void removeStudent(int id);
    // Sends each student (id) the base session with their learning rate (a fresh network from
    // the base's seed, no curves): empty string or why not.
    QString sendSweep(const QVector<QPair<int, double>>& rates, const bp::Session& base);
    // The challenge: the goal to everyone (and to later joiners) and, if given, a starting session.
    QString sendChallenge(const bp::classroom::Goal& goal, const bp::Session* start);
    bp::classroom::Goal goal() const { return m_goal; }
    // Writes every epoch result received to path as it arrives (--class-report).
    QString setReportFile(const QString& path);

    // ---- a student ----
    QString join(const bp::classroom::ClassClient::Options& options);
    void leave();
    bp::classroom::ClassClient::State studentState() const;
    QString joinedName() const;
    bp::classroom::RefuseReason lastRefusal() const;
    // The goal the teacher set, if any, and whether a run of this studio met it.
    std::optional<bp::classroom::Goal> studentGoal() const { return m_studentGoal; }
    bool goalMet() const { return m_goalMet; }

    // A fresh session from this base: the network re-initialised from its seed, no curves.
    static bp::Session freshSession(const bp::Session& base);
    // Why a session from the teacher cannot be used here (empty: it can): data other than the
    // studio's built-in sets.
    static QString checkClassSession(const bp::Session& session);

  signals:
    void roleChanged();
    void classChanged();         // the teacher's copy of the class was refreshed
    void studentStateChanged();  // connection, goal or goal met changed
    // A session from the teacher, already checked; the window applies it.
    void sessionArrived(const bp::Session& session, bp::classroom::SessionPurpose purpose);
    // A session from the teacher that could not be used: the sentence for the student.
    void sessionRefused(const QString& why);

  private:
    explicit ClassMode(TrainingController* controller);
    void beginStudentRun();
    void onSession(const bp::classroom::SessionOffer& offer);

    TrainingController* m_controller;  // the studio's (our parent)
    Role m_role = Role::None;

    // Teacher
    QThread m_hostThread;                        // runs m_host's event loop
    bp::classroom::ClassHost* m_host = nullptr;  // lives on m_hostThread
    std::shared_ptr<class ReportSink> m_report;  // written on m_hostThread
    quint16 m_port = 0;
    QString m_code;
    QVector<bp::classroom::StudentSummary> m_students;  // newest copy
    bp::classroom::ClassHost::Counters m_counters{};
    bp::classroom::Goal m_goal{false, 0.95, 0};
    QString m_reportPath;  // --class-report, or empty

    // Student
    bp::classroom::ClassClient* m_client = nullptr;  // GUI thread
    QVector<QMetaObject::Connection> m_follow;       // controller → client
    int m_runNumber = 0;
    std::optional<bp::classroom::Goal> m_studentGoal;
    bool m_goalMet = false;
    double m_bestAccuracy = std::numeric_limits<double>::quiet_NaN();  // this run's best
};

}  // namespace bps

Q_DECLARE_METATYPE(bp::Session)
