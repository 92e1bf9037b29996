#include "lessons/ChainRuleLesson.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "backprop/Stepper.h"
#include "views/NumberText.h"
#include "views/WeightPicker.h"

namespace bps {
namespace {

// A slope as the comparison prints it.
QString nSlope(double v) {
    return QString::number(v, 'g', ChainRuleLesson::kDigits);
}

// In brackets when negative, so "− α·(−0.02)" reads right.
QString br(const QString& s) {
    return s.startsWith(QLatin1Char('-')) ? QStringLiteral("(%1)").arg(s) : s;
}

constexpr double kDefaultAlpha = 0.1;  // the book's learning rate in its worked example

}  // namespace

ChainRuleLesson::ChainRuleLesson(QWidget* parent) : Lesson(parent) {
    m_netBox = new QComboBox(this);
    m_netBox->addItem(QString());
    m_netBox->addItem(QString());
    m_ruleBox = new QComboBox(this);
    m_ruleBox->addItem(QString());
    m_ruleBox->addItem(QString());
    m_picker = new WeightPicker(this);  // "weightLayer", "weightFrom", "weightTo"
    m_picker->setLongLayerNames(true);
    m_picker->setFirstIndex(1);  // the book counts nodes from 1
    m_alphaBox = new QDoubleSpinBox(this);
    m_alphaBox->setRange(0.001, 10);
    m_alphaBox->setDecimals(3);
    m_alphaBox->setSingleStep(0.05);
    m_alphaBox->setValue(kDefaultAlpha);
    m_sampleLabel = new QLabel(this);
    m_sampleLabel->setWordWrap(true);

    auto* pick = m_texts.pick = new QGroupBox(this);
    auto* grid = new QGridLayout(pick);
    grid->addWidget(m_texts.net = new QLabel(this), 0, 0);
    grid->addWidget(m_netBox, 0, 1);
    grid->addWidget(m_texts.rule = new QLabel(this), 0, 2);
    grid->addWidget(m_ruleBox, 0, 3, 1, 3);
    grid->addWidget(m_texts.layer = new QLabel(this), 1, 0);
    auto* nodes = new QHBoxLayout;
    nodes->addWidget(m_picker);
    nodes->addStretch(1);
    nodes->addWidget(m_texts.alpha = new QLabel(this));
    nodes->addWidget(m_alphaBox);
    grid->addLayout(nodes, 1, 1, 1, 5);
    grid->addWidget(m_sampleLabel, 2, 0, 1, 6);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    auto* derivation = m_texts.derivation = new QGroupBox(this);
    auto* dl = new QVBoxLayout(derivation);
    m_lineLayout = new QVBoxLayout;
    dl->addLayout(m_lineLayout);
    dl->addStretch(1);
    m_nextButton = new QPushButton(this);
    m_nextButton->setObjectName(QStringLiteral("nextLine"));
    m_allButton = new QPushButton(this);
    m_againButton = new QPushButton(this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_nextButton);
    buttons->addWidget(m_allButton);
    buttons->addWidget(m_againButton);
    buttons->addStretch(1);
    dl->addLayout(buttons);

    m_comparison = new QLabel(this);
    m_comparison->setObjectName(QStringLiteral("slopeComparison"));
    m_comparison->setWordWrap(true);
    m_comparison->setTextFormat(Qt::RichText);
    auto* check = m_texts.check = new QGroupBox(this);
    (new QVBoxLayout(check))->addWidget(m_comparison);
    m_matrix = new QLabel(this);
    m_matrix->setObjectName(QStringLiteral("matrixForm"));
    m_matrix->setWordWrap(true);
    m_matrix->setTextFormat(Qt::RichText);
    auto* matrix = m_texts.matrix = new QGroupBox(this);
    (new QVBoxLayout(matrix))->addWidget(m_matrix);

    auto* right = new QVBoxLayout;
    right->addWidget(check);
    right->addWidget(matrix);
    right->addWidget(explanationPanel(), 1);
    auto* middle = new QHBoxLayout;
    middle->addWidget(derivation, 3);
    middle->addLayout(right, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(pick);
    layout->addLayout(middle, 1);

    connect(m_netBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (!useStudio(i == 1)) m_netBox->setCurrentIndex(0);
    });
    connect(m_ruleBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setRule(i == 1 ? bp::ErrorRule::Gradient : bp::ErrorRule::Book); });
    connect(m_picker, &WeightPicker::weightChanged, this, &ChainRuleLesson::selectWeight);
    connect(m_alphaBox, &QDoubleSpinBox::valueChanged, this, [this] { recompute(); });
    connect(m_nextButton, &QPushButton::clicked, this, &ChainRuleLesson::nextLine);
    connect(m_allButton, &QPushButton::clicked, this, &ChainRuleLesson::showAllLines);
    connect(m_againButton, &QPushButton::clicked, this, &ChainRuleLesson::restartLines);

    rebuild();
    retranslateUi();
}

ChainRuleLesson::~ChainRuleLesson() = default;

// ---------------------------------------------------------------------------- choosing

void ChainRuleLesson::setSnapshot(SnapshotPtr s) {
    std::optional<why::NetAndSample> n = why::studioNetwork(s);
    if (!n) return;
    m_studio = std::move(n);
    if (s->learningRate > 0) m_studioAlpha = s->learningRate;
    if (m_useStudio) {
        m_net = *m_studio;
        const QSignalBlocker b(m_alphaBox);
        m_alphaBox->setValue(m_studioAlpha);
        rebuild();
    }
    retranslateUi();  // the chooser's entry says it is available
}

bool ChainRuleLesson::useStudio(bool on) {
    if (on && !m_studio) return false;
    m_useStudio = on;
    m_net = on ? *m_studio : why::bookNetwork();
    m_rule = m_net.net.spec().rule;  // start on the network's own rule
    {
        const QSignalBlocker b1(m_netBox), b2(m_ruleBox), b3(m_alphaBox);
        m_netBox->setCurrentIndex(on ? 1 : 0);
        m_ruleBox->setCurrentIndex(m_rule == bp::ErrorRule::Gradient ? 1 : 0);
        m_alphaBox->setValue(on ? m_studioAlpha : kDefaultAlpha);
    }
    m_weight = {m_net.net.weightLayers() - 1, 0, 0};
    m_shown = 1;
    rebuild();
    retranslateUi();
    return true;
}

void ChainRuleLesson::setRule(bp::ErrorRule rule) {
    m_rule = rule;
    const QSignalBlocker b(m_ruleBox);
    m_ruleBox->setCurrentIndex(rule == bp::ErrorRule::Gradient ? 1 : 0);
    recompute();
}

void ChainRuleLesson::setLearningRate(double alpha) {
    m_alphaBox->setValue(alpha);  // recomputes
}

double ChainRuleLesson::learningRate() const {
    return m_alphaBox->value();
}

void ChainRuleLesson::selectWeight(const bp::WeightRef& w) {
    const bp::Network& net = m_net.net;
    bp::WeightRef c = w;
    c.layer = std::clamp(c.layer, 0, net.weightLayers() - 1);
    c.row = std::clamp(c.row, 0, static_cast<int>(net.weights(c.layer).rows()) - 1);
    c.col = std::clamp(c.col, 0, static_cast<int>(net.weights(c.layer).cols()) - 1);
    m_weight = c;
    rebuild();  // the pickers show the weight
}

void ChainRuleLesson::rebuild() {
    const bp::NetworkSpec& spec = m_net.net.spec();
    m_picker->setNetwork(spec.layers, spec.bias);
    m_picker->setWeight(m_weight);  // clamped into the network (the bias is the last column)
    m_weight = m_picker->weight();
    recompute();
}

// ---------------------------------------------------------------------------- the numbers

void ChainRuleLesson::recompute() {
    const double alpha = learningRate();
    m_chain = bp::chainRule(m_net.net, m_net.input, m_net.target, m_weight, m_rule);
    m_numeric = bp::numericSlope(m_net.net, m_net.input, m_net.target, m_weight);
    // One real training step on a copy, with the chosen rule: what the studio's update does.
    bp::NetworkSpec spec = m_net.net.spec();
    spec.rule = m_rule;
    bp::Network copy(spec);
    for (int k = 0; k < copy.weightLayers(); ++k) copy.setWeights(k, m_net.net.weights(k));
    bp::Stepper st(copy);
    st.setSample(m_net.input, m_net.target);
    st.finish(alpha);
    m_stepDeltaW =
        st.values().dW[static_cast<std::size_t>(m_weight.layer)](m_weight.row, m_weight.col);
    m_stepNewWeight = copy.weights(m_weight.layer)(m_weight.row, m_weight.col);
    buildLines();
    m_shown = std::clamp(m_shown, 1, lineCount());
    showLines();
    m_comparison->setText(comparisonText());
    m_matrix->setText(matrixText());
    updateSampleText();
}

int ChainRuleLesson::agreeingDigits() const {
    for (int d = kDigits; d >= 1; --d)
        if (QString::number(m_chain.slope, 'g', d) == QString::number(m_numeric.slope, 'g', d))
            return d;
    return 0;
}

QString ChainRuleLesson::layerName(int layer) const {
    if (layer == 0) return tr("input");
    if (layer == m_net.net.weightLayers()) return tr("output");
    return m_net.net.weightLayers() > 2 ? tr("hidden %1").arg(layer) : tr("hidden");
}

QString ChainRuleLesson::nodeName(int layer, int index) const {
    if (layer < m_net.net.weightLayers() && index == m_net.net.spec().layers[layer])
        return tr("the bias node of the %1 layer").arg(layerName(layer));
    return tr("%1 node %2").arg(layerName(layer)).arg(index + 1);
}

void ChainRuleLesson::buildLines() {
    const bp::ChainRule& c = m_chain;
    const double alpha = learningRate();
    const bool sigmoid = m_net.net.activationOf(m_weight.layer + 1) == bp::Activation::Sigmoid;
    // The book's letters: w_jk from hidden j to output k; w_ij from input i to hidden j.
    const QString from = c.outputLayer ? QStringLiteral("j") : QStringLiteral("i");
    const QString to = c.outputLayer ? QStringLiteral("k") : QStringLiteral("j");
    const QString w = QStringLiteral("w<sub>%1%2</sub>").arg(from, to);
    const QString o = QStringLiteral("o<sub>%1</sub>").arg(to);
    const QString oFrom = QStringLiteral("o<sub>%1</sub>").arg(from);
    const QString f = sigmoid ? tr("sigmoid") : tr("f");
    m_lines.clear();
    m_lines << tr("E = Σ (t − o)² and only %1 depends on %2, so by the chain rule: "
                  "<b>∂E/∂%2 = ∂E/∂%1 · ∂%1/∂%2</b>")
                   .arg(o, w);
    if (c.outputLayer) {
        m_lines << tr("∂E/∂%1 = −2(t<sub>k</sub> − %1) = −2·(%2 − %3) = <b>%4</b>")
                       .arg(o, n4(c.target), n4(c.output), n4(c.dEdo));
    } else {
        m_lines << (m_rule == bp::ErrorRule::Book
                        ? tr("In place of t − o, the error e<sub>j</sub> of the hidden node: the "
                             "output errors split back by the weights, Σ<sub>k</sub> "
                             "w<sub>jk</sub>·e<sub>k</sub> = <b>%1</b>")
                        : tr("In place of t − o, the error e<sub>j</sub> of the hidden node: the "
                             "output errors sent back through their slopes, Σ<sub>k</sub> "
                             "w<sub>jk</sub>·e<sub>k</sub>·o<sub>k</sub>(1 − o<sub>k</sub>) = "
                             "<b>%1</b>"))
                       .arg(n4(c.error));
        m_lines << tr("∂E/∂%1 = −2·e<sub>j</sub> = −2·%2 = <b>%3</b>")
                       .arg(o, br(n4(c.error)), n4(c.dEdo));
    }
    m_lines << tr("%1 = %2(Σ %3·%4) = %2(%5) = <b>%6</b>")
                   .arg(o, f, QStringLiteral("w"), oFrom, n4(c.net), n4(c.output));
    m_lines << (sigmoid
                    ? tr("∂%1/∂%2 = sigmoid(Σ w·%3)·(1 − sigmoid(Σ w·%3)) · %3 = %4·(1 − %4)·%5 "
                         "= <b>%6</b>")
                          .arg(o, w, oFrom, n4(c.output), n4(c.input),
                               n4(c.activationSlope * c.input))
                    : tr("∂%1/∂%2 = f′(Σ w·%3) · %3 = %4·%5 = <b>%6</b>")
                          .arg(o, w, oFrom, n4(c.activationSlope), n4(c.input),
                               n4(c.activationSlope * c.input)));
    const QString e = c.outputLayer ? QStringLiteral("(t<sub>k</sub> − %1)").arg(o)
                                    : QStringLiteral("e<sub>j</sub>");
    m_lines << tr("∂E/∂%1 = −2·%2 · %3(1 − %3) · %4 = <b>%5</b>")
                   .arg(w, e, o, oFrom, n4(c.slopeWithTwo));
    m_lines << tr("Drop the 2 (only the direction matters): ∂E/∂%1 = −%2 · %3(1 − %3) · %4 = "
                  "<b>%5</b>")
                   .arg(w, e, o, oFrom, n4(c.slope));
    m_lines << tr("new %1 = old %1 − α · ∂E/∂%1 = %2 − %3 · %4 = <b>%5</b>")
                   .arg(w, n4(c.weight), n4(alpha), br(n4(c.slope)), n4(c.newWeight(alpha)));
    m_lines << tr("One real training step on this sample changes this weight by ΔW = <b>%1</b>, "
                  "to %2: the same number as −α · ∂E/∂%3 = %4.")
                   .arg(n4(m_stepDeltaW), n4(m_stepNewWeight), w, n4(c.deltaW(alpha)));
}

void ChainRuleLesson::showLines() {
    while (static_cast<int>(m_lineLabels.size()) < lineCount()) {
        auto* l = new QLabel(this);
        l->setObjectName(QStringLiteral("derivationLine"));
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        m_lineLayout->addWidget(l);
        m_lineLabels.push_back(l);
    }
    for (int i = 0; i < static_cast<int>(m_lineLabels.size()); ++i) {
        QLabel* l = m_lineLabels[static_cast<std::size_t>(i)];
        l->setVisible(i < lineCount() && i < m_shown);
        if (i < lineCount()) l->setText(QStringLiteral("%1. %2").arg(i + 1).arg(m_lines[i]));
        l->setStyleSheet(i == m_shown - 1 ? QStringLiteral("QLabel { background: #fff3c4; }")
                                          : QString());
    }
    m_nextButton->setEnabled(m_shown < lineCount());
    m_allButton->setEnabled(m_shown < lineCount());
}

void ChainRuleLesson::nextLine() {
    if (m_shown < lineCount()) ++m_shown;
    showLines();
}

void ChainRuleLesson::showAllLines() {
    m_shown = lineCount();
    showLines();
}

void ChainRuleLesson::restartLines() {
    m_shown = 1;
    showLines();
}

QString ChainRuleLesson::comparisonText() const {
    QString t =
        tr("Nudge the weight by h = %1 both ways on the same sample and measure E:<br>"
           "E(w + h) = %2, E(w − h) = %3<br>"
           "(E(w + h) − E(w − h)) / 2h = %4; with the 2 dropped:<br>"
           "measured: <b>%5</b><br>chain rule: <b>%6</b><br>")
            .arg(m_numeric.h)
            .arg(QString::number(m_numeric.errorPlus, 'g', 10),
                 QString::number(m_numeric.errorMinus, 'g', 10), nSlope(m_numeric.slopeOfError),
                 nSlope(m_numeric.slope), nSlope(m_chain.slope));
    if (m_chain.exact)
        t += tr("They agree to %n significant digit(s): the formula is right.", nullptr,
                agreeingDigits());
    else
        t +=
            tr("They differ: the book's rule sends the raw errors back (Wᵀ·e), leaving out the "
               "slopes o(1 − o) of the layer above, so for a hidden weight it is not the exact "
               "slope of E — only close to it in direction. Choose the exact errors to see them "
               "agree.");
    return t;
}

QString ChainRuleLesson::matrixText() const {
    const bp::ChainRule& c = m_chain;
    return tr("For all weights of the layer at once: <b>ΔW = α · (E ∘ O(1 − O)) · O<sub>prev</sub>"
              "<sup>T</sup></b>. The sigmoid itself has disappeared: its slope is written with its "
              "output alone, O(1 − O).<br>This entry: %1 · %2 · %3 · %4 = <b>%5</b>")
        .arg(n4(learningRate()), n4(c.error), n4(c.activationSlope), n4(c.input),
             n4(learningRate() * c.error * c.activationSlope * c.input));
}

void ChainRuleLesson::updateSampleText() {
    const bp::Network& net = m_net.net;
    QString sample;
    if (net.inputs() <= 4) {
        QStringList in, t;
        for (Eigen::Index i = 0; i < m_net.input.size(); ++i) in << n4(m_net.input(i));
        for (Eigen::Index i = 0; i < m_net.target.size(); ++i) t << n4(m_net.target(i));
        sample = tr("Sample: input (%1), target (%2).")
                     .arg(in.join(QStringLiteral(", ")), t.join(QStringLiteral(", ")));
    } else {
        Eigen::Index label = 0;
        m_net.target.maxCoeff(&label);
        sample = tr("Sample: the studio's current one (%1 inputs, label %2).")
                     .arg(net.inputs())
                     .arg(label);
    }
    m_sampleLabel->setText(sample + QLatin1Char(' ') +
                           tr("The weight: from %1 to %2, now %3; E of the sample = %4.")
                               .arg(nodeName(m_weight.layer, m_weight.col),
                                    nodeName(m_weight.layer + 1, m_weight.row), n4(m_chain.weight),
                                    n4(m_chain.sampleError)));
}

void ChainRuleLesson::retranslateUi() {
    m_texts.pick->setTitle(tr("Pick a weight"));
    m_texts.derivation->setTitle(tr("The book's derivation, with this sample's numbers"));
    m_texts.check->setTitle(tr("Check: the slope measured"));
    m_texts.matrix->setTitle(tr("The matrix form"));
    m_texts.net->setText(tr("Network:"));
    m_texts.rule->setText(tr("Errors sent back:"));
    m_texts.layer->setText(tr("Weight:"));
    m_texts.alpha->setText(tr("α"));
    m_netBox->setItemText(0, tr("the book's 3-3-3"));
    m_netBox->setItemText(1, m_studio ? tr("the studio's network")
                                      : tr("the studio's network (step a sample first)"));
    m_ruleBox->setItemText(0, tr("the book's: Wᵀ·e"));
    m_ruleBox->setItemText(1, tr("exact: Wᵀ·(e ∘ o(1 − o))"));
    m_alphaBox->setToolTip(tr("The learning rate α of the update"));
    m_netBox->setToolTip(
        tr("Whose weights and sample the derivation uses: the book's small "
           "network, or the studio's network on its current sample"));
    m_ruleBox->setToolTip(
        tr("How the errors travel back to a hidden node: the book's rule, or "
           "the exact gradient (they agree on the last layer)"));
    m_nextButton->setToolTip(tr("Show the next line of the derivation"));
    m_allButton->setToolTip(tr("Show every line at once"));
    m_againButton->setToolTip(tr("Hide all but the first line, to go through it again"));
    m_nextButton->setText(tr("Next line"));
    m_allButton->setText(tr("All lines"));
    m_againButton->setText(tr("From the top"));
    updateSampleText();
    setExplanation(
        tr("<b>Why each weight moves the way it does.</b> The error E depends on a weight only "
           "through the output of the node it feeds, so its slope is a product of a few factors "
           "you can see: the error, the sigmoid's slope o(1 − o), and the signal coming in. "
           "Gradient descent moves the weight against that slope.<br><b>Try:</b> press Next line "
           "to follow the book's steps, then pick another weight or an input → hidden one. "
           "<b>Notice:</b> the slope measured by nudging the weight agrees with the formula, and "
           "the update is exactly ΔW."));
    buildLines();
    showLines();
    m_comparison->setText(comparisonText());
    m_matrix->setText(matrixText());
}

}  // namespace bps
