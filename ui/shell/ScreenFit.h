// ScreenFit.h — top-level windows that open inside the screen they are on. Classroom projectors
// are 1024×768 to 1366×768, desks 1920×1080 and more: a window takes its preferred size or the
// screen's available area, whichever is smaller, and remembers its geometry per screen size (a
// laptop moved from the desk to the projector gets the projector's own placement back).
#pragma once

#include <QSize>
#include <QString>

class QWidget;

namespace bps {

// The settings key of this window's geometry on the screen it is on now, e.g.
// "window/geometry/1280x720" for prefix "window/geometry".
QString screenGeometryKey(const QWidget* window, const QString& prefix);

// Restores the geometry saved under screenGeometryKey(window, prefix) if there is one and it
// lies inside the screen's available area; otherwise sizes the window to `preferred` bounded by
// that area, centred in it.
void restoreFittedGeometry(QWidget* window, const QString& prefix, QSize preferred);

// Saves the window's geometry under screenGeometryKey(window, prefix).
void saveFittedGeometry(const QWidget* window, const QString& prefix);

// Moves and shrinks the window so that it lies inside its screen's available area.
void fitToScreen(QWidget* window);

}  // namespace bps
