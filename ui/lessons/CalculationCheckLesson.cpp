#include "lessons/CalculationCheckLesson.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

#include "backprop/Stepper.h"
#include "lessons/WhyNetworks.h"

namespace bps {
namespace {

QString n4(double v) {
    if (v == 0) return QStringLiteral("0");
    return QString::number(v, 'g', 4);
}

QString vec(const bp::Vector& v) {
    QStringList parts;
    for (Eigen::Index i = 0; i < v.size(); ++i) parts << n4(v(i));
    return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(", ")));
}

QString mat(const bp::Matrix& m) {
    QStringList rows;
    for (Eigen::Index r = 0; r < m.rows(); ++r) {
        QStringList cells;
        for (Eigen::Index c = 0; c < m.cols(); ++c) cells << n4(m(r, c));
        rows << cells.join(QStringLiteral(" "));
    }
    return QStringLiteral("[%1]").arg(rows.join(QStringLiteral("; ")));
}

}  // namespace

CalculationCheckLesson::CalculationCheckLesson(QWidget* parent) : Lesson(parent) {
    // One training step of the book's three layers of three on its sample: every value a hand
    // calculation needs, and the ΔW the network applied.
    why::NetAndSample book = why::bookNetwork();
    m_layers = book.net.weightLayers();
    bp::Network stepped = book.net;
    bp::Stepper st(stepped);
    st.setSample(book.input, book.target);
    st.finish(kLearningRate);
    m_values = st.values();

    m_given = new QLabel(this);
    m_given->setObjectName(QStringLiteral("checkGiven"));
    m_given->setWordWrap(true);
    m_given->setTextFormat(Qt::RichText);
    m_given->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_givenBox = new QGroupBox(this);
    (new QVBoxLayout(m_givenBox))->addWidget(m_given);

    m_what = new QComboBox(this);
    for (int i = 0; i < 3; ++i) m_what->addItem(QString());
    m_layerBox = new QComboBox(this);
    m_rowBox = new QSpinBox(this);
    m_colBox = new QSpinBox(this);
    m_answer = new QLineEdit(this);
    m_answer->setObjectName(QStringLiteral("checkAnswer"));
    m_checkButton = new QPushButton(this);
    m_checkButton->setObjectName(QStringLiteral("checkButton"));
    m_hintsBox = new QCheckBox(this);
    m_hintsBox->setChecked(true);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("checkResult"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::RichText);

    m_askBox = new QGroupBox(this);
    auto* grid = new QGridLayout(m_askBox);
    grid->addWidget(m_whatLabel = new QLabel(this), 0, 0);
    grid->addWidget(m_what, 0, 1, 1, 3);
    grid->addWidget(m_layerLabel = new QLabel(this), 1, 0);
    grid->addWidget(m_layerBox, 1, 1, 1, 3);
    grid->addWidget(m_rowLabel = new QLabel(this), 2, 0);
    grid->addWidget(m_rowBox, 2, 1);
    grid->addWidget(m_colLabel = new QLabel(this), 2, 2);
    grid->addWidget(m_colBox, 2, 3);
    grid->addWidget(m_answerLabel = new QLabel(this), 3, 0);
    grid->addWidget(m_answer, 3, 1, 1, 2);
    grid->addWidget(m_checkButton, 3, 3);
    grid->addWidget(m_hintsBox, 4, 0, 1, 4);
    grid->addWidget(m_resultLabel, 5, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setRowStretch(6, 1);

    auto* right = new QVBoxLayout;
    right->addWidget(m_askBox, 1);
    auto* left = new QVBoxLayout;
    left->addWidget(m_givenBox);
    left->addWidget(explanationPanel(), 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addLayout(right, 1);

    connect(m_what, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_quantity = static_cast<bp::CheckQuantity>(i);
        readPickers();
    });
    connect(m_layerBox, &QComboBox::currentIndexChanged, this, [this] { readPickers(); });
    connect(m_rowBox, &QSpinBox::valueChanged, this, [this] { readPickers(); });
    connect(m_colBox, &QSpinBox::valueChanged, this, [this] { readPickers(); });
    connect(m_checkButton, &QPushButton::clicked, this, [this] { check(m_answer->text()); });
    connect(m_answer, &QLineEdit::returnPressed, this, [this] { check(m_answer->text()); });
    connect(m_hintsBox, &QCheckBox::toggled, this, &CalculationCheckLesson::setHints);

    ask(bp::CheckQuantity::DeltaW, 1, 0, 0);
    retranslateUi();
}

CalculationCheckLesson::~CalculationCheckLesson() = default;

void CalculationCheckLesson::ask(bp::CheckQuantity q, int layer, int row, int col) {
    m_quantity = q;
    const int L = m_layers;
    if (q == bp::CheckQuantity::DeltaW) {
        m_layer = std::clamp(layer, 0, L - 1);
        const auto rows =
            static_cast<int>(m_values.o[static_cast<std::size_t>(m_layer) + 1].size());
        const auto cols = static_cast<int>(m_values.o[static_cast<std::size_t>(m_layer)].size());
        m_row = std::clamp(row, 0, rows - 1);
        m_col = std::clamp(col, 0, cols - 1);
    } else if (q == bp::CheckQuantity::ActivationSlope) {
        m_layer = std::clamp(layer, 1, L);
        m_row = std::clamp(
            row, 0, static_cast<int>(m_values.o[static_cast<std::size_t>(m_layer)].size()) - 1);
    }
    m_checked = false;
    syncPickers();
    m_resultLabel->setText(resultText());
}

void CalculationCheckLesson::readPickers() {
    const int layer = m_quantity == bp::CheckQuantity::ActivationSlope
                          ? m_layerBox->currentIndex() + 1
                          : m_layerBox->currentIndex();
    ask(m_quantity, layer, m_rowBox->value() - 1, m_colBox->value() - 1);
}

void CalculationCheckLesson::syncPickers() {
    const QSignalBlocker b0(m_what), b1(m_layerBox), b2(m_rowBox), b3(m_colBox);
    m_what->setCurrentIndex(static_cast<int>(m_quantity));
    const bool dw = m_quantity == bp::CheckQuantity::DeltaW;
    const bool slope = m_quantity == bp::CheckQuantity::ActivationSlope;
    m_layerBox->clear();
    if (dw) {
        for (int k = 0; k < m_layers; ++k) m_layerBox->addItem(tr("W%1").arg(k));
        m_layerBox->setCurrentIndex(m_layer);
        m_rowBox->setRange(
            1, static_cast<int>(m_values.o[static_cast<std::size_t>(m_layer) + 1].size()));
        m_colBox->setRange(1,
                           static_cast<int>(m_values.o[static_cast<std::size_t>(m_layer)].size()));
        m_colBox->setValue(m_col + 1);
    } else if (slope) {
        for (int k = 1; k <= m_layers; ++k)
            m_layerBox->addItem(k == m_layers ? tr("output layer") : tr("hidden layer"));
        m_layerBox->setCurrentIndex(m_layer - 1);
        m_rowBox->setRange(1,
                           static_cast<int>(m_values.o[static_cast<std::size_t>(m_layer)].size()));
    }
    m_rowBox->setValue(m_row + 1);
    m_layerBox->setVisible(dw || slope);
    m_layerLabel->setVisible(dw || slope);
    m_rowBox->setVisible(dw || slope);
    m_rowLabel->setVisible(dw || slope);
    m_colBox->setVisible(dw);
    m_colLabel->setVisible(dw);
    m_rowLabel->setText(dw ? tr("to node") : tr("node"));
}

double CalculationCheckLesson::value() const {
    switch (m_quantity) {
        case bp::CheckQuantity::SampleError:
            return bp::checkSampleError(m_values, 0).value;
        case bp::CheckQuantity::ActivationSlope:
            return bp::checkActivationSlope(m_values, m_layer, m_row, 0).value;
        case bp::CheckQuantity::DeltaW:
            break;
    }
    return bp::deltaWEntry(m_values, false, {m_layer, m_row, m_col}, kLearningRate);
}

bool CalculationCheckLesson::check(const QString& typed) {
    QString t = typed.trimmed();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    t.replace(QChar(0x2212), QLatin1Char('-'));  // a typed "−"
    bool ok = false;
    const double answer = t.toDouble(&ok);
    if (!ok) {
        m_checked = false;
        m_resultLabel->setText(
            tr("“%1” is not a number. Type it like 0.0123 or -1.2e-3.").arg(typed.toHtmlEscaped()));
        return false;
    }
    switch (m_quantity) {
        case bp::CheckQuantity::SampleError:
            m_result = bp::checkSampleError(m_values, answer);
            break;
        case bp::CheckQuantity::ActivationSlope:
            m_result = bp::checkActivationSlope(m_values, m_layer, m_row, answer);
            break;
        case bp::CheckQuantity::DeltaW:
            m_result =
                bp::checkDeltaW(m_values, false, {m_layer, m_row, m_col}, kLearningRate, answer);
            break;
    }
    m_checked = true;
    m_resultLabel->setText(resultText());
    return true;
}

void CalculationCheckLesson::setHints(bool on) {
    m_hints = on;
    const QSignalBlocker b(m_hintsBox);
    m_hintsBox->setChecked(on);
    m_resultLabel->setText(resultText());
}

QString CalculationCheckLesson::factorName(bp::CheckFactor f) const {
    switch (f) {
        case bp::CheckFactor::LearningRate:
            return tr("the learning rate α");
        case bp::CheckFactor::Error:
            return tr("the error");
        case bp::CheckFactor::Slope:
            return tr("the slope o(1 − o)");
        case bp::CheckFactor::PreviousOutput:
            return tr("the previous output o_j");
        case bp::CheckFactor::Transpose:
            return tr("row and column (a transpose mix-up)");
        case bp::CheckFactor::None:
        case bp::CheckFactor::Unknown:
            break;
    }
    return {};
}

QString CalculationCheckLesson::mistakeText(const bp::CheckResult& r) const {
    switch (r.mistake) {
        case bp::Mistake::NoLearningRate:
            return tr("α was left out");
        case bp::Mistake::ErrorSignFlipped:
            return tr("the error was taken as o − t instead of t − o");
        case bp::Mistake::NoError:
            return tr("the error was left out");
        case bp::Mistake::ErrorSquared:
            return tr("the error was squared");
        case bp::Mistake::OutputErrorAtHidden:
            return tr(
                "an output node's t − o was used for a hidden node, whose error is the one "
                "sent back");
        case bp::Mistake::NoSlope:
            return tr("the slope o(1 − o) was left out");
        case bp::Mistake::SlopeWithoutOneMinus:
            return tr("o was used in place of o(1 − o)");
        case bp::Mistake::SlopeOfNetInput:
            return tr("the net input x was used in place of the output o in o(1 − o)");
        case bp::Mistake::SlopeOfPreviousNode:
            return tr("the slope of the node the weight comes from was used");
        case bp::Mistake::NoPreviousOutput:
            return tr("the output o_j of the node the weight comes from was left out");
        case bp::Mistake::OwnOutputAsPrevious:
            return tr("the node's own output was used in place of o_j");
        case bp::Mistake::OtherPreviousOutput:
            return tr("the output of another node (%1) was used in place of o_j")
                .arg(r.otherIndex + 1);
        case bp::Mistake::Transposed:
            return tr("row and column were swapped: that is the entry ΔW(%1, %2)")
                .arg(m_col + 1)
                .arg(m_row + 1);
        case bp::Mistake::ErrorNotSquared:
            return tr("the errors t − o were added without squaring (they can cancel)");
        case bp::Mistake::ErrorAbsolute:
            return tr("|t − o| was added instead of (t − o)²");
        case bp::Mistake::ErrorHalved:
            return tr("the sum was halved");
        case bp::Mistake::ErrorMean:
            return tr("the mean was taken instead of the sum");
        case bp::Mistake::ErrorOfOneOutput:
            return tr("only one output's (t − o)² was counted");
        case bp::Mistake::SlopeOnlyOutput:
            return tr("only o was taken, without (1 − o)");
        case bp::Mistake::SlopeOnlyOneMinus:
            return tr("only 1 − o was taken");
        case bp::Mistake::SlopeOfNet:
            return tr("the net input x was used in place of the output o");
        case bp::Mistake::SlopeSquared:
            return tr("o² was taken");
        case bp::Mistake::None:
        case bp::Mistake::Unknown:
            break;
    }
    return {};
}

QString CalculationCheckLesson::resultText() const {
    if (!m_checked)
        return tr("Work it out from the values on the left, type it in and press Check.");
    const bp::CheckResult& r = m_result;
    if (r.correct)
        return tr("<b>Right.</b> %1 is within ±%2 of the network's %3.")
            .arg(n4(r.answer), n4(r.tolerance), n4(r.value));
    if (!m_hints) return tr("<b>Not right</b> (allowed: ±%1). Try again.").arg(n4(r.tolerance));
    QString t = tr("<b>Not right.</b> You wrote %1; the network has <b>%2</b>.")
                    .arg(n4(r.answer), n4(r.value));
    if (r.factor == bp::CheckFactor::Unknown)
        t += QLatin1Char(' ') + tr("It is none of the usual single slips: check each factor.");
    else
        t +=
            QLatin1Char(' ') + tr("It looks as if %1 (that gives %2). The factor that differs: %3.")
                                   .arg(mistakeText(r), n4(r.mistakeValue), factorName(r.factor));
    return t;
}

QString CalculationCheckLesson::givenText() const {
    const bp::PassValues& v = m_values;
    const why::NetAndSample book = why::bookNetwork();
    return tr("<b>The book's three layers of three, one training step, α = %1.</b><br>"
              "input I = %2, target T = %3<br>"
              "W0 (input → hidden) = %4<br>W1 (hidden → output) = %5<br>"
              "hidden: X1 = %6, O1 = %7<br>output: X2 = %8, O2 = %9<br>"
              "errors: E2 = T − O2 = %10, E1 = W1ᵀ·E2 = %11<br>"
              "W(r, c) is the weight from node c to node r; nodes count from 1.")
        .arg(n4(kLearningRate), vec(v.o[0]), vec(v.target), mat(book.net.weights(0)),
             mat(book.net.weights(1)), vec(v.x[1]), vec(v.o[1]), vec(v.x[2]), vec(v.o[2]))
        .arg(vec(v.e[2]), vec(v.e[1]));
}

void CalculationCheckLesson::retranslateUi() {
    m_givenBox->setTitle(tr("The values"));
    m_askBox->setTitle(tr("Your calculation"));
    m_given->setText(givenText());
    m_what->setItemText(0, tr("E = Σ (t − o)² of the sample"));
    m_what->setItemText(1, tr("the slope O(1 − O) of a node"));
    m_what->setItemText(2, tr("one entry of ΔW"));
    m_what->setToolTip(tr("What to work out by hand"));
    m_whatLabel->setText(tr("Work out:"));
    m_layerLabel->setText(tr("Where:"));
    m_layerBox->setToolTip(tr("The weight matrix, or the layer of the node"));
    m_colLabel->setText(tr("from node"));
    m_rowBox->setToolTip(tr("The node (counting from 1)"));
    m_colBox->setToolTip(tr("The node the weight comes from (counting from 1)"));
    m_answerLabel->setText(tr("Your answer:"));
    m_answer->setToolTip(tr("A number, like 0.0123"));
    m_checkButton->setText(tr("Check"));
    m_checkButton->setToolTip(tr("Compare your answer with the network's value"));
    m_hintsBox->setText(tr("Hints: name the slip and show the right value"));
    m_hintsBox->setToolTip(tr("Turn off for a test: the answer is then only marked right or not"));
    syncPickers();
    m_resultLabel->setText(resultText());
    setExplanation(
        tr("<b>Calculate, then check.</b> Pick a quantity, work it out on paper from the values, "
           "and type it in. An answer within 1 % counts as right. When it is not, the lesson "
           "tries the usual slips one at a time and names the factor that differs.<br>"
           "<b>Try:</b> ΔW of W1 from node 1 to node 1: α · e · o(1 − o) · o_j with the output "
           "node's e and o and the hidden node's o_j. <b>Notice:</b> leave a factor out on "
           "purpose and see it named."));
}

}  // namespace bps
