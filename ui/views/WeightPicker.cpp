// WeightPicker.cpp — a weight matrix (or layer) box and two spin boxes.
#include "views/WeightPicker.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>
#include <utility>

namespace bps {

WeightPicker::WeightPicker(QWidget* parent) : QWidget(parent) {
    m_layerBox = new QComboBox(this);
    m_layerBox->setObjectName(QStringLiteral("weightLayer"));
    m_layerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_fromLabel = new QLabel(this);
    m_fromBox = new QSpinBox(this);
    m_fromBox->setObjectName(QStringLiteral("weightFrom"));
    m_toLabel = new QLabel(this);
    m_toBox = new QSpinBox(this);
    m_toBox->setObjectName(QStringLiteral("weightTo"));
    m_fromLabel->setBuddy(m_fromBox);
    m_toLabel->setBuddy(m_toBox);
    connect(m_layerBox, &QComboBox::currentIndexChanged, this, [this] { read(); });
    connect(m_fromBox, &QSpinBox::valueChanged, this, [this] { read(); });
    connect(m_toBox, &QSpinBox::valueChanged, this, [this] { read(); });
    arrange();
    sync();
    retranslateUi();
}

void WeightPicker::setNetwork(std::vector<int> layers, bool bias) {
    if (layers.size() < 2) return;
    m_layers = std::move(layers);
    m_bias = bias;
    setWeight(m_weight);
    setNode(m_nodeLayer, m_node);
}

void WeightPicker::setMode(Mode m) {
    m_mode = m;
    sync();
    retranslateUi();
}

void WeightPicker::setFirstIndex(int first) {
    m_first = first == 0 ? 0 : 1;
    sync();
}

void WeightPicker::setLongLayerNames(bool on) {
    m_long = on;
    sync();
}

void WeightPicker::setStacked(bool on) {
    if (on == m_stacked) return;
    m_stacked = on;
    arrange();
}

void WeightPicker::arrange() {
    delete m_grid;
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    if (m_stacked) {
        m_grid->addWidget(m_layerBox, 0, 0, 1, 4);
        m_grid->addWidget(m_fromLabel, 1, 0);
        m_grid->addWidget(m_fromBox, 1, 1);
        m_grid->addWidget(m_toLabel, 1, 2);
        m_grid->addWidget(m_toBox, 1, 3);
        m_grid->setColumnStretch(1, 1);
        m_grid->setColumnStretch(3, 1);
    } else {
        m_grid->addWidget(m_layerBox, 0, 0);
        m_grid->addWidget(m_fromLabel, 0, 1);
        m_grid->addWidget(m_fromBox, 0, 2);
        m_grid->addWidget(m_toLabel, 0, 3);
        m_grid->addWidget(m_toBox, 0, 4);
        m_grid->setColumnStretch(0, 1);
    }
}

void WeightPicker::setWeight(const bp::WeightRef& w) {
    const int L = weightLayers();
    bp::WeightRef c = w;
    c.layer = std::clamp(c.layer, 0, L - 1);
    const auto k = static_cast<std::size_t>(c.layer);
    c.row = std::clamp(c.row, 0, m_layers[k + 1] - 1);
    c.col = std::clamp(c.col, 0, m_layers[k] + (m_bias ? 1 : 0) - 1);
    m_weight = c;
    if (m_mode == Mode::Weight) sync();
}

void WeightPicker::setNode(int layer, int node) {
    m_nodeLayer = std::clamp(layer, 1, weightLayers());
    m_node = std::clamp(node, 0, m_layers[static_cast<std::size_t>(m_nodeLayer)] - 1);
    if (m_mode == Mode::Node) sync();
}

QString WeightPicker::layerName(int layer) const {
    const int L = weightLayers();
    if (layer == 0) return tr("input");
    if (layer == L) return tr("output");
    return L > 2 ? tr("hidden %1").arg(layer) : tr("hidden");
}

void WeightPicker::sync() {
    const QSignalBlocker b1(m_layerBox), b2(m_fromBox), b3(m_toBox);
    const int L = weightLayers();
    m_layerBox->clear();
    if (m_mode == Mode::Weight) {
        for (int k = 0; k < L; ++k)
            m_layerBox->addItem(m_long
                                    ? tr("%1 → %2 (W%3)").arg(layerName(k), layerName(k + 1)).arg(k)
                                    : tr("W%1").arg(k));
        m_layerBox->setCurrentIndex(m_weight.layer);
        const auto k = static_cast<std::size_t>(m_weight.layer);
        m_fromBox->setRange(m_first, m_first + m_layers[k] + (m_bias ? 1 : 0) - 1);
        m_toBox->setRange(m_first, m_first + m_layers[k + 1] - 1);
        m_fromBox->setValue(m_weight.col + m_first);
        m_toBox->setValue(m_weight.row + m_first);
    } else {
        for (int k = 1; k <= L; ++k)
            m_layerBox->addItem(k == L  ? tr("output layer")
                                : L > 2 ? tr("hidden layer %1").arg(k)
                                        : tr("hidden layer"));
        m_layerBox->setCurrentIndex(m_nodeLayer - 1);
        m_toBox->setRange(m_first, m_first + m_layers[static_cast<std::size_t>(m_nodeLayer)] - 1);
        m_toBox->setValue(m_node + m_first);
    }
    // Which layer each box counts in, and its range.
    if (m_mode == Mode::Weight) {
        const int k = m_weight.layer;
        m_fromBox->setToolTip(
            (m_bias ? tr("The node the weight comes from, in the %1 layer (%2 … %3; the last is "
                         "the bias)")
                    : tr("The node the weight comes from, in the %1 layer (%2 … %3)"))
                .arg(layerName(k))
                .arg(m_fromBox->minimum())
                .arg(m_fromBox->maximum()));
        m_toBox->setToolTip(tr("The node the weight feeds, in the %1 layer (%2 … %3)")
                                .arg(layerName(k + 1))
                                .arg(m_toBox->minimum())
                                .arg(m_toBox->maximum()));
    } else {
        m_toBox->setToolTip(tr("The node, in the %1 layer (%2 … %3)")
                                .arg(layerName(m_nodeLayer))
                                .arg(m_toBox->minimum())
                                .arg(m_toBox->maximum()));
    }
    m_fromBox->setVisible(m_mode == Mode::Weight);
    m_fromLabel->setVisible(m_mode == Mode::Weight);
}

void WeightPicker::read() {
    if (m_mode == Mode::Weight) {
        setWeight(
            {m_layerBox->currentIndex(), m_toBox->value() - m_first, m_fromBox->value() - m_first});
        emit weightChanged(m_weight);
    } else {
        setNode(m_layerBox->currentIndex() + 1, m_toBox->value() - m_first);
        emit nodeChanged(m_nodeLayer, m_node);
    }
}

void WeightPicker::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void WeightPicker::retranslateUi() {
    const bool weight = m_mode == Mode::Weight;
    m_fromLabel->setText(tr("from node"));
    m_toLabel->setText(weight ? tr("to node") : tr("node"));
    m_layerBox->setToolTip(weight ? tr("The weight matrix: W0 is input → hidden")
                                  : tr("The layer of the node"));
    sync();  // the entries' words
}

}  // namespace bps
