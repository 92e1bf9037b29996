// ErrorPlot.h — the error curve: running training error against samples seen, test accuracy per
// epoch on a second axis, earlier runs as faded labelled lines, learning-rate changes marked.
//
// Every line of Qt Charts code in the project lives in ErrorPlot.cpp (Qt Charts is deprecated
// from Qt 6.10 in favour of Qt Graphs: this file pair is all a port touches). The header shows
// no Qt Charts type.
//
// Data flow: the controller's points arrive at ≤ 60 Hz; they are kept whole (for CSV) and the
// series is refreshed on a coalescing timer with at most kMaxDrawnPoints points
// (series->replace(), never clear-and-append).
//
// The legend is a label under the chart (Qt Charts' own legend elides entries that do not fit
// into one row): its entries wrap between entries, never inside one, so each run's name is
// read whole.
//
// Following: while the run is longer than the follow window the chart shows only its recent
// part (the x axis scrolls, the error axis fits what is shown); the button in the chart's
// corner shows the whole run and goes back to following.
//
// Learning-rate changes: changeLearningRate() is the live path (the trainer's marks while a
// person moves the slider); changes that come while the slider is held down, or within
// kRateQuietMs of each other, are one change of the person, recorded as one mark at its end
// value. markLearningRate() records a mark as given (a session being loaded).
#pragma once

#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class QLabel;
class QPushButton;
class QToolButton;
QT_END_NAMESPACE

namespace bps {

class ErrorPlot : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kMaxDrawnPoints = 1200;  // per drawn series, after down-sampling

    // A learning-rate change: before sample x + 1 the rate became lr.
    struct RateMark {
        double x = 0;
        double lr = 0;
    };
    // One run: its label and every value it produced.
    struct Run {
        int number = 0;             // 1, 2, … in the order the runs began (the legend's "run 2")
        QString label;              // settings of the run: learning rate, hidden size, epochs
        double startRate = 0;       // the rate it began with (read from label's "α …"), or NaN
        QVector<QPointF> error;     // (samples seen, running error), every point received
        QVector<QPointF> accuracy;  // (samples seen, test accuracy 0 … 1) per epoch
        QVector<RateMark> rateMarks;  // learning-rate changes during the run
    };

    // Somebody else's curve drawn over the chart (class mode: each student's running error), a
    // thin line labelled with its name at its last point; overlays are not in the legend (a
    // class is too many names for one) and not runs of this studio.
    struct Overlay {
        QString label;           // plain text (a student's name)
        QVector<QPointF> error;  // (samples seen, running error)
    };
    static constexpr int kMaxOverlayPoints = 300;  // drawn per overlay, after down-sampling

    explicit ErrorPlot(QWidget* parent = nullptr);
    ~ErrorPlot() override;

    // Starts a new run labelled label; the current run, if it has points, is kept as a faded
    // line (at most kMaxPreviousRuns, the oldest goes first).
    void beginRun(const QString& label);
    // Renames a run: 0 … previousRuns().size() − 1 an earlier one, previousRuns().size() the
    // current one (a lesson's labels in a new language; a label naming another start rate, the
    // rate of now, keeps the rate the run began with).
    void setRunLabel(int run, const QString& label);
    void addErrorPoints(const QVector<QPointF>& points);
    void addAccuracy(double samplesSeen, double accuracy);  // accuracy in 0 … 1; NaN ignored
    // The current run went back to samplesSeen (the timeline's Resume): its later points, test
    // accuracies and rate marks go; the run goes on from there.
    void rewindRun(double samplesSeen);
    void markLearningRate(double samplesSeen, double lr);  // one mark, as given
    // A live change (see the file comment): a new mark, or the open change's mark moved to
    // (samplesSeen, lr); a change that comes back to the rate before it leaves no mark.
    void changeLearningRate(double samplesSeen, double lr);
    static constexpr int kRateQuietMs = 800;

    // The follow window: the last max(kFollowErrorWindows × N, a quarter of the run) samples,
    // rounded up to a round number (N of the running error).
    static constexpr int kFollowErrorWindows = 20;
    static double followWindow(double samplesSeen, int errorWindow);
    void setFollowing(bool follow);  // false: the whole run
    bool isFollowing() const { return m_following; }
    double shownFrom() const;  // the x axis' range now
    double shownTo() const;

    // A text drawn on the chart and where (chart view coordinates), for tests and tooltips.
    struct ChartLabel {
        QString text;
        QRectF rect;
        double x = 0;  // the mark's or the point's samples seen
    };
    // The current run's learning-rate labels as drawn: a label that would overlap another goes
    // one row lower (kRateLabelRows rows), then into the tooltip of its mark (hidden = true).
    static constexpr int kRateLabelRows = 2;
    QVector<ChartLabel> rateLabels(QVector<ChartLabel>* hidden = nullptr) const;
    // The current run's test-accuracy labels ("87.4 %") above (or below) their points, inside
    // the plot area, overlapping neither each other nor a rate label (the newest first; one
    // that cannot be placed is left to its tooltip).
    QVector<ChartLabel> accuracyLabels() const;
    QRectF plotArea() const;  // chart view coordinates
    // The two error and accuracy axis titles, written level in the strip above the plot (a
    // rotated title longer than the plot is high would be cut to "…"): "running error" over the
    // left axis, "test accuracy %" over the right one, each in its curve's colour.
    QVector<ChartLabel> axisTitles() const;
    QFont chartLabelFont() const;  // rate and accuracy labels: the axis labels' font
    QFont axisTitleFont() const;
    void setErrorWindow(int samples);  // N of "mean of the last N samples"
    // Presentation mode: the caption and the Clear button are hidden, so the chart (and its axis
    // titles) get their room; the caption stays as the chart's tooltip.
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }
    void clearPreviousRuns();
    // Replaces every overlay (an empty list removes them); redrawn on the coalescing timer.
    void setOverlays(const QVector<Overlay>& overlays);
    const QVector<Overlay>& overlays() const { return m_overlays; }

    bool exportPng(const QString& path, QSize size = {});  // size empty = as on screen
    bool exportCsv(const QString& path) const;
    // The CSV text: run,label,series,samples_seen,value (series: error, test_accuracy,
    // learning_rate), earlier runs first; then each overlay as run "overlay", series error.
    QString csv() const;

    // The learning rates a run used: "α 0.1 → 1.0" (the start and every change); with more
    // than kRatesNamed rates the start, "…" and the last ones, and how many changes there
    // were. Empty when the rate never changed.
    static constexpr int kRatesNamed = 4;
    QString rateHistory(const Run& run) const;
    // The run's label with its start rate replaced by its history ("α 0.1 → 1.0 · hidden 100").
    QString runName(const Run& run) const;
    // The rate a label begins with (its "α 0.1"), NaN when it names none.
    static double labelledRate(const QString& label);

    // State, for tests and for export.
    const Run& currentRun() const { return m_current; }
    const QVector<Run>& previousRuns() const { return m_previous; }
    int drawnErrorPoints() const;      // points in the current run's drawn series
    int drawnPreviousSeries() const;   // faded series on the chart
    QStringList legendLabels() const;  // names of the visible series (the legend's entries)

    // Averages points into at most maxPoints buckets of consecutive samples (keeps the first
    // and the last point), so a 10-epoch MNIST run stays smooth to draw.
    static QVector<QPointF> downsample(const QVector<QPointF>& points, int maxPoints);

    static constexpr int kMaxPreviousRuns = 8;

  public slots:
    void refresh();  // redraws now (normally done by the coalescing timer)
    // The slider is held down (true) or let go: changes while it is down are one change.
    void setRateEditing(bool editing);
    void endRateChange();  // the quiet time is over: the next change is a new mark

  protected:
    // The chart's texts grow and shrink with the widget's font (presentation mode scales the
    // application font; Qt Charts keeps the fonts its theme chose when the chart was made).
    void changeEvent(QEvent* event) override;  // FontChange: scaled fonts; LanguageChange

  private:
    void retranslateUi();  // axis titles, series names, caption, button
    void scheduleRefresh();
    void updateAxes();
    void placeFollowButton();
    void updateCurrentName();    // the current run's legend entry
    QString legendHtml() const;  // the legend's text: one entry per series, never broken inside
    void updateFollowButton();
    bool eventFilter(QObject* watched, QEvent* event) override;  // the view's resize
    QLineSeries* makeFadedSeries(const Run& run, int index);

    QChart* m_chart = nullptr;                // owned by m_view
    QChartView* m_view = nullptr;             // the chart widget (draws the rate marks too)
    QValueAxis* m_axisX = nullptr;            // samples seen
    QValueAxis* m_axisError = nullptr;        // running error (left)
    QValueAxis* m_axisAccuracy = nullptr;     // test accuracy % (right)
    QLineSeries* m_errorSeries = nullptr;     // current run's running error
    QLineSeries* m_accuracySeries = nullptr;  // current run's test accuracy (with points)
    QVector<QLineSeries*> m_fadedSeries;      // earlier runs, same order as m_previous
    QVector<QLineSeries*> m_overlaySeries;    // one per overlay, same order as m_overlays
    QVector<Overlay> m_overlays;              // other people's curves (class mode)
    QLabel* m_caption = nullptr;              // "mean of the last N samples"
    QLabel* m_legend = nullptr;               // every run's entry, wrapped between entries
    QPushButton* m_clearButton = nullptr;     // clears earlier runs
    bool m_compact = false;                   // caption and button hidden (presentation)
    Run m_current;                            // the run being trained
    QVector<Run> m_previous;                  // earlier runs, oldest first
    int m_errorWindow = 100;                  // N of the running error
    QTimer m_refreshTimer;                    // coalesces redraws (single shot)
    QToolButton* m_followButton = nullptr;    // whole run ⇄ follow (in the chart's corner)
    bool m_following = true;                  // the x axis shows the recent part
    bool m_rateEditing = false;               // the learning-rate slider is held down
    int m_openRateMark = -1;                  // the open change's mark (index), -1 none
    bool m_rateChangeOpen = false;            // changes now are one change of the person
    double m_rateBeforeChange = 0;            // the rate before the open change began
    QTimer m_rateQuiet;                       // ends the open change (single shot)
    int m_runCount = 0;                       // runs begun (numbers them)
    double m_baseFontSize = 0;                // widget font size (pt) the chart fonts match
    QFont m_legendFont, m_labelsFont, m_axisTitleFont;  // the theme's fonts at that size
};

}  // namespace bps
