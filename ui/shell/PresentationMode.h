// PresentationMode.h — the classroom display (View ▸ Presentation mode, F11 / Ctrl+Shift+P):
// the whole UI scaled for a projector (the application font times the zoom, so every panel,
// label and the network view's numbers grow together), a high-contrast palette, larger strokes,
// and the clutter hidden (dock title bars, status bar; full screen). Turning it off puts back
// exactly what was there. On/off and the zoom are remembered (QSettings "presentation/…").
//
// Views that paint themselves can follow it through strokeScale() / the changed() signal.
#pragma once

#include <QByteArray>
#include <QFont>
#include <QObject>
#include <QPair>
#include <QPalette>
#include <QPointer>
#include <QVector>

class QAction;
class QDockWidget;
class QMainWindow;
class QScrollArea;
class QWidget;

namespace bps {

class PresentationMode : public QObject {
    Q_OBJECT
  public:
    static constexpr double kDefaultZoom = 1.5;  // UI scale when presenting
    static constexpr double kMinZoom = 1.0;
    static constexpr double kMaxZoom = 3.0;
    // A status message shown while presenting stays this long after leaving.
    static constexpr int kMessageAfterPresentingMs = 5000;

    // window: the main window whose docks and status bar are tidied (may be null in tests: then
    // only the application font and palette change).
    explicit PresentationMode(QMainWindow* window, QObject* parent = nullptr);
    ~PresentationMode() override;  // restores the application font and palette

    bool isOn() const { return m_on; }
    double zoom() const { return m_zoom; }
    // Line widths of custom-painted views: 1 normally, larger when presenting.
    double strokeScale() const { return m_on ? 1.0 + (m_zoom - 1.0) * 0.75 + 0.5 : 1.0; }

    // View menu entries: "Presentation mode" (checkable, F11 and Ctrl+Shift+P), zoom in / out /
    // reset (Ctrl+Alt+= / Ctrl+Alt+- / Ctrl+Alt+0) acting while presenting.
    QAction* toggleAction() const { return m_toggle; }
    QList<QAction*> zoomActions() const { return m_zoomActions; }

    // The high-contrast palette used when presenting.
    static QPalette highContrastPalette();

    // Reads the remembered state (and turns presentation mode on if it was on).
    void restore();

  public slots:
    void setOn(bool on);
    void toggle() { setOn(!m_on); }
    void setZoom(double zoom);  // clamped to kMinZoom … kMaxZoom; applied at once when on
    void zoomIn() { setZoom(m_zoom + 0.25); }
    void zoomOut() { setZoom(m_zoom - 0.25); }

  signals:
    // Before presentation mode is applied: the window may choose its layout for the larger
    // text first (the layout then in use is the one turning it off puts back).
    void aboutToTurnOn(double zoom);
    void changed(bool on, double zoom);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;  // LanguageChange

  private:
    void retranslate();
    void apply();
    void unapply();
    void save() const;

    QPointer<QMainWindow> m_window;          // the window tidied up (may be null)
    QAction* m_toggle = nullptr;             // View ▸ Presentation mode
    QList<QAction*> m_zoomActions;           // zoom in, zoom out, reset
    bool m_on = false;                       // presenting now
    double m_zoom = kDefaultZoom;            // UI scale when presenting
    QFont m_savedFont;                       // application font before presenting
    QPalette m_savedPalette;                 // application palette before presenting
    bool m_savedStatusBar = true;            // status bar was visible
    bool m_savedFullScreen = false;          // window was full screen already
    QByteArray m_savedLayout;                // dock sizes and places (QMainWindow::saveState)
    QVector<QPointer<QDockWidget>> m_docks;  // docks whose title bars were hidden
    // Scroll areas (the controls) widened to their larger content, with their old minimum width.
    QVector<QPair<QPointer<QScrollArea>, int>> m_widened;
};

}  // namespace bps
