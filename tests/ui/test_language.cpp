// test_language.cpp — English ⇄ Simplified Chinese while the studio runs.
//
// A language switch retranslates every widget in place (QEvent::LanguageChange → each widget's
// own retranslateUi()): the test trains a network, switches to zh_CN and back, and checks that
// the menus, the dock titles and the control buttons show the Chinese strings and then the
// English ones again, while the window itself (the same object), the network's weights, the
// run, the data sets, the chart's points (current and earlier runs) and the window geometry stay
// exactly as they were — and so does state that nothing copies: text typed but not applied, the
// view's zoom, a lesson's progress.
#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <memory>

#include "ControllerFixtures.h"
#include "document/SessionActions.h"
#include "lessons/BookExamplesLesson.h"
#include "lessons/LessonsWindow.h"
#include "lessons/LinearClassifierLesson.h"
#include "shell/HelpActions.h"
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

using fixtures::sameMatrices;

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

// Every text a widget tree shows (labels, buttons, group boxes, tabs, combo items, menus and
// their actions, tool tips, window titles), in a fixed order, each tagged with its widget.
QStringList allTexts(const QWidget* root) {
    QStringList out;
    QList<const QWidget*> widgets{root};
    for (const QWidget* w : root->findChildren<QWidget*>()) widgets << w;
    for (const QWidget* w : widgets) {
        const QString tag = QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(':');
        if (!w->toolTip().isEmpty()) out << tag + QStringLiteral("tip=") + w->toolTip();
        if (w->isWindow()) out << tag + QStringLiteral("title=") + w->windowTitle();
        if (auto* l = qobject_cast<const QLabel*>(w)) out << tag + l->text();
        if (auto* b = qobject_cast<const QAbstractButton*>(w)) out << tag + b->text();
        if (auto* g = qobject_cast<const QGroupBox*>(w)) out << tag + g->title();
        if (auto* d = qobject_cast<const QDockWidget*>(w)) out << tag + d->windowTitle();
        if (auto* t = qobject_cast<const QTabWidget*>(w))
            for (int i = 0; i < t->count(); ++i) out << tag + t->tabText(i);
        if (auto* c = qobject_cast<const QComboBox*>(w))
            for (int i = 0; i < c->count(); ++i) out << tag + c->itemText(i);
        if (auto* sp = qobject_cast<const QAbstractSpinBox*>(w))
            out << tag + sp->specialValueText();
        if (auto* m = qobject_cast<const QMenu*>(w)) {
            out << tag + m->title();
            for (const QAction* a : m->actions())
                out << tag + a->text() + QLatin1Char('|') + a->toolTip() + QLatin1Char('|') +
                           a->statusTip() + QLatin1Char('|') + a->shortcut().toString();
        }
    }
    return out;
}

// The same values; the same label too unless compareLabel is false (the current run's label is
// the controller's, said in the new language).
bool sameRuns(const bps::ErrorPlot::Run& a, const bps::ErrorPlot::Run& b,
              bool compareLabel = true) {
    if ((compareLabel && a.label != b.label) || a.error != b.error || a.accuracy != b.accuracy)
        return false;
    if (a.rateMarks.size() != b.rateMarks.size()) return false;
    for (qsizetype i = 0; i < a.rateMarks.size(); ++i)
        if (a.rateMarks[i].x != b.rateMarks[i].x || a.rateMarks[i].lr != b.rateMarks[i].lr)
            return false;
    return true;
}

}  // namespace

class TestLanguage : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_settingsDir;

    // Switches and waits until w's File menu says it (LanguageChange events are posted).
    static bool switchTo(MainWindow* w, const QString& code) {
        Language::instance()->setLanguage(code);
        const QString file =
            code == QLatin1String("zh_CN") ? QStringLiteral("文件(&F)") : QStringLiteral("&File");
        return QTest::qWaitFor([&] { return menuTitles(w).contains(file); }, 5000);
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

    // A window on the stack is retranslated in place (and of course not deleted): nothing about
    // it asks for a window on the heap any more.
    void stackWindowStays() {
        MainWindow w;
        const QPointer<MainWindow> alive = &w;
        QVERIFY(switchTo(&w, QStringLiteral("zh_CN")));
        QVERIFY(alive);
        QVERIFY(!menuTitles(&w).contains(QStringLiteral("&File")));
        QVERIFY(switchTo(&w, QStringLiteral("en")));
        QVERIFY(alive);
        QVERIFY(menuTitles(&w).contains(QStringLiteral("&File")));
    }

    // A window switched to Chinese says exactly what a window built in Chinese says: every text
    // of the window, its menus, docks, views, the lessons window and every lesson, so no text
    // is set only once in a constructor. (Both windows are fresh: same state, same words.)
    void retranslatedEqualsBuiltInLanguage() {
        // Both windows settled: the controller's first snapshot shown, the event loop idle.
        const auto settle = [](MainWindow& w) {
            return QTest::qWaitFor([&] { return w.controller()->lastSnapshot() != nullptr; },
                                   5000) &&
                   (QTest::qWait(100), true);
        };
        MainWindow english;
        QVERIFY(settle(english));
        const QStringList before = allTexts(&english);
        QVERIFY(before.size() > 200);
        QVERIFY(switchTo(&english, QStringLiteral("zh_CN")));
        QTest::qWait(20);  // every posted LanguageChange delivered
        const QStringList switched = allTexts(&english);
        MainWindow chinese;
        QVERIFY(settle(chinese));
        const QStringList built = allTexts(&chinese);
        QCOMPARE(switched.size(), built.size());
        for (qsizetype i = 0; i < built.size(); ++i)
            QVERIFY2(switched[i] == built[i],
                     qPrintable(
                         QStringLiteral("switched: %1\nbuilt:    %2").arg(switched[i], built[i])));
        // And the switch changed something real: most texts differ from the English ones.
        qsizetype changed = 0;
        for (qsizetype i = 0; i < before.size() && i < switched.size(); ++i)
            changed += before[i] != switched[i] ? 1 : 0;
        QVERIFY2(changed > before.size() / 2, qPrintable(QString::number(changed)));
        QVERIFY(switchTo(&english, QStringLiteral("en")));
        QTest::qWait(20);
        QCOMPARE(allTexts(&english), before);
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
        auto w = std::make_unique<MainWindow>();
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->presentation()->setOn(true);
        const QFont presenting = QApplication::font();
        QVERIFY(presenting.pointSizeF() > original.pointSizeF());
        QVERIFY(switchTo(w.get(), QStringLiteral("zh_CN")));
        QVERIFY(w->presentation()->isOn());
        QCOMPARE(QApplication::font().pointSizeF(), presenting.pointSizeF());
        // The presentation actions are retranslated too (they live outside every widget).
        QVERIFY(w->presentation()->toggleAction()->text() != QStringLiteral("&Presentation mode"));
        QVERIFY(switchTo(w.get(), QStringLiteral("en")));
        QVERIFY(w->presentation()->isOn());
        QCOMPARE(w->presentation()->toggleAction()->text(), QStringLiteral("&Presentation mode"));
        QCOMPARE(QApplication::font().pointSizeF(), presenting.pointSizeF());
        w->presentation()->setOn(false);
        QCOMPARE(QApplication::font().pointSizeF(), original.pointSizeF());
    }

    // The heart of it: a trained network, two runs on the chart, switch to Chinese and back.
    void switchKeepsEverything() {
        auto window = std::make_unique<MainWindow>();
        MainWindow* w = window.get();
        const QPointer<MainWindow> alive = w;
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
            QVERIFY(sameRuns(now->errorPlot()->currentRun(), current, false));
            QCOMPARE(now->errorPlot()->currentRun().label, c->runLabel());  // in its language
            QCOMPARE(now->errorPlot()->previousRuns().size(), previous.size());
            for (qsizetype i = 0; i < previous.size(); ++i)
                QVERIFY(sameRuns(now->errorPlot()->previousRuns()[i], previous[i]));
            QCOMPARE(now->errorPlot()->drawnPreviousSeries(), int(previous.size()));
            QCOMPARE(now->networkView()->snapshot(), c->lastSnapshot());
            QCOMPARE(now->geometry(), geometry);
            QVERIFY(now->isVisible());
        };
        const int sampleCount = w->sampleBrowser()->count();

        // State that lives only in widgets, and that no switch code copies: the hidden layers
        // typed but not applied (the New network button says so), the network view's zoom, the
        // selected neuron, a lesson's progress (the book's example stepped twice, the linear
        // classifier trained on three bugs).
        auto* hiddenField =
            w->controlPanel()->findChild<QLineEdit*>(QStringLiteral("hiddenLayers"));
        QVERIFY(hiddenField);
        hiddenField->setText(QStringLiteral("30, 7"));
        emit hiddenField->textEdited(hiddenField->text());
        w->networkView()->setZoom(1.75, QPointF(100, 100));
        w->networkView()->setSelectedNeuron(1, 3);
        auto* book = qobject_cast<bps::BookExamplesLesson*>(
            w->lessonsWindow()->lessonById(QStringLiteral("book-examples")));
        auto* linear = qobject_cast<bps::LinearClassifierLesson*>(
            w->lessonsWindow()->lessonById(QStringLiteral("linear-classifier")));
        QVERIFY(book && linear);
        book->selectPreset(bps::BookExamplesLesson::Preset::ThreeLayers);
        QVERIFY(book->stepPhase());
        QVERIFY(book->stepPhase());
        const std::size_t bookPhase = book->stepper().phaseIndex();
        linear->trainNext();
        linear->trainNext();
        linear->trainNext();
        const double linearK = linear->k();
        const std::size_t linearSteps = linear->steps().size();
        const auto widgetState = [&](MainWindow* now) {
            QCOMPARE(
                now->controlPanel()->findChild<QLineEdit*>(QStringLiteral("hiddenLayers"))->text(),
                QStringLiteral("30, 7"));
            QCOMPARE(now->networkView()->zoom(), 1.75);
            QCOMPARE(now->networkView()->selectedLayer(), 1);
            QCOMPARE(now->networkView()->selectedIndex(), 3);
            QCOMPARE(book->preset(), bps::BookExamplesLesson::Preset::ThreeLayers);
            QCOMPARE(book->stepper().phaseIndex(), bookPhase);
            QCOMPARE(linear->k(), linearK);
            QCOMPARE(linear->steps().size(), linearSteps);
        };

        // → 简体中文
        QVERIFY(switchTo(w, QStringLiteral("zh_CN")));
        QVERIFY(alive);  // the same window: nothing was re-created
        MainWindow* zh = w;
        unchanged(zh);
        if (QTest::currentTestFailed()) return;
        widgetState(zh);
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
        // The unapplied settings are still marked, in Chinese.
        const QString dirty =
            QCoreApplication::translate("bps::ControlPanel", "New network (settings changed)");
        QVERIFY(dirty != QStringLiteral("New network (settings changed)"));
        QVERIFY2(buttons.contains(dirty), qPrintable(buttons.join('|')));
        // The book example's phase line and the linear lesson's table speak Chinese too.
        QVERIFY(linear->tableText().contains(
            QCoreApplication::translate("bps::LinearClassifierLesson", "ladybird %1").arg(1)));
        QVERIFY(!linear->tableText().contains(QStringLiteral("ladybird")));
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
        english->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(menuTitles(zh).contains(QStringLiteral("&File")), 5000);
        QVERIFY(english->isChecked());
        QVERIFY(alive);
        MainWindow* en = w;
        unchanged(en);
        if (QTest::currentTestFailed()) return;
        widgetState(en);
        QVERIFY(buttonTexts(en->controlPanel())
                    .contains(QStringLiteral("New network (settings changed)")));
        QVERIFY(linear->tableText().contains(QStringLiteral("ladybird 1")));
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
    }
};

QTEST_MAIN(TestLanguage)
#include "test_language.moc"
