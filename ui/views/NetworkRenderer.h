// NetworkRenderer.h — layout, caches and painting of the network view. No QWidget in here: the
// widget, the PNG/SVG export and the benchmark all draw through it.
//
// What is cached (rebuilt only when its inputs change, not per frame):
//   layout        per scene size and network shape: column x, neuron centres, radii, rects
//   edge choice   per snapshot and density: for each neuron the `density` strongest incoming
//                 weights (std::nth_element over |w_ji| of its row), and the same over |ΔW|
//   input image   per snapshot: O_0 coloured by the activation palette (w × h pixels)
//   heat map      per snapshot and selection: W_0's row j as a w × h image
#pragma once

#include <QImage>
#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTransform>
#include <vector>

#include "training/Snapshot.h"
#include "views/NetworkView.h"

class QPainter;

namespace bps {

// What the widget adds to the snapshot.
struct ViewState {
    int density = 8;                       // strongest incoming edges drawn per neuron
    bool edgeValues = false;               // numbers on edges (small networks)
    int selLayer = -1, selIndex = -1;      // selected neuron
    int hoverLayer = -1, hoverIndex = -1;  // neuron under the mouse
};

class NetworkRenderer {
  public:
    static constexpr int kDefaultDensity = 8;  // edges per neuron drawn by default
    static constexpr int kSmallLayer = 12;     // layers up to this size show numbers

    NetworkRenderer();

    void setSnapshot(SnapshotPtr s);  // invalidates the per-snapshot caches
    // Captions, labels and their margins × scale (presentation mode, for a projector); 1 = sized
    // from the scene alone.
    void setTextScale(double scale);
    double textScale() const { return m_textScale; }
    // Outlines, rings, ticks and sparse edges × scale (presentation mode: strokes a projector
    // shows); the densest layers keep 1-px lines, whose opacity carries |w| (speed, see paint).
    void setStrokeScale(double scale);
    double strokeScale() const { return m_strokeScale; }
    // The session's title, drawn at the top centre (on the projector and in exports); "" = none.
    void setDocumentTitle(const QString& title) { m_documentTitle = title; }
    const QString& documentTitle() const { return m_documentTitle; }
    const Snapshot* snapshot() const { return m_snap.get(); }

    static PhaseView phaseView(const Snapshot* s);

    // Paints everything into `scene` (device coordinates for the captions and legends); the
    // network itself is drawn through `view` (zoom and pan; identity for exports).
    void paint(QPainter& p, const QRectF& scene, const QTransform& view, const ViewState& st) const;

    // Scene coordinates (before `view`) of a neuron; (−1, −1) if there is none.
    QPointF neuronCenter(const QRectF& scene, int layer, int index) const;
    // What is at a scene point (before `view`).
    HitResult hitTest(const QRectF& scene, QPointF scenePos, const ViewState& st) const;
    // Scene rectangles of the input image and of the heat map below it (empty if no image).
    QRectF imageRect(const QRectF& scene) const;
    QRectF heatRect(const QRectF& scene) const;
    // Sources i of the edges drawn into neuron `index` of `layer` (≥ 1), in drawing order.
    std::vector<int> drawnInputsOf(const QRectF& scene, int layer, int index,
                                   const ViewState& st) const;
    // Number of edges of weight layer k drawn for this state.
    int drawnEdgeCount(const QRectF& scene, int k, const ViewState& st) const;

  private:
    struct LayerGeom {
        std::vector<QPointF> centres;  // neuron centres (pixel centres for an image input)
        QPointF bias;                  // the constant-1 node, if the spec has bias
        double radius = 0;             // circle radius (0 for an image input)
        double x = 0;                  // column centre
        QRectF band;                   // the column's bounding box (for the highlight)
        bool numbers = false;          // values written on the nodes
    };
    struct Layout {
        QSizeF size;                  // scene size it was made for
        std::vector<int> layers;      // layer sizes it was made for
        int imageW = 0, imageH = 0;   // image shape it was made for
        bool bias = false;            // spec.bias it was made for
        double font = 12;             // base font pixel size
        QRectF content;               // where the network goes
        QRectF image;                 // input image (image networks)
        QRectF heat;                  // weight heat map of the selected hidden neuron
        double barX = 0, barW = 0;    // output bars: left edge and full length
        bool small = false;           // every layer ≤ kSmallLayer
        std::vector<LayerGeom> geom;  // per layer
    };
    struct Edge {
        int j;    // target: neuron in layer k+1 (row of W_k)
        int i;    // source: neuron in layer k (column of W_k; n_k = the bias node)
        float v;  // w_ji, or Δw_ji
    };
    struct EdgeSet {
        std::vector<Edge> edges;  // chosen edges, row by row
        double vmax = 0;          // max |v| over them (line width and opacity scale)
        bool valid = false;       // computed for the current snapshot and density
    };
    // One edge as it will be drawn.
    struct Seg {
        QLineF line;     // scene coordinates
        int k, j, i;     // weight layer, row, column
        double v;        // w or Δw
        double t;        // |v| / vmax of its set, 0 … 1
        bool dw;         // coloured as ΔW
        bool focus;      // incoming edge of the selected / hovered neuron
        double opacity;  // fading of layers the phase is not about
    };

    const Layout& layout(const QRectF& scene) const;
    const EdgeSet& weightEdges(int k, int density) const;
    const EdgeSet& deltaEdges(int k, int density) const;
    std::vector<Seg> segments(const Layout& l, const ViewState& st) const;
    QPointF sourcePoint(const Layout& l, int k, int i) const;
    const QImage& inputImage() const;
    const QImage& heatImage(int j, double* vmax) const;
    bool isImageInput() const;
    bool hasValues(int layer) const;
    // Hidden neuron i of layer k is saturated (bp::isSaturated of its output): drawn with a ring.
    bool saturated(int layer, int index) const;
    int saturatedCount(const PhaseView& pv) const;  // in the layers the signal has reached
    double errorRange(int fromLayer) const;
    QString layerName(int layer) const;
    QString phaseCaption() const;

    void paintEdges(QPainter& p, const Layout& l, const std::vector<Seg>& segs, bool focus) const;
    void paintEdgeValues(QPainter& p, const Layout& l, const std::vector<Seg>& segs) const;
    void paintNodes(QPainter& p, const Layout& l, const ViewState& st, const PhaseView& pv) const;
    void paintOutputs(QPainter& p, const Layout& l, const PhaseView& pv) const;
    void paintImages(QPainter& p, const Layout& l, const ViewState& st) const;
    void paintCaptions(QPainter& p, const QRectF& scene, const Layout& l, const ViewState& st,
                       const PhaseView& pv) const;
    void paintLegend(QPainter& p, const QRectF& scene, const Layout& l, const ViewState& st,
                     const PhaseView& pv) const;

    SnapshotPtr m_snap;                      // what is drawn (kept alive: caches key on it)
    mutable Layout m_layout;                 // cached layout
    mutable bool m_layoutValid = false;      // m_layout matches the last scene/shape
    double m_textScale = 1.0;                // presentation enlargement of the text
    double m_strokeScale = 1.0;              // presentation enlargement of the lines
    QString m_documentTitle;                 // session title shown at the top, may be empty
    mutable int m_edgeDensity = -1;          // density the edge sets were chosen with
    mutable std::vector<EdgeSet> m_wEdges;   // strongest |w| per neuron, per weight layer
    mutable std::vector<EdgeSet> m_dwEdges;  // strongest |Δw| per neuron, per weight layer
    mutable std::vector<std::pair<float, int>> m_scratch;  // nth_element buffer (|v|, column)
    mutable QImage m_input;                                // cached input image (null: not built)
    mutable QImage m_heat;                                 // cached heat map of row m_heatRow
    mutable int m_heatRow = -1;                            // row of W_0 m_heat shows (−1: none)
    mutable double m_heatMax = 0;                          // its colour scale max |w|
};

}  // namespace bps
