// PredictPanel.cpp — mark grow / shrink for a neuron's weights, then see the stepper's ΔW.
#include "views/PredictPanel.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "backprop/Activation.h"
#include "backprop/Stepper.h"

namespace bps {

namespace {

constexpr int kGrowId = 1;    // button id of "grows" in a row's group
constexpr int kShrinkId = 2;  // and of "shrinks"
constexpr int kLowerId = 1;   // button id of "lower" in the error guess's group
constexpr int kHigherId = 2;  // and of "higher"

// A signed number of three significant digits: "+0.0123", "−4.5e-05".
QString signedNumber(double v) {
    const QString n = QString::number(std::abs(v), 'g', 3);
    if (v > 0) return QStringLiteral("+") + n;
    if (v < 0) return QStringLiteral("−") + n;
    return n;
}

PredictPanel::Guess guessOf(double delta) {
    if (delta > 0) return PredictPanel::Guess::Grow;
    if (delta < 0) return PredictPanel::Guess::Shrink;
    return PredictPanel::Guess::None;
}

}  // namespace

PredictPanel::PredictPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("predictPanel"));
    // The texts and the rows scroll together (a large presentation font makes them taller
    // than the dock); Reveal stays in view below them.
    auto* content = new QWidget;
    m_title = new QLabel(content);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_prompt = new QLabel(content);
    m_prompt->setObjectName(QStringLiteral("predictPrompt"));
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    m_rowsBox = new QWidget(content);
    m_grid = new QGridLayout(m_rowsBox);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_score = new QLabel(content);
    m_score->setObjectName(QStringLiteral("predictScore"));
    m_score->setWordWrap(true);
    m_score->setTextFormat(Qt::PlainText);
    m_column = new QVBoxLayout(content);
    m_column->setContentsMargins(0, 0, 0, 0);
    m_column->addWidget(m_title);
    m_column->addWidget(m_prompt);
    m_column->addWidget(m_rowsBox);
    m_column->addWidget(m_score);
    // Guess the new error: E of this sample after its update.
    m_errorBox = new QWidget(content);
    m_errorBox->setObjectName(QStringLiteral("predictError"));
    auto* eb = new QGridLayout(m_errorBox);
    eb->setContentsMargins(0, 6, 0, 0);
    m_errorTitle = new QLabel(m_errorBox);
    m_errorTitle->setFont(bold);
    m_errorPrompt = new QLabel(m_errorBox);
    m_errorPrompt->setObjectName(QStringLiteral("errorPrompt"));
    m_errorPrompt->setWordWrap(true);
    m_errorPrompt->setTextFormat(Qt::PlainText);
    auto* lower = new QPushButton(m_errorBox);
    lower->setObjectName(QStringLiteral("errorLower"));
    auto* higher = new QPushButton(m_errorBox);
    higher->setObjectName(QStringLiteral("errorHigher"));
    m_errorGroup = new QButtonGroup(m_errorBox);
    for (QPushButton* b : {lower, higher}) b->setCheckable(true);
    m_errorGroup->addButton(lower, kLowerId);
    m_errorGroup->addButton(higher, kHigherId);
    m_errorField = new QLineEdit(m_errorBox);
    m_errorField->setObjectName(QStringLiteral("errorGuess"));
    m_errorResult = new QLabel(m_errorBox);
    m_errorResult->setObjectName(QStringLiteral("errorResult"));
    m_errorResult->setWordWrap(true);
    m_errorResult->setTextFormat(Qt::PlainText);
    eb->addWidget(m_errorTitle, 0, 0, 1, 3);
    eb->addWidget(m_errorPrompt, 1, 0, 1, 3);
    eb->addWidget(lower, 2, 0);
    eb->addWidget(higher, 2, 1);
    eb->addWidget(m_errorField, 2, 2);
    eb->addWidget(m_errorResult, 3, 0, 1, 3);
    eb->setColumnStretch(2, 1);
    m_column->addWidget(m_errorBox);
    connect(m_errorGroup, &QButtonGroup::idClicked, this, [this](int id) {
        if (m_errorState != ErrorState::Guessing) return;
        m_errorGuess = id == kLowerId ? ErrorGuess::Lower : ErrorGuess::Higher;
    });
    connect(m_errorField, &QLineEdit::textEdited, this,
            [this](const QString& t) { setErrorValueGuess(t); });
    m_column->addStretch(1);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_reveal = new QPushButton(this);
    m_reveal->setObjectName(QStringLiteral("predictReveal"));
    connect(m_reveal, &QPushButton::clicked, this, &PredictPanel::revealRequested);

    auto* column = new QVBoxLayout(this);
    column->addWidget(m_scroll, 1);
    column->addWidget(m_reveal, 0, Qt::AlignLeft);
    evaluate();
}

void PredictPanel::setOn(bool on) {
    if (on == m_on) return;
    m_on = on;
    m_state = State::Off;
    evaluate();
}

void PredictPanel::setSnapshot(SnapshotPtr s) {
    m_snapshot = std::move(s);
    if (m_on) evaluate();  // off: nothing to do but keep the newest
}

void PredictPanel::setSelectedNeuron(int layer, int index) {
    if (layer == m_selLayer && index == m_selIndex) return;
    m_selLayer = layer;
    m_selIndex = index;
    if (m_state == State::Revealed) m_state = State::Waiting;  // a new neuron: its own turn
    if (m_on) evaluate();
}

void PredictPanel::evaluate() {
    evaluateError();
    showError();
    if (!m_on) {
        m_state = State::Off;
        if (!m_rows.empty()) clearRows();
        retranslateUi();
        return;
    }
    const Snapshot* s = m_snapshot.get();
    const bp::Phase predicted{bp::PhaseKind::Update, m_k};
    const bool sameSample = s && s->sample == m_sample && !s->playing;
    if (m_state == State::Predicting && sameSample && s->lastPhase == predicted) {
        reveal();
        return;
    }
    // The neuron whose update is next: the one clicked, else the one of largest |δ|.
    int k = -1, j = -1;
    if (s && !s->playing && s->nextPhase && s->nextPhase->kind == bp::PhaseKind::Update) {
        k = s->nextPhase->layer;
        const auto layer = static_cast<std::size_t>(k + 1);
        if (m_selLayer >= 1) {
            if (m_selLayer == k + 1 && m_selIndex >= 0 && m_selIndex < s->spec.layers[layer])
                j = m_selIndex;
        } else if (m_selLayer < 0 && layer < s->values.e.size() && layer < s->values.o.size() &&
                   s->values.e[layer].size() > 0 &&
                   s->values.e[layer].size() == s->values.o[layer].size()) {
            // Largest |δ_j| = |e_j · f′(o_j)|: the neuron the maths panel shows after the update.
            const bp::Activation f =
                k + 1 == s->spec.weightLayers() ? s->spec.output : s->spec.hidden;
            double best = -1;
            for (Eigen::Index i = 0; i < s->values.e[layer].size(); ++i) {
                const double d =
                    std::abs(s->values.e[layer](i) * bp::slopeFromOutput(f, s->values.o[layer](i)));
                if (d > best) {
                    best = d;
                    j = static_cast<int>(i);
                }
            }
        }
    }
    if (j >= 0) {
        if (m_state == State::Predicting && sameSample && k == m_k && j == m_j) return;
        startPrediction(k, j);
        return;
    }
    if (m_state == State::Revealed && s && !s->playing) return;  // shown until the next turn
    m_state = State::Waiting;
    if (!m_rows.empty()) clearRows();  // while Play runs: nothing rebuilt, 60 times a second
    retranslateUi();
}

void PredictPanel::clearRows() {
    m_rows.clear();
    QWidget* box = new QWidget(m_rowsBox->parentWidget());
    delete m_column->replaceWidget(m_rowsBox, box);  // the layout item is ours to delete
    delete m_rowsBox;                                // the rows' widgets with it
    m_rowsBox = box;
    m_grid = new QGridLayout(m_rowsBox);
    m_grid->setContentsMargins(0, 0, 0, 0);
}

void PredictPanel::startPrediction(int k, int j) {
    clearRows();
    const Snapshot& s = *m_snapshot;
    const auto ku = static_cast<std::size_t>(k);
    const bp::Matrix& W = s.weights[ku];  // n_{k+1} × (n_k + bias), before the update
    const bp::Vector& o = s.values.o[ku];
    m_k = k;
    m_j = j;
    m_sample = s.sample;
    m_layers = s.spec.weightLayers();
    m_inputs = static_cast<int>(o.size());
    m_errorJ = s.values.e[ku + 1](j);
    // o_k(c), with 1 for the bias column.
    auto input = [&](int c) { return c < m_inputs ? o(c) : 1.0; };
    std::vector<int> cols(static_cast<std::size_t>(W.cols()));
    std::iota(cols.begin(), cols.end(), 0);
    if (W.cols() > kSmallRow) {
        // The largest contributions |w_jc · o_c| to x_j (ties: the lower index first).
        std::stable_sort(cols.begin(), cols.end(), [&](int a, int b) {
            return std::abs(W(j, a) * input(a)) > std::abs(W(j, b) * input(b));
        });
        cols.resize(kOfferedWeights);
    }
    for (int c : cols) {
        Row r;
        r.column = c;
        r.weight = W(j, c);
        r.input = input(c);
        m_rows.push_back(r);
    }
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        Row& r = m_rows[i];
        const int row = static_cast<int>(i);
        auto* name = new QLabel(m_rowsBox);
        auto* grow = new QPushButton(m_rowsBox);
        auto* shrink = new QPushButton(m_rowsBox);
        grow->setObjectName(QStringLiteral("grow%1").arg(row));
        shrink->setObjectName(QStringLiteral("shrink%1").arg(row));
        for (QPushButton* b : {grow, shrink}) b->setCheckable(true);
        r.group = new QButtonGroup(m_rowsBox);
        r.group->addButton(grow, kGrowId);
        r.group->addButton(shrink, kShrinkId);
        r.result = new QLabel(m_rowsBox);
        r.result->setObjectName(QStringLiteral("result%1").arg(row));
        connect(r.group, &QButtonGroup::idClicked, this, [this, row](int id) {
            if (m_state != State::Predicting) return;
            m_rows[static_cast<std::size_t>(row)].guess =
                id == kGrowId ? Guess::Grow : Guess::Shrink;
            retranslateUi();
        });
        m_grid->addWidget(name, row, 0);
        // The name and w wrap onto two lines where the dock is narrow (presentation mode).
        name->setWordWrap(true);
        r.result->setWordWrap(true);
        m_grid->addWidget(grow, row, 1);
        m_grid->addWidget(shrink, row, 2);
        m_grid->addWidget(r.result, row, 1, 1, 2);  // in the buttons' place once revealed
        r.result->hide();
    }
    // 3 : 4 of the width for the name and for the buttons (or the result in their place).
    m_grid->setColumnStretch(0, 3);
    m_grid->setColumnStretch(1, 2);
    m_grid->setColumnStretch(2, 2);
    m_state = State::Predicting;
    retranslateUi();
}

void PredictPanel::reveal() {
    const Snapshot& s = *m_snapshot;
    const auto ku = static_cast<std::size_t>(m_k);
    const bp::Vector& delta = s.values.delta[ku + 1];
    m_deltaJ = delta(m_j);
    m_rate = s.learningRate;
    const bool kept = ku < s.values.dW.size() && s.values.dW[ku].rows() == s.weights[ku].rows() &&
                      s.values.dW[ku].cols() == s.weights[ku].cols();
    for (Row& r : m_rows) {
        // The ΔW the stepper applied; without it, α·δ_j·o_c from the same values.
        r.delta = kept ? s.values.dW[ku](m_j, r.column) : m_rate * m_deltaJ * r.input;
    }
    m_state = State::Revealed;
    retranslateUi();
    m_scroll->verticalScrollBar()->setValue(0);  // the first rows, the largest, first
}

double PredictPanel::newErrorOf(const Snapshot& s) {
    bp::Network net(s.spec);
    for (int k = 0; k < s.spec.weightLayers(); ++k)
        net.setWeights(k, s.weights[static_cast<std::size_t>(k)]);
    bp::PassValues v;
    net.explain(s.values.o[0], s.values.target, v);  // forward, E = Σ(T − O)², no update
    return v.error;
}

void PredictPanel::evaluateError() {
    const Snapshot* s = m_snapshot.get();
    const bool stepping = m_on && s && !s->playing && s->sample >= 0 && s->lastPhase;
    if (!stepping) {
        m_errorState = ErrorState::Closed;
        m_errorSample = -1;
        return;
    }
    const int L = s->spec.weightLayers();
    const std::vector<bp::Phase> phases = bp::phasesOf(L);
    const auto at = [&](const bp::Phase& p) {
        return std::find(phases.begin(), phases.end(), p) - phases.begin();
    };
    const bp::Phase last{bp::PhaseKind::Update, 0};
    const bool same = s->sample == m_errorSample;
    if (*s->lastPhase == last) {
        if (m_errorState == ErrorState::Guessing && same) {  // the sample's last update ran
            m_errorAfter = newErrorOf(*s);
            m_errorState = ErrorState::Revealed;
        } else if (!(m_errorState == ErrorState::Revealed && same)) {
            m_errorState = ErrorState::Closed;
        }
        return;
    }
    if (at(*s->lastPhase) >= at({bp::PhaseKind::OutputError, L})) {
        if (m_errorState == ErrorState::Guessing && same) return;  // the guess goes on
        m_errorState = ErrorState::Guessing;
        m_errorSample = s->sample;
        m_errorBefore = s->values.error;
        m_errorGuess = ErrorGuess::None;
        m_errorValue.reset();
        m_errorField->clear();
        m_errorGroup->setExclusive(false);  // so that no button is left checked
        for (QAbstractButton* b : m_errorGroup->buttons()) b->setChecked(false);
        m_errorGroup->setExclusive(true);
        return;
    }
    if (!(m_errorState == ErrorState::Revealed && same)) m_errorState = ErrorState::Closed;
}

void PredictPanel::setErrorGuess(ErrorGuess g) {
    if (m_errorState != ErrorState::Guessing) return;
    m_errorGuess = g;
    if (g != ErrorGuess::None)
        if (QAbstractButton* b =
                m_errorGroup->button(g == ErrorGuess::Lower ? kLowerId : kHigherId))
            b->setChecked(true);
}

bool PredictPanel::setErrorValueGuess(const QString& text) {
    if (m_errorState != ErrorState::Guessing) return false;
    QString t = text.trimmed();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    if (m_errorField->text() != text) m_errorField->setText(text);
    if (t.isEmpty()) {
        m_errorValue.reset();
        return true;
    }
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v)) {
        m_errorValue.reset();
        return false;
    }
    m_errorValue = v;
    return true;
}

QString PredictPanel::errorText() const {
    return m_errorResult->text();
}

void PredictPanel::showError() {
    m_errorBox->setVisible(m_errorState != ErrorState::Closed);
    m_errorTitle->setText(tr("Guess the new error"));
    auto* lower = m_errorGroup->button(kLowerId);
    auto* higher = m_errorGroup->button(kHigherId);
    lower->setText(tr("▼ lower"));
    lower->setToolTip(tr("E of this sample will be lower after the update"));
    higher->setText(tr("▲ higher"));
    higher->setToolTip(tr("E of this sample will be higher after the update"));
    m_errorField->setPlaceholderText(tr("new E (optional)"));
    m_errorField->setToolTip(tr("Your guess of E = Σ(T − O)² of this sample after the update"));
    const bool guessing = m_errorState == ErrorState::Guessing;
    lower->setEnabled(guessing);
    higher->setEnabled(guessing);
    m_errorField->setEnabled(guessing);
    const QString before = QString::number(m_errorBefore, 'g', 4);
    if (m_errorState == ErrorState::Guessing) {
        m_errorPrompt->setText(
            tr("E = Σ(T − O)² of this sample is %1 now. After the update, will E of this same "
               "sample be lower or higher? You may type the new E too. Step on to the end of "
               "the sample (→, or Step sample) to see it.")
                .arg(before));
        m_errorResult->clear();
        return;
    }
    if (m_errorState != ErrorState::Revealed) return;
    m_errorPrompt->setText(tr("E of this sample was %1 before the update.").arg(before));
    const double d = m_errorAfter - m_errorBefore;
    QString t = tr("New E = %1: the same sample through the updated weights (a forward pass).")
                    .arg(QString::number(m_errorAfter, 'g', 4));
    t += QLatin1Char(' ') + (d <= 0 ? tr("It went down by %1.") : tr("It went up by %1."))
                                .arg(QString::number(std::abs(d), 'g', 3));
    if (m_errorGuess != ErrorGuess::None) {
        const bool right = (m_errorGuess == ErrorGuess::Lower) == (d <= 0);
        t += QLatin1Char('\n') +
             (right ? tr("Your guess, %1: right ✓") : tr("Your guess, %1: wrong ✗"))
                 .arg(m_errorGuess == ErrorGuess::Lower ? tr("lower") : tr("higher"));
    } else {
        t += QLatin1Char('\n') + tr("You did not guess lower or higher.");
    }
    if (m_errorValue)
        t += QLatin1Char('\n') +
             tr("Your new E, %1, is off by %2.")
                 .arg(QString::number(*m_errorValue, 'g', 4),
                      QString::number(std::abs(*m_errorValue - m_errorAfter), 'g', 3));
    m_errorResult->setText(t);
}

std::vector<int> PredictPanel::columns() const {
    std::vector<int> c;
    for (const Row& r : m_rows) c.push_back(r.column);
    return c;
}

void PredictPanel::setGuess(int row, Guess g) {
    if (m_state != State::Predicting || row < 0 || row >= static_cast<int>(m_rows.size())) return;
    Row& r = m_rows[static_cast<std::size_t>(row)];
    if (QAbstractButton* b = r.group->button(g == Guess::Grow ? kGrowId : kShrinkId))
        b->setChecked(g != Guess::None);
    r.guess = g;
    retranslateUi();
}

PredictPanel::Guess PredictPanel::guess(int row) const {
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return Guess::None;
    return m_rows[static_cast<std::size_t>(row)].guess;
}

std::optional<double> PredictPanel::revealedDelta(int row) const {
    if (row < 0 || row >= static_cast<int>(m_rows.size())) return std::nullopt;
    return m_rows[static_cast<std::size_t>(row)].delta;
}

int PredictPanel::rightCount() const {
    int n = 0;
    for (const Row& r : m_rows)
        if (r.delta && r.guess != Guess::None && r.guess == guessOf(*r.delta)) ++n;
    return n;
}

int PredictPanel::markedCount() const {
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(),
                                          [](const Row& r) { return r.guess != Guess::None; }));
}

std::vector<int> PredictPanel::wrongRows() const {
    std::vector<int> wrong;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows[i];
        if (r.delta && r.guess != Guess::None && r.guess != guessOf(*r.delta))
            wrong.push_back(static_cast<int>(i));
    }
    return wrong;
}

QString PredictPanel::layerName(int layer) const {
    if (layer == 0) return tr("input");
    if (layer == m_layers) return tr("output");
    if (m_layers == 2) return tr("hidden");
    return tr("hidden %1").arg(layer);
}

QString PredictPanel::weightName(int column) const {
    if (column >= m_inputs) return tr("bias");
    const Snapshot* s = m_snapshot.get();
    if (m_k == 0 && s && s->imageWidth > 0 && s->imageWidth * s->imageHeight == m_inputs)
        return tr("from pixel (row %1, column %2)")
            .arg(column / s->imageWidth)
            .arg(column % s->imageWidth);
    return tr("from %1 neuron %2").arg(layerName(m_k)).arg(column);
}

QString PredictPanel::shortName(int column) const {
    if (column >= m_inputs) return tr("bias");
    const Snapshot* s = m_snapshot.get();
    if (m_k == 0 && s && s->imageWidth > 0 && s->imageWidth * s->imageHeight == m_inputs)
        return tr("pixel (%1, %2)").arg(column / s->imageWidth).arg(column % s->imageWidth);
    return tr("%1 %2").arg(layerName(m_k)).arg(column);
}

QString PredictPanel::scoreText() const {
    return m_score->text();
}

void PredictPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void PredictPanel::showRows() {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& r = m_rows[i];
        const int row = static_cast<int>(i);
        auto* name = qobject_cast<QLabel*>(m_grid->itemAtPosition(row, 0)->widget());
        name->setText(tr("%1: w = %2").arg(shortName(r.column), QString::number(r.weight, 'f', 4)));
        name->setToolTip(
            tr("%1, input o = %2").arg(weightName(r.column), QString::number(r.input, 'g', 3)));
        QAbstractButton* grow = r.group->button(kGrowId);
        QAbstractButton* shrink = r.group->button(kShrinkId);
        grow->setText(QStringLiteral("▲"));
        grow->setToolTip(tr("This weight will grow: ΔW > 0"));
        shrink->setText(QStringLiteral("▼"));
        shrink->setToolTip(tr("This weight will shrink: ΔW < 0"));
        grow->setVisible(!r.delta);
        shrink->setVisible(!r.delta);
        r.result->setVisible(r.delta.has_value());
        if (!r.delta) {
            r.result->clear();
            continue;
        }
        const double d = *r.delta;
        QString text;
        if (d == 0) {
            text = tr("ΔW = 0: unchanged");
        } else if (r.guess == Guess::None) {
            text = tr("ΔW = %1 (not marked)").arg(signedNumber(d));
        } else {
            // The mark, then the real ΔW, then ✓ or ✗: "▲ ΔW = +0.0123 ✓".
            const QString mark =
                r.guess == Guess::Grow ? QStringLiteral("▲ ") : QStringLiteral("▼ ");
            text = mark +
                   (r.guess == guessOf(d) ? tr("ΔW = %1 ✓") : tr("ΔW = %1 ✗")).arg(signedNumber(d));
        }
        r.result->setText(text);
    }
}

void PredictPanel::retranslateUi() {
    showError();
    m_title->setText(tr("Predict before reveal"));
    m_reveal->setText(tr("Reveal: run the update (→)"));
    m_reveal->setToolTip(tr("Runs the weight update (Step phase) and scores the predictions"));
    m_reveal->setVisible(m_state == State::Predicting);
    m_rowsBox->setVisible(!m_rows.empty());
    const Snapshot* s = m_snapshot.get();
    switch (m_state) {
        case State::Off:
            m_prompt->setText(
                tr("Off. Turn on Training ▸ Predict before reveal to guess each "
                   "update before it is shown."));
            m_score->clear();
            break;
        case State::Waiting:
            if (!s || s->playing || !s->nextPhase) {
                m_prompt->setText(
                    tr("Pause and step phase by phase (Step phase, →). Before a "
                       "weight update runs, you mark here whether each weight of "
                       "the neuron will grow or shrink."));
            } else if (m_selLayer == 0) {
                m_prompt->setText(
                    tr("An input neuron has no incoming weights: click a hidden "
                       "or output neuron."));
            } else if (m_selLayer > 0) {
                m_prompt->setText(tr("Step on (→): the weights into the neuron you clicked "
                                     "(layer %1, neuron %2) are offered when their update is "
                                     "next.")
                                      .arg(m_selLayer)
                                      .arg(m_selIndex));
            } else {
                m_prompt->setText(
                    tr("Step on (→): before each weight update, the weights into the neuron "
                       "with the largest δ = e·f′(o) (its error times its slope) are offered "
                       "(click a neuron to choose another)."));
            }
            m_score->clear();
            break;
        case State::Predicting: {
            const int total =
                s ? static_cast<int>(s->weights[static_cast<std::size_t>(m_k)].cols()) : 0;
            QString p = tr("Next: the update of W%1. Will each weight into %2 neuron %3 "
                           "(error e = %4) grow ▲ (ΔW > 0) or shrink ▼ (ΔW < 0)?")
                            .arg(m_k)
                            .arg(layerName(m_k + 1))
                            .arg(m_j)
                            .arg(signedNumber(m_errorJ));
            if (static_cast<int>(m_rows.size()) < total)
                p += QLatin1Char(' ') + tr("The %1 of its %2 weights that add most (|w·o|) to "
                                           "its input:")
                                            .arg(m_rows.size())
                                            .arg(total);
            m_prompt->setText(p);
            m_score->setText(tr("%1 of %2 marked").arg(markedCount()).arg(m_rows.size()));
            break;
        }
        case State::Revealed: {
            m_prompt->setText(tr("The update ran: ΔW = α · δ · o, with δ = e · f′(o) = %1 and "
                                 "α = %2. A weight grows where δ and its input o have the same "
                                 "sign; the larger |o|, the larger the change.")
                                  .arg(signedNumber(m_deltaJ))
                                  .arg(QString::number(m_rate, 'g', 4)));
            int scored = 0;
            for (const Row& r : m_rows)
                if (r.delta && *r.delta != 0) ++scored;
            QString t = tr("%1 of %2 right").arg(rightCount()).arg(scored);
            const int unmarked = static_cast<int>(m_rows.size()) - markedCount();
            if (unmarked > 0) t += tr(" (%n not marked)", nullptr, unmarked);
            QStringList wrong;
            for (int i : wrongRows()) {
                const Row& r = m_rows[static_cast<std::size_t>(i)];
                wrong << tr("%1: ΔW = %2").arg(weightName(r.column), signedNumber(*r.delta));
            }
            if (!wrong.isEmpty())
                t += QLatin1Char('\n') + tr("Wrong: %1").arg(wrong.join(QStringLiteral("; ")));
            m_score->setText(t);
            break;
        }
    }
    showRows();
}

}  // namespace bps
