// NetworkRenderer.h — paints the network view: a NetworkLayout (where everything goes, computed
// for the scene's size and kept until the size, the shape or the texts change) filled in with the
// snapshot's values. No QWidget in here: the widget, the PNG/SVG export and the benchmark all draw
// through it.
//
// Besides the layout it keeps two caches, each rebuilt only when its inputs change, not per frame:
//   EdgeSelection  per snapshot and density: for each neuron the `density` strongest incoming
//                  weights (and the same over |ΔW|)
//   NetworkImages  per snapshot (and selection): the input image and the heat map of W_0's row j
#pragma once

#include <QImage>
#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTransform>
#include <optional>
#include <vector>

#include "training/Snapshot.h"
#include "views/EdgeSelection.h"
#include "views/NetworkImages.h"
#include "views/NetworkLayout.h"
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
    static constexpr int kSmallLayer = NetworkLayout::kSmallLayer;  // layers that show numbers

    NetworkRenderer();

    void setSnapshot(SnapshotPtr s);  // invalidates the per-snapshot caches
    // Captions, labels, nodes and their margins × scale (presentation mode, for a projector);
    // 1 = sized from the scene alone.
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
    // The header's caption: what is going on ("Training at 50 samples/s: sample 12", "Paused:
    // sample 12 is next", the phase just stepped).
    QString phaseCaption() const;

    // Paints everything into `scene` (device coordinates for the captions and legends); the
    // network itself is drawn through `view` (zoom and pan; identity for exports).
    void paint(QPainter& p, const QRectF& scene, const QTransform& view, const ViewState& st) const;

    // The layout for a scene of this size (with this snapshot's shape and texts).
    const NetworkLayout& layout(QSizeF scene) const;
    // The texts the layout makes room for (the widest of each kind this network can show).
    NetworkTexts texts() const;

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

    std::vector<Seg> segments(const NetworkLayout& l, const ViewState& st) const;
    QPointF sourcePoint(const NetworkLayout& l, int k, int i) const;
    bool isImageInput() const;
    bool hasValues(int layer) const;
    // Hidden neuron i of layer k is saturated (bp::isSaturated of its output): drawn with a ring.
    bool saturated(int layer, int index) const;
    int saturatedCount(const PhaseView& pv) const;  // in the layers the signal has reached
    double errorRange(int fromLayer) const;
    QString layerName(int layer) const;
    std::vector<LegendEntry> legendEntries(const ViewState& st, const PhaseView& pv,
                                           bool widest) const;

    void paintEdges(QPainter& p, const NetworkLayout& l, const std::vector<Seg>& segs,
                    bool focus) const;
    void paintEdgeValues(QPainter& p, const NetworkLayout& l, const std::vector<Seg>& segs) const;
    void paintNodes(QPainter& p, const NetworkLayout& l, const ViewState& st, const PhaseView& pv,
                    double zoom) const;
    void paintOutputs(QPainter& p, const NetworkLayout& l, const PhaseView& pv) const;
    void paintImages(QPainter& p, const NetworkLayout& l, const ViewState& st) const;
    void paintCaptions(QPainter& p, const QRectF& scene, const NetworkLayout& l) const;
    void paintLegend(QPainter& p, const QRectF& scene, const NetworkLayout& l, const ViewState& st,
                     const PhaseView& pv) const;

    SnapshotPtr m_snap;          // what is drawn (kept alive: caches key on it)
    double m_textScale = 1.0;    // presentation enlargement of the text
    double m_strokeScale = 1.0;  // presentation enlargement of the lines
    QString m_documentTitle;     // session title shown at the top, may be empty
    mutable std::optional<NetworkLayoutInput> m_layoutKey;  // what m_layout was made from
    mutable NetworkLayout m_layout;                         // the layout for m_layoutKey
    mutable EdgeSelection m_edges;                          // the edges drawn, per snapshot
    mutable NetworkImages m_images;                         // input image and heat map
};

}  // namespace bps
