#include "lessons/BookExamplesLesson.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <cmath>

#include "training/SnapshotBuilder.h"
#include "views/MathsPanel.h"
#include "views/NetworkView.h"

namespace bps {
namespace {

QString num(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

}  // namespace

BookExamplesLesson::BookExamplesLesson(QWidget* parent) : Lesson(parent) {
    m_presetBox = new QComboBox(this);
    for (int i = 0; i < 4; ++i) m_presetBox->addItem(QString());
    m_stepButton = new QPushButton(this);
    m_runButton = new QPushButton(this);
    m_restartButton = new QPushButton(this);
    m_phaseLabel = new QLabel(this);
    m_phaseLabel->setWordWrap(true);  // its own row under the buttons: the bar fits 1024 px

    auto* bar = new QHBoxLayout;
    m_exampleLabel = new QLabel(this);
    bar->addWidget(m_exampleLabel);
    bar->addWidget(m_presetBox);
    bar->addSpacing(12);
    bar->addWidget(m_stepButton);
    bar->addWidget(m_runButton);
    bar->addWidget(m_restartButton);
    bar->addStretch(1);

    m_view = new NetworkView(this);
    m_view->setShowEdgeValues(true);
    // View and maths side by side fit a 1024×768 screen beside the lessons' list (736 px).
    m_view->setMinimumSize(340, 300);
    m_maths = new MathsPanel(this);
    m_maths->setMinimumWidth(320);
    m_split = new QTextBrowser(this);
    m_split->setObjectName(QStringLiteral("splitPanel"));
    QFont f = m_split->font();
    f.setPointSizeF(std::max(11.0, f.pointSizeF() * 1.1));
    m_split->document()->setDefaultFont(f);

    // The explanation under the view takes the height its text needs at the column's width (a
    // splitter gave it a quarter, and at 1024×768 its last lines were cut); the view the rest.
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_view, 1);
    leftLayout->addWidget(explanationPanel());
    auto* right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_split);
    right->addWidget(m_maths);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_phaseLabel);
    layout->addWidget(split, 1);

    connect(m_presetBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { selectPreset(static_cast<Preset>(i)); });
    connect(m_stepButton, &QPushButton::clicked, this, [this] { stepPhase(); });
    connect(m_runButton, &QPushButton::clicked, this, [this] {
        while (stepPhase()) {
        }
    });
    connect(m_restartButton, &QPushButton::clicked, this, &BookExamplesLesson::restart);
    connect(m_view, &NetworkView::neuronSelected, m_maths, &MathsPanel::setSelectedNeuron);

    selectPreset(Preset::TwoByTwo);
    retranslateUi();
}

BookExamplesLesson::~BookExamplesLesson() = default;

void BookExamplesLesson::retranslateUi() {
    m_presetBox->setItemText(0, tr("Two inputs, two neurons"));
    m_presetBox->setItemText(1, tr("Three layers of three"));
    m_presetBox->setItemText(2, tr("Updating one weight"));
    m_presetBox->setItemText(3, tr("Splitting the error by the weights"));
    m_stepButton->setText(tr("Step phase ▶"));
    m_runButton->setText(tr("Run the whole sample ▶▶"));
    m_restartButton->setText(tr("Start again ⟲"));
    m_presetBox->setToolTip(
        tr("Which worked example of the book to follow, with its inputs "
           "and weights"));
    m_stepButton->setToolTip(
        tr("Do the next phase of the calculation and watch its numbers appear in the network "
           "and the maths panel"));
    m_runButton->setToolTip(tr("Do all the remaining phases of this sample at once"));
    m_restartButton->setToolTip(
        tr("Go back to the example's starting weights, before the first phase"));
    m_exampleLabel->setText(tr("Example:"));
    setExplanation(presetExplanation());
    updatePhaseLabel();
    if (m_preset == Preset::SplitError) updateSplit();
}

void BookExamplesLesson::selectPreset(Preset p) {
    m_preset = p;
    if (m_presetBox->currentIndex() != static_cast<int>(p)) {
        const QSignalBlocker block(m_presetBox);
        m_presetBox->setCurrentIndex(static_cast<int>(p));
    }
    m_stepper.reset();
    bp::NetworkSpec spec;
    spec.bias = false;
    spec.rule = bp::ErrorRule::Book;
    switch (p) {
        case Preset::TwoByTwo: {
            // The book: inputs 1.0 and 0.5; w11 = 0.9, w12 = 0.2, w21 = 0.3, w22 = 0.8.
            spec.layers = {2, 2};
            m_net = std::make_unique<bp::Network>(spec);
            bp::Matrix w(2, 2);
            w << 0.9, 0.3,  // row 1: w11, w21 (into neuron 1)
                0.2, 0.8;   // row 2: w12, w22 (into neuron 2)
            m_net->setWeights(0, w);
            m_input = bp::Vector(2);
            m_input << 1.0, 0.5;
            // The book stops at the outputs; a target is needed to step on, chosen here.
            m_target = bp::bookTarget(0, 2);
            break;
        }
        case Preset::ThreeLayers: {
            spec.layers = {3, 3, 3};
            m_net = std::make_unique<bp::Network>(spec);
            bp::Matrix wih(3, 3), who(3, 3);
            wih << 0.9, 0.3, 0.4, 0.2, 0.8, 0.2, 0.1, 0.5, 0.6;  // W_input_hidden
            who << 0.3, 0.7, 0.5, 0.6, 0.5, 0.2, 0.8, 0.1, 0.9;  // W_hidden_output
            m_net->setWeights(0, wih);
            m_net->setWeights(1, who);
            m_input = bp::Vector(3);
            m_input << 0.9, 0.1, 0.8;
            m_target = bp::bookTarget(1, 3);  // chosen here: the book stops at the outputs
            break;
        }
        case Preset::UpdateWeight: {
            // Hidden outputs o_j1 = 0.4, o_j2 = 0.5 feed two output neurons; w11 = 2.0,
            // w21 = 3.0 (into output 1), w12 = 1.0, w22 = 4.0 (into output 2).
            spec.layers = {2, 2};
            m_net = std::make_unique<bp::Network>(spec);
            bp::Matrix w(2, 2);
            w << 2.0, 3.0, 1.0, 4.0;
            m_net->setWeights(0, w);
            m_input = bp::Vector(2);
            m_input << 0.4, 0.5;
            // The book gives the errors e1 = 0.8, e2 = 0.5 rather than targets: T = O + e.
            bp::Vector e(2);
            e << 0.8, 0.5;
            m_target = m_net->query(m_input) + e;
            break;
        }
        case Preset::SplitError: {
            // The book's figure: two hidden neurons (outputs 0.4 and 0.5, as in the update
            // example) feed two output neurons over w11 = 2.0, w21 = 3.0 (into output 1),
            // w12 = 1.0, w22 = 4.0 (into output 2), whose errors are e1 = 0.8, e2 = 0.5.
            spec.layers = {2, 2};
            m_net = std::make_unique<bp::Network>(spec);
            bp::Matrix w(2, 2);
            w << 2.0, 3.0, 1.0, 4.0;
            m_net->setWeights(0, w);
            m_input = bp::Vector(2);
            m_input << 0.4, 0.5;
            bp::Vector e(2);
            e << 0.8, 0.5;
            m_target = m_net->query(m_input) + e;  // T = O + e
            break;
        }
    }
    // The split is worked on the weights the error crosses, as they are before the update
    // phase changes them (W(k, j) = w_jk; output × hidden).
    m_splitWeights = m_net->weights(m_net->weightLayers() - 1);
    m_stepper = std::make_unique<bp::Stepper>(*m_net);
    m_stepper->setSample(m_input, m_target);
    m_split->setVisible(p == Preset::SplitError);
    setExplanation(presetExplanation());
    if (p == Preset::SplitError)
        runToPhase(bp::PhaseKind::OutputError, m_net->weightLayers());
    else
        show();
}

void BookExamplesLesson::restart() {
    selectPreset(m_preset);
}

bool BookExamplesLesson::stepPhase() {
    if (!m_stepper || m_stepper->finished()) return false;
    m_stepper->step(kLearningRate);
    show();
    return true;
}

void BookExamplesLesson::runToPhase(bp::PhaseKind kind, int layer) {
    while (m_stepper && !m_stepper->finished()) {
        m_stepper->step(kLearningRate);
        const bp::Phase* p = m_stepper->lastPhase();
        if (p && p->kind == kind && p->layer == layer) break;
    }
    show();
}

static QString phaseWords(const bp::Phase& p) {
    switch (p.kind) {
        case bp::PhaseKind::Forward:
            return BookExamplesLesson::tr("forward through W%1").arg(p.layer);
        case bp::PhaseKind::OutputError:
            return BookExamplesLesson::tr("output error E = T − O");
        case bp::PhaseKind::BackError:
            return BookExamplesLesson::tr("errors back through W%1ᵀ").arg(p.layer);
        case bp::PhaseKind::Update:
            return BookExamplesLesson::tr("update W%1").arg(p.layer);
    }
    return {};
}

void BookExamplesLesson::show() {
    auto shown = snapshotOfStepper(*m_stepper, kLearningRate);
    shown->sample = 0;
    SnapshotPtr s = std::move(shown);
    m_view->setSnapshot(s);
    m_maths->setSnapshot(s);
    updatePhaseLabel();
    if (m_preset == Preset::SplitError) updateSplit();
}

void BookExamplesLesson::updatePhaseLabel() {
    const int done = static_cast<int>(m_stepper->phaseIndex());
    const int total = static_cast<int>(m_stepper->phases().size());
    m_phaseLabel->setText(m_stepper->finished()
                              ? tr("Phase %1 of %2 — sample finished").arg(done).arg(total)
                              : tr("Phase %1 of %2 — next: %3")
                                    .arg(done)
                                    .arg(total)
                                    .arg(phaseWords(m_stepper->nextPhase())));
    m_stepButton->setEnabled(!m_stepper->finished());
    m_runButton->setEnabled(!m_stepper->finished());
}

// Proportional split: e_hidden,j = Σ_k e_k · w_jk / Σ_j' w_j'k  (W(k, j) = w_jk, row sums).
bp::Vector BookExamplesLesson::proportionalSplit() const {
    const bp::Matrix& W = m_splitWeights;  // output × hidden
    const bp::Vector& e = outputErrors();
    bp::Vector out = bp::Vector::Zero(W.cols());
    if (e.size() != W.rows()) return out;
    for (int k = 0; k < W.rows(); ++k) {
        const double rowSum = W.row(k).sum();  // all weights into output k
        for (int j = 0; j < W.cols(); ++j) out(j) += e(k) * W(k, j) / rowSum;
    }
    return out;
}

// e_hidden = Wᵀ·e  (hidden = (output × hidden)ᵀ · output), on the weights before the update.
bp::Vector BookExamplesLesson::transposeSplit() const {
    const bp::Vector& e = outputErrors();
    if (e.size() != m_splitWeights.rows()) return {};
    bp::Vector out = m_splitWeights.transpose() * e;
    return out;
}

// e = T − O as the stepper's output-error phase computed it (empty before that phase).
const bp::Vector& BookExamplesLesson::outputErrors() const {
    return m_stepper->values().e[m_net->weightLayers()];
}

QString BookExamplesLesson::splitText() const {
    return m_split->toPlainText();
}

void BookExamplesLesson::updateSplit() {
    const bp::Matrix& W = m_splitWeights;
    const bp::Vector& e = outputErrors();
    const bp::Vector prop = proportionalSplit();
    const bp::Vector tr_ = transposeSplit();
    if (e.size() != 2 || tr_.size() != 2) {
        m_split->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Step to the output error phase.")));
        return;
    }
    auto w = [&W](int j, int k) { return num(W(k - 1, j - 1), 1); };  // book's w_jk
    QString left, right;
    for (int j = 1; j <= 2; ++j) {
        // e_hj = Σ_k e_k · w_jk / (w_1k + w_2k)   and   Σ_k w_jk · e_k
        QStringList propTerms, propValues, tTerms;
        for (int k = 1; k <= 2; ++k) {
            propTerms
                << QStringLiteral("%1·%2/(%3+%4)").arg(num(e(k - 1), 2), w(j, k), w(1, k), w(2, k));
            propValues << num(e(k - 1) * W(k - 1, j - 1) / W.row(k - 1).sum(), 2);
            tTerms << QStringLiteral("%1·%2").arg(w(j, k), num(e(k - 1), 2));
        }
        left += QStringLiteral("<p>e<sub>h%1</sub> = %2<br>&nbsp;&nbsp;= %3 = <b>%4</b></p>")
                    .arg(QString::number(j), propTerms.join(QStringLiteral(" + ")),
                         propValues.join(QStringLiteral(" + ")), num(prop(j - 1), 2));
        right +=
            QStringLiteral("<p>e<sub>h%1</sub> = %2<br>&nbsp;&nbsp;= <b>%3</b></p>")
                .arg(QString::number(j), tTerms.join(QStringLiteral(" + ")), num(tr_(j - 1), 2));
    }
    QString h = QStringLiteral("<h3>%1</h3>").arg(tr("Splitting the error by the weights"));
    h += QStringLiteral("<p>%1</p>")
             .arg(tr("Output errors e<sub>1</sub> = %1, e<sub>2</sub> = %2; weights w<sub>11</sub> "
                     "= %3, w<sub>21</sub> = %4 (into output 1), w<sub>12</sub> = %5, "
                     "w<sub>22</sub> = %6 (into output 2).")
                      .arg(num(e(0), 2), num(e(1), 2), w(1, 1), w(2, 1), w(1, 2), w(2, 2)));
    h += QStringLiteral(
             "<table width='100%' cellspacing='6'><tr><th align='left'>%1</th>"
             "<th align='left'>%2</th></tr><tr><td valign='top'>%3</td><td valign='top'>%4</td>"
             "</tr></table>")
             .arg(tr("1. In proportion to the weights"), tr("2. Wᵀ·e (what the book adopts)"), left,
                  right);
    h += QStringLiteral("<p><b>%1</b> %2</p>")
             .arg(tr("The difference:"),
                  tr("Wᵀ·e drops the fractions' denominators: each output error is multiplied by "
                     "the weights, not by their share, so it is scaled by the sum of the weights "
                     "into that output (here %1 and %2). Wᵀ·e comes out %3× and %4× the "
                     "proportional split.")
                          .arg(num(W.row(0).sum(), 1), num(W.row(1).sum(), 1),
                               num(tr_(0) / prop(0), 2), num(tr_(1) / prop(1), 2)) +
                      QLatin1Char(' ') +
                      (num(tr_(0) / prop(0), 2) == num(tr_(1) / prop(1), 2)  // as shown
                           ? tr("Both sums are equal, so the two ways give the same proportions: "
                                "only the size differs.")
                           : tr("The sums differ, so the proportions shift a little.")) +
                      QLatin1Char(' ') +
                      tr("Either way the bigger weight gets the bigger share of the blame, and "
                         "the learning rate takes care of size. The book keeps the simpler "
                         "matrix form: one multiplication a computer does fast."));
    if (m_stepper->finished())
        h += QStringLiteral("<p><i>%1</i></p>")
                 .arg(tr("The update has since moved the weights (see the network and the maths "
                         "panel); the split above stays worked on the weights the error was "
                         "split by."));
    m_split->setHtml(h);
}

QString BookExamplesLesson::presetExplanation() const {
    switch (m_preset) {
        case Preset::TwoByTwo:
            return tr(
                "<b>Two inputs, two neurons.</b> Inputs 1.0 and 0.5, weights w<sub>11</sub> 0.9, "
                "w<sub>12</sub> 0.2, w<sub>21</sub> 0.3, w<sub>22</sub> 0.8.<br><b>Try:</b> press "
                "<i>Step phase</i> once. <b>Notice:</b> each neuron adds up its weighted inputs "
                "(X = W·I) and squashes the sum with the sigmoid; the outputs are the book's "
                "0.7408 and 0.6457. The target used for the later phases is chosen here; the "
                "book stops at the outputs.");
        case Preset::ThreeLayers:
            return tr(
                "<b>Three layers of three.</b> Input 0.9, 0.1, 0.8 and the book's two weight "
                "matrices.<br><b>Try:</b> step twice. <b>Notice:</b> the hidden layer's net "
                "input is 1.16, 0.42, 0.62 and the outputs are 0.726, 0.708, 0.778 — the same "
                "matrix multiplication, done once per layer. Click a neuron to see its row.");
        case Preset::UpdateWeight:
            return tr(
                "<b>Updating one weight.</b> The two neurons on the left are the hidden outputs "
                "0.4 and 0.5 of the book's figure; w<sub>11</sub> = 2.0, w<sub>21</sub> = 3.0, "
                "the error at output 1 is 0.8 and α = 0.1.<br><b>Try:</b> step to the update. "
                "<b>Notice:</b> w<sub>11</sub> moves only a little, from 2.0 to 2.00265: the "
                "sigmoid's slope o(1−o) at output 1 is small, and α moderates the step.");
        case Preset::SplitError:
            return tr(
                "<b>Splitting the error.</b> The book's figure: the two neurons on the left "
                "are hidden neurons with outputs 0.4 and 0.5, the output errors are 0.8 and "
                "0.5. Which hidden neuron is to blame for an output's error? The one with the "
                "bigger weight to it.<br><b>Notice:</b> the two ways on the right give "
                "different numbers but the same proportions. <b>Try:</b> step on to see the "
                "weights change; the split stays worked on the weights the error was split "
                "by.");
    }
    return {};
}

QWidget* BookExamplesLesson::picture() const {
    return m_view;
}

}  // namespace bps
