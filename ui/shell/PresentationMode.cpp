// PresentationMode.cpp — application font × zoom, high-contrast palette, tidy window.
#include "shell/PresentationMode.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QKeySequence>
#include <QMainWindow>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <algorithm>

namespace bps {

namespace {

const QString kOnKey = QStringLiteral("presentation/on");
const QString kZoomKey = QStringLiteral("presentation/zoom");

// An empty title-bar widget hides a dock's title bar (Qt's documented way).
class NoTitleBar : public QWidget {
  public:
    using QWidget::QWidget;
    QSize sizeHint() const override { return {0, 0}; }
};

// base scaled by zoom, whether it is sized in points or in pixels.
QFont scaled(const QFont& base, double zoom) {
    QFont f = base;
    if (base.pointSizeF() > 0) {
        f.setPointSizeF(base.pointSizeF() * zoom);
    } else {
        f.setPixelSize(static_cast<int>(base.pixelSize() * zoom + 0.5));
    }
    return f;
}

// Sets the application font and makes every widget that has no font of its own take it now.
// (Qt 6.4 keeps a widget's already-resolved font on ApplicationFontChange; setting an empty
// font — no property set — re-resolves it from the parent and the application font.)
void setApplicationFont(const QFont& font) {
    QApplication::setFont(font);
    for (QWidget* w : QApplication::topLevelWidgets())
        if (!w->testAttribute(Qt::WA_SetFont)) w->setFont(QFont());
    for (QWidget* w : QApplication::allWidgets())
        if (!w->isWindow() && !w->testAttribute(Qt::WA_SetFont)) w->setFont(QFont());
}

}  // namespace

PresentationMode::PresentationMode(QMainWindow* window, QObject* parent)
    : QObject(parent), m_window(window) {
    m_toggle = new QAction(this);
    m_toggle->setCheckable(true);
    m_toggle->setShortcuts(
        {QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    connect(m_toggle, &QAction::toggled, this, &PresentationMode::setOn);
    auto* in = new QAction(this);
    in->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Equal));
    connect(in, &QAction::triggered, this, &PresentationMode::zoomIn);
    auto* out = new QAction(this);
    out->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Minus));
    connect(out, &QAction::triggered, this, &PresentationMode::zoomOut);
    auto* reset = new QAction(this);
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0));
    connect(reset, &QAction::triggered, this, [this] { setZoom(kDefaultZoom); });
    m_zoomActions = {in, out, reset};
    if (m_window) {
        m_window->addAction(m_toggle);  // shortcuts work even with the menu bar hidden
        for (QAction* a : m_zoomActions) m_window->addAction(a);
    }
    retranslate();
    qApp->installEventFilter(this);  // LanguageChange reaches the application object too
}

void PresentationMode::retranslate() {
    m_toggle->setText(tr("&Presentation mode"));
    m_toggle->setToolTip(
        tr("Large text, high contrast, full screen, no panel titles: for a projector (F11 or "
           "Ctrl+Shift+P)"));
    m_toggle->setStatusTip(m_toggle->toolTip());
    const QString texts[3][2] = {
        {tr("Zoom &in (presentation)"), tr("Make everything larger while presenting")},
        {tr("Zoom &out (presentation)"), tr("Make everything smaller while presenting")},
        {tr("&Reset presentation zoom"), tr("Back to the default presentation size (150 %)")}};
    for (int i = 0; i < 3; ++i) {
        m_zoomActions[i]->setText(texts[i][0]);
        m_zoomActions[i]->setToolTip(texts[i][1]);
        m_zoomActions[i]->setStatusTip(texts[i][1]);
    }
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event) {
    if (watched == qApp && event->type() == QEvent::LanguageChange) retranslate();
    return QObject::eventFilter(watched, event);
}

PresentationMode::~PresentationMode() {
    // Only what outlives the window: the application's font and palette. The window may be
    // half destroyed already (this object is its child, deleted from ~QWidget, after
    // ~QMainWindow has run), so its docks and status bar are not touched.
    if (!m_on) return;
    setApplicationFont(m_savedFont);
    QApplication::setPalette(m_savedPalette);
}

QPalette PresentationMode::highContrastPalette() {
    QPalette p;
    const QColor black(0, 0, 0), white(255, 255, 255), blue(0, 60, 180);
    p.setColor(QPalette::Window, white);
    p.setColor(QPalette::WindowText, black);
    p.setColor(QPalette::Base, white);
    p.setColor(QPalette::AlternateBase, QColor(235, 235, 235));
    p.setColor(QPalette::Text, black);
    p.setColor(QPalette::BrightText, white);
    p.setColor(QPalette::Button, QColor(240, 240, 240));
    p.setColor(QPalette::ButtonText, black);
    p.setColor(QPalette::Light, white);
    p.setColor(QPalette::Midlight, QColor(200, 200, 200));
    p.setColor(QPalette::Mid, QColor(90, 90, 90));
    p.setColor(QPalette::Dark, black);
    p.setColor(QPalette::Shadow, black);
    p.setColor(QPalette::Highlight, blue);
    p.setColor(QPalette::HighlightedText, white);
    p.setColor(QPalette::Link, blue);
    p.setColor(QPalette::ToolTipBase, QColor(255, 255, 220));
    p.setColor(QPalette::ToolTipText, black);
    p.setColor(QPalette::PlaceholderText, QColor(70, 70, 70));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(90, 90, 90));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(90, 90, 90));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(90, 90, 90));
    return p;
}

void PresentationMode::setOn(bool on) {
    if (on == m_on) return;
    if (on) {
        emit aboutToTurnOn(m_zoom);
        apply();
    } else {
        unapply();
    }
    m_on = on;
    {
        const QSignalBlocker block(m_toggle);
        m_toggle->setChecked(on);
    }
    save();
    emit changed(m_on, m_zoom);
}

void PresentationMode::setZoom(double zoom) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (zoom == m_zoom) return;
    m_zoom = zoom;
    if (m_on) setApplicationFont(scaled(m_savedFont, m_zoom));
    save();
    emit changed(m_on, m_zoom);
}

void PresentationMode::apply() {
    m_savedFont = QApplication::font();
    m_savedPalette = QApplication::palette();
    setApplicationFont(scaled(m_savedFont, m_zoom));
    QApplication::setPalette(highContrastPalette());
    if (!m_window) return;
    m_savedLayout = m_window->saveState();
    m_savedStatusBar = m_window->statusBar()->isVisible();
    m_window->statusBar()->hide();
    m_docks.clear();
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>()) {
        if (dock->titleBarWidget()) continue;  // a dock with its own title bar keeps it
        dock->setTitleBarWidget(new NoTitleBar(dock));
        m_docks.append(dock);
    }
    // Panels that never scroll sideways (the controls) grow with their text, so nothing is cut.
    m_widened.clear();
    for (QScrollArea* area : m_window->findChildren<QScrollArea*>()) {
        if (!area->widget() || !area->widgetResizable() ||
            area->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff)
            continue;
        m_widened.append({area, area->minimumWidth()});
        area->setMinimumWidth(area->widget()->sizeHint().width() +
                              area->verticalScrollBar()->sizeHint().width() +
                              2 * area->frameWidth());
    }
    // Panels side by side (the chart and the maths) share the width equally.
    QList<QDockWidget*> shared;
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>()) {
        if (dock->isFloating() || !dock->isVisible() || !dock->widget()) continue;
        const Qt::DockWidgetArea area = m_window->dockWidgetArea(dock);
        if (area == Qt::BottomDockWidgetArea) shared << dock;  // (the top: compact controls)
    }
    if (!shared.isEmpty())  // and get enough height for the chart's axes at the larger size
        m_window->resizeDocks({shared.front()}, {m_window->height() * 2 / 5}, Qt::Vertical);
    if (shared.size() > 1) {
        int total = 0;
        for (QDockWidget* d : shared) total += d->width();
        m_window->resizeDocks(shared, QList<int>(shared.size(), total / int(shared.size())),
                              Qt::Horizontal);
    }
    m_savedFullScreen = m_window->isFullScreen();
    if (!m_savedFullScreen && m_window->isVisible()) m_window->showFullScreen();
}

void PresentationMode::unapply() {
    setApplicationFont(m_savedFont);
    QApplication::setPalette(m_savedPalette);
    if (!m_window) return;
    QStatusBar* bar = m_window->statusBar();
    bar->setVisible(m_savedStatusBar);
    // Showing the bar shows its widgets too, also under a message that arrived meanwhile (Qt
    // hides them only when a message is set): set the message again so they make way for it.
    if (const QString message = bar->currentMessage(); !message.isEmpty()) {
        bar->clearMessage();
        bar->showMessage(message, kMessageAfterPresentingMs);
    }
    for (const QPointer<QDockWidget>& dock : m_docks) {
        if (!dock) continue;
        QWidget* title = dock->titleBarWidget();
        dock->setTitleBarWidget(nullptr);
        delete title;
    }
    m_docks.clear();
    for (const auto& [area, width] : m_widened)
        if (area) area->setMinimumWidth(width);
    m_widened.clear();
    if (!m_savedFullScreen && m_window->isFullScreen()) m_window->showNormal();
    m_window->restoreState(m_savedLayout);
}

void PresentationMode::save() const {
    QSettings s;
    s.setValue(kOnKey, m_on);
    s.setValue(kZoomKey, m_zoom);
}

void PresentationMode::restore() {
    const QSettings s;
    const double zoom = s.value(kZoomKey, kDefaultZoom).toDouble();
    const bool on = s.value(kOnKey, false).toBool();  // read both before either is saved again
    setZoom(zoom);
    setOn(on);
}

}  // namespace bps
