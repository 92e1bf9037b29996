// LessonScreenshot.h — screenshots of lessons 1–4 on request (BP_SCREENSHOT_DIR).
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QString>
#include <QWidget>
#include <QtGlobal>

namespace lessonshot {

// When BP_SCREENSHOT_DIR is set, shows `w` at `size` (offscreen), lets it lay out and paint,
// and saves it there as <name>.png. Returns false only when asked and the save failed.
inline bool screenshot(QWidget& w, const QString& name, QSize size = {1440, 880}) {
    const QString dir = qEnvironmentVariable("BP_SCREENSHOT_DIR");
    if (dir.isEmpty()) return true;
    w.resize(size);
    w.show();
    for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
    QDir().mkpath(dir);
    return w.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

}  // namespace lessonshot
