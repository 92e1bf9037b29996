// test_lessons_chainrule.cpp — "The slope of one weight": for every weight of the book's 3-3-3
// network (hidden → output and input → hidden), under the exact rule and the book's, the lesson's
// slope is the core's chain rule, equals the finite-difference slope to 1e-7 wherever it is the
// exact gradient, and equals −ΔW/α of one real training step to 1e-12; the derivation's lines
// step one at a time and carry the chain rule's numbers; the studio's network is used from a
// snapshot; the lesson fits the lessons window at 1280×720 and 1024×768.
#include <QPushButton>
#include <QSpinBox>
#include <QtTest>
#include <cmath>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "backprop/Gradient.h"
#include "backprop/NumericSlope.h"
#include "backprop/Stepper.h"
#include "lessons/ChainRuleLesson.h"
#include "training/SnapshotBuilder.h"

using bps::ChainRuleLesson;

namespace {
QString n4(double v) {
    return QString::number(v, 'g', 4);
}
}  // namespace

class TestChainRuleLesson : public QObject {
    Q_OBJECT
  private slots:
    void everyWeightAgreesWithTheNumericSlopeAndTheUpdate() {
        ChainRuleLesson l;
        QVERIFY(!l.usingStudio());
        for (const bp::ErrorRule rule : {bp::ErrorRule::Gradient, bp::ErrorRule::Book}) {
            l.setRule(rule);
            for (const double alpha : {0.1, 0.3}) {
                l.setLearningRate(alpha);
                double largest = 0;
                int checked = 0;
                for (int k = 0; k < l.network().weightLayers(); ++k)
                    for (int r = 0; r < l.network().weights(k).rows(); ++r)
                        for (int c = 0; c < l.network().weights(k).cols(); ++c) {
                            l.selectWeight({k, r, c});
                            QCOMPARE(l.weight(), (bp::WeightRef{k, r, c}));
                            const bp::ChainRule& ch = l.chain();
                            const bp::ChainRule core =
                                bp::chainRule(l.network(), l.input(), l.target(), {k, r, c}, rule);
                            QCOMPARE(ch.slope, core.slope);
                            // −ΔW/α of one real step, to 1e-12
                            QVERIFY(std::abs(ch.slope - (-l.stepDeltaW() / alpha)) < 1e-12);
                            QVERIFY(std::abs(l.stepNewWeight() - ch.newWeight(alpha)) < 1e-12);
                            const bp::NumericSlope n =
                                bp::numericSlope(l.network(), l.input(), l.target(), {k, r, c});
                            QCOMPARE(l.numeric().slope, n.slope);
                            if (ch.exact) {
                                QVERIFY2(
                                    std::abs(ch.slope - n.slope) < 1e-7,
                                    qPrintable(QStringLiteral("W%1(%2,%3)").arg(k).arg(r).arg(c)));
                                QVERIFY(l.agreeingDigits() >= ChainRuleLesson::kDigits - 1);
                                QVERIFY(l.comparisonText().contains(
                                    QStringLiteral("agree to %1").arg(l.agreeingDigits())));
                            } else {
                                QCOMPARE(rule, bp::ErrorRule::Book);
                                QCOMPARE(k, 0);
                                QVERIFY(l.comparisonText().contains(QStringLiteral("differ")));
                            }
                            largest = std::max(largest, std::abs(n.slope));
                            ++checked;
                        }
                QCOMPARE(checked, static_cast<int>(l.network().parameterCount()));
                QVERIFY2(largest > 1e-3, "an all-zero gradient would prove nothing");
            }
        }
    }

    void linesStepAndCarryTheNumbers() {
        ChainRuleLesson l;
        l.setLearningRate(0.1);
        l.selectWeight({1, 0, 1});  // hidden node 2 → output node 1
        QVERIFY(l.chain().outputLayer);
        QCOMPARE(l.findChild<QSpinBox*>(QStringLiteral("weightFrom"))->value(), 2);
        QCOMPARE(l.findChild<QSpinBox*>(QStringLiteral("weightTo"))->value(), 1);
        QCOMPARE(l.shownLines(), 1);
        auto* next = l.findChild<QPushButton*>(QStringLiteral("nextLine"));
        QVERIFY(next);
        next->click();
        QCOMPARE(l.shownLines(), 2);
        const bp::ChainRule& c = l.chain();
        const QString all = [&] {
            QString s;
            for (int i = 0; i < l.lineCount(); ++i) s += l.line(i) + QLatin1Char('\n');
            return s;
        }();
        for (double v : {c.target, c.output, c.dEdo, c.net, c.input, c.slopeWithTwo, c.slope,
                         c.weight, c.newWeight(0.1), l.stepDeltaW()})
            QVERIFY2(all.contains(n4(v)), qPrintable(n4(v) + QStringLiteral(" in ") + all));
        l.showAllLines();
        QCOMPARE(l.shownLines(), l.lineCount());
        QVERIFY(!next->isEnabled());
        l.restartLines();
        QCOMPARE(l.shownLines(), 1);
        // a hidden weight: e_j in place of t − o
        l.selectWeight({0, 2, 0});
        QVERIFY(!l.chain().outputLayer);
        l.showAllLines();
        QVERIFY(l.line(1).contains(QStringLiteral("e<sub>j</sub>")));
        QVERIFY(l.line(1).contains(n4(l.chain().error)));
        QVERIFY(l.matrixText().contains(QStringLiteral("O(1 − O)")));
    }

    void usesTheStudiosNetwork() {
        ChainRuleLesson l;
        QVERIFY(!l.useStudio(true));  // nothing sent yet
        bp::NetworkSpec spec;
        spec.layers = {6, 5, 4};
        spec.seed = 9;
        const bp::Network net(spec);
        bp::Vector in(6), t = bp::bookTarget(2, 4);
        in << 0.2, 0.9, 0.01, 0.5, 0.7, 0.3;
        l.setSnapshot(bps::snapshotOfSample(net, in, t, 0.25));
        QVERIFY(l.studioAvailable());
        QVERIFY(l.useStudio(true));
        QCOMPARE(l.network().spec().layers, spec.layers);
        QCOMPARE(l.input(), in);
        QCOMPARE(l.learningRate(), 0.25);
        l.selectWeight({1, 2, 4});
        const bp::ChainRule core = bp::chainRule(net, in, t, {1, 2, 4}, spec.rule);
        QCOMPARE(l.chain().slope, core.slope);
        QVERIFY(std::abs(l.chain().slope - bp::numericSlope(net, in, t, {1, 2, 4}).slope) < 1e-7);
        QVERIFY(std::abs(l.chain().slope + l.stepDeltaW() / 0.25) < 1e-12);
        QVERIFY(l.useStudio(false));
        QCOMPARE(l.network().inputs(), 3);
    }

    void screenshot() {
        // The lesson at the size it has in the lessons window on a 1280×720 screen.
        ChainRuleLesson l;
        l.selectWeight({1, 0, 1});
        l.showAllLines();
        QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-slope-of-one-weight"),
                                       QSize(1000, 690)));
        l.selectWeight({0, 2, 0});
        l.setRule(bp::ErrorRule::Gradient);
        l.showAllLines();
        QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-slope-of-one-weight-hidden"),
                                       QSize(1000, 690)));
    }

    void fitsTheLessonsWindow() {
        const auto prepare = [](bps::Lesson* lesson) {
            auto* l = qobject_cast<ChainRuleLesson*>(lesson);
            QVERIFY(l);
            l->selectWeight({1, 0, 1});
            l->showAllLines();
        };
        for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
            const QStringList problems =
                whyfit::problemsAt(QStringLiteral("slope-of-one-weight"), size, 1.0,
                                   QStringLiteral("lesson-slope-of-one-weight"), prepare);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        const QStringList big =
            whyfit::problemsAt(QStringLiteral("slope-of-one-weight"), QSize(1280, 720), 1.5,
                               QStringLiteral("lesson-slope-of-one-weight-big"), prepare);
        QVERIFY2(big.isEmpty(), qPrintable(big.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestChainRuleLesson)
#include "test_lessons_chainrule.moc"
