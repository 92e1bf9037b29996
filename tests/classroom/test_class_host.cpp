// test_class_host.cpp — host and client over loopback: joining with the code, names, removal,
// sessions and goals, the cap on students, the host going away and coming back, and hostile
// connections (malformed, oversized, binary, flooding) that leave a well-behaved student's
// results whole.
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include "ClassClient.h"
#include "ClassHost.h"

using namespace bp::classroom;

namespace {

ClassHost::Options loopback(const QString& code = QStringLiteral("ROOM42"), quint16 port = 0) {
    ClassHost::Options o;
    o.address = QHostAddress::LocalHost;
    o.port = port;
    o.code = code;
    return o;
}

ClassClient::Options student(const ClassHost& host, const QString& name,
                             const QString& code = QStringLiteral("ROOM42")) {
    ClassClient::Options o;
    o.host = QStringLiteral("127.0.0.1");
    o.port = host.port();
    o.code = code;
    o.name = name;
    return o;
}

RunStart run784(int number, double lr, int hidden = 100) {
    RunStart r;
    r.run = number;
    r.layers = {784, hidden, 10};
    r.learningRate = lr;
    r.seed = 7;
    return r;
}

Epoch epochResult(int n, double acc, double lr = 0.1) {
    Epoch e;
    e.epoch = n;
    e.samplesSeen = 100.0 * n;
    e.testAccuracy = acc;
    e.meanError = 0.1;
    e.learningRate = lr;
    return e;
}

// A raw WebSocket that says whatever a test wants.
struct RawSocket {
    QWebSocket socket;
    bool open(quint16 port) {
        QSignalSpy connected(&socket, &QWebSocket::connected);
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port)));
        return connected.wait(5000);
    }
    void say(const QByteArray& text) { socket.sendTextMessage(QString::fromUtf8(text)); }
    void hello(const QString& name, const QString& code = QStringLiteral("ROOM42")) {
        say(encode(StudentMessage(Hello{1, code, name, makeStudentKey()})));
    }
};

}  // namespace

class TestClassHost : public QObject {
    Q_OBJECT
  private slots:
    void listensOnlyWhileHosting() {
        ClassHost host;
        QVERIFY(!host.isListening());
        QCOMPARE(host.port(), quint16(0));
        QVERIFY(!host.start(loopback(QStringLiteral("ab"))).isEmpty());  // code too short
        QVERIFY(!host.isListening());
        QCOMPARE(host.start(loopback()), QString());
        const quint16 port = host.port();
        QVERIFY(port != 0);
        host.stop();
        QVERIFY(!host.isListening());
        RawSocket raw;  // nothing answers on the port any more
        QVERIFY(!raw.open(port));
    }

    void joinRunAndEpochs() {
        ClassHost host;
        QCOMPARE(host.start(loopback()), QString());
        QSignalSpy joined(&host, &ClassHost::studentJoined);
        QSignalSpy epochs(&host, &ClassHost::epochReceived);
        ClassClient ann;
        ann.setRate(Limits::kRate);
        ann.setProgressInterval(0);
        QCOMPARE(ann.start(student(host, QStringLiteral("  Ann  "))), QString());
        QTRY_COMPARE(ann.state(), ClassClient::State::Joined);
        QCOMPARE(ann.joinedName(), QStringLiteral("Ann"));
        QCOMPARE(joined.count(), 1);
        ann.beginRun(run784(1, 0.2, 50));
        ann.addErrorPoints({{100, 0.8}, {200, 0.5}});
        ann.changeLearningRate(200, 0.1);
        for (int e = 1; e <= 5; ++e) ann.addEpoch(epochResult(e, 0.5 + e * 0.08));
        QTRY_COMPARE(epochs.count(), 5);
        QTRY_VERIFY(ann.isFlushed());
        QTRY_COMPARE(host.students().value(0).error.size(), 2);
        const StudentSummary s = host.students().value(0);
        QCOMPARE(s.name, QStringLiteral("Ann"));
        QVERIFY(s.connected);
        QCOMPARE(s.run.layers, std::vector<int>({784, 50, 10}));
        QCOMPARE(s.epochs, 5);
        QCOMPARE(s.testAccuracy, 0.5 + 5 * 0.08);
        QCOMPARE(s.rateMarks.size(), 1);
        QCOMPARE(s.rateMarks[0], QPointF(200, 0.1));
        const EpochRow row = epochs.last().at(0).value<EpochRow>();
        QCOMPARE(row.name, QStringLiteral("Ann"));
        QCOMPARE(row.hidden, 50);
        QCOMPARE(row.epoch.epoch, 5);
        QCOMPARE(ann.epochsSent(), qint64(5));
        // A new run starts a new curve.
        ann.beginRun(run784(2, 0.05));
        ann.addEpoch(epochResult(1, 0.3));
        QTRY_COMPARE(epochs.count(), 6);
        QCOMPARE(host.students().value(0).epochs, 1);
        QVERIFY(host.students().value(0).error.isEmpty());
        for (qint64 c : host.counters()) QCOMPARE(c, qint64(0));
    }

    void admission() {
        ClassHost host;
        ClassHost::Options o = loopback();
        o.maxStudents = 2;
        QCOMPARE(host.start(o), QString());
        ClassClient wrong;
        QCOMPARE(wrong.start(student(host, QStringLiteral("Eve"), QStringLiteral("WRONG1"))),
                 QString());
        QTRY_COMPARE(wrong.state(), ClassClient::State::Refused);
        QCOMPARE(wrong.lastRefusal(), RefuseReason::Code);
        QCOMPARE(host.counters()[ClassHost::WrongCode], qint64(1));
        // The code is not case-sensitive.
        ClassClient a;
        QCOMPARE(a.start(student(host, QStringLiteral("Ann"), QStringLiteral("room42"))),
                 QString());
        QTRY_COMPARE(a.state(), ClassClient::State::Joined);
        ClassClient taken;
        QCOMPARE(taken.start(student(host, QStringLiteral("ANN"))), QString());
        QTRY_COMPARE(taken.state(), ClassClient::State::Refused);
        QCOMPARE(taken.lastRefusal(), RefuseReason::NameTaken);
        RawSocket badName;  // a name the client would not send
        QVERIFY(badName.open(host.port()));
        QSignalSpy answer(&badName.socket, &QWebSocket::textMessageReceived);
        badName.hello(QStringLiteral("<script>"));
        QVERIFY(answer.wait(5000));
        QCOMPARE(answer.at(0).at(0).toString(),
                 QString::fromUtf8(encode(TeacherMessage(Refused{RefuseReason::Name}))));
        ClassClient b;
        QCOMPARE(b.start(student(host, QStringLiteral("Bo"))), QString());
        QTRY_COMPARE(b.state(), ClassClient::State::Joined);
        ClassClient c;  // the third of two
        QCOMPARE(c.start(student(host, QStringLiteral("Cy"))), QString());
        QTRY_VERIFY(host.counters()[ClassHost::Full] >= 1);
        QVERIFY(c.state() != ClassClient::State::Joined);
        QCOMPARE(host.connectedCount(), 2);
        // The client refuses bad options itself.
        ClassClient d;
        QVERIFY(!d.start(student(host, QStringLiteral("a/b"))).isEmpty());
        QVERIFY(!d.start(student(host, QStringLiteral("Di"), QStringLiteral("x"))).isEmpty());
    }

    void removeSessionAndGoal() {
        ClassHost host;
        QCOMPARE(host.start(loopback()), QString());
        ClassClient ann, bo;
        QSignalSpy annSessions(&ann, &ClassClient::sessionReceived);
        QSignalSpy boGoals(&bo, &ClassClient::goalReceived);
        QCOMPARE(ann.start(student(host, QStringLiteral("Ann"))), QString());
        QCOMPARE(bo.start(student(host, QStringLiteral("Bo"))), QString());
        QTRY_COMPARE(host.connectedCount(), 2);
        QTRY_COMPARE(bo.state(), ClassClient::State::Joined);
        const int annId = host.students().value(0).name == QStringLiteral("Ann")
                              ? host.students()[0].id
                              : host.students()[1].id;
        QByteArray bps(200000, 'b');
        QVERIFY(host.sendSession(annId, bps, SessionPurpose::Sweep));
        QVERIFY(!host.sendSession(0, QByteArray(Limits::kMaxSessionBytes + 1, 'x'),
                                  SessionPurpose::Start));
        QTRY_COMPARE(annSessions.count(), 1);
        const SessionOffer offer = annSessions.at(0).at(0).value<SessionOffer>();
        QCOMPARE(offer.purpose, SessionPurpose::Sweep);
        QCOMPARE(offer.bps, bps);
        host.setGoal(Goal{true, 0.9, 60});
        QTRY_COMPARE(boGoals.count(), 1);
        QCOMPARE(boGoals.at(0).at(0).value<Goal>(), (Goal{true, 0.9, 60}));
        // Who met the goal: Bo's run with 50 hidden neurons at 92 %.
        bo.setRate(Limits::kRate);
        bo.beginRun(run784(1, 0.1, 50));
        bo.addEpoch(epochResult(1, 0.92));
        const auto someoneMet = [&host] {
            const QVector<StudentSummary> all = host.students();  // one copy for begin and end
            return std::any_of(all.begin(), all.end(),
                               [](const StudentSummary& s) { return s.metGoal; });
        };
        QTRY_VERIFY(someoneMet());
        // A newcomer gets the goal in force.
        ClassClient cy;
        QSignalSpy cyGoals(&cy, &ClassClient::goalReceived);
        QCOMPARE(cy.start(student(host, QStringLiteral("Cy"))), QString());
        QTRY_COMPARE(cyGoals.count(), 1);
        // Removed: refused for good, and the same student cannot come back.
        host.remove(annId);
        QTRY_COMPARE(ann.state(), ClassClient::State::Refused);
        QCOMPARE(ann.lastRefusal(), RefuseReason::Removed);
        QCOMPARE(host.students().size(), 2);
        ClassClient::Options again = student(host, QStringLiteral("Ann"));
        ann.start(again);  // a fresh key: a new student, whom the teacher may remove again
        QTRY_COMPARE(ann.state(), ClassClient::State::Joined);
    }

    // The host goes away and comes back on the same port: the student kept its run and sends it
    // again; the restarted host gets the curve and the epochs, none twice.
    void hostGoesAwayAndReturns() {
        auto host = std::make_unique<ClassHost>();
        QCOMPARE(host->start(loopback()), QString());
        const quint16 port = host->port();
        ClassClient ann;
        ann.setRate(Limits::kRate);
        ann.setProgressInterval(0);
        QCOMPARE(ann.start(student(*host, QStringLiteral("Ann"))), QString());
        QTRY_COMPARE(ann.state(), ClassClient::State::Joined);
        ann.beginRun(run784(1, 0.1));
        ann.addErrorPoints({{100, 0.9}, {200, 0.7}});
        ann.addEpoch(epochResult(1, 0.6));
        QTRY_VERIFY(ann.isFlushed());
        host.reset();  // the teacher's studio closed
        QTRY_COMPARE(ann.state(), ClassClient::State::Waiting);
        // The student keeps working meanwhile.
        ann.addErrorPoints({{300, 0.5}});
        ann.addEpoch(epochResult(2, 0.7));
        ann.addEpoch(epochResult(3, 0.8));
        QCOMPARE(ann.pendingEpochs(), 2);
        ClassHost back;
        QSignalSpy epochs(&back, &ClassHost::epochReceived);
        QCOMPARE(back.start(loopback(QStringLiteral("ROOM42"), port)), QString());
        QTRY_COMPARE_WITH_TIMEOUT(ann.state(), ClassClient::State::Joined, 10000);
        QTRY_COMPARE(epochs.count(), 3);  // the resent epoch 1 and the two new ones
        QTRY_COMPARE(back.students().value(0).error.size(), 3);
        QCOMPARE(back.students().value(0).epochs, 3);
        QTRY_VERIFY(ann.isFlushed());
        QTest::qWait(300);
        QCOMPARE(epochs.count(), 3);
    }

    // Malformed, oversized, binary and flooding connections next to a student who sends at the
    // highest rate allowed: the student's every epoch arrives, the others are counted and the
    // flooder is disconnected.
    void hostileNeighbours() {
        ClassHost host;
        QCOMPARE(host.start(loopback()), QString());
        QSignalSpy epochs(&host, &ClassHost::epochReceived);
        ClassClient good;
        good.setRate(Limits::kRate);
        QCOMPARE(good.start(student(host, QStringLiteral("Good"))), QString());
        QTRY_COMPARE(good.state(), ClassClient::State::Joined);
        good.beginRun(run784(1, 0.1));

        RawSocket malformed, oversized, huge, binary, flood, early;
        for (RawSocket* r : {&malformed, &oversized, &huge, &binary, &flood, &early})
            QVERIFY(r->open(host.port()));
        malformed.hello(QStringLiteral("Mal"));
        oversized.hello(QStringLiteral("Over"));
        binary.hello(QStringLiteral("Bin"));
        flood.hello(QStringLiteral("Flood"));
        QTRY_COMPARE(host.connectedCount(), 5);
        early.say(encode(StudentMessage(run784(1, 0.1))));  // before hello
        QSignalSpy hugeClosed(&huge.socket, &QWebSocket::disconnected);
        QSignalSpy floodClosed(&flood.socket, &QWebSocket::disconnected);
        const int rounds = 40;
        for (int i = 1; i <= rounds; ++i) {
            good.addEpoch(epochResult(i, 0.5));
            malformed.say("{\"type\":\"epoch\",\"run\":");
            malformed.say(
                "{\"type\":\"run\",\"run\":1,\"layers\":[784,1e9,10],\"learning_rate\":0.1,"
                "\"seed\":1,\"batch\":1}");
            oversized.say("{\"type\":\"progress\",\"pad\":\"" + QByteArray(9000, 'x') + "\"}");
            binary.socket.sendBinaryMessage(QByteArray(100, '\x01'));
            if (i == 1) huge.say(QByteArray(Limits::kMaxFrameBytes + 10, 'h'));
            for (int k = 0; k < 50; ++k) flood.say(encode(StudentMessage(run784(k, 0.1))));
            QTest::qWait(50);
        }
        QTRY_COMPARE_WITH_TIMEOUT(epochs.count(), rounds, 20000);
        QTRY_VERIFY(good.isFlushed());
        QTRY_COMPARE(floodClosed.count(), 1);
        QTRY_COMPARE(hugeClosed.count(), 1);
        const ClassHost::Counters c = host.counters();
        QVERIFY(c[ClassHost::NotJson] >= 10);
        QVERIFY(c[ClassHost::BadField] >= 10);
        QVERIFY(c[ClassHost::TooLarge] >= 10);
        QVERIFY(c[ClassHost::BadType] >= 10);  // binary frames and the message before hello
        QVERIFY(c[ClassHost::RateLimited] >= 100);
        QCOMPARE(c[ClassHost::Flooded], qint64(1));
        // Every epoch exactly once, in order.
        for (int i = 0; i < rounds; ++i)
            QCOMPARE(epochs.at(i).at(0).value<EpochRow>().epoch.epoch, i + 1);
        const auto students = host.students();
        const auto goodOne =
            std::find_if(students.begin(), students.end(),
                         [](const StudentSummary& s) { return s.name == QStringLiteral("Good"); });
        QVERIFY(goodOne != students.end());
        QCOMPARE(goodOne->dropped, 0);
        QCOMPARE(goodOne->epochs, rounds);
    }

    void helloDeadline() {
        ClassHost host;
        QCOMPARE(host.start(loopback()), QString());
        RawSocket silent;
        QVERIFY(silent.open(host.port()));
        QSignalSpy closed(&silent.socket, &QWebSocket::disconnected);
        QVERIFY(closed.wait(Limits::kHelloTimeoutMs + 3000));
        QCOMPARE(host.counters()[ClassHost::TimedOut], qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestClassHost)
#include "test_class_host.moc"
