// test_lessons_calccheck.cpp — "Check my calculation": on one training step of the book's 3-3-3
// network, the right E, O(1 − O) and ΔW entries (the step's own ΔW) are marked right; a ΔW
// without α, with the error's sign flipped, or transposed is marked wrong with its factor named
// and the network's value shown (hints on) or only "not right" (hints off); text that is not a
// number is refused; the lesson fits the lessons window at 1280×720 and 1024×768.
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>
#include <cmath>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "backprop/CalculationCheck.h"
#include "lessons/CalculationCheckLesson.h"

using bps::CalculationCheckLesson;

namespace {
QString num(double v) {
    return QString::number(v, 'g', 10);
}
}  // namespace

class TestCalculationCheckLesson : public QObject {
    Q_OBJECT
  private slots:
    void rightAnswersAreRight() {
        CalculationCheckLesson l;
        const bp::PassValues& v = l.values();
        const double a = CalculationCheckLesson::kLearningRate;
        for (int k = 0; k < 2; ++k)
            for (int r = 0; r < 3; ++r)
                for (int c = 0; c < 3; ++c) {
                    l.ask(bp::CheckQuantity::DeltaW, k, r, c);
                    QCOMPARE(l.value(), bp::deltaWEntry(v, false, {k, r, c}, a));
                    QVERIFY(std::abs(l.value() - v.dW[k](r, c)) < 1e-15);  // the step's ΔW
                    QVERIFY(l.check(num(v.dW[k](r, c))));
                    QVERIFY(l.result().correct);
                    QVERIFY(l.resultText().startsWith(QStringLiteral("<b>Right.</b>")));
                }
        l.ask(bp::CheckQuantity::SampleError);
        QVERIFY(l.check(num(v.error)));
        QVERIFY(l.result().correct);
        l.ask(bp::CheckQuantity::ActivationSlope, 2, 1);
        const double o = v.o[2](1);
        QVERIFY(l.check(num(o * (1 - o)).replace(QLatin1Char('.'), QLatin1Char(','))));
        QVERIFY(l.result().correct);
    }

    void slipsAreNamed() {
        CalculationCheckLesson l;
        const bp::PassValues& v = l.values();
        const double a = CalculationCheckLesson::kLearningRate;
        l.ask(bp::CheckQuantity::DeltaW, 1, 0, 1);
        const double right = l.value();
        const double e = v.e[2](0), o = v.o[2](0), p = v.o[1](1);
        QVERIFY(l.check(num(e * o * (1 - o) * p)));  // α left out
        QVERIFY(!l.result().correct);
        QCOMPARE(l.result().factor, bp::CheckFactor::LearningRate);
        QVERIFY(l.resultText().contains(QStringLiteral("α")));
        QVERIFY(l.resultText().contains(QString::number(right, 'g', 4)));
        QVERIFY(l.check(num(-right)));
        QCOMPARE(l.result().mistake, bp::Mistake::ErrorSignFlipped);
        QCOMPARE(l.result().factor, bp::CheckFactor::Error);
        const double oc = v.o[2](1);
        QVERIFY(l.check(num(a * v.e[2](1) * oc * (1 - oc) * v.o[1](0))));
        QCOMPARE(l.result().factor, bp::CheckFactor::Transpose);
        // hints off for a test: only right or not, no value, no slip
        l.setHints(false);
        QVERIFY(l.check(num(e * o * (1 - o) * p)));
        QVERIFY(!l.resultText().contains(QString::number(right, 'g', 4)));
        QVERIFY(!l.resultText().contains(QStringLiteral("α")));
        QVERIFY(!l.check(QStringLiteral("a lot")));
        QVERIFY(!l.checked());
    }

    void checkButtonReadsTheField() {
        CalculationCheckLesson l;
        l.ask(bp::CheckQuantity::SampleError);
        l.findChild<QLineEdit*>(QStringLiteral("checkAnswer"))->setText(num(l.values().error));
        l.findChild<QPushButton*>(QStringLiteral("checkButton"))->click();
        QVERIFY(l.checked());
        QVERIFY(l.result().correct);
    }

    void screenshot() {
        CalculationCheckLesson l;
        l.ask(bp::CheckQuantity::DeltaW, 1, 0, 1);
        const bp::PassValues& v = l.values();
        const double o = v.o[2](0);
        l.check(QString::number(v.e[2](0) * o * (1 - o) * v.o[1](1), 'g', 3));  // α left out
        QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-check-calculation"),
                                       QSize(1000, 690)));
    }

    void fitsTheLessonsWindow() {
        const auto prepare = [](bps::Lesson* lesson) {
            auto* l = qobject_cast<CalculationCheckLesson*>(lesson);
            QVERIFY(l);
            l->ask(bp::CheckQuantity::DeltaW, 1, 0, 1);
            l->check(QString::number(-l->value(), 'g', 3));
        };
        for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
            const QStringList problems =
                whyfit::problemsAt(QStringLiteral("check-calculation"), size, 1.0,
                                   QStringLiteral("lesson-check-calculation"), prepare);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        const QStringList big =
            whyfit::problemsAt(QStringLiteral("check-calculation"), QSize(1280, 720), 1.5,
                               QStringLiteral("lesson-check-calculation-big"), prepare);
        QVERIFY2(big.isEmpty(), qPrintable(big.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestCalculationCheckLesson)
#include "test_lessons_calccheck.moc"
