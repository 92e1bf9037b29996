// SingleNeuronLesson.h — "a single neuron", the book's "neurons are nature's computers" made
// concrete before the layers: three inputs a_i and their weights w_i on sliders, the net input
// x = Σ w_i·a_i and the output o = sigmoid(x), both computed by a one-neuron bp::Network, and
// sigmoid(x) drawn with the neuron's point on it. Starts at the book's hidden node 1 of its
// three-layer example (inputs 0.9, 0.1, 0.8; weights 0.9, 0.3, 0.4 → x = 1.16).
#pragma once

#include <QWidget>
#include <array>

#include "backprop/Network.h"
#include "lessons/Lesson.h"

class QGroupBox;
class QLabel;
class QPushButton;
class QSlider;

namespace bps {

// sigmoid(x) over −kRange … kRange with one point on it.
class NeuronCurve : public QWidget {
    Q_OBJECT
  public:
    explicit NeuronCurve(QWidget* parent = nullptr);
    void setPoint(double x, double o);
    static constexpr double kRange = 8;

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    double m_x = 0, m_o = 0.5;
};

class SingleNeuronLesson : public Lesson {
    Q_OBJECT
  public:
    static constexpr int kInputs = 3;
    explicit SingleNeuronLesson(QWidget* parent = nullptr);
    ~SingleNeuronLesson() override;

    QString title() const override { return tr("A single neuron"); }
    QString id() const override { return QStringLiteral("single-neuron"); }
    QWidget* picture() const override;

    void setInput(int i, double a);   // clamped to 0 … 1 (slider steps of 0.01)
    void setWeight(int i, double w);  // clamped to −kMaxWeight … kMaxWeight
    double input(int i) const { return m_inputs[static_cast<std::size_t>(i)]; }
    double weight(int i) const { return m_weights[static_cast<std::size_t>(i)]; }
    void resetToBook();
    double netInput() const { return m_x; }  // x = Σ w·a (the core's forward pass)
    double output() const { return m_o; }    // sigmoid(x)
    QString sumText() const;
    QString outputText() const;

    static constexpr double kMaxWeight = 3;
    static constexpr int kTicks = 100;  // slider steps per 1.0

  protected:
    void retranslateUi() override;

  private:
    void recompute();
    void syncSliders();

    std::array<double, kInputs> m_inputs{}, m_weights{};
    double m_x = 0, m_o = 0;
    bp::Network m_net;  // 3 → 1, sigmoid

    std::array<QSlider*, kInputs> m_inputSliders{}, m_weightSliders{};
    std::array<QLabel*, kInputs> m_inputNames{}, m_weightNames{}, m_inputValues{}, m_weightValues{};
    NeuronCurve* m_curve = nullptr;
    QLabel* m_sum = nullptr;
    QLabel* m_out = nullptr;
    QPushButton* m_bookButton = nullptr;
    QGroupBox* m_box = nullptr;
    QGroupBox* m_curveBox = nullptr;
};

}  // namespace bps
