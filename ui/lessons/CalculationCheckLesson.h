// CalculationCheckLesson.h — "check my calculation": the student works out, by hand, E of the
// sample, O(1 − O) of a node or one ΔW entry of the book's three layers of three after one
// training step (the givens are shown), types the answer, and the core (bp::CalculationCheck)
// says whether it is right within its tolerance; when it is not, it names the factor that
// differs (α, the error, the slope, the previous output, or a transpose mix-up) and gives the
// network's value. A teacher can turn the hints off for a test (then only right / not right).
#pragma once

#include "backprop/CalculationCheck.h"
#include "backprop/Network.h"
#include "lessons/Lesson.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace bps {

class CalculationCheckLesson : public Lesson {
    Q_OBJECT
  public:
    explicit CalculationCheckLesson(QWidget* parent = nullptr);
    ~CalculationCheckLesson() override;

    QString title() const override { return tr("Check my calculation"); }
    QString id() const override { return QStringLiteral("check-calculation"); }

    // What to work out: E, O(1 − O) of node `index` of layer `layer` (≥ 1), or the ΔW entry
    // W_layer(row, col). Out-of-range numbers are clamped.
    void ask(bp::CheckQuantity q, int layer = 1, int row = 0, int col = 0);
    bp::CheckQuantity quantity() const { return m_quantity; }
    // Checks `answer` (as typed: "0.0123", "0,0123", "-1.2e-3"); false if it is not a number.
    bool check(const QString& answer);
    const bp::CheckResult& result() const { return m_result; }
    bool checked() const { return m_checked; }
    QString resultText() const;
    void setHints(bool on);
    bool hints() const { return m_hints; }
    // The value the network has for what is asked (what the check compares with).
    double value() const;

    const bp::PassValues& values() const { return m_values; }  // the step's values
    static constexpr double kLearningRate = 0.1;

  protected:
    void retranslateUi() override;

  private:
    void syncPickers();  // ranges and visibility for the quantity
    void readPickers();
    QString givenText() const;
    QString mistakeText(const bp::CheckResult& r) const;
    QString factorName(bp::CheckFactor f) const;

    bp::PassValues m_values;  // one training step of the book's 3-3-3 on its sample
    int m_layers = 2;         // weight layers
    bp::CheckQuantity m_quantity = bp::CheckQuantity::DeltaW;
    int m_layer = 1, m_row = 0, m_col = 0;
    bp::CheckResult m_result;
    bool m_checked = false;
    bool m_hints = true;

    QLabel* m_given = nullptr;
    QComboBox* m_what = nullptr;
    QComboBox* m_layerBox = nullptr;
    QSpinBox* m_rowBox = nullptr;
    QSpinBox* m_colBox = nullptr;
    QLabel* m_rowLabel = nullptr;
    QLabel* m_colLabel = nullptr;
    QLabel* m_layerLabel = nullptr;
    QLabel* m_whatLabel = nullptr;
    QLabel* m_answerLabel = nullptr;
    QLineEdit* m_answer = nullptr;
    QPushButton* m_checkButton = nullptr;
    QCheckBox* m_hintsBox = nullptr;
    QLabel* m_resultLabel = nullptr;
    QGroupBox* m_givenBox = nullptr;
    QGroupBox* m_askBox = nullptr;
};

}  // namespace bps
