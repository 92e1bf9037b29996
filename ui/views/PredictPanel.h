// PredictPanel.h — "Predict before reveal" while stepping (issue 13): before the selected
// neuron's weight update runs, the student marks, for each incoming weight offered, whether it
// will grow (ΔW > 0) or shrink (ΔW < 0); the update's snapshot then reveals the real ΔW of each
// (the stepper's dW, kept in the snapshot), the count of right predictions and which were wrong.
//
// Which neuron: the one clicked in the network view (NetworkView::neuronSelected) when it is in
// a hidden or the output layer; with none clicked, the neuron of the layer about to be updated
// with the largest |δ| = |e·f′(o)| (the one the maths panel then shows). Which weights: all of the
// neuron's incoming weights (and its bias) when there are at most kSmallRow of them (the book's
// 3-3-3, a hidden layer of a few); else the kOfferedWeights with the largest contributions |w·o| to
// its input, the terms the maths panel lists — a subset a class can mark in a minute.
//
// Numbers (shapes as in Network.h, neuron j of layer k+1, column c of W_k):
//   ΔW_k(j, c) = α · e_{k+1}(j) · f′(o_{k+1}(j)) · o_k(c)   (o_k(c) = 1 for the bias)
// The sign of ΔW, and so the answer, is the sign of δ_j = e_j·f′ times the sign of o_k(c).
// Every number shown comes from the snapshot (the core's stepper); the panel only compares signs.
//
// Guess the new error: once the sample's error E = Σ(T − O)² is known (the output error phase
// has run) and before its last update, the student guesses whether E of this same sample will be
// lower or higher after the update, and may type the new E. When the sample's last update has
// run, the real new E is revealed: the core's forward pass of the same sample through the
// updated weights (bp::Network::explain on the snapshot's weights, newErrorOf).
#pragma once

#include <QString>
#include <QWidget>
#include <optional>
#include <vector>

#include "training/Snapshot.h"

class QButtonGroup;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace bps {

class PredictPanel : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kSmallRow = 12;       // up to this many incoming weights: all offered
    static constexpr int kOfferedWeights = 8;  // offered for a larger neuron

    enum class Guess { None, Grow, Shrink };
    enum class ErrorGuess { None, Lower, Higher };  // E of the sample after the update
    // Off; Closed: no sample whose E is known and not yet updated; Guessing; Revealed.
    enum class ErrorState { Closed, Guessing, Revealed };
    // Off: the mode is off; Waiting: no update of the chosen neuron is next; Predicting: its
    // update is next, the marks can be set; Revealed: the update ran, the marks are scored.
    enum class State { Off, Waiting, Predicting, Revealed };

    explicit PredictPanel(QWidget* parent = nullptr);

    void setOn(bool on);  // off by default (the window remembers the choice)
    bool isOn() const { return m_on; }
    State state() const { return m_state; }

    // --- what is offered and what was found (tests, the score line) ---
    int weightLayer() const { return m_k; }  // k of the W_k being predicted (−1: none)
    int neuron() const { return m_j; }       // j, the row of W_k
    std::vector<int> columns() const;        // the columns c offered, in the order shown
    void setGuess(int row, Guess g);         // as clicking ▲ / ▼ on that row does
    Guess guess(int row) const;
    std::optional<double> revealedDelta(int row) const;  // the real ΔW(j, c) once revealed
    int rightCount() const;                              // revealed marks with ΔW's sign
    int markedCount() const;                             // rows marked (of columns().size())
    std::vector<int> wrongRows() const;                  // marked rows whose sign was wrong
    QString scoreText() const;                           // the score line as shown

    // --- guess the new error ---
    ErrorState errorState() const { return m_errorState; }
    void setErrorGuess(ErrorGuess g);  // as clicking "lower" / "higher"
    ErrorGuess errorGuess() const { return m_errorGuess; }
    // The typed guess of the new E ("0.12", "0,12"); empty text: none. False if not a number.
    bool setErrorValueGuess(const QString& text);
    double errorBefore() const { return m_errorBefore; }  // E of the sample before the update
    double errorAfter() const { return m_errorAfter; }    // the new E, once revealed
    QString errorText() const;                            // the reveal line as shown
    // E = Σ(T − O)² of the snapshot's sample (o[0], target) through the snapshot's weights: the
    // core's forward pass (Network::explain).
    static double newErrorOf(const Snapshot& s);

  public slots:
    void setSnapshot(bps::SnapshotPtr s);
    void setSelectedNeuron(int layer, int index);

  signals:
    void revealRequested();  // "Reveal": run the update (Step phase)

  protected:
    void changeEvent(QEvent* event) override;  // LanguageChange → retranslateUi()

  private:
    struct Row {
        int column = 0;                 // c in W_k
        double weight = 0;              // w before the update
        double input = 0;               // o_k(c) (1 for the bias)
        Guess guess = Guess::None;      // the student's mark
        std::optional<double> delta;    // the real ΔW(j, c), once revealed
        QButtonGroup* group = nullptr;  // ▲ / ▼ buttons (ids 1 = grow, 2 = shrink)
        QLabel* result = nullptr;       // the revealed ΔW and ✓ / ✗
    };
    void retranslateUi();
    void evaluate();                     // the state for m_snapshot and the selection
    void startPrediction(int k, int j);  // rows for neuron j of W_k from m_snapshot
    void reveal();                       // m_snapshot ran the update: score the marks
    void clearRows();
    void showRows();                       // (re)writes the rows' texts
    void evaluateError();                  // the error guess's state for m_snapshot
    void showError();                      // its texts
    QString weightName(int column) const;  // "from input 407", "bias"
    QString shortName(int column) const;   // "hidden 7", "pixel (14, 15)", "bias"
    QString layerName(int layer) const;

    bool m_on = false;                     // the mode is on
    State m_state = State::Off;            // see State
    SnapshotPtr m_snapshot;                // the newest one
    int m_selLayer = -1, m_selIndex = -1;  // neuron clicked in the network view
    int m_k = -1, m_j = -1;                // the weight layer and neuron predicted
    long m_sample = -1;                    // the sample predicted on
    int m_layers = 0;                      // weight layers of the predicted network
    int m_inputs = 0;                      // n_k of the predicted W_k (the bias is column n_k)
    double m_deltaJ = 0, m_errorJ = 0;     // δ_j and e_j, revealed
    double m_rate = 0;                     // α of the revealed update
    std::vector<Row> m_rows;               // the weights offered
    ErrorState m_errorState = ErrorState::Closed;
    ErrorGuess m_errorGuess = ErrorGuess::None;
    long m_errorSample = -1;                     // the sample whose new E is guessed
    double m_errorBefore = 0, m_errorAfter = 0;  // E before and after its update
    std::optional<double> m_errorValue;          // the typed guess of the new E

    QVBoxLayout* m_column = nullptr;       // the panel's layout
    QLabel* m_title = nullptr;             // "Predict before reveal"
    QLabel* m_prompt = nullptr;            // what to do now
    QScrollArea* m_scroll = nullptr;       // the rows
    QWidget* m_rowsBox = nullptr;          // their container
    QGridLayout* m_grid = nullptr;         // name, w, ▲, ▼, result
    QLabel* m_score = nullptr;             // "5 of 8 right", which were wrong
    QPushButton* m_reveal = nullptr;       // run the update
    QWidget* m_errorBox = nullptr;         // guess the new error
    QLabel* m_errorTitle = nullptr;        // "Guess the new error"
    QLabel* m_errorPrompt = nullptr;       // E now, and the question ("errorPrompt")
    QButtonGroup* m_errorGroup = nullptr;  // lower (1) / higher (2)
    QLineEdit* m_errorField = nullptr;     // the typed new E ("errorGuess")
    QLabel* m_errorResult = nullptr;       // the reveal ("errorResult")
};

}  // namespace bps
