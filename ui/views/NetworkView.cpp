#include "views/NetworkView.h"

#include <QEvent>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "views/NetworkRenderer.h"

namespace bps {

namespace {
ViewState stateOf(int density, bool edgeValues, int selL, int selI, int hovL, int hovI) {
    ViewState st;
    st.density = density;
    st.edgeValues = edgeValues;
    st.selLayer = selL;
    st.selIndex = selI;
    st.hoverLayer = hovL;
    st.hoverIndex = hovI;
    return st;
}
}  // namespace

NetworkView::NetworkView(QWidget* parent)
    : QWidget(parent), m_renderer(std::make_unique<NetworkRenderer>()) {
    setMouseTracking(true);
    setMinimumSize(320, 220);
    setFocusPolicy(Qt::ClickFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(QString());  // tooltips come from event(); this only enables them
}

NetworkView::~NetworkView() = default;

void NetworkView::setSnapshot(SnapshotPtr s) {
    const bool reshaped = !m_snapshot || !s || m_snapshot->spec.layers != s->spec.layers;
    m_snapshot = s;
    m_renderer->setSnapshot(std::move(s));
    if (reshaped) {
        m_hoverLayer = m_hoverIndex = -1;
        if (m_selLayer >= 0) setSelectedNeuron(-1, -1);
    }
    update();
}

void NetworkView::setDensity(int edgesPerNeuron) {
    edgesPerNeuron = std::max(0, edgesPerNeuron);
    if (edgesPerNeuron == m_density) return;
    m_density = edgesPerNeuron;
    update();
}

void NetworkView::setShowEdgeValues(bool on) {
    if (on == m_edgeValues) return;
    m_edgeValues = on;
    update();
}

void NetworkView::setTextScale(double scale) {
    m_renderer->setTextScale(scale);
    update();
}

double NetworkView::textScale() const {
    return m_renderer->textScale();
}

void NetworkView::setStrokeScale(double scale) {
    m_renderer->setStrokeScale(scale);
    update();
}

double NetworkView::strokeScale() const {
    return m_renderer->strokeScale();
}

void NetworkView::setDocumentTitle(const QString& title) {
    if (title == m_renderer->documentTitle()) return;
    m_renderer->setDocumentTitle(title);
    update();
}

QString NetworkView::documentTitle() const {
    return m_renderer->documentTitle();
}

int NetworkView::density() const {
    return m_density;
}
bool NetworkView::showEdgeValues() const {
    return m_edgeValues;
}

void NetworkView::renderTo(QPainter& p, const QRect& r) const {
    m_renderer->paint(
        p, QRectF(r), QTransform(),
        stateOf(m_density, m_edgeValues, m_selLayer, m_selIndex, m_hoverLayer, m_hoverIndex));
}

void NetworkView::setSelectedNeuron(int layer, int index) {
    if (!m_snapshot || layer < 0 || layer >= static_cast<int>(m_snapshot->spec.layers.size()) ||
        index < 0 || index >= m_snapshot->spec.layers[layer]) {
        layer = index = -1;
    }
    if (layer == m_selLayer && index == m_selIndex) return;
    m_selLayer = layer;
    m_selIndex = index;
    update();
    emit neuronSelected(layer, index);
}

void NetworkView::setZoom(double zoom, QPointF anchor) {
    zoom = std::clamp(zoom, 0.5, 12.0);
    // keep the scene point under `anchor` where it is: anchor = p·zoom + pan
    const QPointF scenePt = (anchor - m_pan) / m_zoom;
    m_zoom = zoom;
    m_pan = anchor - scenePt * m_zoom;
    update();
}

void NetworkView::resetView() {
    m_zoom = 1.0;
    m_pan = QPointF();
    update();
}

QTransform NetworkView::viewTransform() const {
    return QTransform(m_zoom, 0, 0, m_zoom, m_pan.x(), m_pan.y());
}

PhaseView NetworkView::phaseView() const {
    return NetworkRenderer::phaseView(m_snapshot.get());
}

QString NetworkView::caption() const {
    return m_renderer->snapshot() ? m_renderer->phaseCaption() : QString();
}

QPointF NetworkView::neuronCenter(int layer, int index) const {
    const QPointF c = m_renderer->neuronCenter(QRectF(rect()), layer, index);
    if (c == QPointF(-1, -1)) return c;
    return viewTransform().map(c);
}

HitResult NetworkView::hitTest(QPointF widgetPos) const {
    bool ok = false;
    const QPointF scenePos = viewTransform().inverted(&ok).map(widgetPos);
    if (!ok) return {};
    return m_renderer->hitTest(
        QRectF(rect()), scenePos,
        stateOf(m_density, m_edgeValues, m_selLayer, m_selIndex, m_hoverLayer, m_hoverIndex));
}

int NetworkView::drawnEdgeCount(int weightLayer) const {
    if (!m_snapshot || weightLayer < 0 || weightLayer >= m_snapshot->spec.weightLayers()) return 0;
    return m_renderer->drawnEdgeCount(
        QRectF(rect()), weightLayer,
        stateOf(m_density, m_edgeValues, m_selLayer, m_selIndex, m_hoverLayer, m_hoverIndex));
}

std::vector<int> NetworkView::drawnInputsOf(int layer, int index) const {
    if (!m_snapshot || layer < 1 || layer > m_snapshot->spec.weightLayers()) return {};
    return m_renderer->drawnInputsOf(
        QRectF(rect()), layer, index,
        stateOf(m_density, m_edgeValues, m_selLayer, m_selIndex, m_hoverLayer, m_hoverIndex));
}

QRectF NetworkView::inputImageRect() const {
    return viewTransform().mapRect(m_renderer->imageRect(QRectF(rect())));
}

QRectF NetworkView::heatMapRect() const {
    return viewTransform().mapRect(m_renderer->heatRect(QRectF(rect())));
}

void NetworkView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    m_renderer->paint(
        p, QRectF(rect()), viewTransform(),
        stateOf(m_density, m_edgeValues, m_selLayer, m_selIndex, m_hoverLayer, m_hoverIndex));
}

void NetworkView::resizeEvent(QResizeEvent*) {
    update();
}

void NetworkView::wheelEvent(QWheelEvent* e) {
    const double steps = e->angleDelta().y() / 120.0;
    if (steps == 0) return;
    setZoom(m_zoom * std::pow(1.2, steps), e->position());
    e->accept();
}

void NetworkView::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton) {
        m_pressPos = e->position();
        m_panAtPress = m_pan;
        m_dragging = false;
    }
}

void NetworkView::mouseMoveEvent(QMouseEvent* e) {
    if (e->buttons() & Qt::LeftButton) {
        const QPointF d = e->position() - m_pressPos;
        if (m_dragging || std::hypot(d.x(), d.y()) > 4) {
            m_dragging = true;
            m_pan = m_panAtPress + d;
            setCursor(Qt::ClosedHandCursor);
            update();
            return;
        }
    }
    const HitResult h = hitTest(e->position());
    if (h.kind == HitResult::Kind::Neuron)
        setHover(h.layer, h.index);
    else
        setHover(-1, -1);
}

void NetworkView::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return;
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    const HitResult h = hitTest(e->position());
    if (h.kind == HitResult::Kind::Neuron)
        setSelectedNeuron(h.layer, h.index);
    else if (h.kind == HitResult::Kind::Edge)
        emit edgeSelected(h.layer, h.index, h.from);
    else if (h.kind == HitResult::Kind::None)
        setSelectedNeuron(-1, -1);
}

void NetworkView::mouseDoubleClickEvent(QMouseEvent*) {
    resetView();
}

void NetworkView::leaveEvent(QEvent*) {
    setHover(-1, -1);
}

void NetworkView::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange) update();
    QWidget::changeEvent(e);
}

bool NetworkView::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* he = static_cast<QHelpEvent*>(e);
        const HitResult h = hitTest(he->pos());
        if (h.kind != HitResult::Kind::None)
            QToolTip::showText(he->globalPos(), h.text, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(e);
}

void NetworkView::setHover(int layer, int index) {
    if (layer == m_hoverLayer && index == m_hoverIndex) return;
    m_hoverLayer = layer;
    m_hoverIndex = index;
    update();
}

}  // namespace bps
