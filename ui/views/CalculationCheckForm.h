// CalculationCheckForm.h — "Check my calculation" (issue 13), the one form of it: the student
// picks E of the sample, the slope O(1 − O) of a node or one ΔW entry (WeightPicker), types the
// value worked out by hand and presses Check; the core (bp::checkSampleError,
// checkActivationSlope, checkDeltaW in core/include/backprop/CalculationCheck.h) says whether it
// is right within the stated tolerance and, when it is not, which usual slip gives the answer
// and so which factor differs (α, the error, the slope, the previous output, or a transpose
// mix-up), with the network's value. Hints off (for a test): only right or not right.
//
// Used by the lesson (CalculationCheckLesson: the book's 3-3-3 after one step) and by the
// studio's check panel (CheckPanel: the studio's network while stepping, only what the phases
// run so far have computed). The form holds no numbers of its own: every value is the core's,
// read from the step's PassValues.
#pragma once

#include <QWidget>
#include <climits>
#include <vector>

#include "backprop/CalculationCheck.h"
#include "backprop/Network.h"

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bps {

class WeightPicker;

class CalculationCheckForm : public QWidget {
    Q_OBJECT
  public:
    // What the step has computed so far (the studio, while stepping); everything by default.
    struct Available {
        bool error = true;          // E: the output layer's o and the target
        int slopeLayers = INT_MAX;  // o(1 − o) of layers 1 … slopeLayers
        int deltaFrom = 0;          // ΔW of W_k for k ≥ deltaFrom (e of layer k+1 is known)
        bool operator==(const Available&) const = default;
    };

    explicit CalculationCheckForm(QWidget* parent = nullptr);

    // The step to check against: its values, the layer sizes (input first), whether each W_k has
    // a bias column, and α. A check whose value this changes is forgotten.
    void setStep(const bp::PassValues& values, const std::vector<int>& layers, bool bias,
                 double alpha);
    void setAvailable(const Available& a);
    const Available& available() const { return m_available; }
    bool isAvailable() const;       // what is asked has been computed
    void setFirstIndex(int first);  // nodes count from 0 (the studio) or 1 (the book)
    int firstIndex() const { return m_first; }
    void setTolerance(const bp::Tolerance& t);
    const bp::Tolerance& tolerance() const { return m_tolerance; }
    // The picker on two lines (a narrow column).
    void setStackedPicker(bool on);

    // What to work out: E, O(1 − O) of node `row` of layer `layer` (≥ 1), or the ΔW entry
    // W_layer(row, col). Out-of-range numbers are clamped.
    void ask(bp::CheckQuantity q, int layer = 1, int row = 0, int col = 0);
    bp::CheckQuantity quantity() const { return m_quantity; }
    int layer() const { return m_layer; }
    int row() const { return m_row; }
    int col() const { return m_col; }
    // Checks `answer` (as typed: "0.0123", "0,0123", "-1.2e-3", "−1.2e-3"); false if it is not a
    // number or what is asked has not been computed yet.
    bool check(const QString& answer);
    const bp::CheckResult& result() const { return m_result; }
    bool checked() const { return m_checked; }
    QString resultText() const;
    void setHints(bool on);
    bool hints() const { return m_hints; }
    // The value the network has for what is asked (what the check compares with).
    double value() const;
    // "not computed yet" text for what is asked (empty when it is available).
    QString waitingText() const;

  signals:
    void hintsChanged(bool on);  // a person turned the hints on or off
    void answerChecked();        // check() ran (a verdict or a refusal is shown)

  protected:
    void changeEvent(QEvent* event) override;  // LanguageChange → retranslateUi()

  private:
    void retranslateUi();
    void syncPicker();  // mode, ranges and the asked weight or node
    void showResult();
    QString mistakeText(const bp::CheckResult& r) const;
    QString factorName(bp::CheckFactor f) const;

    bp::PassValues m_values;
    std::vector<int> m_layers{3, 3, 3};
    bool m_bias = false;
    double m_alpha = 0.1;
    Available m_available;
    int m_first = 1;
    bp::Tolerance m_tolerance;
    bp::CheckQuantity m_quantity = bp::CheckQuantity::DeltaW;
    int m_layer = 1, m_row = 0, m_col = 0;
    bp::CheckResult m_result;
    bool m_checked = false;
    bool m_hints = true;
    QString m_refused;  // "… is not a number", shown until the next check or question

    QGridLayout* m_grid = nullptr;
    QLabel* m_whatLabel = nullptr;
    QComboBox* m_what = nullptr;
    QLabel* m_whereLabel = nullptr;
    WeightPicker* m_picker = nullptr;
    QLabel* m_answerLabel = nullptr;
    QLineEdit* m_answer = nullptr;         // "checkAnswer"
    QPushButton* m_checkButton = nullptr;  // "checkButton"
    QCheckBox* m_hintsBox = nullptr;       // "checkHints"
    QLabel* m_resultLabel = nullptr;       // "checkResult"
};

}  // namespace bps
