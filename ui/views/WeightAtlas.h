// WeightAtlas.h — every neuron's incoming weights at once (View ▸ Weight atlas): one tile per
// neuron of layer k+1, showing its row of W_k as a picture of layer k (28×28 for MNIST inputs, a
// near-square grid for other sizes), live while training.
//
// Two modes:
//   Weights        tile j, pixel i = W_k(j, i), coloured as the network view colours weights
//                  (Palette::weight: vermillion < 0 < blue), each tile on its own ±max|row| as
//                  the network view's heat map of a neuron is, or all on one scale ±max|W_k|.
//   What changed   ΔW_k = W_k(to) − W_k(from) between two checkpoints of the run's timeline, or
//                  between the run's start and the network shown, coloured as the network view
//                  colours ΔW (Palette::error: purple < 0 < green), with a per-layer summary
//                  (bp::diffWeights: mean |Δw|, the largest |Δw| and where it is).
// Hovering a tile shows the neuron, the input pixel (row, column) and the value; a click selects
// that neuron everywhere (neuronClicked → NetworkView::setSelectedNeuron), and the network
// view's selection is outlined here.
//
// Cost on the GUI thread: the tiles are painted into one QImage (a strip of tiles at their
// natural size, 28 × 28·n pixels) only when a snapshot arrives while the atlas is visible, at
// most every kThrottleMs; paintEvent only scales that image's tiles into their places.
#pragma once

#include <QImage>
#include <QString>
#include <QWidget>
#include <cstdint>
#include <limits>
#include <vector>

#include "backprop/WeightDiff.h"
#include "training/RunTimeline.h"
#include "training/Snapshot.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QTimer;

namespace bps {

class AtlasCanvas;

class WeightAtlas : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kThrottleMs = 150;  // at most ~7 repaints of the tiles a second
    enum class Mode { Weights, Changes };
    // `to` in Changes mode: this value means the network shown (the newest snapshot).
    static constexpr std::uint64_t kShown = std::numeric_limits<std::uint64_t>::max();

    // A window of its own (Qt::Window), over `parent`.
    explicit WeightAtlas(QWidget* parent = nullptr);
    ~WeightAtlas() override;

    // What lies under a point of the canvas.
    struct Hit {
        int neuron = -1;  // row j of W_k (neuron j of layer k+1), −1 none
        int input = -1;   // column i (neuron/pixel i of layer k), −1 none
        double value = std::numeric_limits<double>::quiet_NaN();  // W(j, i) or ΔW(j, i)
        QString text;                                             // the tooltip
    };

    // --- state, for the window and tests ---
    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    int weightLayer() const { return m_layer; }  // k of the W_k shown
    void setWeightLayer(int k);
    bool ownScale() const { return m_ownScale; }
    void setOwnScale(bool on);
    // Changes mode: the two ends, named by their checkpoint's sample (kShown: the network shown;
    // from = 0 is the run's start).
    void setChangeRange(std::uint64_t from, std::uint64_t to);
    std::uint64_t changeFrom() const { return m_from; }
    std::uint64_t changeTo() const { return m_to; }

    int tileCount() const { return m_tiles; }
    QSize tileSize() const { return m_tileSize; }  // pixels of one tile, e.g. 28×28
    QImage tileImage(int neuron) const;            // tile j at its natural size
    double scaleOf(int neuron) const;              // ±this is the ends of tile j's colour scale
    QRect tileRect(int neuron) const;              // where tile j is drawn (canvas coordinates)
    Hit hitTest(QPoint canvasPos) const;
    QWidget* canvas() const;
    QString summaryText() const;  // Changes: the per-layer summary
    const bp::WeightDiff& diff() const { return m_diff; }
    int selectedNeuron() const { return m_selected; }  // of layer k+1, −1 none
    int repaintCount() const { return m_repaints; }    // tiles painted so far (the throttle)
    QComboBox* modeBox() const { return m_modeBox; }
    QComboBox* layerBox() const { return m_layerBox; }
    QComboBox* fromBox() const { return m_fromBox; }
    QComboBox* toBox() const { return m_toBox; }

  public slots:
    void setSnapshot(bps::SnapshotPtr snapshot);
    void setTimeline(bps::RunTimelinePtr timeline);
    // The network view's selection (layer 0 = input); outlined when it is a neuron of layer k+1.
    void setSelectedNeuron(int layer, int index);

  signals:
    void neuronClicked(int layer, int index);  // layer k+1 of the tile clicked, its neuron
    void shownChanged(bool shown);             // the window was shown or hidden (closed)

  protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;  // LanguageChange: retranslateUi()

  private:
    friend class AtlasCanvas;
    void retranslateUi();
    void updateTexts();  // the title and the summary
    void request();      // a new snapshot or setting: repaint the tiles now or after the throttle
    void rebuild();      // paints the tiles and (Changes) the summary from the newest values
    void fillLayerBox();
    void fillRangeBoxes();
    void updateControls();
    // The weights at an end of the range (null: not there), kShown: the snapshot's.
    const std::vector<bp::Matrix>* weightsAt(std::uint64_t sample) const;
    QString layerName(int layer) const;
    QString inputName(int input) const;  // "pixel (row r, column c)", "input i" or "bias"
    QString describeSummary() const;
    QString tipText(int neuron, int input) const;  // the tooltip of tile `neuron` at `input`
    void legendTexts(QString* lo, QString* hi, QString* end) const;  // under the colour ramp

    AtlasCanvas* m_canvas = nullptr;
    QLabel* m_title = nullptr;  // what is shown, its scale, the sample
    QLabel* m_summary = nullptr;
    QLabel* m_modeLabel = nullptr;
    QLabel* m_layerLabel = nullptr;
    QLabel* m_fromLabel = nullptr;
    QLabel* m_toLabel = nullptr;
    QComboBox* m_modeBox = nullptr;
    QComboBox* m_layerBox = nullptr;
    QComboBox* m_fromBox = nullptr;
    QComboBox* m_toBox = nullptr;
    QCheckBox* m_ownScaleBox = nullptr;
    QTimer* m_throttle = nullptr;  // running: the tiles were painted less than kThrottleMs ago

    SnapshotPtr m_snapshot;     // newest snapshot
    RunTimelinePtr m_timeline;  // newest timeline
    Mode m_mode = Mode::Weights;
    int m_layer = 0;
    bool m_ownScale = true;  // each tile ±max|row| (the network view's heat map); else one scale
    std::uint64_t m_from = 0, m_to = kShown;
    bool m_pending = false;                // something changed since the tiles were painted
    int m_selected = -1;                   // selected neuron of layer m_layer + 1
    int m_selLayer = -1, m_selIndex = -1;  // the network view's selection, as it was given

    // What the tiles show (made by rebuild())
    bp::Matrix m_values;           // W_k or ΔW_k (rows: tiles)
    std::vector<double> m_scales;  // per tile: the colour scale's end
    QImage m_strip;                // the tiles, one under the other, at their natural size
    int m_tiles = 0;               // tiles (rows of W_k)
    int m_inputs = 0;              // inputs of a tile (columns of W_k without the bias)
    bool m_bias = false;           // W_k has a bias column
    QSize m_tileSize;              // pixels of a tile (≥ m_inputs)
    bool m_image = false;          // the tiles are images (W_0 of an image input)
    std::uint64_t m_sample = 0;    // the snapshot's sample count
    std::uint64_t m_fromSample = 0, m_toSample = 0;  // Changes: the samples of its two ends
    bp::WeightDiff m_diff;                           // Changes: the summary
    QString m_problem;                               // why nothing is shown (empty: tiles are)
    int m_repaints = 0;
};

}  // namespace bps
