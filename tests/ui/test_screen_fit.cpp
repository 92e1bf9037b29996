// test_screen_fit.cpp — the windows open inside the screens classrooms have (tests/ui/screens.json:
// projectors of 1024×768, 1280×720, 1280×800 and 1366×768, a 1920×1080 desk, side by side on the
// offscreen platform): the main window, the lessons window and the help window lie inside each
// screen's available area; on every one of them the network view, Play, the learning-rate
// slider, the error chart and the maths panel are all in view at once and no text is cut (at
// 1024×768 in the compact layout, whose chart and maths each get close to half the width); a
// geometry is remembered per screen size, and one saved on a larger screen is not used on a smaller
// one.
#include <QAbstractSpinBox>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include "LayoutAudit.h"
#include "lessons/LessonsWindow.h"
#include "shell/HelpWindow.h"
#include "shell/MainWindow.h"
#include "shell/PresentationMode.h"
#include "shell/ScreenFit.h"
#include "views/ControlPanel.h"
#include "views/ErrorPlot.h"
#include "views/MathsPanel.h"
#include "views/NetworkView.h"

using namespace bps;

namespace {
QString describe(const QRect& r) {
    return QStringLiteral("%1,%2 %3×%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

// The window's outer rectangle inside the screen's available area.
void verifyInside(const QWidget* w, const QScreen* screen) {
    const QRect area = screen->availableGeometry();
    QVERIFY2(area.contains(w->frameGeometry()),
             qPrintable(QStringLiteral("%1 at %2 is not inside %3 (%4)")
                            .arg(w->metaObject()->className(), describe(w->frameGeometry()),
                                 screen->name(), describe(area))));
}

// The widget is shown whole: not hidden, not clipped by a scroll area or a splitter, not tiny.
void verifyInView(const QWidget* w, const char* what, QSize atLeast) {
    QVERIFY2(w->isVisible(), what);
    // What of it the ancestors (a scroll area's viewport, a dock, the window) leave in view.
    QRect seen = w->rect();
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        seen &= QRect(w->mapFrom(p, QPoint(0, 0)), p->size());
    QVERIFY2(
        seen == w->rect(),
        qPrintable(
            QStringLiteral("%1: %2 of %3 in view").arg(what, describe(seen), describe(w->rect()))));
    QVERIFY2(w->width() >= atLeast.width() && w->height() >= atLeast.height(),
             qPrintable(QStringLiteral("%1 is %2").arg(what, describe(w->rect()))));
}

QScreen* screenNamed(const QString& name) {
    for (QScreen* s : QGuiApplication::screens())
        if (s->name() == name) return s;
    return nullptr;
}

}  // namespace

class TestScreenFit : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;

  private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_screen_fit"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCOMPARE(QGuiApplication::screens().size(), 5);  // tests/ui/screens.json is in use
    }

    void windowsFitEveryScreen_data() {
        QTest::addColumn<int>("screen");
        for (int i = 0; i < 5; ++i)
            QTest::newRow(qPrintable(QGuiApplication::screens()[i]->name())) << i;
    }

    void windowsFitEveryScreen() {
        QFETCH(int, screen);
        QScreen* s = QGuiApplication::screens()[screen];
        QSettings().clear();  // a first start on this screen
        MainWindow w;
        w.setScreen(s);
        w.move(s->availableGeometry().topLeft());
        restoreFittedGeometry(&w, QStringLiteral("window/geometry"), QSize(1600, 900));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.screen(), s);
        (void)QTest::qWaitFor([&] {
            return s->availableGeometry().contains(w.frameGeometry());
        });  // fitted once shown
        verifyInside(&w, s);

        // The class's view of one run, all at once, without scrolling, on every screen: below
        // 1280 px wide in the compact layout (the controls a strip across the top), which gives
        // the chart and the maths half the width each.
        const bool small = s->availableGeometry().width() < MainWindow::kCompactBelowWidth;
        QCOMPARE(w.isCompact(), small);
        QCOMPARE(w.controlPanel()->isCompact(), small);
        QTest::qWait(50);  // the docks take their sizes
        verifyInView(w.networkView(), "network view", QSize(small ? 800 : 400, 250));
        const int half = small ? s->availableGeometry().width() * 2 / 5 : 250;
        verifyInView(w.errorPlot(), "error chart", QSize(half, 150));
        verifyInView(w.mathsPanel(), "maths panel", QSize(half, 150));
        QPushButton* play = nullptr;  // found by what it says
        for (QPushButton* b : w.controlPanel()->findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("Play"))) play = b;
        QVERIFY(play);
        verifyInView(play, "Play", QSize(40, 16));
        const QList<QSlider*> sliders = w.controlPanel()->findChildren<QSlider*>();
        QCOMPARE(sliders.size(), 2);  // the pace and the learning rate
        for (QSlider* slider : sliders) verifyInView(slider, "slider", QSize(60, 10));
        for (QAbstractSpinBox* field : w.controlPanel()->findChildren<QAbstractSpinBox*>())
            if (field->isVisible()) verifyInView(field, "field", QSize(40, 16));
        // (on a busy machine the last layouts may come later than the 50 ms above: wait for
        // them; a text cut for good still fails after 5 s)
        QStringList cut;
        QTRY_VERIFY2_WITH_TIMEOUT((cut = audit::cutTexts(&w)).isEmpty(),
                                  qPrintable(cut.join(QLatin1Char('\n'))), 5000);

        LessonsWindow* lessons = w.lessonsWindow();
        QVERIFY(lessons);
        lessons->setScreen(s);
        lessons->move(s->availableGeometry().topLeft());
        restoreFittedGeometry(lessons, QStringLiteral("lessons/geometry"), QSize(1440, 880));
        lessons->show();
        QVERIFY(QTest::qWaitForWindowExposed(lessons));
        (void)QTest::qWaitFor(
            [&] { return s->availableGeometry().contains(lessons->frameGeometry()); });
        verifyInside(lessons, s);
        lessons->hide();

        HelpWindow help(QStringLiteral("en"));
        help.setScreen(s);
        help.move(s->availableGeometry().topLeft());
        restoreFittedGeometry(&help, QStringLiteral("help/geometry"), QSize(900, 760));
        help.show();
        QVERIFY(QTest::qWaitForWindowExposed(&help));
        (void)QTest::qWaitFor(
            [&] { return s->availableGeometry().contains(help.frameGeometry()); });
        verifyInside(&help, s);
    }

    // Presentation mode on each projector and the desk: at 150 % a screen narrower than
    // 1280 × 1.5 px has the room of a small one, so the controls become the compact strip
    // (the network view then gets the width); the strip is as low as its buttons (Progress
    // becomes a tab when it does not fit beside them at the larger font), nothing of it
    // scrolls away, no text of the window is cut or elided; leaving puts the layout back.
    void presentationOnEveryScreen_data() {
        QTest::addColumn<QString>("screen");
        QTest::addColumn<bool>("compact");  // presenting in the compact layout
        QTest::newRow("1024x768") << QStringLiteral("projector-1024x768") << true;
        QTest::newRow("1280x720") << QStringLiteral("projector-1280x720") << true;
        QTest::newRow("1366x768") << QStringLiteral("projector-1366x768") << true;
        QTest::newRow("1920x1080") << QStringLiteral("desk-1920x1080") << false;
    }

    void presentationOnEveryScreen() {
        QFETCH(QString, screen);
        QFETCH(bool, compact);
        QSettings().clear();
        QScreen* s = screenNamed(screen);
        QVERIFY(s);
        MainWindow w;
        w.setScreen(s);
        w.move(s->availableGeometry().topLeft());
        restoreFittedGeometry(&w, QStringLiteral("window/geometry"), QSize(1600, 900));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const bool compactBefore = s->availableGeometry().width() < MainWindow::kCompactBelowWidth;
        QCOMPARE(w.isCompact(), compactBefore);
        const bool besideBefore = w.controlPanel()->progressBeside();  // room for it or not
        const int stripBefore = w.controlPanel()->height();
        w.presentation()->setOn(true);
        QCOMPARE(w.isCompact(), compact);
        QCOMPARE(w.controlPanel()->isCompact(), compact);
        QTRY_VERIFY(w.isFullScreen());
        QTest::qWait(50);
        if (compactBefore) {  // taller by the font, not by Progress' lines under the buttons
            QTRY_VERIFY(!w.controlPanel()->progressBeside());
            QVERIFY2(w.controlPanel()->height() <= stripBefore * PresentationMode::kDefaultZoom + 8,
                     qPrintable(QStringLiteral("strip %1 px, %2 before")
                                    .arg(w.controlPanel()->height())
                                    .arg(stripBefore)));
        }
        const int width = s->geometry().width();
        verifyInView(w.networkView(), "network view", QSize(compact ? width * 3 / 4 : 800, 250));
        verifyInView(w.errorPlot(), "error chart", QSize(compact ? width * 2 / 5 : 400, 150));
        verifyInView(w.mathsPanel(), "maths panel", QSize(compact ? width * 2 / 5 : 400, 150));
        for (QSlider* slider : w.controlPanel()->findChildren<QSlider*>())
            verifyInView(slider, "slider", QSize(60, 10));
        for (QPushButton* b : w.controlPanel()->findChildren<QPushButton*>())
            if (b->isVisible()) verifyInView(b, "button", QSize(40, 16));
        QStringList problems;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (problems = audit::cutTexts(&w) + audit::elidedChartTexts(&w)).isEmpty(),
            qPrintable(problems.join(QLatin1Char('\n'))), 5000);
        w.presentation()->setOn(false);
        QCOMPARE(w.isCompact(), compactBefore);
        QCOMPARE(w.controlPanel()->isCompact(), compactBefore);
        if (compactBefore) QTRY_COMPARE(w.controlPanel()->progressBeside(), besideBefore);
        // the controls back where they were: a strip across the top or the side column
        QDockWidget* controls = nullptr;
        for (QDockWidget* d : w.findChildren<QDockWidget*>())
            if (d->isAncestorOf(w.controlPanel())) controls = d;
        QVERIFY(controls);
        QCOMPARE(w.dockWidgetArea(controls),
                 compactBefore ? Qt::TopDockWidgetArea : Qt::RightDockWidgetArea);
    }

    // The audit measures a label's text as QLabel draws it: with a buddy "Ti&meline" is drawn
    // "Timeline" (so it fits its size hint, and is cut a few pixels narrower); without one the
    // '&' is drawn too.
    void labelsAreMeasuredAsDrawn() {
        QWidget box;
        auto* buddy = new QSlider(&box);
        auto* withBuddy = new QLabel(QStringLiteral("Ti&meline"), &box);
        withBuddy->setBuddy(buddy);
        auto* plain = new QLabel(QStringLiteral("Ti&meline"), &box);
        box.resize(400, 100);
        box.show();
        QVERIFY(QTest::qWaitForWindowExposed(&box));
        withBuddy->resize(withBuddy->sizeHint());
        plain->resize(plain->sizeHint());
        QVERIFY(plain->width() > withBuddy->width());  // the '&' is drawn without a buddy
        QVERIFY2(audit::cutTexts(&box).isEmpty(), qPrintable(audit::cutTexts(&box).join(u'\n')));
        withBuddy->resize(withBuddy->sizeHint() - QSize(6, 0));
        QCOMPARE(audit::cutTexts(&box).size(), 1);
        withBuddy->resize(withBuddy->sizeHint());
        plain->resize(withBuddy->sizeHint());  // room for "Timeline", not for "Ti&meline"
        QCOMPARE(audit::cutTexts(&box).size(), 1);
    }

    // A geometry is kept per screen size: the desk's big window does not come back on the
    // projector, and the projector's own placement does.
    void geometryIsRememberedPerScreen() {
        QSettings().clear();
        QScreen* desk = screenNamed(QStringLiteral("desk-1920x1080"));
        QScreen* projector = screenNamed(QStringLiteral("projector-1280x720"));
        QVERIFY(desk && projector);
        const auto onScreen = [](QWidget& w, QScreen* screen) {
            w.setScreen(screen);
            w.move(screen->availableGeometry().topLeft());
            w.show();
            return QTest::qWaitForWindowExposed(&w) && w.screen() == screen;
        };
        QWidget w;
        w.resize(1700, 1000);
        QVERIFY(onScreen(w, desk));
        saveFittedGeometry(&w, QStringLiteral("g"));
        QVERIFY2(QSettings().contains(QStringLiteral("g/1920x1080")),
                 qPrintable(QSettings().allKeys().join(QLatin1Char(' '))));

        QWidget p;
        QVERIFY(onScreen(p, projector));
        restoreFittedGeometry(&p, QStringLiteral("g"), QSize(1600, 900));
        QVERIFY(projector->availableGeometry().contains(p.frameGeometry()));  // not the desk's
        QVERIFY(p.width() >= 1200 && p.height() >= 680);  // the preferred size, bounded
        const QRect mine(projector->availableGeometry().topLeft() + QPoint(100, 50),
                         QSize(900, 600));
        p.setGeometry(mine);
        saveFittedGeometry(&p, QStringLiteral("g"));

        QWidget again;
        QVERIFY(onScreen(again, projector));
        restoreFittedGeometry(&again, QStringLiteral("g"), QSize(1600, 900));
        QCOMPARE(again.geometry(), mine);
    }
};

QTEST_MAIN(TestScreenFit)
#include "test_screen_fit.moc"
