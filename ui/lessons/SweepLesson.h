// SweepLesson.h — lesson 9, the learning-rate sweep the book does by hand: the same network from
// the same seed trained at several learning rates, then test accuracy plotted against the rate.
// The runs go in the background on both cores (each worker thread has its own bp::Network and
// bp::Trainer over the same read-only data), with progress and Cancel; the plot fills in as
// runs end. Each run's running-error curve can be opened in the studio's error chart
// (runCurveRequested; showRunIn puts it into an ErrorPlot).
// Data: the embedded 5,000 training / 1,000 test MNIST samples (read from the Qt resources
// through bp::gunzip + bp::parseCsv, on the worker), or the studio's sets (setDatasets).
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QPointF>
#include <QTimer>
#include <QVector>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include "backprop/Dataset.h"
#include "lessons/Lesson.h"
#include "lessons/models/TrainRun.h"

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace bps {

class ErrorPlot;

namespace lessons {

// Test accuracy (%) against learning rate: points joined in order of the rate, custom painted.
// The rate axis is logarithmic when the rates span a decade or more (0.01 … 0.9: each tenfold
// the same width), else linear from 0. Clicking near a point emits pointClicked(index).
class SweepPlot : public QWidget {
    Q_OBJECT
  public:
    struct Point {
        double rate = 0;
        double accuracy = 0;  // 0 … 1, NaN = not (yet) measured
    };
    explicit SweepPlot(QWidget* parent = nullptr);
    void setPoints(const std::vector<Point>& points);
    void setSelected(int index);
    QPointF pointPosition(int index) const;  // widget coordinates of a measured point
    bool logarithmic() const;                // the rate axis (from the points' rates)
    QRectF plotArea() const { return plotRect(); }
    QSize sizeHint() const override { return {520, 340}; }

  signals:
    void pointClicked(int index);

  protected:
    void paintEvent(QPaintEvent*) override;
    void mouseReleaseEvent(QMouseEvent* e) override;

  private:
    QRectF plotRect() const;
    void ranges(double& xMin, double& xMax, double& yMin, double& yMax) const;
    double xOf(double rate, const QRectF& r, double xMin, double xMax) const;
    std::vector<Point> m_points;
    int m_selected = -1;
};

}  // namespace lessons

class SweepLesson : public Lesson {
    Q_OBJECT
  public:
    using DatasetPtr = std::shared_ptr<const bp::Dataset>;

    // One learning rate's run.
    struct Run {
        double rate = 0;
        bool done = false;            // finished (or cancelled / diverged)
        lessons::RunOutcome outcome;  // accuracy, error curve
    };

    explicit SweepLesson(QWidget* parent = nullptr);
    ~SweepLesson() override;  // cancels and waits for the workers

    QString title() const override { return tr("Learning-rate sweep"); }
    QString id() const override { return QStringLiteral("lr-sweep"); }
    QWidget* picture() const override;

    void setDatasets(DatasetPtr train, DatasetPtr test) override;

    // Settings (also in the controls).
    void setRates(const std::vector<double>& rates);
    std::vector<double> rates() const;  // parsed from the rates field
    void setHiddenNodes(int n);
    void setEpochs(int n);
    void setSeed(int seed);
    // Train / test on the studio's sets (if given) instead of the embedded ones. Once the
    // studio has given usable sets they are chosen, unless the person chose the embedded ones.
    void setUseStudioData(bool on);
    bool usesStudioData() const;  // the next sweep trains on the studio's sets

    void start();   // starts the sweep (no-op while running)
    void cancel();  // stops every run at its next sample
    bool isRunning() const { return m_watcher.isRunning(); }
    const std::vector<Run>& runs() const { return m_runs; }
    int workerThreads() const { return m_threads; }
    int maxConcurrentRuns() const;  // most runs of the last sweep that trained at the same time
    bp::NetworkSpec specFor(int inputs) const;  // the network every run starts from
    bp::TrainOptions optionsFor(double rate) const;

    void selectRun(int index);  // selects run i in the list and on the plot
    // Asks for run i's curve in the error chart (emits runCurveRequested). With nobody
    // connected (the lesson used on its own) the curve goes into the lesson's own error chart
    // window instead, where earlier opened runs stay as faded lines.
    void openRun(int index);
    ErrorPlot* ownPlot() const { return m_ownPlot; }  // null until needed
    // The studio's error chart gets the opened runs (runCurveRequested → showRunIn).
    bool connectToStudio(const StudioHooks& studio, QObject* context) override;
    // What the studio does with runCurveRequested: the run as a new (labelled) run of the plot.
    static void showRunIn(ErrorPlot* plot, const QString& label, const QVector<QPointF>& error,
                          const QVector<QPointF>& accuracy);

  signals:
    void runFinished(int index);
    void sweepFinished(bool cancelled);
    void runCurveRequested(const QString& label, const QVector<QPointF>& error,
                           const QVector<QPointF>& accuracy);

  protected:
    void retranslateUi() override;

  private:
    struct Job;  // what the workers share
    // Shows a status sentence, and keeps how to say it again in another language.
    void setStatus(std::function<QString()> text);
    QString runLine(int index) const;  // "α = 0.1: 94.12 % test accuracy", "…: waiting"
    void onRunFinished(int index, const lessons::RunOutcome& outcome);
    void onAllFinished();
    void updateProgress();
    void updatePlot();
    QString runLabel(int index) const;

    DatasetPtr m_studioTrain, m_studioTest;  // the studio's sets (may be null)
    std::vector<Run> m_runs;                 // one per rate of the running / last sweep
    std::shared_ptr<Job> m_job;              // shared with the workers
    QFutureWatcher<void> m_watcher;          // the sweep's background task
    QTimer m_progressTimer;                  // polls the sample counter
    int m_threads = 2;                       // worker threads (both cores)
    lessons::SweepPlot* m_plot = nullptr;
    QLineEdit* m_ratesEdit = nullptr;
    QSpinBox* m_hiddenBox = nullptr;
    QSpinBox* m_epochsBox = nullptr;
    QSpinBox* m_seedBox = nullptr;
    QComboBox* m_dataBox = nullptr;
    QObject* m_dataBoxWidth = nullptr;  // keeps m_dataBox as wide as its entries
    bool m_dataChosen = false;          // the person picked the data: setDatasets leaves the choice
    QPushButton* m_startButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    std::function<QString()> m_statusText;  // … in the current language
    QFormLayout* m_form = nullptr;          // the settings, with their row labels
    QListWidget* m_list = nullptr;          // one line per run
    ErrorPlot* m_ownPlot = nullptr;         // own chart window when nobody takes the curves
};

}  // namespace bps
