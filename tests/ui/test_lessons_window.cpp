// The lessons window: every lesson listed in the book's order, opened by id, snapshots from the
// studio forwarded to the visible lesson, a hidden lesson paused.
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "lessons/LessonRegistry.h"
#include "lessons/LessonsWindow.h"
#include "lessons/PlaygroundLesson.h"
#include "lessons/SaturationLesson.h"
#include "shell/PresentationMode.h"

using bps::LessonsWindow;

namespace {

bps::SnapshotPtr smallSnapshot() {
    auto s = std::make_shared<bps::Snapshot>();
    s->spec.layers = {2, 3, 2};
    s->values.resize(s->spec, false);
    s->values.o[1] = bp::Vector::Constant(3, 0.999);  // all saturated
    s->values.o[2] = bp::Vector::Constant(2, 0.5);    // none
    return s;
}

}  // namespace

class TestLessonsWindow : public QObject {
    Q_OBJECT
  private slots:
    void listsEveryLesson();
    void opensAtALesson();
    void forwardsSnapshots();
    void pausesHiddenLessons();
    void exportsEachLessonsPicture();
    void eachLessonIsAsWideAsItself();
    void everyLessonFitsTheProjectors_data();
    void everyLessonFitsTheProjectors();
};

void TestLessonsWindow::listsEveryLesson() {
    QElapsedTimer t;
    t.start();
    LessonsWindow w;
    qInfo("LessonsWindow with %d lessons built in %lld ms", w.lessonCount(), t.elapsed());
    QVERIFY(w.lessonCount() >= 4);
    QCOMPARE(w.lesson(0)->id(), QStringLiteral("book-examples"));
    QCOMPARE(w.lesson(1)->id(), QStringLiteral("linear-classifier"));
    QCOMPARE(w.lesson(2)->id(), QStringLiteral("playground"));
    // the "why it learns" chapter (issue 13) lies between the playground and saturation
    const auto at = [&w](const char* id) {
        for (int i = 0; i < w.lessonCount(); ++i)
            if (w.lesson(i)->id() == QLatin1String(id)) return i;
        return -1;
    };
    QVERIFY(at("which-error") > at("playground") && at("saturation") > at("which-error"));
    std::set<QString> ids;
    auto* bar = w.findChild<QListWidget*>(QStringLiteral("lessonSideBar"));
    QVERIFY(bar);
    QCOMPARE(bar->count(), w.lessonCount());
    for (int i = 0; i < w.lessonCount(); ++i) {
        ids.insert(w.lesson(i)->id());
        QVERIFY(!w.lesson(i)->title().isEmpty());
        QVERIFY2(!w.lesson(i)->explanation().isEmpty(), qPrintable(w.lesson(i)->id()));
        QVERIFY(bar->item(i)->text().contains(w.lesson(i)->title()));
    }
    QCOMPARE(static_cast<int>(ids.size()), w.lessonCount());  // ids are unique
    QCOMPARE(static_cast<int>(bps::makeLessons().size()), w.lessonCount());
}

void TestLessonsWindow::opensAtALesson() {
    LessonsWindow w;
    QSignalSpy changed(&w, &LessonsWindow::lessonChanged);
    w.openAt(QStringLiteral("playground"));
    QVERIFY(w.isVisible());
    QCOMPARE(w.currentLesson()->id(), QStringLiteral("playground"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("playground"));
    QVERIFY(!w.showLessonById(QStringLiteral("no-such-lesson")));
    QCOMPARE(w.currentLesson()->id(), QStringLiteral("playground"));
    // Clicking the side bar switches lessons.
    auto* bar = w.findChild<QListWidget*>(QStringLiteral("lessonSideBar"));
    bar->setCurrentRow(1);
    QCOMPARE(w.currentLesson()->id(), QStringLiteral("linear-classifier"));
    w.showLessonById(QStringLiteral("book-examples"));
    QVERIFY(lessonshot::screenshot(w, QStringLiteral("lessons-window")));
}

void TestLessonsWindow::forwardsSnapshots() {
    LessonsWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const bps::SnapshotPtr s = smallSnapshot();
    w.setSnapshot(s);  // arrives while another lesson is visible …
    QCOMPARE(w.lastSnapshot(), s);
    auto* sat = qobject_cast<bps::SaturationLesson*>(w.lessonById(QStringLiteral("saturation")));
    QVERIFY(sat);
    QVERIFY(w.showLessonById(QStringLiteral("saturation")));  // … and is handed over on showing
    sat->useStudioSnapshot(true);
    QCOMPARE(sat->shownSnapshot(), s);
    QCOMPARE(sat->shownSaturation(), 0.6);
    const bps::SnapshotPtr s2 = smallSnapshot();
    w.setSnapshot(s2);  // the visible lesson gets new snapshots at once
    QCOMPARE(sat->shownSnapshot(), s2);
}

void TestLessonsWindow::pausesHiddenLessons() {
    LessonsWindow w;
    w.openAt(QStringLiteral("playground"));
    auto* pg = qobject_cast<bps::PlaygroundLesson*>(w.currentLesson());
    QVERIFY(pg);
    pg->play();
    QVERIFY(pg->running());
    w.showLessonById(QStringLiteral("saturation"));
    QVERIFY(!pg->running());
    w.showLessonById(QStringLiteral("playground"));
    pg->play();
    w.hide();
    QVERIFY(!pg->running());
}

// The lessons scroll inside the window only when the lesson shown is wider or taller than the
// window's view, not because another lesson is (the stack took the widest lesson's width, 1294 px
// for saturation, so every lesson scrolled sideways at 1280×720 and 1024×768).
void TestLessonsWindow::eachLessonIsAsWideAsItself() {
    QScreen* projector = nullptr;  // tests/ui/screens.json, set for this test in CMakeLists
    for (QScreen* s : QGuiApplication::screens())
        if (s->size() == QSize(1280, 720)) projector = s;
    QVERIFY2(projector, "no 1280×720 screen (screens.json not loaded?)");
    LessonsWindow w;
    w.setScreen(projector);
    w.move(projector->availableGeometry().topLeft());
    w.resize(projector->availableGeometry().size());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.width() >= 1280 - 8);  // (a window frame may take a few pixels)
    auto* scroll = w.findChild<QScrollArea*>(QStringLiteral("lessonScroll"));
    QVERIFY(scroll);
    int fitting = 0;
    for (int i = 0; i < w.lessonCount(); ++i) {
        w.showLesson(i);
        QCoreApplication::processEvents();
        const QSize own = w.lesson(i)->minimumSizeHint().expandedTo(w.lesson(i)->minimumSize());
        const QSize view = scroll->maximumViewportSize();
        const QString what = QStringLiteral("%1 (needs %2 px, view %3 px)")
                                 .arg(w.lesson(i)->id())
                                 .arg(own.width())
                                 .arg(view.width());
        // no wider than the lesson itself needs (or the view, when that is wider)
        QVERIFY2(scroll->widget()->minimumSizeHint().width() <= std::max(own.width(), 0) + 1 ||
                     scroll->widget()->minimumSizeHint().width() <= view.width(),
                 qPrintable(what));
        if (own.width() <= view.width() - scroll->verticalScrollBar()->sizeHint().width()) {
            ++fitting;
            QVERIFY2(!scroll->horizontalScrollBar()->isVisible(), qPrintable(what));
        }
    }
    QVERIFY2(fitting >= w.lessonCount() / 2, "most lessons fit a 1280×720 window as they are");
}

// Every lesson in the lessons window at the projectors' 1024×768 and 1280×720, with the
// application font as it is and as presentation mode makes it (×1.5): no label or painted text
// cut, nothing outside the window, and no sideways scrolling (a class can scroll down, but a
// lesson cut at its right edge is not seen). BP_SCREENSHOT_DIR set: a screenshot of each.
void TestLessonsWindow::everyLessonFitsTheProjectors_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QStringList ids;
    {
        LessonsWindow w;
        for (int i = 0; i < w.lessonCount(); ++i) ids << w.lesson(i)->id();
    }
    for (const QSize size : {QSize(1024, 768), QSize(1280, 720)})
        for (const double scale : {1.0, bps::PresentationMode::kDefaultZoom})
            for (const QString& id : ids)
                QTest::addRow("%dx%d %s %s", size.width(), size.height(),
                              scale > 1 ? "presenting" : "normal", qPrintable(id))
                    << id << size << scale;
}

void TestLessonsWindow::everyLessonFitsTheProjectors() {
    QFETCH(QString, id);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QStringList sideways;
    const auto noSidewaysScroll = [&sideways, &id](bps::Lesson* lesson) {
        auto* scroll = lesson->window()->findChild<QScrollArea*>(QStringLiteral("lessonScroll"));
        if (!scroll) return;
        for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
        const int need = lesson->minimumSizeHint().expandedTo(lesson->minimumSize()).width();
        if (auto* bar = lesson->window()->findChild<QListWidget*>(QStringLiteral("lessonSideBar"));
            bar && bar->isVisible() && bar->horizontalScrollBar()->isVisible())
            sideways << QStringLiteral("the side bar scrolls sideways");
        if (scroll->horizontalScrollBar()->isVisible() || need > scroll->viewport()->width())
            sideways << QStringLiteral("%1 scrolls sideways: needs %2 px, the view is %3")
                            .arg(id)
                            .arg(need)
                            .arg(scroll->viewport()->width());
    };
    const QString shot = QStringLiteral("lesson-%1%2")
                             .arg(id, scale > 1 ? QStringLiteral("-presenting") : QString());
    const QStringList problems =
        whyfit::problemsAt(id, size, scale, shot, noSidewaysScroll) + sideways;
    for (const QString& p : problems) qInfo().noquote() << p;
    // Known and not yet fixed (issue 10): the saturation lesson's two columns and its sigmoid
    // plot's tick labels do not fit beside each other in presentation mode.
    if (id == QLatin1String("saturation") && scale > 1)
        QEXPECT_FAIL("",
                     "saturation: presentation mode still needs 1142 px and its sigmoid "
                     "plot's tick labels overlap the axis title",
                     Continue);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestLessonsWindow)
// Every lesson with a picture exports it as PNG at the size asked and as SVG; the button is
// enabled exactly for those lessons, and a lesson without one says so.
void TestLessonsWindow::exportsEachLessonsPicture() {
    QTemporaryDir dir;
    LessonsWindow w;
    w.setSnapshot(smallSnapshot());
    auto* button = w.findChild<QPushButton*>(QStringLiteral("lessonExportPicture"));
    QVERIFY(button);
    int exported = 0;
    for (int i = 0; i < w.lessonCount(); ++i) {
        w.showLesson(i);
        const QString id = w.lesson(i)->id();
        QCOMPARE(button->isEnabled(), w.lesson(i)->picture() != nullptr);
        const QString png = dir.filePath(id + QStringLiteral(".png"));
        const QString error =
            w.exportPicture(png, QSize(640, 400), bps::Exporter::ImageFormat::Png);
        if (!w.lesson(i)->picture()) {
            QVERIFY2(!error.isEmpty(), qPrintable(id));
            continue;
        }
        QVERIFY2(error.isEmpty(), qPrintable(id + QStringLiteral(": ") + error));
        const QImage img(png);
        QCOMPARE(img.size(), QSize(640, 400));
        std::set<QRgb> colours;
        for (int y = 0; y < img.height() && colours.size() < 3; y += 3)
            for (int x = 0; x < img.width() && colours.size() < 3; x += 3)
                colours.insert(img.pixel(x, y));
        QVERIFY2(colours.size() >= 2, qPrintable(id + QStringLiteral(": a blank picture")));
        const QString svg = dir.filePath(id + QStringLiteral(".svg"));
        QCOMPARE(w.exportPicture(svg, QSize(640, 400), bps::Exporter::ImageFormat::Svg), QString());
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.readAll().contains("<svg"), qPrintable(id));
        ++exported;
    }
    QVERIFY2(exported >= 7, qPrintable(QString::number(exported)));
}

#include "test_lessons_window.moc"
