// ScreenFit.cpp — see ScreenFit.h.
#include "shell/ScreenFit.h"

#include <QEvent>
#include <QGuiApplication>
#include <QRect>
#include <QScreen>
#include <QSettings>
#include <QTimer>
#include <QWidget>
#include <algorithm>

namespace bps {

namespace {
// Fits the window once more when it is first shown: only then does it have a frame (title bar,
// borders) whose size must fit too.
class FitOnShow : public QObject {
  public:
    static constexpr const char* kName = "bpFitOnShow";
    explicit FitOnShow(QWidget* window) : QObject(window) {
        setObjectName(QLatin1String(kName));
        window->installEventFilter(this);
    }
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Show && watched == parent()) {
            QWidget* window = static_cast<QWidget*>(parent());
            QTimer::singleShot(0, window, [window] { fitToScreen(window); });
            deleteLater();
        }
        return false;
    }
};

QRect availableArea(const QWidget* window) {
    const QScreen* screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    return screen ? screen->availableGeometry() : QRect(0, 0, 1024, 768);
}
}  // namespace

QString screenGeometryKey(const QWidget* window, const QString& prefix) {
    const QRect area = availableArea(window);
    return QStringLiteral("%1/%2x%3").arg(prefix).arg(area.width()).arg(area.height());
}

void fitToScreen(QWidget* window) {
    const QRect area = availableArea(window);
    // The frame (title bar, borders) belongs inside the area too, where a window manager adds one.
    const QSize frame = window->frameGeometry().size() - window->geometry().size();
    const QSize size = window->size()
                           .boundedTo(area.size() - frame)
                           .expandedTo(window->minimumSize().boundedTo(area.size() - frame));
    window->resize(size);
    const QSize outer = size + frame;
    QPoint at = window->frameGeometry().topLeft();
    at.setX(
        std::clamp(at.x(), area.left(), std::max(area.left(), area.right() + 1 - outer.width())));
    at.setY(
        std::clamp(at.y(), area.top(), std::max(area.top(), area.bottom() + 1 - outer.height())));
    window->move(at);
}

void restoreFittedGeometry(QWidget* window, const QString& prefix, QSize preferred) {
    if (!window->isVisible() &&
        !window->findChild<QObject*>(QLatin1String(FitOnShow::kName), Qt::FindDirectChildrenOnly))
        new FitOnShow(window);
    const QRect area = availableArea(window);
    const QByteArray saved = QSettings().value(screenGeometryKey(window, prefix)).toByteArray();
    if (!saved.isEmpty() && window->restoreGeometry(saved) &&
        area.contains(window->frameGeometry()))
        return;
    window->resize(preferred.boundedTo(area.size()));
    const QSize size = window->size();
    window->move(area.left() + (area.width() - size.width()) / 2,
                 area.top() + (area.height() - size.height()) / 2);
    fitToScreen(window);
}

void saveFittedGeometry(const QWidget* window, const QString& prefix) {
    QSettings().setValue(screenGeometryKey(window, prefix), window->saveGeometry());
}

}  // namespace bps
