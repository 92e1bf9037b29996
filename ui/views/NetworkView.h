// NetworkView.h — the network drawn live: the hero of the studio window.
//
// Layers are columns (input on the left), neurons are circles filled by their activation
// (Palette::activation, legend at the bottom), connections are blue and solid when w > 0,
// orange and dashed when w < 0, thicker and more opaque with |w| (layers with hundreds of
// edges drawn use 1-px lines and opacity only, for speed). An image input is drawn as
// the image itself and its connections leave from the pixels. For large layers only the
// `density` strongest incoming connections of each neuron are drawn, plus every incoming
// connection of the neuron under the mouse or selected. During step-through the view shows
// the phase: the layer the forward signal just reached, the errors on the nodes while they
// travel back (Palette::error), ΔW on the edges of the layer just updated.
//
// Coordinates: the layout is computed in "scene" coordinates = the widget (or export) rect at
// zoom 1; the view transform (zoom, pan) maps scene → widget.
#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTransform>
#include <QWidget>
#include <memory>

#include "training/Snapshot.h"

namespace bps {

class NetworkRenderer;

// What the step-through state asks the view to show (derived from the snapshot's phases).
struct PhaseView {
    int reachedLayer = -1;    // last layer whose forward values are current (−1: none/all)
    int highlightLayer = -1;  // layer drawn highlighted (forward signal just reached it), −1 none
    int errorsFromLayer = -1;  // layers ≥ this show their error e[k] on the nodes, −1 none
    int updatedWeights = -1;   // weight layer k whose ΔW is on the edges, −1 none
    bool stepping = false;     // the snapshot comes from step-through (lastPhase/nextPhase set)
};

// What lies under a point of the widget.
struct HitResult {
    enum class Kind { None, Neuron, Pixel, Edge };
    Kind kind = Kind::None;
    int layer = -1;    // Neuron/Pixel: layer of the neuron (0 = input); Edge: weight layer k
    int index = -1;    // Neuron/Pixel: neuron index; Edge: row j (neuron in layer k+1)
    int from = -1;     // Edge: column i (neuron in layer k)
    double value = 0;  // activation o (Neuron/Pixel; NaN before any pass) or weight w_ji (Edge)
    QString text;      // the tooltip text shown for it
};

class NetworkView : public QWidget {
    Q_OBJECT
  public:
    explicit NetworkView(QWidget* parent = nullptr);
    ~NetworkView() override;

    void setSnapshot(SnapshotPtr s);      // repaints; cheap to call 30–60×/s
    void setDensity(int edgesPerNeuron);  // strongest incoming edges drawn per neuron
    void setShowEdgeValues(bool);
    // Text × scale (presentation mode: larger captions and labels for a projector).
    void setTextScale(double scale);
    double textScale() const;
    // Line widths × scale (presentation mode), see NetworkRenderer::setStrokeScale.
    void setStrokeScale(double scale);
    double strokeScale() const;
    // The session's title at the top of the view (NetworkRenderer::setDocumentTitle).
    void setDocumentTitle(const QString& title);
    QString documentTitle() const;
    void renderTo(QPainter& p, const QRect& r) const;  // for PNG/SVG export and the benchmark

    SnapshotPtr snapshot() const { return m_snapshot; }
    int density() const;
    bool showEdgeValues() const;
    // Selection (also set by clicking a neuron); emits neuronSelected when it changes.
    void setSelectedNeuron(int layer, int index);
    int selectedLayer() const { return m_selLayer; }
    int selectedIndex() const { return m_selIndex; }

    // Zoom and pan (wheel and drag do the same); resetView() fits the network again.
    void setZoom(double zoom, QPointF anchor);
    double zoom() const { return m_zoom; }
    void resetView();

    // For tests and tooltips: the step-through state drawn now, where a neuron is drawn (widget
    // coordinates), what lies under a widget point, and how many edges are drawn per weight layer.
    PhaseView phaseView() const;
    QString caption() const;  // the header's caption as drawn (what is going on)
    QPointF neuronCenter(int layer, int index) const;
    HitResult hitTest(QPointF widgetPos) const;
    int drawnEdgeCount(int weightLayer) const;
    // Neurons of layer − 1 whose edges into neuron `index` of `layer` are drawn.
    std::vector<int> drawnInputsOf(int layer, int index) const;
    // Widget rectangles of the input image and of the selected neuron's weight heat map
    // (empty when the input is not an image).
    QRectF inputImageRect() const;
    QRectF heatMapRect() const;

  signals:
    void neuronSelected(int layer, int index);  // layer 0 = input; -1,-1 = cleared
    // A connection was clicked: W_k(row, col), from neuron col of layer k to neuron row of k+1.
    void edgeSelected(int k, int row, int col);

  protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;
    void leaveEvent(QEvent*) override;
    bool event(QEvent*) override;  // tooltips
    // LanguageChange: repaint (the renderer writes its texts through tr() as it paints).
    void changeEvent(QEvent*) override;

  private:
    void setHover(int layer, int index);
    QTransform viewTransform() const;  // scene → widget

    std::unique_ptr<NetworkRenderer> m_renderer;  // layout, caches and painting
    SnapshotPtr m_snapshot;                       // what is drawn
    int m_selLayer = -1, m_selIndex = -1;         // selected neuron (−1: none)
    int m_hoverLayer = -1, m_hoverIndex = -1;     // neuron under the mouse (−1: none)
    double m_zoom = 1.0;                          // scene → widget scale
    QPointF m_pan;                                // scene → widget offset (after scaling)
    QPointF m_pressPos;                           // where the left button went down
    QPointF m_panAtPress;                         // m_pan when it did
    bool m_dragging = false;                      // panning with the mouse
    int m_density = 8;                            // strongest incoming edges per neuron
    bool m_edgeValues = false;                    // numbers on edges (small networks)
};

}  // namespace bps
