// ErrorChoiceLesson.h — the book's "which error to use", the first lesson of the "why it
// learns" chapter:
//  - a table of outputs o and targets t with the three candidate errors t − o, |t − o| and
//    (t − o)²: their sums show Σ(t − o) cancelling to 0 while the network is wrong;
//  - y = |x − 5| and y = (x − 5)² with a ball doing gradient descent on each (bp::rollBall),
//    x ← x − α·dy/dx, at the learning rate of a slider; Step / Play / Reset. Under each curve the
//    last step's x, slope and step length, and what the path does (bp::summariseDescent): on the
//    V the step is always α and the ball bounces across the bottom; on the parabola every step
//    multiplies the distance by |1 − 2α|, so the steps shrink — and for α > 1 grow: it diverges.
#pragma once

#include <QTimer>
#include <QWidget>
#include <vector>

#include "backprop/GradientDescent.h"
#include "lessons/Lesson.h"

class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;
class QTableWidget;

namespace bps {

// One of the two curves with the ball's path on it, painted (works offscreen).
class DescentPlot : public QWidget {
    Q_OBJECT
  public:
    explicit DescentPlot(bp::Curve curve, QWidget* parent = nullptr);
    void setPath(std::vector<bp::BallStep> path);
    const bp::Curve& curve() const { return m_curve; }
    static constexpr double kHalfWidth = 6;  // x runs c − 6 … c + 6

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    bp::Curve m_curve;                 // the curve drawn
    std::vector<bp::BallStep> m_path;  // the ball's positions so far
};

class ErrorChoiceLesson : public Lesson {
    Q_OBJECT
  public:
    // One output of the table: what the network said and what it should have said.
    struct Row {
        double output = 0;  // o
        double target = 0;  // t
    };
    // The three candidate errors of a row and their sums over the rows.
    struct Errors {
        double difference = 0;  // t − o
        double absolute = 0;    // |t − o|
        double squared = 0;     // (t − o)²
    };

    explicit ErrorChoiceLesson(QWidget* parent = nullptr);
    ~ErrorChoiceLesson() override;

    QString title() const override { return tr("Which error to use"); }
    QString id() const override { return QStringLiteral("which-error"); }
    QWidget* picture() const override;
    void deactivated() override { pause(); }

    // The table's rows: the book's two outputs whose errors t − o are +0.1 and −0.1.
    static std::vector<Row> exampleRows();
    static Errors errorsOf(const Row& r);
    static Errors sumOf(const std::vector<Row>& rows);
    // The table as shown, cell by cell (row r, column c; the last row is the sums).
    QString tableCell(int r, int c) const;

    double learningRate() const { return m_alpha; }
    void setLearningRate(double alpha);  // moves the slider, restarts both balls
    void step();                         // one step of both balls
    void play();                         // a step every kPlayIntervalMs until kMaxSteps
    void pause();
    void reset();  // both balls back to kStart
    bool playing() const { return m_timer.isActive(); }
    int stepsTaken() const { return m_steps; }

    // The path so far on the V (CurveShape::V) or the parabola, from bp::rollBall.
    const std::vector<bp::BallStep>& path(bp::CurveShape shape) const;
    bp::DescentSummary summary(bp::CurveShape shape) const;
    // The numbers and the words under each curve.
    QString numbersText(bp::CurveShape shape) const;
    QString outcomeText(bp::CurveShape shape) const;

    static constexpr double kStart = 1;   // where both balls start
    static constexpr double kCentre = 5;  // the bottom of both curves
    static constexpr double kDefaultRate = 0.3;
    static constexpr double kMaxRate = 1.5;  // the slider's end (the parabola diverges > 1)
    static constexpr int kRateTicks = 150;   // slider steps of 0.01
    static constexpr int kMaxSteps = 60;     // Play stops here
    static constexpr int kPlayIntervalMs = 350;

  protected:
    void retranslateUi() override;

  private:
    void recompute();  // paths from kStart, m_alpha and m_steps; redraws
    void updateTexts();

    double m_alpha = kDefaultRate;  // α
    int m_steps = 0;                // steps taken
    std::vector<bp::BallStep> m_vPath, m_parabolaPath;
    QTimer m_timer;  // Play

    QTableWidget* m_table = nullptr;
    DescentPlot* m_vPlot = nullptr;
    DescentPlot* m_parabolaPlot = nullptr;
    QLabel* m_vNumbers = nullptr;
    QLabel* m_parabolaNumbers = nullptr;
    QLabel* m_vOutcome = nullptr;
    QLabel* m_parabolaOutcome = nullptr;
    QSlider* m_rate = nullptr;
    QLabel* m_rateLabel = nullptr;
    QPushButton* m_stepButton = nullptr;
    QPushButton* m_playButton = nullptr;
    QPushButton* m_resetButton = nullptr;
    QGroupBox* m_tableBox = nullptr;
    QGroupBox* m_ballBox = nullptr;
    QLabel* m_tableNote = nullptr;
    QWidget* m_pictures = nullptr;  // both plots side by side (the exported picture)
};

}  // namespace bps
