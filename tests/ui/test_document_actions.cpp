// test_document_actions.cpp — the main window with its File/View/Help entries from
// SessionActions, ExportActions, HelpActions and PresentationMode: no shortcut is bound twice, the
// entries exist, a session saved from one window opens in another with the same weights and control
// settings, files are opened by content, Help ▸ Contents shows the guide and F11 turns presentation
// mode on.
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>

#include "document/SessionActions.h"
#include "document/SessionManager.h"
#include "shell/HelpActions.h"
#include "shell/HelpWindow.h"
#include "shell/Language.h"
#include "shell/MainWindow.h"
#include "shell/PresentationMode.h"
#include "training/TrainingController.h"
#include "views/ControlPanel.h"
#include "views/ErrorPlot.h"
#include "views/NetworkView.h"

using bps::MainWindow;

namespace {

bool sameBits(const std::vector<bp::Matrix>& a, const std::vector<bp::Matrix>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (a[k].size() != b[k].size() ||
            std::memcmp(a[k].data(), b[k].data(),
                        sizeof(double) * static_cast<std::size_t>(a[k].size())) != 0)
            return false;
    return true;
}

QString data(const char* name) {
    return QStringLiteral(BP_SOURCE_DIR "/resources/data/") + QString::fromLatin1(name);
}

// Every action reachable from the menu bar (recursively) and the window's own actions.
QList<QAction*> allActions(const MainWindow& w) {
    QList<QAction*> out = w.actions();
    QList<QAction*> todo = w.menuBar()->actions();
    while (!todo.isEmpty()) {
        QAction* a = todo.takeFirst();
        out << a;
        if (a->menu()) todo += a->menu()->actions();
    }
    return out;
}

QAction* withShortcut(const MainWindow& w, const QKeySequence& key) {
    for (QAction* a : allActions(w))
        if (a->shortcuts().contains(key)) return a;
    return nullptr;
}

void loadSmallData(MainWindow& w) {
    QSignalSpy loaded(w.loader(), &bps::DatasetLoader::loaded);
    w.openDatasets(data("mnist_train_100.csv"), data("mnist_test_10.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 2, 20000);
}

}  // namespace

class TestDocumentActions : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_document_actions"));
        QSettings().clear();
    }

    void entriesExistAndNoShortcutIsBoundTwice() {
        MainWindow w;
        QVERIFY(w.sessions() && w.exports() && w.help() && w.presentation());
        QHash<QString, QString> owner;
        QSet<QAction*> seen;
        for (QAction* a : allActions(w)) {
            if (seen.contains(a)) continue;
            seen.insert(a);
            for (const QKeySequence& k : a->shortcuts()) {
                const QString key = k.toString();
                QVERIFY2(!owner.contains(key), qPrintable(key + QStringLiteral(": ") + owner[key] +
                                                          QStringLiteral(" and ") + a->text()));
                owner.insert(key, a->text());
            }
        }
        QVERIFY(withShortcut(w, QKeySequence::Save));
        QVERIFY(withShortcut(w, QKeySequence(QStringLiteral("Ctrl+Shift+S"))));
        QVERIFY(withShortcut(w, QKeySequence(Qt::Key_F11)));
        QVERIFY(withShortcut(w, QKeySequence(QStringLiteral("Ctrl+Shift+P"))));
        QVERIFY(withShortcut(w, QKeySequence::HelpContents));
    }

    // In every menu, each entry's Alt-letter (the & mnemonic) is its own, so a key opens the
    // entry at once instead of cycling between two; in English and in Chinese.
    void noMnemonicIsUsedTwiceInAMenu() {
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            bps::Language::instance()->setLanguage(language);
            MainWindow w;
            QList<QMenu*> menus{};
            for (QAction* a : w.menuBar()->actions())
                if (a->menu()) menus << a->menu();
            for (int i = 0; i < menus.size(); ++i)
                for (QAction* a : menus[i]->actions())
                    if (a->menu()) menus << a->menu();
            QStringList problems;
            for (QMenu* m : menus) {
                QHash<QChar, QString> owner;
                for (QAction* a : m->actions()) {
                    const QString text = a->text();
                    const qsizetype amp = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
                    if (a->isSeparator() || amp < 0) continue;
                    const QChar key = text.at(amp + 1).toLower();
                    if (owner.contains(key))
                        problems << QStringLiteral("%1: '%2' in \"%3\" and \"%4\"")
                                        .arg(language, key, owner[key], text);
                    owner.insert(key, text);
                }
            }
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        bps::Language::instance()->setLanguage(QStringLiteral("en"));
    }

    void sessionFromOneWindowOpensInAnother() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lesson.bps"));
        std::vector<bp::Matrix> weights;
        {
            MainWindow w;
            loadSmallData(w);
            w.controlPanel()->setDensity(13);
            w.controller()->setLearningRate(0.35);
            w.controller()->stepSample();
            w.controller()->stepSample();
            w.controller()->sync();
            weights = w.controller()->lastSnapshot()->weights;
            w.sessions()->manager()->setTitle(QStringLiteral("  Lesson 3:  learning rates "));
            QCOMPARE(w.sessions()->manager()->title(), QStringLiteral("Lesson 3: learning rates"));
            QVERIFY2(w.windowTitle().startsWith(QStringLiteral("Lesson 3: learning rates — ")),
                     qPrintable(w.windowTitle()));
            QCOMPARE(w.networkView()->documentTitle(), QStringLiteral("Lesson 3: learning rates"));
            QCOMPARE(w.sessions()->manager()->save(path), QString());
        }
        MainWindow other;
        QVERIFY(!other.windowTitle().contains(QStringLiteral("Lesson 3")));
        QCOMPARE(other.sessions()->openDocument(path), QString());
        QCOMPARE(other.controller()->learningRate(), 0.35);
        QCOMPARE(other.controlPanel()->learningRate(), 0.35);
        QCOMPARE(other.controlPanel()->density(), 13);
        QCOMPARE(other.sessions()->manager()->title(), QStringLiteral("Lesson 3: learning rates"));
        QVERIFY2(other.windowTitle().startsWith(QStringLiteral("Lesson 3: learning rates — ")),
                 qPrintable(other.windowTitle()));
        // The session's data are loaded again; then its network goes back and its run goes on
        // from the third sample.
        QTRY_VERIFY_WITH_TIMEOUT(
            other.loader()->current(bps::DatasetLoader::Role::Training) &&
                other.loader()->current(bps::DatasetLoader::Role::Training)->rows() == 100 &&
                !other.sessions()->manager()->isRestoring(),
            20000);
        other.controller()->sync();
        QVERIFY(sameBits(other.controller()->lastSnapshot()->weights, weights));
        QCOMPARE(other.controller()->lastSnapshot()->samplesSeen, std::uint64_t{2});
        QCOMPARE(other.controller()->lastSnapshot()->sample, 2L);

        // A dataset is not a document; a missing file says so.
        const QString csv = other.sessions()->openDocument(data("mnist_test_10.csv"));
        QVERIFY2(csv.contains(QStringLiteral("not a session or a model file")), qPrintable(csv));
        const QString none = other.sessions()->openDocument(dir.filePath(QStringLiteral("x")));
        QVERIFY2(none.contains(QStringLiteral("cannot open")), qPrintable(none));
    }

    void helpAndPresentation() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        withShortcut(w, QKeySequence::HelpContents)->trigger();
        QVERIFY(w.help()->helpWindow());
        QTRY_VERIFY(w.help()->helpWindow()->isVisible());
        w.help()->helpWindow()->close();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.statusBar()->isVisible());
        QTest::keyClick(&w, Qt::Key_F11);
        QVERIFY(w.presentation()->isOn());
        QVERIFY(!w.statusBar()->isVisible());
        QCOMPARE(w.networkView()->textScale(), w.presentation()->zoom());
        QVERIFY(w.networkView()->strokeScale() > 1.5);  // lines grow with the text
        QVERIFY(w.errorPlot()->isCompact());            // the chart's caption makes room
        QCOMPARE(w.networkView()->strokeScale(), w.presentation()->strokeScale());
        QTest::keyClick(&w, Qt::Key_F11);
        QVERIFY(!w.presentation()->isOn());
        QVERIFY(w.statusBar()->isVisible());
        QCOMPARE(w.networkView()->textScale(), 1.0);
        QCOMPARE(w.networkView()->strokeScale(), 1.0);
        QVERIFY(!w.errorPlot()->isCompact());
    }
};

QTEST_MAIN(TestDocumentActions)
#include "test_document_actions.moc"
