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

class QGroupBox;
class QLabel;

namespace bps {

class CalculationCheckForm;

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
    bp::CheckQuantity quantity() const;
    // Checks `answer` (as typed: "0.0123", "0,0123", "-1.2e-3"); false if it is not a number.
    bool check(const QString& answer);
    const bp::CheckResult& result() const;
    bool checked() const;
    QString resultText() const;
    void setHints(bool on);
    bool hints() const;
    // The value the network has for what is asked (what the check compares with).
    double value() const;

    const bp::PassValues& values() const { return m_values; }  // the step's values
    static constexpr double kLearningRate = 0.1;

  protected:
    void retranslateUi() override;

  private:
    QString givenText() const;

    bp::PassValues m_values;                 // one training step of the book's 3-3-3 on its sample
    CalculationCheckForm* m_form = nullptr;  // the question, the answer, the verdict
    QLabel* m_given = nullptr;
    QGroupBox* m_givenBox = nullptr;
    QGroupBox* m_askBox = nullptr;
};

}  // namespace bps
