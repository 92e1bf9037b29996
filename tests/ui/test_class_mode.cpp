// test_class_mode.cpp — class mode in two studios of one process over loopback: the teacher
// hosts, a student joins and trains; the teacher's table, chart overlay and sweep plot show the
// run; a class sweep gives the student their α, a challenge its goal, met and marked on both
// sides; a session naming a file of the teacher's computer is refused; hosting stops the port.
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include "ClassClient.h"
#include "classroom/ClassActions.h"
#include "classroom/ClassDialogs.h"
#include "classroom/ClassMode.h"
#include "classroom/ClassPanel.h"
#include "classroom/ClassTableModel.h"
#include "classroom/SweepPlot.h"
#include "document/SessionActions.h"
#include "document/SessionManager.h"
#include "shell/MainWindow.h"
#include "training/TrainingController.h"
#include "views/ErrorPlot.h"

using namespace bps;
using namespace bp::classroom;

namespace {
const QString kTrain = QStringLiteral(":/data/mnist_train_100.csv");
const QString kTest = QStringLiteral(":/data/mnist_test_10.csv");

// What a teacher checks on the projector: every column of the class table in the dock without
// scrolling sideways, and no header cut ("Samples se…").
void verifyTableFits(QTableView* table) {
    QApplication::processEvents();
    QHeaderView* header = table->horizontalHeader();
    int used = 0;
    for (int c = 0; c < header->count(); ++c) {
        if (header->isSectionHidden(c)) continue;
        used += header->sectionSize(c);
        const QString text = table->model()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(header->sectionSize(c) >= header->fontMetrics().horizontalAdvance(text),
                 qPrintable(QStringLiteral("header %1: %2 px < its text")
                                .arg(text)
                                .arg(header->sectionSize(c))));
    }
    QVERIFY2(
        used <= table->viewport()->width(),
        qPrintable(
            QStringLiteral("columns %1 px in %2 px").arg(used).arg(table->viewport()->width())));
    QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
}

void waitLoaded(MainWindow& w) {
    QTRY_VERIFY_WITH_TIMEOUT(w.loader()->current(DatasetLoader::Role::Test) &&
                                 w.controller()->lastSnapshot() &&
                                 w.controller()->lastSnapshot()->spec.layers.front() == 784,
                             20000);
}
}  // namespace

class TestClassMode : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;

  private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_class_mode"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void teacherAndStudent() {
        MainWindow teacher, student;
        teacher.openDatasets(kTrain, kTest);
        student.openDatasets(kTrain, kTest);
        waitLoaded(teacher);
        waitLoaded(student);

        // The teacher's window on a 1280×720 projector.
        teacher.resize(1280, 720);
        teacher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&teacher));
        ClassActions* t = teacher.classActions();
        QVERIFY(t);
        QVERIFY(!t->dock()->isVisibleTo(&teacher));
        QCOMPARE(t->host(0, QStringLiteral("ROOM42")), QString());
        ClassMode* host = t->mode();
        QCOMPARE(host->role(), ClassMode::Role::Teacher);
        QVERIFY(host->port() != 0);
        QVERIFY(t->dock()->isVisibleTo(&teacher));

        ClassMode* me = student.classActions()->mode();
        ClassClient::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = host->port();
        o.code = QStringLiteral("room42");
        o.name = QStringLiteral("Ann");
        QCOMPARE(me->join(o), QString());
        QTRY_COMPARE(me->studentState(), ClassClient::State::Joined);
        QVERIFY(student.classActions()->statusLabel()->text().contains(QStringLiteral("Ann")));
        QTRY_COMPARE(host->students().size(), 1);
        QCOMPARE(host->students()[0].name, QStringLiteral("Ann"));

        // The student trains an epoch: the teacher's table, overlay and sweep plot follow.
        student.controller()->stepEpoch();
        QTRY_VERIFY_WITH_TIMEOUT(!host->students().isEmpty() && host->students()[0].epochs >= 1,
                                 10000);
        QTRY_COMPARE(teacher.errorPlot()->overlays().size(), 1);
        QCOMPARE(teacher.errorPlot()->overlays()[0].label, QStringLiteral("Ann"));
        QVERIFY(!teacher.errorPlot()->overlays()[0].error.isEmpty());
        QVERIFY(teacher.errorPlot()->csv().contains(QStringLiteral("overlay,\"Ann\",error,")));
        ClassTableModel* table = t->panel()->model();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->index(0, ClassTableModel::Name).data().toString(), QStringLiteral("Ann"));
        QCOMPARE(table->index(0, ClassTableModel::Hidden).data().toString(),
                 QString::number(student.controller()->spec().layers[1]));
        QVERIFY(table->index(0, ClassTableModel::Accuracy)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("%")));
        QCOMPARE(t->panel()->sweepPlot()->points().size(), 1);
        QVERIFY(table->csv().startsWith(QStringLiteral("name,learning_rate,hidden,test_accuracy")));

        // Class sweep: the student's studio takes the session with their α.
        const int id = host->students()[0].id;
        QCOMPARE(host->sendSweep({{id, 0.0316}}, teacher.sessions()->manager()->gather()),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(student.controller()->learningRate(), 0.0316, 10000);

        // Challenge: any accuracy with any network — met after the next epoch, on both sides.
        QCOMPARE(host->sendChallenge(Goal{true, 0.0, 0}, nullptr), QString());
        QTRY_VERIFY(me->studentGoal().has_value());
        QVERIFY(!me->goalMet());
        student.controller()->stepEpoch();
        QTRY_VERIFY_WITH_TIMEOUT(me->goalMet(), 10000);
        QVERIFY(student.classActions()->statusLabel()->text().contains(QStringLiteral("✓")));
        QTRY_VERIFY_WITH_TIMEOUT(!host->students().isEmpty() && host->students()[0].metGoal, 10000);

        // At a projector's 1280×720, with the challenge's column shown, the table fits its dock.
        t->panel()->refresh();
        QVERIFY(!t->panel()->table()->isColumnHidden(ClassTableModel::Goal));
        QVERIFY(t->panel()->table()->isColumnHidden(ClassTableModel::Status));
        verifyTableFits(t->panel()->table());

        // Stopping: the student keeps working and waits for the teacher.
        host->stopHosting();
        QCOMPARE(host->role(), ClassMode::Role::None);
        QTRY_COMPARE_WITH_TIMEOUT(me->studentState(), ClassClient::State::Waiting, 10000);
        QVERIFY(teacher.errorPlot()->overlays().isEmpty());
        me->leave();
        QCOMPARE(me->role(), ClassMode::Role::None);
    }

    // Only the studio's built-in data: a teacher's session cannot make a student open a path.
    void classSessionsUseBuiltInDataOnly() {
        bp::Session s;
        QVERIFY(ClassMode::checkClassSession(s).isEmpty());
        s.trainData = kTrain.toStdString();
        s.testData = kTest.toStdString();
        QVERIFY(ClassMode::checkClassSession(s).isEmpty());
        for (const char* bad : {"/etc/passwd", "mnist_train.csv", ":/data/../help/USER_GUIDE.md",
                                ":/data/missing.csv", "\\\\server\\share\\x.csv"}) {
            s.trainData = bad;
            QVERIFY2(!ClassMode::checkClassSession(s).isEmpty(), bad);
        }
    }

    void sweepRatesAreLogSpaced() {
        const QVector<double> r = SweepDialog::logSpaced(0.01, 1.0, 3);
        QCOMPARE(r.size(), 3);
        QCOMPARE(r[0], 0.01);
        QVERIFY(std::abs(r[1] - 0.1) < 1e-12);
        QVERIFY(std::abs(r[2] - 1.0) < 1e-12);
        QCOMPARE(SweepDialog::logSpaced(0.05, 1.0, 1), QVector<double>({0.05}));
    }
};

QTEST_MAIN(TestClassMode)
#include "test_class_mode.moc"
