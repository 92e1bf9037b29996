// ErrorSurfaceLesson.h — "the error surface": the network's error E as a function of two of its
// own weights that the student picks, every other weight held where it is (bp::ErrorSlice), drawn
// as a software-painted heat map with contour lines (works offscreen and under Xvfb), and the
// path gradient descent takes on it at the chosen α, step by step (ErrorSlice::descend). The
// text says, as the book does, that the real surface has as many dimensions as the network has
// weights and that this is a slice of it. The book's 3-3-3 network, or the studio's (setSnapshot).
#pragma once

#include <QImage>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "backprop/ErrorSurface.h"
#include "lessons/Lesson.h"
#include "lessons/WhyNetworks.h"

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QPushButton;

namespace bps {

class WeightPicker;

// The heat map of a SurfaceGrid with contour lines and a descent path.
class SurfaceMap : public QWidget {
    Q_OBJECT
  public:
    explicit SurfaceMap(QWidget* parent = nullptr);
    void setGrid(const bp::SurfaceGrid& grid, QString aName, QString bName);
    void setPath(std::vector<bp::SlicePoint> path);
    QSize sizeHint() const override { return {440, 400}; }
    static constexpr int kLevels = 12;  // contour lines

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    QRectF plotRect() const;
    QPointF at(double a, double b) const;  // weight values → widget point

    bp::SurfaceGrid m_grid;
    QImage m_heat;  // one pixel per grid point, b upwards
    std::vector<bp::SlicePoint> m_path;
    QString m_aName, m_bName;
};

class ErrorSurfaceLesson : public Lesson {
    Q_OBJECT
  public:
    explicit ErrorSurfaceLesson(QWidget* parent = nullptr);
    ~ErrorSurfaceLesson() override;

    QString title() const override { return tr("The error surface"); }
    QString id() const override { return QStringLiteral("error-surface"); }
    QWidget* picture() const override;
    void setSnapshot(SnapshotPtr s) override;
    void deactivated() override { pause(); }

    bool useStudio(bool on);  // false when the studio has sent no sample
    bool usingStudio() const { return m_useStudio; }
    // The two weights (clamped into the network; B moved off A when they are the same).
    void selectWeights(const bp::WeightRef& a, const bp::WeightRef& b);
    const bp::WeightRef& weightA() const { return m_a; }
    const bp::WeightRef& weightB() const { return m_b; }
    void setLearningRate(double alpha);
    double learningRate() const;
    void setHalfRange(double r);  // the grid spans own value ± r on both axes

    void step();
    void play();
    void pause();
    void reset();
    bool playing() const { return m_timer.isActive(); }
    int stepsTaken() const { return m_steps; }

    const bp::ErrorSlice& slice() const { return *m_slice; }
    const bp::SurfaceGrid& grid() const { return m_grid; }
    const std::vector<bp::SlicePoint>& path() const { return m_path; }
    QString stepText() const;   // the path's last point in numbers
    QString sliceText() const;  // "a slice of an N-dimensional surface"

    static constexpr int kGridPoints = 121;
    static constexpr double kDefaultRate = 2.0;
    static constexpr double kDefaultHalfRange = 4.0;
    static constexpr int kMaxSteps = 200;
    static constexpr int kPlayIntervalMs = 120;

  protected:
    void retranslateUi() override;

  private:
    void rebuild();    // pickers' ranges from the network, then recompute()
    void recompute();  // slice and grid
    void recomputePath();
    static QString shortName(const QString& axis, const bp::WeightRef& w);  // on the map
    void readPickers();

    why::NetAndSample m_net = why::bookNetwork();
    std::optional<why::NetAndSample> m_studio;
    bool m_useStudio = false;
    bp::WeightRef m_a{1, 0, 0}, m_b{0, 0, 0};
    std::unique_ptr<bp::ErrorSlice> m_slice;
    bp::SurfaceGrid m_grid;
    std::vector<bp::SlicePoint> m_path;
    int m_steps = 0;
    QTimer m_timer;

    SurfaceMap* m_map = nullptr;
    QComboBox* m_netBox = nullptr;
    struct Picker {
        WeightPicker* picker = nullptr;  // views/WeightPicker
        QLabel* name = nullptr;          // "a (across):"
    } m_pickA, m_pickB;
    QDoubleSpinBox* m_alphaBox = nullptr;
    QDoubleSpinBox* m_rangeBox = nullptr;
    QPushButton* m_stepButton = nullptr;
    QPushButton* m_playButton = nullptr;
    QPushButton* m_resetButton = nullptr;
    QLabel* m_stepLabel = nullptr;
    QLabel* m_sliceLabel = nullptr;
    struct Texts {
        QGroupBox* pick = nullptr;
        QGroupBox* descent = nullptr;
        QLabel* net = nullptr;
        QLabel* alpha = nullptr;
        QLabel* range = nullptr;
    } m_texts;
};

}  // namespace bps
