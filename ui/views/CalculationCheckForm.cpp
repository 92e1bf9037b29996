// CalculationCheckForm.cpp — the question, the typed answer, the core's verdict in words.
#include "views/CalculationCheckForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "views/NumberText.h"
#include "views/WeightPicker.h"

namespace bps {
namespace {

// A tolerance's floor: "10⁻⁶" for a power of ten, else as n4.
QString floorText(double v) {
    const double n = std::round(-std::log10(v));
    if (v <= 0 || n < 1 || std::abs(v - std::pow(10.0, -n)) > 1e-6 * v) return n4(v);
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString t = QStringLiteral("10⁻");
    for (QChar c : QString::number(static_cast<int>(n))) t += digits[c.digitValue()];
    return t;
}

}  // namespace

CalculationCheckForm::CalculationCheckForm(QWidget* parent) : QWidget(parent) {
    m_what = new QComboBox(this);
    m_what->setObjectName(QStringLiteral("checkWhat"));
    for (int i = 0; i < 3; ++i) m_what->addItem(QString());
    m_picker = new WeightPicker(this);
    m_picker->setObjectName(QStringLiteral("checkPicker"));
    m_answer = new QLineEdit(this);
    m_answer->setObjectName(QStringLiteral("checkAnswer"));
    m_checkButton = new QPushButton(this);
    m_checkButton->setObjectName(QStringLiteral("checkButton"));
    m_hintsBox = new QCheckBox(this);
    m_hintsBox->setObjectName(QStringLiteral("checkHints"));
    m_hintsBox->setChecked(true);
    m_resultLabel = new QLabel(this);
    m_resultLabel->setObjectName(QStringLiteral("checkResult"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextFormat(Qt::RichText);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->addWidget(m_whatLabel = new QLabel(this), 0, 0);
    m_grid->addWidget(m_what, 0, 1, 1, 2);
    m_grid->addWidget(m_whereLabel = new QLabel(this), 1, 0);
    m_grid->addWidget(m_picker, 1, 1, 1, 2);
    m_grid->addWidget(m_answerLabel = new QLabel(this), 2, 0);
    m_grid->addWidget(m_answer, 2, 1);
    m_grid->addWidget(m_checkButton, 2, 2);
    m_grid->addWidget(m_hintsBox, 3, 0, 1, 3);
    m_grid->addWidget(m_resultLabel, 4, 0, 1, 3);
    m_grid->setColumnStretch(1, 1);
    m_grid->setRowStretch(5, 1);
    m_whatLabel->setBuddy(m_what);
    m_answerLabel->setBuddy(m_answer);

    connect(m_what, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto q = static_cast<bp::CheckQuantity>(i);
        if (q == bp::CheckQuantity::DeltaW) {
            const bp::WeightRef w = m_picker->weight();
            ask(q, w.layer, w.row, w.col);
        } else {
            ask(q, m_picker->nodeLayer(), m_picker->node());
        }
    });
    connect(m_picker, &WeightPicker::weightChanged, this,
            [this](bp::WeightRef w) { ask(bp::CheckQuantity::DeltaW, w.layer, w.row, w.col); });
    connect(m_picker, &WeightPicker::nodeChanged, this,
            [this](int layer, int node) { ask(m_quantity, layer, node); });
    connect(m_checkButton, &QPushButton::clicked, this, [this] { check(m_answer->text()); });
    connect(m_answer, &QLineEdit::returnPressed, this, [this] { check(m_answer->text()); });
    connect(m_hintsBox, &QCheckBox::toggled, this, [this](bool on) {
        setHints(on);
        emit hintsChanged(on);
    });

    m_picker->setNetwork(m_layers, m_bias);
    ask(m_quantity, 1, 0, 0);
    retranslateUi();
}

void CalculationCheckForm::setStep(const bp::PassValues& values, const std::vector<int>& layers,
                                   bool bias, double alpha) {
    const double before = m_checked ? value() : 0;
    m_values = values;
    m_alpha = alpha;
    if (layers != m_layers || bias != m_bias) {
        m_layers = layers;
        m_bias = bias;
        m_picker->setNetwork(m_layers, m_bias);
    }
    const bool keep = m_checked;
    ask(m_quantity, m_layer, m_row, m_col);  // clamped into this network
    // A check stays while its value is the same (a later phase of the same sample).
    if (keep && isAvailable() && value() == before) {
        m_checked = true;
        showResult();
    }
}

void CalculationCheckForm::setAvailable(const Available& a) {
    if (a == m_available) return;
    m_available = a;
    if (!isAvailable()) m_checked = false;
    showResult();
}

bool CalculationCheckForm::isAvailable() const {
    switch (m_quantity) {
        case bp::CheckQuantity::SampleError:
            return m_available.error;
        case bp::CheckQuantity::ActivationSlope:
            return m_layer <= m_available.slopeLayers;
        case bp::CheckQuantity::DeltaW:
            break;
    }
    return m_layer >= m_available.deltaFrom;
}

void CalculationCheckForm::setFirstIndex(int first) {
    m_first = first == 0 ? 0 : 1;
    m_picker->setFirstIndex(m_first);
    showResult();
}

void CalculationCheckForm::setTolerance(const bp::Tolerance& t) {
    m_tolerance = t;
    m_checked = false;  // a verdict under the old tolerance
    showResult();
}

void CalculationCheckForm::setStackedPicker(bool on) {
    m_picker->setStacked(on);
}

void CalculationCheckForm::ask(bp::CheckQuantity q, int layer, int row, int col) {
    m_quantity = q;
    const int L = static_cast<int>(m_layers.size()) - 1;
    if (q == bp::CheckQuantity::DeltaW) {
        m_picker->setMode(WeightPicker::Mode::Weight);
        m_picker->setWeight({layer, row, col});  // clamps
        const bp::WeightRef w = m_picker->weight();
        m_layer = w.layer;
        m_row = w.row;
        m_col = w.col;
    } else if (q == bp::CheckQuantity::ActivationSlope) {
        m_picker->setMode(WeightPicker::Mode::Node);
        m_picker->setNode(std::clamp(layer, 1, L), row);
        m_layer = m_picker->nodeLayer();
        m_row = m_picker->node();
    }
    m_checked = false;
    m_refused.clear();
    syncPicker();
    showResult();
}

void CalculationCheckForm::syncPicker() {
    const QSignalBlocker b(m_what);
    m_what->setCurrentIndex(static_cast<int>(m_quantity));
    const bool where = m_quantity != bp::CheckQuantity::SampleError;
    m_picker->setVisible(where);
    m_whereLabel->setVisible(where);
}

double CalculationCheckForm::value() const {
    try {
        switch (m_quantity) {
            case bp::CheckQuantity::SampleError:
                return bp::checkSampleError(m_values, 0).value;
            case bp::CheckQuantity::ActivationSlope:
                return bp::checkActivationSlope(m_values, m_layer, m_row, 0).value;
            case bp::CheckQuantity::DeltaW:
                break;
        }
        return bp::deltaWEntry(m_values, m_bias, {m_layer, m_row, m_col}, m_alpha);
    } catch (const std::invalid_argument&) {
        return std::numeric_limits<double>::quiet_NaN();  // not computed yet
    }
}

bool CalculationCheckForm::check(const QString& typed) {
    QString t = typed.trimmed();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    t.replace(QChar(0x2212), QLatin1Char('-'));  // a typed "−"
    bool ok = false;
    const double answer = t.toDouble(&ok);
    m_checked = false;
    if (!ok) {
        m_refused =
            tr("“%1” is not a number. Type it like 0.0123 or -1.2e-3.").arg(typed.toHtmlEscaped());
        showResult();
        emit answerChecked();
        return false;
    }
    if (!isAvailable()) {
        m_refused = waitingText();
        showResult();
        emit answerChecked();
        return false;
    }
    try {
        switch (m_quantity) {
            case bp::CheckQuantity::SampleError:
                m_result = bp::checkSampleError(m_values, answer, m_tolerance);
                break;
            case bp::CheckQuantity::ActivationSlope:
                m_result = bp::checkActivationSlope(m_values, m_layer, m_row, answer, m_tolerance);
                break;
            case bp::CheckQuantity::DeltaW:
                m_result = bp::checkDeltaW(m_values, m_bias, {m_layer, m_row, m_col}, m_alpha,
                                           answer, m_tolerance);
                break;
        }
    } catch (const std::invalid_argument&) {
        m_refused = waitingText();
        showResult();
        emit answerChecked();
        return false;
    }
    m_refused.clear();
    m_checked = true;
    showResult();
    emit answerChecked();
    return true;
}

void CalculationCheckForm::setHints(bool on) {
    m_hints = on;
    const QSignalBlocker b(m_hintsBox);
    m_hintsBox->setChecked(on);
    showResult();
}

void CalculationCheckForm::showResult() {
    m_resultLabel->setText(m_refused.isEmpty() ? resultText() : m_refused);
    const bool ready = isAvailable();
    m_checkButton->setEnabled(ready);
    m_answer->setEnabled(ready);
}

QString CalculationCheckForm::waitingText() const {
    if (isAvailable()) return {};
    switch (m_quantity) {
        case bp::CheckQuantity::SampleError:
            return tr(
                "Not computed yet: E is known once the forward pass reaches the output. "
                "Step on (→).");
        case bp::CheckQuantity::ActivationSlope:
            return tr(
                "Not computed yet: O(1 − O) of this layer is known once the forward pass "
                "reaches it. Step on (→).");
        case bp::CheckQuantity::DeltaW:
            break;
    }
    return tr(
        "Not computed yet: this ΔW needs the error of the layer the weight feeds, which is "
        "sent back later. Step on (→).");
}

QString CalculationCheckForm::factorName(bp::CheckFactor f) const {
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

QString CalculationCheckForm::mistakeText(const bp::CheckResult& r) const {
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
                .arg(r.otherIndex + m_first);
        case bp::Mistake::Transposed:
            return tr("row and column were swapped: that is the entry ΔW(%1, %2)")
                .arg(m_col + m_first)
                .arg(m_row + m_first);
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

QString CalculationCheckForm::resultText() const {
    if (!isAvailable()) return waitingText();
    if (!m_checked)
        return tr("Work it out from the values, type it in and press Check. Right means within "
                  "%1 % of the network's value (or ±%2 near 0).")
            .arg(m_tolerance.relative * 100)
            .arg(floorText(m_tolerance.absolute));
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

void CalculationCheckForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void CalculationCheckForm::retranslateUi() {
    {
        const QSignalBlocker b(m_what);
        m_what->setItemText(0, tr("E = Σ (t − o)² of the sample"));
        m_what->setItemText(1, tr("the slope O(1 − O) of a node"));
        m_what->setItemText(2, tr("one entry of ΔW"));
    }
    m_what->setToolTip(tr("What to work out by hand"));
    m_whatLabel->setText(tr("Work out:"));
    m_whereLabel->setText(tr("Where:"));
    m_answerLabel->setText(tr("Your answer:"));
    m_answer->setToolTip(tr("A number, like 0.0123"));
    m_answer->setPlaceholderText(tr("e.g. 0.0123"));
    m_checkButton->setText(tr("Check"));
    m_checkButton->setToolTip(tr("Compare your answer with the network's value"));
    m_hintsBox->setText(tr("Hints: name the slip and show the right value"));
    m_hintsBox->setToolTip(tr("Turn off for a test: the answer is then only marked right or not"));
    showResult();
}

}  // namespace bps
