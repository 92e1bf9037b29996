// test_language.cpp — English ⇄ Simplified Chinese while the studio runs.
//
// A language switch re-creates the main window (MainWindow::recreate): the test trains a
// network, switches to zh_CN and back, and checks that the menus, the dock titles and the
// control buttons show the Chinese strings and then the English ones again, while the network's
// weights, the run, the data sets, the chart's points (current and earlier runs) and the window
// geometry stay exactly as they were.
#include <QAction>
#include <QDockWidget>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "lessons/LessonsWindow.h"
#include "shell/DocumentActions.h"
#include "shell/Language.h"
#include "shell/MainWindow.h"
#include "shell/PresentationMode.h"
#include "training/DatasetLoader.h"
#include "training/TrainingController.h"
#include "views/ControlPanel.h"
#include "views/ErrorPlot.h"
#include "views/NetworkView.h"
#include "views/SampleBrowser.h"

using bps::Language;
using bps::MainWindow;

namespace {

QStringList menuTitles(const MainWindow* w) {
    QStringList out;
    for (QAction* a : w->menuBar()->actions())
        if (a->menu()) out << a->text();
    return out;
}

QStringList dockTitles(const MainWindow* w) {
    QStringList out;
    for (QDockWidget* d : w->findChildren<QDockWidget*>()) out << d->windowTitle();
    out.sort();
    return out;
}

QStringList buttonTexts(const QWidget* w) {
    QStringList out;
    for (QPushButton* b : w->findChildren<QPushButton*>()) out << b->text();
    return out;
}

bool sameMatrices(const std::vector<bp::Matrix>& a, const std::vector<bp::Matrix>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].rows() != b[i].rows() || a[i].cols() != b[i].cols() || a[i] != b[i]) return false;
    return true;
}

bool sameRuns(const bps::ErrorPlot::Run& a, const bps::ErrorPlot::Run& b) {
    if (a.label != b.label || a.error != b.error || a.accuracy != b.accuracy) return false;
    if (a.rateMarks.size() != b.rateMarks.size()) return false;
    for (qsizetype i = 0; i < a.rateMarks.size(); ++i)
        if (a.rateMarks[i].x != b.rateMarks[i].x || a.rateMarks[i].lr != b.rateMarks[i].lr)
            return false;
    return true;
}

// The window that now owns the controller (a switch hands it to the new window).
MainWindow* windowOf(bps::TrainingController* c) {
    return qobject_cast<MainWindow*>(c->parent());
}

}  // namespace

class TestLanguage : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_settingsDir;

    // Switches and waits until the window w is replaced; returns the new window.
    MainWindow* switchTo(MainWindow* w, const QString& code) {
        QPointer<MainWindow> old = w;
        QSignalSpy replaced(w, &MainWindow::replaced);
        Language::instance()->setLanguage(code);
        if (!replaced.wait(5000)) return nullptr;
        auto* next = replaced.first().first().value<MainWindow*>();
        // The old window goes (deleteLater); the controller moved to the new one.
        if (!QTest::qWaitFor([&] { return old.isNull(); }, 5000)) return nullptr;
        return next;
    }

  private slots:
    void initTestCase() {
        QVERIFY(m_settingsDir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_language"));
        QSettings().clear();
        QVERIFY(Language::instance()->setLanguage(QStringLiteral("en")));
    }

    // Both translations are embedded in the program, and Qt's own Chinese is found.
    void translationsAreEmbedded() {
        QTranslator zh;
        QVERIFY(zh.load(QStringLiteral(":/i18n/backprop_zh_CN.qm")));
        QCOMPARE(zh.translate("bps::MainWindow", "&File"), QStringLiteral("文件(&F)"));
        QCOMPARE(zh.translate("bps::ControlPanel", "Learning rate α"), QStringLiteral("学习率 α"));
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/backprop_en.qm")));

        QVERIFY(Language::instance()->setLanguage(QStringLiteral("zh_CN")));
        QCOMPARE(Language::instance()->current(), QStringLiteral("zh_CN"));
        QVERIFY2(Language::instance()->qtTranslationLoaded(),
                 qPrintable(QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
        QCOMPARE(QCoreApplication::translate("bps::MainWindow", "&Help"),
                 QStringLiteral("帮助(&H)"));

        QVERIFY(Language::instance()->setLanguage(QStringLiteral("en")));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        QCOMPARE(QCoreApplication::translate("bps::MainWindow", "&Help"), QStringLiteral("&Help"));
        QVERIFY(!Language::instance()->qtTranslationLoaded());
    }

    // A window that is not recreatable (on the stack, say) keeps its texts and is not deleted.
    void stackWindowStays() {
        MainWindow w;
        QVERIFY(!w.isRecreatable());
        QSignalSpy replaced(&w, &MainWindow::replaced);
        Language::instance()->setLanguage(QStringLiteral("zh_CN"));
        QTest::qWait(50);
        QCOMPARE(replaced.count(), 0);
        QVERIFY(menuTitles(&w).contains(QStringLiteral("&File")));
        Language::instance()->setLanguage(QStringLiteral("en"));
        QTest::qWait(50);
        QCOMPARE(replaced.count(), 0);
    }

    // The system locale chooses, unless the menu's choice was remembered.
    void startupLanguage() {
        QCOMPARE(Language::forLocale(QLocale(QStringLiteral("zh_CN"))), QStringLiteral("zh_CN"));
        QCOMPARE(Language::forLocale(QLocale(QStringLiteral("zh_SG"))), QStringLiteral("zh_CN"));
        QCOMPARE(Language::forLocale(QLocale(QStringLiteral("en_GB"))), QStringLiteral("en"));
        QCOMPARE(Language::forLocale(QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
        QCOMPARE(Language::forLocale(QLocale::c()), QStringLiteral("en"));

        QSettings().remove(QString::fromLatin1(Language::kSettingsKey));
        QCOMPARE(Language::startupLanguage(), Language::forLocale(QLocale::system()));
        Language::instance()->setLanguage(QStringLiteral("zh_CN"), /*remember=*/true);
        QCOMPARE(Language::startupLanguage(), QStringLiteral("zh_CN"));
        Language::instance()->setLanguage(QStringLiteral("en"), /*remember=*/true);
        QCOMPARE(Language::startupLanguage(), QStringLiteral("en"));
        QSettings().remove(QString::fromLatin1(Language::kSettingsKey));
    }

    // Presentation mode (a larger application font) stays on across a switch, and the font does
    // not grow twice: turned off afterwards, it is the font from before.
    void presentationSurvives() {
        const QFont original = QApplication::font();
        auto* w = new MainWindow;
        w->setRecreatable(true);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->documents()->presentation()->setOn(true);
        const QFont presenting = QApplication::font();
        QVERIFY(presenting.pointSizeF() > original.pointSizeF());
        MainWindow* zh = switchTo(w, QStringLiteral("zh_CN"));
        QVERIFY(zh);
        QVERIFY(zh->documents()->presentation()->isOn());
        QCOMPARE(QApplication::font().pointSizeF(), presenting.pointSizeF());
        MainWindow* en = switchTo(zh, QStringLiteral("en"));
        QVERIFY(en);
        QVERIFY(en->documents()->presentation()->isOn());
        QCOMPARE(QApplication::font().pointSizeF(), presenting.pointSizeF());
        en->documents()->presentation()->setOn(false);
        QCOMPARE(QApplication::font().pointSizeF(), original.pointSizeF());
        delete en;
    }

    // The heart of it: a trained network, two runs on the chart, switch to Chinese and back.
    void switchKeepsEverything() {
        auto* w = new MainWindow;
        w->setRecreatable(true);
        bps::TrainingController* c = w->controller();
        w->resize(1280, 800);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QSignalSpy loaded(w->loader(), &bps::DatasetLoader::loaded);
        w->openDatasets(QStringLiteral(":/data/mnist_train_100.csv"),
                        QStringLiteral(":/data/mnist_test_10.csv"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 20000);

        // A small network, trained for an epoch; Reset keeps that run as a faded line; then a
        // second run is trained a little, so the chart has a current and an earlier run.
        bp::NetworkSpec spec = c->spec();
        spec.layers = {784, 20, 10};
        bp::TrainOptions options = c->options();
        options.learningRate = 0.2;
        c->setNetworkSpec(spec, options);
        QSignalSpy epochs(c, &bps::TrainingController::epochFinished);
        c->stepEpoch();
        QTRY_COMPARE_WITH_TIMEOUT(epochs.count(), 1, 20000);
        c->setLearningRate(0.3);
        c->reset();
        c->stepEpoch();
        QTRY_COMPARE_WITH_TIMEOUT(epochs.count(), 2, 20000);
        c->sync();
        QTRY_VERIFY(w->errorPlot()->currentRun().error.size() > 0);
        QTRY_VERIFY(c->lastSnapshot() && c->lastSnapshot()->samplesSeen == 100);
        QCOMPARE(w->errorPlot()->previousRuns().size(), 1);
        QVERIFY(!w->errorPlot()->previousRuns().front().accuracy.isEmpty());

        // The lessons window is open at the second lesson.
        const QString lessonId = w->lessonsWindow()->lesson(1)->id();
        const QString englishLesson = w->lessonsWindow()->lesson(1)->title();
        w->lessonsWindow()->openAt(lessonId);
        QVERIFY(QTest::qWaitForWindowExposed(w->lessonsWindow()));

        const bps::SnapshotPtr before = c->lastSnapshot();
        const std::vector<bp::Matrix> weights = before->weights;
        const bps::ErrorPlot::Run current = w->errorPlot()->currentRun();
        const QVector<bps::ErrorPlot::Run> previous = w->errorPlot()->previousRuns();
        const auto train = c->trainingSet(), test = c->testSet();
        const QRect geometry = w->geometry();
        const QString title = w->windowTitle();
        const QStringList englishMenus = menuTitles(w);
        const QStringList englishDocks = dockTitles(w);
        QVERIFY(englishMenus.contains(QStringLiteral("&File")));
        QVERIFY(englishMenus.contains(QStringLiteral("Lan&guage")));
        QVERIFY(buttonTexts(w->controlPanel()).contains(QStringLiteral("Play")));

        const auto unchanged = [&](MainWindow* now) {
            QVERIFY(now);
            QCOMPARE(now->controller(), c);  // the same controller, never restarted
            QVERIFY(c->lastSnapshot());
            QCOMPARE(c->lastSnapshot()->samplesSeen, before->samplesSeen);
            QVERIFY(sameMatrices(c->lastSnapshot()->weights, weights));
            QCOMPARE(c->spec().layers, spec.layers);
            QCOMPARE(c->trainingSet(), train);
            QCOMPARE(c->testSet(), test);
            QCOMPARE(now->loader()->current(bps::DatasetLoader::Role::Training), train);
            QVERIFY(sameRuns(now->errorPlot()->currentRun(), current));
            QCOMPARE(now->errorPlot()->previousRuns().size(), previous.size());
            for (qsizetype i = 0; i < previous.size(); ++i)
                QVERIFY(sameRuns(now->errorPlot()->previousRuns()[i], previous[i]));
            QCOMPARE(now->errorPlot()->drawnPreviousSeries(), int(previous.size()));
            QCOMPARE(now->networkView()->snapshot(), c->lastSnapshot());
            QCOMPARE(now->geometry(), geometry);
            QVERIFY(now->isVisible());
        };
        const int sampleCount = w->sampleBrowser()->count();

        // → 简体中文
        MainWindow* zh = switchTo(w, QStringLiteral("zh_CN"));
        QVERIFY(zh);
        w = nullptr;  // deleted
        QCOMPARE(windowOf(c), zh);
        unchanged(zh);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(zh->sampleBrowser()->count(), sampleCount);
        const QStringList chineseMenus = menuTitles(zh);
        QCOMPARE(chineseMenus.size(), englishMenus.size());
        QVERIFY2(chineseMenus.contains(QStringLiteral("文件(&F)")),
                 qPrintable(chineseMenus.join('|')));
        QVERIFY(chineseMenus.contains(QStringLiteral("训练(&T)")));
        QVERIFY(chineseMenus.contains(QStringLiteral("视图(&V)")));
        QVERIFY(chineseMenus.contains(QStringLiteral("帮助(&H)")));
        QVERIFY(chineseMenus.contains(QStringLiteral("语言(&G)")));
        QVERIFY(chineseMenus.contains(QStringLiteral("课程(&L)")));
        QVERIFY(!chineseMenus.contains(QStringLiteral("&File")));
        const QStringList chineseDocks = dockTitles(zh);
        QVERIFY(chineseDocks.contains(QStringLiteral("控制")));
        QVERIFY(chineseDocks.contains(QStringLiteral("误差曲线")));
        for (const QString& t : englishDocks) QVERIFY2(!chineseDocks.contains(t), qPrintable(t));
        const QStringList buttons = buttonTexts(zh->controlPanel());
        QVERIFY2(buttons.contains(QStringLiteral("运行")), qPrintable(buttons.join('|')));
        QVERIFY(buttons.contains(QStringLiteral("重置")));
        QVERIFY(!buttons.contains(QStringLiteral("Play")));
        QVERIFY(zh->windowTitle().startsWith(QStringLiteral("Backprop Studio")));
        // The lessons window came back at the same lesson, in Chinese.
        QVERIFY(zh->lessonsWindow()->isVisible());
        QVERIFY(zh->lessonsWindow()->currentLesson());
        QCOMPARE(zh->lessonsWindow()->currentLesson()->id(), lessonId);
        QCOMPARE(zh->lessonsWindow()->windowTitle(), QStringLiteral("Backprop Studio — 课程"));
        QVERIFY(zh->lessonsWindow()->currentLesson()->title() != englishLesson);
        QCOMPARE(zh->lessonsWindow()->lastSnapshot(), c->lastSnapshot());

        // ← English again, through the window's own Language menu.
        QMenu* languageMenu = zh->findChild<QMenu*>(QStringLiteral("languageMenu"));
        QVERIFY(languageMenu);
        QAction* english = nullptr;
        for (QAction* a : languageMenu->actions()) {
            if (a->data().toString() == QLatin1String("zh_CN")) QVERIFY(a->isChecked());
            if (a->data().toString() == QLatin1String("en")) english = a;
        }
        QVERIFY(english && !english->isChecked());
        QPointer<MainWindow> old = zh;
        QSignalSpy replaced(zh, &MainWindow::replaced);
        english->trigger();
        QVERIFY(replaced.wait(5000));
        QTRY_VERIFY(old.isNull());
        MainWindow* en = windowOf(c);
        QCOMPARE(replaced.first().first().value<MainWindow*>(), en);
        unchanged(en);
        if (QTest::currentTestFailed()) return;
        QCOMPARE(menuTitles(en), englishMenus);
        QCOMPARE(dockTitles(en), englishDocks);
        QCOMPARE(en->windowTitle(), title);
        QVERIFY(buttonTexts(en->controlPanel()).contains(QStringLiteral("Play")));
        QVERIFY(en->lessonsWindow()->isVisible());
        QCOMPARE(en->lessonsWindow()->currentLesson()->title(), englishLesson);
        QCOMPARE(QSettings().value(QString::fromLatin1(Language::kSettingsKey)).toString(),
                 QStringLiteral("en"));

        // The controller still trains in the new window: one more sample reaches its views.
        en->controller()->stepSample();
        QTRY_VERIFY(en->networkView()->snapshot() &&
                    en->networkView()->snapshot()->samplesSeen == before->samplesSeen + 1);
        QTRY_VERIFY(en->errorPlot()->currentRun().error.size() >= current.error.size());
        delete en;
    }
};

QTEST_MAIN(TestLanguage)
#include "test_language.moc"
