// PlaygroundLesson.h — "one classifier is not enough": a 2-D playground in the spirit of
// TensorFlow Playground. Points of two classes (XOR, circle, two Gaussians, spiral, or your own
// clicks), a small network trained live on a GUI-thread timer (each tick trains a couple of
// epochs of ≤ a few hundred samples and recomputes the maps: about a millisecond), the decision
// region painted behind the points, and each hidden neuron's output over the plane drawn on its
// node. With no hidden layer the network is a single linear classifier and XOR defeats it.
#pragma once

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include "lessons/Lesson.h"
#include "lessons/models/Playground.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace bps {

// The picture: the network with a map on every node (left) and the plane (right).
class PlaygroundView : public QWidget {
    Q_OBJECT
  public:
    explicit PlaygroundView(QWidget* parent = nullptr);
    void setModel(const lessons::PlaygroundModel* model) { m_model = model; }
    void setMaps(lessons::PlaygroundModel::Maps maps);
    void setShowTestPoints(bool on);
    bool showTestPoints() const { return m_showTest; }
    QRectF planeRect() const;                    // widget rectangle of the big plot
    QPointF toWidget(double x, double y) const;  // plane (−1 … 1) → widget
    QPointF toPlane(QPointF w) const;

  signals:
    void clicked(double x, double y, int label);  // left button: class 0, right: class 1

  protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent*) override;

  private:
    void paintNetwork(QPainter& p, const QRectF& area);
    void paintPlane(QPainter& p);

    const lessons::PlaygroundModel* m_model = nullptr;  // what is drawn (owned by the lesson)
    lessons::PlaygroundModel::Maps m_maps;              // decision and hidden maps
    QImage m_decision;                                  // m_maps.decision as colours
    std::vector<QImage> m_hidden;                       // each hidden neuron's map as colours
    bool m_showTest = true;                             // draw the test points (hollow)
};

class PlaygroundLesson : public Lesson {
    Q_OBJECT
  public:
    explicit PlaygroundLesson(QWidget* parent = nullptr);

    QString title() const override { return tr("One classifier is not enough"); }
    QString id() const override { return QStringLiteral("playground"); }
    QWidget* picture() const override;
    void deactivated() override { pause(); }

    // Actions (the controls call these; the tests too).
    void setShape(lessons::PlaneShape s);  // new points, network reset
    void setHidden(int neurons);           // 0 = no hidden layer; network reset
    void setActivation(bp::Activation a);  // network reset
    void setNoise(double share);           // 0 … 1; new points
    void setTestShare(double share);       // 0.1 … 0.5; new split
    void setLearningRate(double lr);
    void setShowTestPoints(bool on);
    void regenerate();    // new points from the next seed
    void resetNetwork();  // new weights, drawn from the next seed
    void play();
    void pause();
    bool running() const { return m_timer.isActive(); }
    void tick();                   // one timer tick: train, recompute the maps
    void trainEpochs(int epochs);  // trains and redraws (no timer)

    const lessons::PlaygroundModel& model() const { return m_model; }
    PlaygroundView* view() const { return m_view; }
    double lastTickMs() const { return m_lastTickMs; }
    QString statusText() const;

    static constexpr int kPoints = 200;       // points per generated set
    static constexpr int kEpochsPerTick = 2;  // training per timer tick
    static constexpr int kMapSide = 64;       // grid of the decision map
    static constexpr int kNodeMapSide = 24;   // grid of the maps on the hidden nodes

  protected:
    void retranslateUi() override;

  private:
    void rebuildData();  // points from shape, noise, seed; split; user points kept
    void showShares();   // "Noise 20%", "Test share 30%"
    void showStatus();   // epoch, loss, accuracies
    void rebuildNetwork();
    void redraw();

    lessons::PlaygroundModel m_model;
    lessons::PlaneShape m_shape = lessons::PlaneShape::Xor;
    std::vector<lessons::PlanePoint> m_userPoints;  // clicked points (all shapes)
    double m_noise = 0.0, m_testShare = 0.3;
    std::uint64_t m_dataSeed = 7;    // seed of the points; "new points" advances it
    std::uint64_t m_weightSeed = 1;  // seed of the weights; "new weights" advances it
    QTimer m_timer;                  // the live training
    double m_lastTickMs = 0;         // duration of the last tick
    double m_lastLoss = 0;           // mean Σ(T−O)² of the last tick's samples

    PlaygroundView* m_view = nullptr;
    QComboBox* m_shapeBox = nullptr;
    QSlider* m_noiseSlider = nullptr;
    QSlider* m_testSlider = nullptr;
    QLabel* m_noiseLabel = nullptr;  // "Noise 20%"
    QLabel* m_testLabel = nullptr;   // "Test share 30%"
    QCheckBox* m_showTest = nullptr;
    QSpinBox* m_hiddenSpin = nullptr;
    QComboBox* m_activationBox = nullptr;
    QDoubleSpinBox* m_rateSpin = nullptr;
    QPushButton* m_playButton = nullptr;
    QLabel* m_status = nullptr;
    // Widgets whose only job is their text.
    struct Texts {
        QPushButton* newPoints = nullptr;
        QPushButton* step = nullptr;   // one epoch
        QPushButton* reset = nullptr;  // new weights
        QGroupBox* dataBox = nullptr;
        QGroupBox* netBox = nullptr;
        QFormLayout* dataForm = nullptr;  // its row labels
        QFormLayout* netForm = nullptr;
    } m_texts;
};

}  // namespace bps
