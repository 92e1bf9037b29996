// test_monkey.cpp — abuse of the UI: thousands of random clicks, key presses, wheel turns and
// slider drags sent to the running studio (offscreen) while it trains, and while training and
// test sets are reloaded under it. Dialogs that pop up are dismissed as a user would (Escape),
// popups closed. Asserts that nothing crashes (under ASan: no memory error, no leak), and that
// afterwards the window and the trainer's worker thread still answer.
// BP_MONKEY_SEED and BP_MONKEY_EVENTS override the seed (printed) and the count (default 5000).
#include <QAbstractSlider>
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTimer>
#include <QWheelEvent>
#include <QtTest>
#include <random>

#include "shell/MainWindow.h"
#include "training/TrainingController.h"

using bps::MainWindow;
using Role = bps::DatasetLoader::Role;

namespace {

// Widgets of the window a user could point at: visible, enabled, with an area.
QList<QWidget*> targets(QWidget* root) {
    QList<QWidget*> out;
    for (QWidget* w : root->findChildren<QWidget*>())
        if (w->isVisible() && w->isEnabled() && w->width() > 1 && w->height() > 1) out << w;
    return out;
}

int envInt(const char* name, int fallback) {
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

}  // namespace

class TestMonkey : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // settings go to a test location
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioMonkeyTest"));
    }

    void randomAbuseWhileTraining() {
        const auto seed = static_cast<unsigned>(envInt("BP_MONKEY_SEED", 20261129));
        const int events = envInt("BP_MONKEY_EVENTS", 5000);
        qInfo("monkey seed %u, %d events", seed, events);
        std::mt19937 rng(seed);
        auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };

        MainWindow w;
        w.resize(1400, 900);
        w.setAutoPlay(true);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.openDatasets(QString::fromLatin1(MainWindow::kDefaultTrain),
                       QString::fromLatin1(MainWindow::kDefaultTest));
        QTRY_VERIFY_WITH_TIMEOUT(w.loader()->current(Role::Training) != nullptr, 60000);

        // A user facing a dialog or a menu closes it.
        int dismissed = 0;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (QWidget* popup = QApplication::activePopupWidget()) {
                popup->close();
                ++dismissed;
            }
            if (QWidget* modal = QApplication::activeModalWidget()) {
                if (auto* dialog = qobject_cast<QDialog*>(modal))
                    dialog->reject();
                else
                    modal->close();
                ++dismissed;
            }
        });
        closer.start(5);

        static const QList<QPair<int, Qt::KeyboardModifiers>> keys = {
            {Qt::Key_Space, Qt::NoModifier},     {Qt::Key_Right, Qt::NoModifier},
            {Qt::Key_Right, Qt::ShiftModifier},  {Qt::Key_Right, Qt::ControlModifier},
            {Qt::Key_R, Qt::ControlModifier},    {Qt::Key_0, Qt::ControlModifier},
            {Qt::Key_O, Qt::ControlModifier},    {Qt::Key_Tab, Qt::NoModifier},
            {Qt::Key_Up, Qt::NoModifier},        {Qt::Key_Down, Qt::NoModifier},
            {Qt::Key_Left, Qt::NoModifier},      {Qt::Key_PageUp, Qt::NoModifier},
            {Qt::Key_PageDown, Qt::NoModifier},  {Qt::Key_Home, Qt::NoModifier},
            {Qt::Key_End, Qt::NoModifier},       {Qt::Key_Return, Qt::NoModifier},
            {Qt::Key_Escape, Qt::NoModifier},    {Qt::Key_Plus, Qt::NoModifier},
            {Qt::Key_Minus, Qt::NoModifier},     {Qt::Key_5, Qt::NoModifier},
            {Qt::Key_Backspace, Qt::NoModifier}, {Qt::Key_A, Qt::NoModifier},
            {Qt::Key_F1, Qt::NoModifier},        {Qt::Key_Delete, Qt::NoModifier},
        };
        // Training really runs under the abuse: the worker keeps publishing snapshots.
        QSignalSpy trained(w.controller(), &bps::TrainingController::snapshotReady);
        int clicks = 0, presses = 0, drags = 0, wheels = 0, reloads = 0;
        for (int i = 0; i < events; ++i) {
            if (!w.isVisible()) w.show();  // File ▸ Quit may have been clicked
            const QList<QWidget*> all = targets(&w);
            QVERIFY(!all.isEmpty());
            QWidget* t = all.at(pick(static_cast<int>(all.size())));
            const QPoint at(pick(t->width()), pick(t->height()));
            const int what = pick(100);
            if (what < 45) {
                const Qt::MouseButton button = pick(8) == 0 ? Qt::RightButton : Qt::LeftButton;
                if (pick(6) == 0)
                    QTest::mouseDClick(t, button, {}, at);
                else
                    QTest::mouseClick(t, button, {}, at);
                ++clicks;
            } else if (what < 70) {
                const auto& [key, mods] = keys.at(pick(static_cast<int>(keys.size())));
                QWidget* focus = QApplication::focusWidget();
                QTest::keyClick(focus != nullptr ? focus : static_cast<QWidget*>(&w),
                                static_cast<Qt::Key>(key), mods);
                ++presses;
            } else if (what < 90) {
                const QList<QAbstractSlider*> sliders = w.findChildren<QAbstractSlider*>();
                QList<QAbstractSlider*> shown;
                for (QAbstractSlider* s : sliders)
                    if (s->isVisible() && s->isEnabled()) shown << s;
                if (shown.isEmpty()) continue;
                QAbstractSlider* s = shown.at(pick(static_cast<int>(shown.size())));
                const QPoint from(pick(s->width()), pick(s->height()));
                const QPoint to(pick(s->width()), pick(s->height()));
                QTest::mousePress(s, Qt::LeftButton, {}, from);
                QTest::mouseMove(s, (from + to) / 2);
                QTest::mouseMove(s, to);
                QTest::mouseRelease(s, Qt::LeftButton, {}, to);
                ++drags;
            } else if (what < 97) {
                const QPoint global = t->mapToGlobal(at);
                QWheelEvent wheel(QPointF(at), QPointF(global), QPoint(),
                                  QPoint(0, pick(2) == 0 ? 120 : -120), Qt::NoButton,
                                  pick(3) == 0 ? Qt::ControlModifier : Qt::NoModifier,
                                  Qt::NoScrollPhase, false);
                QApplication::sendEvent(t, &wheel);
                ++wheels;
            } else {
                // Reload while it trains: one of the sets, or both, from the embedded data.
                w.openDatasets(pick(2) ? QString::fromLatin1(MainWindow::kDefaultTrain) : QString(),
                               QString::fromLatin1(MainWindow::kDefaultTest));
                ++reloads;
            }
            if (i % 25 == 0) QTest::qWait(1);
        }
        closer.stop();
        qInfo(
            "monkey: %d clicks, %d key presses, %d slider drags, %d wheel turns, %d reloads, "
            "%d dialogs or menus dismissed",
            clicks, presses, drags, wheels, reloads, dismissed);
        QVERIFY(clicks > events / 3 && presses > events / 6 && drags > 0 && reloads > 0);
        qInfo("%d snapshots from the worker during the abuse", static_cast<int>(trained.count()));
        QVERIFY(trained.count() > 0);

        // The window still answers: its event loop runs a queued call promptly…
        if (!w.isVisible()) w.show();
        bool answered = false;
        QElapsedTimer clock;
        clock.start();
        QTimer::singleShot(0, &w, [&] { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
        qInfo("event loop answered in %lld ms", static_cast<long long>(clock.elapsed()));
        // …and the trainer's worker thread still trains: pause, reset, step one sample.
        bps::TrainingController* c = w.controller();
        QTRY_VERIFY_WITH_TIMEOUT(!w.loader()->isLoading(), 60000);
        c->pause();
        c->reset();
        QSignalSpy snapshots(c, &bps::TrainingController::snapshotReady);
        c->stepSample();
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() > 0, 10000);
        c->sync();
        QVERIFY(c->isTrained());
    }
};

QTEST_MAIN(TestMonkey)
#include "test_monkey.moc"
