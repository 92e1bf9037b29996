#include "NetworkView.h"

#include <QEvent>
#include <QPainter>

#include "NetworkRenderer.h"

namespace bps {

NetworkView::NetworkView(QWidget* parent)
    : QWidget(parent), m_renderer(std::make_unique<NetworkRenderer>()) {}
NetworkView::~NetworkView() = default;
void NetworkView::setSnapshot(SnapshotPtr s) {
    m_snapshot = std::move(s);
    update();
}
void NetworkView::setDensity(int) {}
void NetworkView::setShowEdgeValues(bool) {}
void NetworkView::renderTo(QPainter&, const QRect&) const {}
int NetworkView::density() const {
    return 0;
}
bool NetworkView::showEdgeValues() const {
    return false;
}
void NetworkView::setSelectedNeuron(int layer, int index) {
    m_selLayer = layer;
    m_selIndex = index;
}
void NetworkView::setZoom(double zoom, QPointF) {
    m_zoom = zoom;
}
void NetworkView::resetView() {}
PhaseView NetworkView::phaseView() const {
    return {};
}
QPointF NetworkView::neuronCenter(int, int) const {
    return {};
}
HitResult NetworkView::hitTest(QPointF) const {
    return {};
}
int NetworkView::drawnEdgeCount(int) const {
    return 0;
}
void NetworkView::paintEvent(QPaintEvent*) {}
void NetworkView::resizeEvent(QResizeEvent*) {}
void NetworkView::wheelEvent(QWheelEvent*) {}
void NetworkView::mousePressEvent(QMouseEvent*) {}
void NetworkView::mouseMoveEvent(QMouseEvent*) {}
void NetworkView::mouseReleaseEvent(QMouseEvent*) {}
void NetworkView::mouseDoubleClickEvent(QMouseEvent*) {}
void NetworkView::leaveEvent(QEvent*) {}
bool NetworkView::event(QEvent* e) {
    return QWidget::event(e);
}
void NetworkView::setHover(int, int) {}
QTransform NetworkView::viewTransform() const {
    return {};
}

}  // namespace bps
