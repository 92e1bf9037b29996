// SaturationLesson.h — the book's last part: the sigmoid, saturation and preparing the data.
//
//  - The sigmoid curve σ(x) and its slope σ′ = o(1 − o), with every neuron's current net input
//    x marked on it (from the studio's snapshot, or from the demo network below). Where the
//    slope is below 0.01 (|x| > 4.6) a neuron is "saturated": ΔW ∝ o(1 − o) hardly moves it.
//  - A saturation indicator: the share of neurons (every layer after the input) whose slope
//    o(1 − o) is below kSaturatedSlope.
//  - Checks of the data and the starting weights, each with a one-click fix: inputs not scaled
//    into 0.01 … 1.00, targets of 0 or 1 that a sigmoid never reaches, all-zero or huge
//    initial weights.
//  - A demo: a 784-100-10 network trained on the embedded 100 MNIST samples with the chosen
//    preparation, drawn in the studio's error chart beside the book's preparation; from large
//    weights the error stalls.
#pragma once

#include <QStringList>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <vector>

#include "backprop/Dataset.h"
#include "backprop/Network.h"
#include "lessons/Lesson.h"

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTabWidget;
class QVBoxLayout;

namespace bps {

class ErrorPlot;
class NetworkView;

// σ(x) and σ′(x) over −10 … 10 with marks at given net inputs, one colour per layer.
class SigmoidPlot : public QWidget {
    Q_OBJECT
  public:
    explicit SigmoidPlot(QWidget* parent = nullptr);
    // Net inputs per layer (layer 1 first) and the layers' names.
    void setMarks(std::vector<std::vector<double>> xs, QStringList names);
    static constexpr double kRange = 10.0;  // x runs −kRange … kRange

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    std::vector<std::vector<double>> m_xs;  // net inputs to mark
    QStringList m_names;                    // their layers' names
};

class SaturationLesson : public Lesson {
    Q_OBJECT
  public:
    enum class InputScaling { Book, Raw, ZeroToOne };  // 0.01 … 1.00 / 0 … 255 / 0 … 1
    enum class Targets { Book, ZeroOne };              // 0.01 / 0.99 or 0 / 1
    enum class Weights { Book, Zero, Large };          // normal 1/√n, all 0, normal std 10
    struct Preparation {
        InputScaling inputs = InputScaling::Book;
        Targets targets = Targets::Book;
        Weights weights = Weights::Book;
    };
    // What the checks look at: measured on the prepared data and the starting weights.
    struct DataFacts {
        double inputMin = 0, inputMax = 0;    // over the prepared inputs
        double targetMin = 0, targetMax = 0;  // over the prepared targets
        double weightRms = 0;                 // root mean square of all weights
        double bookWeightRms = 0;             // what the book's 1/√n start would give
        bool weightsAllZero = false;
    };
    struct Warning {
        QString id;    // "inputs-unscaled", "inputs-zero", "targets-unreachable",
                       // "weights-zero", "weights-large"
        QString text;  // plain words (translated)
    };

    explicit SaturationLesson(QWidget* parent = nullptr);
    ~SaturationLesson() override;

    QString title() const override { return tr("Sigmoid, saturation and preparing data"); }
    QString id() const override { return QStringLiteral("saturation"); }
    QWidget* picture() const override;
    void setSnapshot(SnapshotPtr s) override;
    void deactivated() override { pauseDemo(); }

    // Share of neurons (layers ≥ 1) whose slope f′ (o(1 − o) for the sigmoid) is below
    // kSaturatedSlope; perLayer, if given, receives the share of each layer ≥ 1.
    static double saturationShare(const Snapshot& s, std::vector<double>* perLayer = nullptr);
    static constexpr double kSaturatedSlope = bp::kSaturatedSlope;

    static DataFacts measure(const bp::Network& net, const std::vector<bp::Vector>& inputs,
                             const std::vector<bp::Vector>& targets);
    static std::vector<Warning> check(const DataFacts& facts);

    void setPreparation(const Preparation& p);  // restarts the demo
    const Preparation& preparation() const { return m_prep; }
    std::vector<Warning> warnings() const { return m_warnings; }
    bool fix(const QString& warningId);  // what the warning's Fix button does

    // The demo: trains `samples` samples of the chosen preparation (and as many of the book's
    // preparation, for comparison) and redraws.
    void trainDemo(int samples);
    void startDemo();
    void pauseDemo();
    bool demoRunning() const { return m_timer.isActive(); }
    double demoError() const;      // mean Σ(T−O)² of the last kWindow samples, chosen prep
    double bookDemoError() const;  // the same for the book's preparation
    bool usingStudio() const;
    void useStudioSnapshot(bool on);
    SnapshotPtr shownSnapshot() const { return m_shown; }
    double shownSaturation() const { return m_shownShare; }
    QString saturationText() const;
    int datasetRows() const { return static_cast<int>(m_data.rows()); }

    static constexpr int kHidden = 100;  // demo network 784-100-10
    static constexpr double kLearningRate = 0.1;
    static constexpr int kWindow = 50;  // running error window
    static constexpr int kSamplesPerTick = 10;

  private:
    struct DemoRun {
        std::unique_ptr<bp::Network> net;
        Preparation prep;
        std::vector<double> errors;  // Σ(T−O)² per sample trained
        std::size_t next = 0;        // next sample index
    };
    void restartDemo();
    void prepare(const Preparation& p, std::size_t i, bp::Vector& in, bp::Vector& t) const;
    std::unique_ptr<bp::Network> makeNetwork(const Preparation& p) const;
    double trainOne(DemoRun& run);
    static double windowMean(const std::vector<double>& e);
    void updateWarnings();
    void showSnapshot();  // chooses the shown snapshot (demo or studio), then showShown()
    void showShown();     // the shown snapshot into the plot, the indicator and the demo line

  protected:
    void retranslateUi() override;

  private:
    bp::Dataset m_data;               // the embedded 100 MNIST samples
    Preparation m_prep;               // chosen preparation
    DemoRun m_demo;                   // trained with m_prep
    DemoRun m_book;                   // trained with the book's preparation
    std::vector<Warning> m_warnings;  // check(m_facts)
    DataFacts m_facts;                // of the prepared data and starting weights
    bool m_hasFacts = false;          // m_facts measured (there is data)
    QTimer m_timer;                   // the demo's live training
    SnapshotPtr m_studio;             // last snapshot from the studio
    SnapshotPtr m_shown;              // what the plot and the indicator show
    double m_shownShare = 0;

    SigmoidPlot* m_plot = nullptr;
    NetworkView* m_netView = nullptr;  // the same snapshot drawn by the studio's view
    QTabWidget* m_views = nullptr;     // curve | network
    QProgressBar* m_satBar = nullptr;
    QLabel* m_satLabel = nullptr;
    QRadioButton* m_fromDemo = nullptr;
    QRadioButton* m_fromStudio = nullptr;
    QComboBox* m_inputsBox = nullptr;
    QComboBox* m_targetsBox = nullptr;
    QComboBox* m_weightsBox = nullptr;
    QWidget* m_warningArea = nullptr;
    QVBoxLayout* m_warningLayout = nullptr;
    QPushButton* m_playButton = nullptr;
    ErrorPlot* m_chart = nullptr;
    QLabel* m_demoLabel = nullptr;
    // Widgets whose only job is their text.
    struct Texts {
        QGroupBox* curveBox = nullptr;
        QGroupBox* prepBox = nullptr;
        QGroupBox* demoBox = nullptr;
        QFormLayout* prepForm = nullptr;  // its row labels
        QLabel* show = nullptr;           // "Show:"
        QPushButton* again = nullptr;     // start again
    } m_texts;
};

}  // namespace bps
