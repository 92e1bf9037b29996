// CheckPanel.cpp — the shared calculation check on the studio's current step.
#include "views/CheckPanel.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "backprop/Stepper.h"

namespace bps {

CheckPanel::CheckPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("checkPanel"));
    auto* content = new QWidget;
    m_title = new QLabel(content);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_prompt = new QLabel(content);
    m_prompt->setObjectName(QStringLiteral("checkPrompt"));
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    m_form = new CalculationCheckForm(content);
    m_form->setFirstIndex(0);  // as the network view and the maths panel count
    m_form->setTolerance({kRelative, kAbsolute});
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_title);
    column->addWidget(m_prompt);
    column->addWidget(m_form);
    column->addStretch(1);
    // A large presentation font makes the form taller than the dock: it scrolls.
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The verdict in view once an answer is checked (a presentation font makes the form scroll).
    // The layout gives the new text its height a few posted events later: follow the scroll
    // range while it grows, for a moment.
    auto showResult = [this] {
        if (!m_followResult) return;
        if (auto* r = m_form->findChild<QWidget*>(QStringLiteral("checkResult")))
            m_scroll->ensureWidgetVisible(r, 0, 4);
    };
    connect(m_scroll->verticalScrollBar(), &QScrollBar::rangeChanged, this, showResult);
    connect(m_form, &CalculationCheckForm::answerChecked, this, [this, showResult] {
        m_followResult = true;
        showResult();
        QTimer::singleShot(250, this, [this] { m_followResult = false; });
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll);
    evaluate();
}

void CheckPanel::setOn(bool on) {
    if (on == m_on) return;
    m_on = on;
    evaluate();
}

void CheckPanel::setSnapshot(SnapshotPtr s) {
    m_snapshot = std::move(s);
    if (m_on) evaluate();  // off: nothing to do but keep the newest
}

void CheckPanel::setSelectedNeuron(int layer, int index) {
    if (layer < 1 || index < 0) return;  // an input neuron, or none: nothing to check
    if (m_form->quantity() == bp::CheckQuantity::DeltaW)
        m_form->ask(bp::CheckQuantity::DeltaW, layer - 1, index, m_form->col());
    else
        m_form->ask(bp::CheckQuantity::ActivationSlope, layer, index);
}

void CheckPanel::setSelectedWeight(int k, int row, int col) {
    m_form->ask(bp::CheckQuantity::DeltaW, k, row, col);
}

CalculationCheckForm::Available CheckPanel::availableIn(const Snapshot& s) {
    CalculationCheckForm::Available a;
    const int L = s.spec.weightLayers();
    if (!s.lastPhase) return a;  // a whole step, shown and not taken
    const std::vector<bp::Phase> phases = bp::phasesOf(L);
    auto at = [&](const bp::Phase& p) {
        return static_cast<int>(std::find(phases.begin(), phases.end(), p) - phases.begin());
    };
    const int done = at(*s.lastPhase);  // phases 0 … done have run
    a.error = done >= at({bp::PhaseKind::Forward, L - 1});
    a.slopeLayers = 0;
    for (int m = 1; m <= L; ++m)
        if (done >= at({bp::PhaseKind::Forward, m - 1})) a.slopeLayers = m;
    a.deltaFrom = L;
    for (int k = L - 1; k >= 0; --k) {
        // e of layer k+1: the output error for the last W, else sent back through W_{k+1}.
        const bp::Phase needs = k == L - 1 ? bp::Phase{bp::PhaseKind::OutputError, L}
                                           : bp::Phase{bp::PhaseKind::BackError, k + 1};
        if (done >= at(needs)) a.deltaFrom = k;
    }
    return a;
}

void CheckPanel::evaluate() {
    const Snapshot* s = m_snapshot.get();
    if (!m_on)
        m_state = State::Off;
    else if (!s || s->sample < 0 || s->values.o.empty() || s->values.target.size() == 0)
        m_state = State::NoSample;
    else if (s->playing)
        m_state = State::Playing;
    else if (s->spec.hidden != bp::Activation::Sigmoid || s->spec.output != bp::Activation::Sigmoid)
        m_state = State::NotSigmoid;
    else
        m_state = State::Ready;
    if (m_state == State::Ready) {
        m_form->setStep(s->values, s->spec.layers, s->spec.bias, s->learningRate);
        m_form->setAvailable(availableIn(*s));
    }
    m_form->setEnabled(m_state == State::Ready);
    retranslateUi();
}

QString CheckPanel::promptText() const {
    return m_prompt->text();
}

void CheckPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void CheckPanel::retranslateUi() {
    m_title->setText(tr("Check my calculation"));
    const Snapshot* s = m_snapshot.get();
    switch (m_state) {
        case State::Off:
            m_prompt->setText(
                tr("Off. Turn on Training ▸ Check my calculation to work out a value of this "
                   "step by hand and have it checked."));
            break;
        case State::NoSample:
            m_prompt->setText(tr("Load a training set and step a sample (Step phase, →)."));
            break;
        case State::Playing:
            m_prompt->setText(
                tr("Pause and step phase by phase (Step phase, →): then work out E, a slope "
                   "O(1 − O) or one ΔW of the sample by hand and check it here."));
            break;
        case State::NotSigmoid:
            m_prompt->setText(
                tr("The check knows the sigmoid's slope o(1 − o) only: choose the sigmoid "
                   "activation (the book's) under Network to use it."));
            break;
        case State::Ready:
            m_prompt->setText(tr("Sample %1 (label %2), α = %3. Click a connection (its ΔW) or a "
                                 "neuron (its slope), or pick below. Nodes count from 0.")
                                  .arg(s->sample)
                                  .arg(s->label)
                                  .arg(QString::number(s->learningRate, 'g', 4)));
            m_prompt->setToolTip(
                tr("The values to work with are in the network view's tooltips and the maths "
                   "panel"));
            break;
    }
}

}  // namespace bps
