// WhyLessonFit.h — the "why it learns" lessons in the lessons window at the sizes classrooms
// have: every text whole (LayoutAudit: labels, buttons, painted texts), nothing outside the
// window, and (BP_SCREENSHOT_DIR set) a screenshot of the window at that size.
#pragma once

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QTest>
#include <functional>

#include "LayoutAudit.h"
#include "lessons/LessonsWindow.h"

namespace whyfit {

// Problems of lesson `id` shown in a LessonsWindow of `size` (empty: it fits); `fontScale` > 1
// scales the application font as presentation mode does; `prepare` sets the lesson up (steps
// it) before it is looked at. Saves <shot>-<w>x<h>.png when asked.
inline QStringList problemsAt(const QString& id, QSize size, double fontScale = 1.0,
                              const QString& shot = {},
                              const std::function<void(bps::Lesson*)>& prepare = {}) {
    const QFont saved = QApplication::font();
    if (fontScale != 1.0) {
        QFont f = saved;
        f.setPointSizeF(saved.pointSizeF() * fontScale);
        QApplication::setFont(f);
    }
    QStringList out;
    {
        bps::LessonsWindow w;
        w.showLessonById(id);
        // The screen of that size (tests/ui/screens.json, set for these tests in CMakeLists).
        QScreen* screen = nullptr;
        for (QScreen* s : QGuiApplication::screens())
            if (s->size() == size) screen = s;
        if (!screen)
            return {QStringLiteral("no %1×%2 screen (screens.json not loaded?)")
                        .arg(size.width())
                        .arg(size.height())};
        w.setScreen(screen);
        w.move(screen->availableGeometry().topLeft());
        w.resize(size);
        w.show();
        if (!QTest::qWaitForWindowExposed(&w)) out << QStringLiteral("window not exposed");
        for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
        bps::Lesson* lesson = w.currentLesson();
        if (qEnvironmentVariableIsSet("BP_WHY_SIZES"))  // which lesson makes the window scroll
            for (int i = 0; i < w.lessonCount(); ++i)
                qInfo("%s: minimum %d×%d", qPrintable(w.lesson(i)->id()),
                      w.lesson(i)->minimumSizeHint().width(),
                      w.lesson(i)->minimumSizeHint().height());
        if (prepare) prepare(lesson);
        for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
        // As large as the screen lets it be (a window frame may take a few pixels).
        if (w.width() < size.width() - 8 || w.height() < size.height() - 8)
            out << QStringLiteral("window %1×%2 on a %3×%4 screen")
                       .arg(w.width())
                       .arg(w.height())
                       .arg(size.width())
                       .arg(size.height());
        out << audit::outsideScreen(&w);
        out << audit::cutTexts(lesson) << audit::paintedTextProblems(lesson);
        // At the window's own font the lesson fits without scrolling: its smallest size fits
        // the scroll area's view (other lessons' sizes are theirs to check).
        if (fontScale == 1.0)
            if (auto* scroll = w.findChild<QScrollArea*>(QStringLiteral("lessonScroll"))) {
                const QSize need = lesson->minimumSizeHint().expandedTo(lesson->minimumSize());
                const QSize have = scroll->viewport()->size();
                if (need.width() > have.width() || need.height() > have.height())
                    out << QStringLiteral("%1 needs %2×%3, the window gives %4×%5")
                               .arg(id)
                               .arg(need.width())
                               .arg(need.height())
                               .arg(have.width())
                               .arg(have.height());
            }
        const QString dir = qEnvironmentVariable("BP_SCREENSHOT_DIR");
        if (!dir.isEmpty() && !shot.isEmpty()) {
            QDir().mkpath(dir);
            w.grab().save(QDir(dir).filePath(
                QStringLiteral("%1-%2x%3.png").arg(shot).arg(size.width()).arg(size.height())));
        }
    }
    if (fontScale != 1.0) QApplication::setFont(saved);
    return out;
}

}  // namespace whyfit
