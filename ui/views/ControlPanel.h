// ControlPanel.h — the training controls: Play/Pause, the step buttons, Reset, the pace (a
// slider in samples per second and a Full speed toggle beside it), the learning-rate slider (log
// scale 0.0001 … 1, with a numeric field), the optional "stop after N epochs", the network shape
// and the view options. It only emits requests; MainWindow wires them to the controller and the
// views.
#pragma once

#include <QString>
#include <QWidget>

#include "backprop/Network.h"
#include "backprop/Trainer.h"
#include "training/Snapshot.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;
class QToolButton;
class QAction;

namespace bps {

class ControlPanel : public QWidget {
    Q_OBJECT
  public:
    static constexpr double kMinRate = 1e-4;  // learning-rate slider range (log scale)
    static constexpr double kMaxRate = 1.0;
    // Ranges of the other fields (also the studio's command line: app/studio_main.cpp).
    static constexpr int kMaxHiddenNeurons = 4096;  // each hidden layer
    static constexpr int kMaxEpochs = 100;          // "stop after N epochs"
    static constexpr int kMaxSeed = 2147483647;     // the seed's spin box (an int)
    static constexpr int kRateSteps = 400;          // slider positions: 100 per decade
    // The pace Play starts at: 50 samples/s. On the embedded 5,000 images an epoch then lasts
    // 100 s and the steep part of the error curve (its first few hundred samples) some 10 s:
    // the class sees the curve fall and the weight pictures form while it happens, yet the
    // display (≤ 60 snapshots/s) still shows a new sample in almost every frame.
    static constexpr double kDefaultSpeed = 50;

    explicit ControlPanel(QWidget* parent = nullptr);

    // The settings shown (what Apply would request).
    bp::NetworkSpec spec() const;      // hidden sizes, activation and seed (input/output 0)
    bp::TrainOptions options() const;  // learning rate, epochs, batch
    double learningRate() const;
    double speed() const;  // samples/s, 0 = full speed
    // Index into the pace table (speedAt); speedCount() − 1 = the Full speed toggle is on.
    int speedIndex() const;
    bool fullSpeed() const;
    // "Stop after N epochs": N when the box is ticked, 0 (the default) = Play trains until Pause.
    int epochLimit() const;
    int density() const;
    bool showEdgeValues() const;

    // Sets the fields without emitting requests (restored settings, the controller's state).
    void setSettings(const bp::NetworkSpec& spec, const bp::TrainOptions& options);
    void setLearningRate(double lr);
    void setSpeedIndex(int index);   // emits speedChanged when the pace changes
    void setFullSpeed(bool on);      // emits speedChanged when the pace changes
    void setEpochLimit(int epochs);  // 0 = none; emits nothing
    void setDensity(int edgesPerNeuron);
    // A checkable window action shown as a button beside the step buttons, one click away
    // while stepping (Predict before reveal). The panel does not own it.
    void setStepToggle(QAction* action);
    // Another, beside it (Check my calculation); its button is named "stepToggle_<action's
    // object name>".
    QToolButton* addStepToggle(QAction* action);

    // Compact: laid out as a strip for the top of a small screen (1024×768): the Training,
    // Network and View boxes are tabs, each laid out in two rows, Progress beside them. Not
    // compact (the default): a column of the four boxes for a side dock. The same widgets
    // either way; nothing but the arrangement changes.
    void setCompact(bool on);
    bool isCompact() const { return m_compact; }
    // Compact, the width there is: Progress sits beside the tabs when it fits, else it is a tab.
    void setCompactWidth(int width);
    bool progressBeside() const { return m_progressBeside; }

    // Parses "100" or "200, 50" into hidden layer sizes; false if the text is not that.
    static bool parseHidden(const QString& text, std::vector<int>& out);
    // The samples/s of each pace (0 = full speed, the last one; the slider holds the others).
    static double speedAt(int index);
    static int speedCount();
    static int defaultSpeedIndex();  // the index of kDefaultSpeed
    // "50 samples/s", "1 sample/s", "1 sample every 4 s", "full speed" (Qt plurals).
    static QString paceText(double samplesPerSecond);
    // A translated sentence for a phase of the stepper ("forward through W0", …).
    static QString phaseText(const bp::Phase& phase, int weightLayers);

  public slots:
    void setPlaying(bool playing);
    void setSnapshot(bps::SnapshotPtr snapshot);
    void setThroughput(double samplesPerSecond);
    // Asks before a change that throws away a trained network; emits networkRequested if yes.
    void apply();

  signals:
    void playToggled();
    void stepPhaseRequested();
    void stepSampleRequested();
    void stepEpochRequested();
    void resetRequested();
    void speedChanged(double samplesPerSecond);
    void epochLimitChanged(int epochs);  // 0 = none: Play trains until Pause
    void learningRateChanged(double lr);
    void learningRateEditing(bool held);  // the rate slider is held down (true) or let go
    void networkRequested(const bp::NetworkSpec& spec, const bp::TrainOptions& options);
    void densityChanged(int edgesPerNeuron);
    void showEdgeValuesChanged(bool on);

  protected:
    void changeEvent(QEvent* event) override;  // LanguageChange → retranslateUi()

  private:
    // Sets every text in the current language, those that say the state from the state
    // (playing, speed, the last snapshot, settings edited but not applied).
    void retranslateUi();
    void arrange();  // lays the boxes and their fields out as m_compact says
    void updateSpeedLabel();
    void fitPaceLabel();      // the pace label's minimum width: the widest pace text
    void updateEpochsText();  // the spin box's " epochs" suffix, plural of its value
    void markShapeDirty();    // m_shapeDirty = the fields differ from m_applied
    void rememberApplied();   // the fields are the network's now (Apply, setSettings)
    void updateApplyText();   // "New network", bold "(settings changed)" while m_shapeDirty
    void showSnapshotText();  // phase and progress of m_snapshot

    QGroupBox* m_runBox = nullptr;      // "Training"
    QGroupBox* m_shapeBox = nullptr;    // "Network"
    QGroupBox* m_viewBox = nullptr;     // "View"
    QGroupBox* m_stateBox = nullptr;    // "Progress"
    QTabWidget* m_tabs = nullptr;       // compact: Training, Network, View as tabs
    bool m_compact = false;             // arranged as a strip (setCompact)
    bool m_progressBeside = true;       // compact: Progress beside the tabs (not a tab)
    QLabel* m_hiddenCaption = nullptr;  // "Hidden layers"
    QLabel* m_activationCaption = nullptr;
    QLabel* m_batchCaption = nullptr;
    QLabel* m_seedCaption = nullptr;
    QLabel* m_densityCaption = nullptr;  // "Connections per neuron"
    QLabel* m_speedCaption = nullptr;    // "Speed"
    QLabel* m_rateCaption = nullptr;     // "Learning rate α"

    QPushButton* m_play = nullptr;          // Play / Pause
    QPushButton* m_stepPhase = nullptr;     // one phase of the stepper
    QPushButton* m_stepSample = nullptr;    // all phases of one sample
    QPushButton* m_stepEpoch = nullptr;     // to the end of the epoch
    QPushButton* m_reset = nullptr;         // re-initialise from the seed
    QToolButton* m_stepToggle = nullptr;    // the window's step toggle (setStepToggle)
    QWidget* m_toggles = nullptr;           // it and those of addStepToggle, side by side
    QSlider* m_speed = nullptr;             // index into the pace table (not full speed)
    QPushButton* m_fullSpeed = nullptr;     // toggle: full speed, else the slider's pace
    QLabel* m_speedLabel = nullptr;         // "50 samples/s" (greyed while full speed is on)
    QSlider* m_rate = nullptr;              // log10(α) in 1/100 decades from 10⁻⁴
    QDoubleSpinBox* m_rateField = nullptr;  // α as a number
    QLineEdit* m_hidden = nullptr;          // hidden sizes "100" or "200, 50"
    QComboBox* m_activation = nullptr;      // hidden activation
    QCheckBox* m_stopAfter = nullptr;       // "Stop after" N epochs (off: until Pause)
    QSpinBox* m_epochs = nullptr;           // that N
    QSpinBox* m_batch = nullptr;            // 1 = per sample (the book)
    QSpinBox* m_seed = nullptr;             // seed of the initial weights
    QPushButton* m_apply = nullptr;         // builds the network from the fields
    QSpinBox* m_density = nullptr;          // edges per neuron drawn
    QCheckBox* m_edgeValues = nullptr;      // numbers on edges (small networks)
    QLabel* m_phase = nullptr;              // phase just run / next
    QLabel* m_progress = nullptr;           // epoch, sample, samples seen, running error
    QLabel* m_throughput = nullptr;         // samples/s while playing
    bool m_trained = false;                 // the current network has seen samples
    bool m_shapeDirty = false;              // the network fields differ from the network's
    struct Applied {                        // the network fields as the network has them
        std::vector<int> hidden;
        int activation = 0, batch = 1, seed = 1;
    } m_applied;
    SnapshotPtr m_snapshot;              // the last one shown (its phase and progress)
    double m_throughputValue = 0;        // samples/s shown, 0 = none
    bool m_playing = false;              // as last reported
    int m_inputs = 784, m_outputs = 10;  // current network's input/output sizes (for labels)
};

}  // namespace bps

Q_DECLARE_METATYPE(bp::NetworkSpec)
Q_DECLARE_METATYPE(bp::TrainOptions)
