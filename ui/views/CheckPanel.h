// CheckPanel.h — "Check my calculation" in the studio (issue 13), on the studio's own network
// (the book's 3-3-3 or MNIST 784-100-10) while stepping: the student picks E of the sample, the
// slope O(1 − O) of a node or one ΔW entry — or clicks a connection (that ΔW) or a neuron (its
// slope, or a ΔW into it) in the network view —, works it out from the values the network view
// and the maths panel show, and types it in. The shared CalculationCheckForm checks it with the
// core (bp::CalculationCheck) against the snapshot's values: what the phases run so far have
// computed, and nothing else (E after the forward pass, a layer's slope once the pass reached it,
// ΔW of W_k once the error of layer k+1 is known). Off by default; the window's
// Training ▸ Check my calculation turns it on, a button beside Predict.
//
// Tolerance: 1 % of the value, or kAbsolute near 0 (MNIST's ΔW entries are often 10⁻⁵; the
// lesson's floor of 10⁻⁶ would let a sign slip through there).
#pragma once

#include <QWidget>

#include "training/Snapshot.h"
#include "views/CalculationCheckForm.h"

class QLabel;
class QScrollArea;

namespace bps {

class CheckPanel : public QWidget {
    Q_OBJECT
  public:
    static constexpr double kRelative = 0.01;
    static constexpr double kAbsolute = 1e-9;

    // Off; Playing (values change too fast); NoSample; NotSigmoid (the check knows o(1 − o)
    // only); Ready (the form works on the snapshot's step).
    enum class State { Off, NoSample, Playing, NotSigmoid, Ready };

    explicit CheckPanel(QWidget* parent = nullptr);

    void setOn(bool on);  // off by default (the window remembers the choice)
    bool isOn() const { return m_on; }
    State state() const { return m_state; }
    CalculationCheckForm* form() const { return m_form; }
    QString promptText() const;
    // What a snapshot's phases have computed of its step (everything when it has no phase: a
    // whole step shown, not taken).
    static CalculationCheckForm::Available availableIn(const Snapshot& s);

  public slots:
    void setSnapshot(bps::SnapshotPtr s);
    // A neuron clicked in the network view: the slope of it, or a ΔW into it (as asked now).
    void setSelectedNeuron(int layer, int index);
    // A connection clicked: ΔW of W_k(row, col).
    void setSelectedWeight(int k, int row, int col);

  protected:
    void changeEvent(QEvent* event) override;  // LanguageChange → retranslateUi()

  private:
    void evaluate();
    void retranslateUi();

    bool m_on = false;
    State m_state = State::Off;
    SnapshotPtr m_snapshot;
    QLabel* m_title = nullptr;
    QLabel* m_prompt = nullptr;  // "checkPrompt"
    CalculationCheckForm* m_form = nullptr;
    QScrollArea* m_scroll = nullptr;
    bool m_followResult = false;  // an answer was just checked: keep its verdict in view
};

}  // namespace bps
