// BookExamplesLesson.h — the book's worked examples as presets, stepped phase by phase with a
// bp::Stepper and shown in the studio's own NetworkView and MathsPanel:
//   - "two inputs, two neurons"   I = (1.0, 0.5), w11 0.9, w12 0.2, w21 0.3, w22 0.8
//                                 → O = (0.7408, 0.6457)
//   - "three layers of three"     W_input_hidden, W_hidden_output of the book, I = (0.9, 0.1, 0.8)
//                                 → X_hidden = (1.16, 0.42, 0.62), O = (0.726, 0.708, 0.778)
//   - "updating one weight"       hidden outputs (0.4, 0.5), w11 2.0, w21 3.0, e1 0.8, α 0.1
//                                 → w11 = 2.00265
//   - "splitting the error"       the book's figure: hidden outputs (0.4, 0.5), e = (0.8, 0.5)
//   split
//                                 back over w11 2, w21 3, w12 1, w22 4, both in proportion to
//                                 the weights (0.42, 0.88) and as Wᵀ·e (2.1, 4.4)
// The book writes w_jk for the link from node j to node k; the core's W has rows = next layer,
// so W(k, j) = w_jk (e.g. W_0 = [[w11, w21], [w12, w22]]).
#pragma once

#include <QString>
#include <memory>

#include "backprop/Network.h"
#include "backprop/Stepper.h"
#include "lessons/Lesson.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace bps {

class MathsPanel;
class NetworkView;

class BookExamplesLesson : public Lesson {
    Q_OBJECT
  public:
    enum class Preset { TwoByTwo, ThreeLayers, UpdateWeight, SplitError };

    explicit BookExamplesLesson(QWidget* parent = nullptr);
    ~BookExamplesLesson() override;

    QString title() const override { return tr("The book's worked examples"); }
    QString id() const override { return QStringLiteral("book-examples"); }
    QWidget* picture() const override;

    void selectPreset(Preset p);  // builds the preset's network and sets its sample
    Preset preset() const { return m_preset; }
    bool stepPhase();  // runs the next phase; false when the sample is finished
    void runToPhase(bp::PhaseKind kind, int layer);  // steps until that phase has run
    void restart();                                  // same preset, from its first phase

    // For tests and the split panel: what is shown.
    MathsPanel* mathsPanel() const { return m_maths; }
    NetworkView* networkView() const { return m_view; }
    const bp::Stepper& stepper() const { return *m_stepper; }
    const bp::Network& network() const { return *m_net; }
    QString splitText() const;  // the side-by-side comparison, as plain text
    // The hidden errors of the split example, both ways, from the output errors e = T − O of
    // the stepper and the weights as they were before the update phase.
    bp::Vector proportionalSplit() const;
    bp::Vector transposeSplit() const;

    static constexpr double kLearningRate = 0.1;  // α of the book's weight-update example

  protected:
    void retranslateUi() override;

  private:
    void show();              // hands the stepper's values to the view and the panel
    void updatePhaseLabel();  // "Phase 2 of 5 — next: …"; the step buttons
    void updateSplit();       // rebuilds the side-by-side panel
    QString presetExplanation() const;
    const bp::Vector& outputErrors() const;  // the stepper's e = T − O (n_out)

    Preset m_preset = Preset::TwoByTwo;  // the example shown
    std::unique_ptr<bp::Network> m_net;  // its network (the stepper refers to it)
    std::unique_ptr<bp::Stepper> m_stepper;
    bp::Vector m_input, m_target;  // the sample being stepped
    bp::Matrix m_splitWeights;     // last layer's W before the update (output × hidden)

    QComboBox* m_presetBox = nullptr;  // preset chooser
    QPushButton* m_stepButton = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_restartButton = nullptr;
    QLabel* m_exampleLabel = nullptr;  // "Example:"
    QLabel* m_phaseLabel = nullptr;    // "next: …"
    NetworkView* m_view = nullptr;     // the studio's network view
    MathsPanel* m_maths = nullptr;     // the studio's maths panel
    QTextBrowser* m_split = nullptr;   // the split comparison (split preset only)
};

}  // namespace bps
