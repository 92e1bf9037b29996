// WeightPicker.h — one weight W_k(row, col) of a network, or one node of a layer, picked with a
// box for the weight matrix (or the layer) and two spin boxes: the one picker of the "why it
// learns" lessons (slope of one weight, error surface, check my calculation) and of the
// studio's calculation check.
//
// Shapes as in Network.h: W_k is n_{k+1} × (n_k + bias); a row is the node the weight feeds
// (layer k+1), a column the node it comes from (layer k; column n_k is the bias when the
// network has one). Nodes are shown counting from firstIndex() (1 in the lessons, as the book
// counts; 0 in the studio, as its network view and maths panel do).
#pragma once

#include <QWidget>
#include <vector>

#include "backprop/Gradient.h"

class QComboBox;
class QGridLayout;
class QLabel;
class QSpinBox;

namespace bps {

class WeightPicker : public QWidget {
    Q_OBJECT
  public:
    enum class Mode { Weight, Node };  // W_k(row, col), or node `row` of layer k ≥ 1
    explicit WeightPicker(QWidget* parent = nullptr);

    // The network's layer sizes, input first; bias: each W_k has the bias column n_k.
    void setNetwork(std::vector<int> layers, bool bias);
    int weightLayers() const { return static_cast<int>(m_layers.size()) - 1; }
    void setMode(Mode m);
    Mode mode() const { return m_mode; }
    void setFirstIndex(int first);  // 0 or 1
    int firstIndex() const { return m_first; }
    // The matrix box's entries: "W0" (short), or "input → hidden (W0)".
    void setLongLayerNames(bool on);
    // The spin boxes on a second line under the matrix box (narrow places).
    void setStacked(bool on);

    // Weight mode: W_k(row, col), clamped into the network. Emits nothing.
    void setWeight(const bp::WeightRef& w);
    bp::WeightRef weight() const { return m_weight; }
    // Node mode: node `node` of layer `layer` (1 … L), clamped. Emits nothing.
    void setNode(int layer, int node);
    int nodeLayer() const { return m_nodeLayer; }
    int node() const { return m_node; }

    // The layer's name in words: "input", "hidden", "hidden 2", "output".
    QString layerName(int layer) const;

  signals:
    void weightChanged(bp::WeightRef w);    // a person changed the weight (Weight mode)
    void nodeChanged(int layer, int node);  // a person changed the node (Node mode)

  protected:
    void changeEvent(QEvent* event) override;  // LanguageChange → retranslateUi()

  private:
    void retranslateUi();
    void sync();  // the boxes show m_weight / m_node
    void arrange();
    void read();  // the boxes → m_weight / m_node, and the signal

    std::vector<int> m_layers{3, 3, 3};  // n_0 … n_L
    bool m_bias = false;
    Mode m_mode = Mode::Weight;
    int m_first = 1;
    bool m_long = false;
    bool m_stacked = false;
    bp::WeightRef m_weight{0, 0, 0};
    int m_nodeLayer = 1, m_node = 0;

    QGridLayout* m_grid = nullptr;
    QComboBox* m_layerBox = nullptr;  // "weightLayer"
    QLabel* m_fromLabel = nullptr;
    QSpinBox* m_fromBox = nullptr;  // "weightFrom": the column
    QLabel* m_toLabel = nullptr;
    QSpinBox* m_toBox = nullptr;  // "weightTo": the row (the node in Node mode)
};

}  // namespace bps
