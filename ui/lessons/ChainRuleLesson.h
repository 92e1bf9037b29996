// ChainRuleLesson.h — "the slope of one weight": the book's chain-rule derivation of ∂E/∂w for a
// weight the student picks (hidden → output, or input → hidden), as lines stepped through one at
// a time, each with the real numbers of the current sample (bp::chainRule); then
// new w = old w − α·∂E/∂w, which is the ΔW entry of one real training step (a bp::Stepper on a
// copy: the studio's update), and beside it the slope measured by a central difference
// (bp::numericSlope) agreeing to the digits shown — or, for a hidden weight under the book's
// rule, saying why it does not. The matrix form shows the sigmoid gone into O(1 − O).
// Works on the book's 3-3-3 network, or on the studio's network and sample (setSnapshot).
#pragma once

#include <QStringList>
#include <optional>

#include "backprop/Gradient.h"
#include "backprop/NumericSlope.h"
#include "lessons/Lesson.h"
#include "lessons/WhyNetworks.h"

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace bps {

class WeightPicker;

class ChainRuleLesson : public Lesson {
    Q_OBJECT
  public:
    explicit ChainRuleLesson(QWidget* parent = nullptr);
    ~ChainRuleLesson() override;

    QString title() const override { return tr("The slope of one weight: the chain rule"); }
    QString id() const override { return QStringLiteral("slope-of-one-weight"); }
    void setSnapshot(SnapshotPtr s) override;

    // Which network: the book's 3-3-3, or the studio's (false when it has sent no sample).
    bool useStudio(bool on);
    bool usingStudio() const { return m_useStudio; }
    bool studioAvailable() const { return m_studio.has_value(); }
    void setRule(bp::ErrorRule rule);
    bp::ErrorRule rule() const { return m_rule; }
    void setLearningRate(double alpha);
    double learningRate() const;
    // The weight W_layer(row, col) (rows: the node it feeds; clamped into the network).
    void selectWeight(const bp::WeightRef& w);
    const bp::WeightRef& weight() const { return m_weight; }

    // The derivation: all its lines, how many are shown, and stepping through them.
    int lineCount() const { return static_cast<int>(m_lines.size()); }
    int shownLines() const { return m_shown; }
    QString line(int i) const { return m_lines.value(i); }
    void nextLine();
    void showAllLines();
    void restartLines();

    // The numbers the lesson shows, all from the core, on the network used now.
    const bp::Network& network() const { return m_net.net; }
    const bp::Vector& input() const { return m_net.input; }
    const bp::Vector& target() const { return m_net.target; }
    const bp::ChainRule& chain() const { return m_chain; }
    const bp::NumericSlope& numeric() const { return m_numeric; }
    double stepDeltaW() const { return m_stepDeltaW; }  // ΔW entry of one real training step
    double stepNewWeight() const { return m_stepNewWeight; }
    // Significant digits in which the chain rule's and the measured slope agree as printed.
    int agreeingDigits() const;
    QString comparisonText() const;  // the numeric box
    QString matrixText() const;      // the matrix form

    static constexpr int kDigits = 7;  // significant digits of the slopes shown

  protected:
    void retranslateUi() override;

  private:
    void rebuild();           // network chosen → pickers' ranges, then recompute()
    void recompute();         // chain rule, numeric slope, a real step; the texts
    void buildLines();        // m_lines from m_chain
    void showLines();         // the line labels
    void updateSampleText();  // the sample and the weight, under the pickers
    QString nodeName(int layer, int index) const;  // "hidden node 2"
    QString layerName(int layer) const;            // "input", "hidden", "output"

    why::NetAndSample m_net = why::bookNetwork();  // the network used now
    std::optional<why::NetAndSample> m_studio;     // the studio's, when it sent one
    bool m_useStudio = false;
    double m_studioAlpha = 0.1;  // the studio's α in its last snapshot
    bp::ErrorRule m_rule = bp::ErrorRule::Book;
    bp::WeightRef m_weight{1, 0, 0};  // hidden node 1 → output node 1
    bp::ChainRule m_chain;
    bp::NumericSlope m_numeric;
    double m_stepDeltaW = 0, m_stepNewWeight = 0;
    QStringList m_lines;  // the derivation, rich text
    int m_shown = 1;      // lines shown

    QComboBox* m_netBox = nullptr;
    QComboBox* m_ruleBox = nullptr;
    WeightPicker* m_picker = nullptr;  // the weight (views/WeightPicker)
    QDoubleSpinBox* m_alphaBox = nullptr;
    QPushButton* m_nextButton = nullptr;
    QPushButton* m_allButton = nullptr;
    QPushButton* m_againButton = nullptr;
    QVBoxLayout* m_lineLayout = nullptr;
    std::vector<QLabel*> m_lineLabels;
    QLabel* m_comparison = nullptr;
    QLabel* m_matrix = nullptr;
    QLabel* m_sampleLabel = nullptr;
    struct Texts {
        QGroupBox* pick = nullptr;
        QGroupBox* derivation = nullptr;
        QGroupBox* check = nullptr;
        QGroupBox* matrix = nullptr;
        QLabel* net = nullptr;
        QLabel* rule = nullptr;
        QLabel* layer = nullptr;
        QLabel* alpha = nullptr;
    } m_texts;
};

}  // namespace bps
