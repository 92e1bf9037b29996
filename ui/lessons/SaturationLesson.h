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

#include <QFutureWatcher>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "lessons/Lesson.h"
#include "lessons/models/SaturationDemo.h"

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
    using Demo = lessons::SaturationDemo;
    using InputScaling = Demo::InputScaling;
    using Targets = Demo::Targets;
    using Weights = Demo::Weights;
    using Preparation = Demo::Preparation;
    using DataFacts = Demo::DataFacts;  // what the checks look at
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

    static std::vector<Warning> check(const DataFacts& facts);

    void setPreparation(const Preparation& p);  // restarts the demo
    const Preparation& preparation() const { return m_prep; }
    std::vector<Warning> warnings() const { return m_warnings; }
    bool fix(const QString& warningId);  // what the warning's Fix button does

    // The demo trains on a worker thread (Demo, one job at a time; a request made while one
    // runs waits its turn): trainDemo asks for `samples` more samples of the chosen preparation,
    // and the views are redrawn when they are trained. setPreparation and Start again ask for a
    // restart, which also trains the book's preparation for comparison.
    void trainDemo(int samples);
    void startDemo();
    void pauseDemo();
    bool demoRunning() const { return m_timer.isActive(); }
    bool demoBusy() const;  // a job runs or waits
    void waitForDemo();     // until every job asked for is done and shown (for tests)
    double demoError() const { return m_state.error; }  // mean Σ(T−O)², last kWindow, chosen
    double bookDemoError() const { return m_state.bookError; }   // the same, book's preparation
    std::size_t demoSamples() const { return m_state.samples; }  // trained, chosen preparation
    bool usingStudio() const;
    void useStudioSnapshot(bool on);
    SnapshotPtr shownSnapshot() const { return m_shown; }
    double shownSaturation() const { return m_shownShare; }
    QString saturationText() const;
    int datasetRows() const { return static_cast<int>(m_rows); }

    static constexpr int kWindow = Demo::kWindow;  // running error window

  private:
    // What a job on the worker hands back: values only.
    struct DemoResult {
        bool restarted = false;  // the chart starts again with `book` as the reference
        Demo::Curve book;        // the book's preparation (a restart)
        Demo::Curve points;      // new points of the chosen preparation
        DataFacts facts;         // of the preparation trained (a restart)
        std::size_t samples = 0;
        bool finished = false;  // a whole demo run trained
        double error = 0, bookError = 0;
        SnapshotPtr shown;  // the demo network on the sample it trained last
    };
    void restartDemo();
    void runDemo(std::optional<Preparation> restart, int samples);
    void demoDone();  // a job's result into the views, then the next job asked for
    void updateWarnings();
    void showSnapshot();  // chooses the shown snapshot (demo or studio), then showShown()
    void showShown();     // the shown snapshot into the plot, the indicator and the demo line

  protected:
    void retranslateUi() override;

  private:
    std::size_t m_rows = 0;           // samples of the embedded data (0: no demo)
    bool m_imageData = false;         // they are 28×28 images
    Preparation m_prep;               // chosen preparation
    std::vector<Warning> m_warnings;  // check(m_facts)
    DataFacts m_facts;                // of the prepared data and starting weights
    bool m_hasFacts = false;          // m_facts measured (there is data)
    DemoResult m_state;               // the last job's numbers (points and book taken out)
    SnapshotPtr m_demoShown;          // the demo network, as the last job left it
    std::shared_ptr<Demo> m_demo;     // the worker's while a job runs
    QThreadPool m_pool;               // one thread: the demo's jobs in order
    QFutureWatcher<DemoResult> m_job;
    bool m_jobOpen = false;      // a job was started and its result is not shown yet
    bool m_jobRestarts = false;  // the running job restarts the demo
    std::optional<Preparation> m_pendingRestart;  // asked for while a job ran
    int m_pendingSamples = 0;                     // asked for while a job ran
    QTimer m_timer;                               // the demo's live training
    SnapshotPtr m_studio;                         // last snapshot from the studio
    SnapshotPtr m_shown;                          // what the plot and the indicator show
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
