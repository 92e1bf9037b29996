// test_lessons_neuron.cpp — "A single neuron": x = Σ w·a and o = sigmoid(x) are the core's
// forward pass of a one-neuron network, at the book's numbers (hidden node 1 of its three layers:
// the same x as the book-examples lesson's) and after moving sliders; the texts show them; the
// lesson fits the lessons window at 1280×720 and 1024×768.
#include <QSlider>
#include <QtTest>
#include <cmath>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "backprop/Activation.h"
#include "lessons/SingleNeuronLesson.h"
#include "lessons/WhyNetworks.h"

using bps::SingleNeuronLesson;

class TestSingleNeuronLesson : public QObject {
    Q_OBJECT
  private slots:
    void booksNeuron() {
        SingleNeuronLesson l;
        const bps::why::NetAndSample book = bps::why::bookNetwork();
        PassCheck(l, book);
        QVERIFY(l.sumText().contains(QString::number(l.netInput(), 'f', 4)));
        QVERIFY(l.outputText().contains(QString::number(l.output(), 'f', 4)));
    }

    void slidersMoveTheNeuron() {
        SingleNeuronLesson l;
        auto* w2 = l.findChild<QSlider*>(QStringLiteral("weight2"));
        auto* a3 = l.findChild<QSlider*>(QStringLiteral("input3"));
        QVERIFY(w2 && a3);
        w2->setValue(-150);  // w2 = −1.5
        a3->setValue(25);    // a3 = 0.25
        QCOMPARE(l.weight(1), -1.5);
        QCOMPARE(l.input(2), 0.25);
        double x = 0;
        for (int i = 0; i < SingleNeuronLesson::kInputs; ++i) x += l.weight(i) * l.input(i);
        QVERIFY(std::abs(l.netInput() - x) < 1e-15);
        QCOMPARE(l.output(), bp::activate(bp::Activation::Sigmoid, l.netInput()));
        l.setWeight(0, 99);  // clamped
        QCOMPARE(l.weight(0), SingleNeuronLesson::kMaxWeight);
        l.resetToBook();
        QCOMPARE(l.weight(1), bps::why::bookNetwork().net.weights(0)(0, 1));
    }

    void screenshot() {
        SingleNeuronLesson l;
        QVERIFY(
            lessonshot::screenshot(l, QStringLiteral("lesson-single-neuron"), QSize(1000, 690)));
    }

    void fitsTheLessonsWindow() {
        for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
            const QStringList problems = whyfit::problemsAt(
                QStringLiteral("single-neuron"), size, 1.0, QStringLiteral("lesson-single-neuron"));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        const QStringList big =
            whyfit::problemsAt(QStringLiteral("single-neuron"), QSize(1280, 720), 1.5,
                               QStringLiteral("lesson-single-neuron-big"));
        QVERIFY2(big.isEmpty(), qPrintable(big.join(QLatin1Char('\n'))));
    }

  private:
    // The lesson's neuron is the book's hidden node 1: x = W_0 row 0 · I, o its sigmoid.
    static void PassCheck(const SingleNeuronLesson& l, const bps::why::NetAndSample& b) {
        bp::PassValues v;
        b.net.forward(b.input, v);
        const double x = v.x[1](0), o = v.o[1](0);  // hidden node 1
        QVERIFY(std::abs(l.netInput() - x) < 1e-15);
        QVERIFY(std::abs(l.output() - o) < 1e-15);
    }
};

QTEST_MAIN(TestSingleNeuronLesson)
#include "test_lessons_neuron.moc"
