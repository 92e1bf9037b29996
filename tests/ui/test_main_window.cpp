// test_main_window.cpp — the assembled window: starts on the embedded data, title, Space plays,
// Right steps one phase, settings are saved, and closing while training exits cleanly.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <cmath>

#include "TestFiles.h"
#include "backprop/SessionFile.h"
#include "document/SessionActions.h"
#include "document/SessionManager.h"
#include "shell/MainWindow.h"
#include "training/TrainingController.h"
#include "views/ControlPanel.h"
#include "views/NetworkView.h"

using bps::MainWindow;

namespace {
// Answers the next message box named `name` with `button`, and counts the ones shown.
struct BoxAnswerer {
    QTimer timer;
    int seen = 0;
    QMessageBox::StandardButton button;
    BoxAnswerer(const QString& name, QMessageBox::StandardButton b) : button(b) {
        QObject::connect(&timer, &QTimer::timeout, [this, name] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box && box->objectName() == name) {
                ++seen;
                box->button(button)->click();
            }
        });
        timer.start(20);
    }
};
}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_settingsDir;

  private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_main_window"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void startsOnEmbeddedDataAndPlays() {
        MainWindow w;
        w.openDatasets(QString::fromLatin1(MainWindow::kDefaultTrain),
                       QString::fromLatin1(MainWindow::kDefaultTest));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("Backprop Studio")));
        QTRY_VERIFY_WITH_TIMEOUT(w.loader()->current(bps::DatasetLoader::Role::Test), 20000);
        QCOMPARE(w.loader()->current(bps::DatasetLoader::Role::Training)->rows(),
                 std::size_t{5000});
        QTRY_VERIFY(w.controller()->lastSnapshot() &&
                    w.controller()->lastSnapshot()->spec.layers.front() == 784);

        // Right arrow: one phase.
        w.activateWindow();
        QApplication::setActiveWindow(&w);
        QTest::keyClick(&w, Qt::Key_Right);
        QTRY_VERIFY(w.controller()->lastSnapshot()->lastPhase.has_value());
        QCOMPARE(w.controller()->lastSnapshot()->lastPhase->kind, bp::PhaseKind::Forward);

        // Space: Play; things move within a second; Space again: pause.
        w.controller()->setSpeed(100);  // slow enough that the run is still going below
        QTest::keyClick(&w, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->lastSnapshot()->samplesSeen > 0, 1000);
        // The learning-rate slider reaches the running trainer (10^(−4 + 350/100) ≈ 0.31623, as
        // the field shows it).
        auto* rate = w.controlPanel()->findChildren<QSlider*>().at(1);
        rate->setValue(350);
        QCOMPARE(w.controlPanel()->learningRate(), 0.31623);
        QTRY_COMPARE(w.controller()->lastSnapshot()->learningRate, 0.31623);
        QVERIFY(w.controller()->isPlaying());
        QTest::keyClick(&w, Qt::Key_Space);
        QTRY_VERIFY(!w.controller()->isPlaying());
    }

    // Space and the arrows go to the focused slider, spin box or text field; the stepping
    // shortcuts act only when no editor has focus.
    void editorKeysGoToTheEditor() {
        MainWindow w;
        w.openDatasets(QString::fromLatin1(MainWindow::kDefaultTrain), QString());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.loader()->current(bps::DatasetLoader::Role::Training), 20000);
        QTRY_VERIFY(w.controller()->lastSnapshot() &&
                    w.controller()->lastSnapshot()->samplesPerEpoch == 5000);
        w.activateWindow();
        QApplication::setActiveWindow(&w);
        auto* rate = w.controlPanel()->findChildren<QSlider*>().at(1);
        rate->setFocus();
        QTRY_VERIFY(rate->hasFocus());
        const int before = rate->value();
        QTest::keyClick(rate, Qt::Key_Right);
        QCOMPARE(rate->value(), before + 1);  // the slider moved …
        QTest::keyClick(rate, Qt::Key_Space);
        w.controller()->sync();
        const bps::SnapshotPtr s = w.controller()->lastSnapshot();
        QVERIFY(!s->lastPhase.has_value());     // … and no phase was stepped
        QVERIFY(!w.controller()->isPlaying());  // nor Play pressed
        QCOMPARE(s->samplesSeen, 0ULL);

        auto* hidden = w.controlPanel()->findChild<QLineEdit*>(QStringLiteral("hiddenLayers"));
        hidden->setFocus();
        QTRY_VERIFY(hidden->hasFocus());
        hidden->setCursorPosition(0);
        QTest::keyClick(hidden, Qt::Key_Right);
        QCOMPARE(hidden->cursorPosition(), 1);  // the cursor moved
        w.controller()->sync();
        QVERIFY(!w.controller()->lastSnapshot()->lastPhase.has_value());

        // No editor focused: → steps a phase again.
        w.networkView()->setFocus();
        QTRY_VERIFY(w.networkView()->hasFocus());
        QTest::keyClick(w.networkView(), Qt::Key_Right);
        QTRY_VERIFY(w.controller()->lastSnapshot()->lastPhase.has_value());
    }

    // A test set of another width (3 values per sample against MNIST's 784) is not used, and
    // the window says so instead of quietly showing no accuracy.
    void testSetOfAnotherWidthIsReported() {
        QTemporaryDir dir;
        const QString narrow = testfiles::writeFile(dir.filePath(QStringLiteral("points.csv")),
                                                    "0,12,200,40\n1,250,3,90\n");
        QVERIFY(!narrow.isEmpty());
        MainWindow w;
        w.show();
        QSignalSpy loaded(w.loader(), &bps::DatasetLoader::loaded);
        w.openDatasets(QString::fromLatin1(MainWindow::kDefaultTrain), narrow);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 20000);
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = w.findChild<QMessageBox*>(QStringLiteral("testSetMismatch"))));
        QVERIFY(box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral("points.csv has 3 values per sample")),
                 qPrintable(box->text()));
        QVERIFY(box->text().contains(QStringLiteral("784")));
        bool labelled = false;
        for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
            if (l->text().contains(QStringLiteral("not used: 3 values per sample, not 784")))
                labelled = true;
        QVERIFY(labelled);
        w.controller()->sync();
        QVERIFY(!w.controller()->testSet());  // the controller leaves it out
        box->accept();
        // A fitting test set afterwards: no message, used.
        w.openDatasets(QString(), QString::fromLatin1(MainWindow::kDefaultTest));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, 20000);
        QTRY_VERIFY(!w.findChild<QMessageBox*>(QStringLiteral("testSetMismatch")));
        QVERIFY(w.controller()->testSet());
    }

    // Quitting with training not saved in a session asks Save / Discard / Cancel: Cancel keeps
    // the window (and Play going), Save writes the session through File ▸ Save session and
    // quits; with nothing trained, or nothing trained since the save, nothing is asked.
    void quitOffersToSaveTraining() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("class.bps"));
        MainWindow w;
        w.openDatasets(QString::fromLatin1(MainWindow::kDefaultTrain), QString());
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(w.loader()->current(bps::DatasetLoader::Role::Training), 20000);
        w.controller()->sync();
        QVERIFY(!w.hasUnsavedTraining());  // an untrained network: nothing to lose
        w.controller()->stepSample();
        w.controller()->sync();
        QVERIFY(w.hasUnsavedTraining());
        QVERIFY(w.sessions()->manager()->save(path).isEmpty());
        QVERIFY(!w.hasUnsavedTraining());  // saved
        {
            BoxAnswerer none(QStringLiteral("saveBeforeQuit"), QMessageBox::Cancel);
            w.controller()->setSpeed(20);
            w.controller()->play();
            QTRY_VERIFY(w.controller()->isPlaying());
            QTRY_VERIFY(w.controller()->lastSnapshot()->samplesSeen > 1);
            w.close();
            QCOMPARE(none.seen, 1);
            QVERIFY(w.isVisible());                    // Cancel: still there …
            QTRY_VERIFY(w.controller()->isPlaying());  // … and training as before
        }
        w.controller()->pause();
        w.controller()->sync();
        const auto seen = w.controller()->lastSnapshot()->samplesSeen;
        QVERIFY(seen > 1);
        {
            BoxAnswerer save(QStringLiteral("saveBeforeQuit"), QMessageBox::Save);
            w.close();
            QCOMPARE(save.seen, 1);
            QVERIFY(!w.isVisible());
        }
        QCOMPARE(static_cast<unsigned long long>(
                     bp::loadSession(path.toStdString()).training.samplesSeen),
                 seen);  // saved
    }

    void closeWhileTrainingSavesSettings() {
        {
            MainWindow w;
            w.openDatasets(QString::fromLatin1(MainWindow::kDefaultTrain), QString());
            w.show();
            QTRY_VERIFY_WITH_TIMEOUT(w.loader()->current(bps::DatasetLoader::Role::Training),
                                     20000);
            w.controller()->play();
            QTRY_VERIFY(w.controller()->lastSnapshot()->samplesSeen > 0);
            BoxAnswerer discard(QStringLiteral("saveBeforeQuit"), QMessageBox::Discard);
            w.close();
            QCOMPARE(discard.seen, 1);
        }  // destroyed mid-run: the worker stops and the thread is joined
        QSettings s;
        s.beginGroup(QStringLiteral("window/geometry"));  // one geometry per screen size
        QCOMPARE(s.childKeys().size(), 1);
        s.endGroup();
        QCOMPARE(s.value(QStringLiteral("training/learningRate")).toDouble(), 0.1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
