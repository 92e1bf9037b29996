// test_lessons_menu.cpp — the studio's Lessons menu: one action per lesson, each opening the
// lessons window at its lesson; the controller's snapshots and the loaded data sets reach it.
#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <QPushButton>

#include "lessons/AugmentationLesson.h"
#include "lessons/LessonsWindow.h"
#include "lessons/SaturationLesson.h"
#include "lessons/SweepLesson.h"
#include "shell/MainWindow.h"
#include "training/TrainingController.h"
#include "views/ErrorPlot.h"

using bps::MainWindow;

class TestLessonsMenu : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_settingsDir;

    // The embedded sets loaded and the window shown, as the studio starts.
    static void openDefaultData(MainWindow& w) {
        w.openDatasets(QString::fromLatin1(MainWindow::kDefaultTrain),
                       QString::fromLatin1(MainWindow::kDefaultTest));
        w.show();
        QTRY_VERIFY_WITH_TIMEOUT(w.loader()->current(bps::DatasetLoader::Role::Test), 20000);
    }

  private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_lessons_menu"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void menuOpensEveryLesson() {
        MainWindow w;
        bps::LessonsWindow* lw = w.lessonsWindow();
        QVERIFY(lw);
        QVERIFY(!lw->isVisible());
        auto* menu = w.findChild<QMenu*>(QStringLiteral("lessonsMenu"));
        QVERIFY(menu);
        const QList<QAction*> actions = menu->actions();
        QCOMPARE(actions.size(), lw->lessonCount());
        for (int i = 0; i < actions.size(); ++i) {
            QCOMPARE(actions[i]->data().toString(), lw->lesson(i)->id());
            QVERIFY(actions[i]->text().contains(lw->lesson(i)->title()));
        }
        // Backwards, so every action really switches the lesson.
        for (int i = static_cast<int>(actions.size()) - 1; i >= 0; --i) {
            actions[i]->trigger();
            QVERIFY(lw->isVisible());
            QCOMPARE(lw->currentLesson()->id(), actions[i]->data().toString());
        }
    }

    void snapshotsReachTheLessons() {
        MainWindow w;
        openDefaultData(w);
        bps::LessonsWindow* lw = w.lessonsWindow();
        // The loaded sets were handed on.
        QTRY_COMPARE(lw->trainingSet(), w.loader()->current(bps::DatasetLoader::Role::Training));
        QCOMPARE(lw->testSet(), w.loader()->current(bps::DatasetLoader::Role::Test));
        lw->openAt(QStringLiteral("saturation"));
        auto* sat = qobject_cast<bps::SaturationLesson*>(lw->currentLesson());
        QVERIFY(sat);
        w.controller()->stepPhase();
        QTRY_VERIFY(lw->lastSnapshot() && lw->lastSnapshot()->lastPhase.has_value());
        QTRY_COMPARE(lw->lastSnapshot(), w.controller()->lastSnapshot());
        sat->useStudioSnapshot(true);
        QCOMPARE(sat->shownSnapshot(), w.controller()->lastSnapshot());
        QCOMPARE(sat->shownSnapshot()->spec.layers.front(), 784);
    }

    // What lessons offer the studio is wired by the main window: a sweep run opens in the
    // studio's error chart, and the augmentation lesson's rotated set becomes the training set
    // (its "Train the studio on it" button shows).
    void lessonsReachTheStudio() {
        MainWindow w;
        openDefaultData(w);
        bps::LessonsWindow* lw = w.lessonsWindow();
        QTRY_COMPARE(lw->trainingSet(), w.loader()->current(bps::DatasetLoader::Role::Training));
        const auto train = w.controller()->trainingSet();
        QVERIFY(train);

        auto* sweep = qobject_cast<bps::SweepLesson*>(lw->lessonById(QStringLiteral("lr-sweep")));
        QVERIFY(sweep);
        const QString label = QStringLiteral("sweep run α 0.3");
        emit sweep->runCurveRequested(label, {QPointF(0, 1.0), QPointF(100, 0.5)}, {});
        QCOMPARE(w.errorPlot()->currentRun().label, label);
        QVERIFY(!sweep->ownPlot());  // not the lesson's own chart window

        auto* aug =
            qobject_cast<bps::AugmentationLesson*>(lw->lessonById(QStringLiteral("augmentation")));
        QVERIFY(aug);
        lw->openAt(QStringLiteral("augmentation"));
        auto* use = aug->findChild<QPushButton*>(QStringLiteral("useAugmentedSet"));
        QVERIFY(use);
        QVERIFY(use->isVisible());
        aug->makeAugmentedSet();
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->trainingSet() != train, 30000);
        QCOMPARE(w.controller()->trainingSet()->rows(), 3 * train->rows());
        QCOMPARE(lw->trainingSet(), w.controller()->trainingSet());
    }
};

QTEST_MAIN(TestLessonsMenu)
#include "test_lessons_menu.moc"
