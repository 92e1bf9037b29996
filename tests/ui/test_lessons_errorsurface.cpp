// test_lessons_errorsurface.cpp — "The error surface": the map is the core's ErrorSlice grid of E
// over the two chosen weights (each point the network's own error with those two weights set), the
// path is ErrorSlice::descend at the chosen α step by step and goes downhill, the slice text names
// the network's number of weights, the studio's network is used from a snapshot, and the lesson
// fits the lessons window at 1280×720 and 1024×768.
#include <QtTest>
#include <cmath>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "backprop/ErrorSurface.h"
#include "lessons/ErrorSurfaceLesson.h"
#include "training/SnapshotBuilder.h"

using bps::ErrorSurfaceLesson;

class TestErrorSurfaceLesson : public QObject {
    Q_OBJECT
  private slots:
    void gridIsTheNetworksError() {
        ErrorSurfaceLesson l;
        l.selectWeights({1, 1, 0}, {0, 2, 1});
        QCOMPARE(l.weightA(), (bp::WeightRef{1, 1, 0}));
        QCOMPARE(l.weightB(), (bp::WeightRef{0, 2, 1}));
        const bp::SurfaceGrid& g = l.grid();
        QVERIFY(g.complete);
        QCOMPARE(g.n, ErrorSurfaceLesson::kGridPoints);
        const bp::ErrorSlice& s = l.slice();
        // a few grid points against a full forward pass with the two weights set
        for (auto [i, j] :
             {std::pair{0, 0}, std::pair{17, 90}, std::pair{60, 60}, std::pair{g.n - 1, g.n - 1}}) {
            bp::Network net = s.network();
            net.weights(1)(1, 0) = g.aAt(j);
            net.weights(0)(2, 1) = g.bAt(i);
            bp::Vector in(3), t = bp::bookTarget(1, 3);
            in << 0.9, 0.1, 0.8;
            const double e = (t - net.query(in)).squaredNorm();
            QVERIFY(std::abs(g.at(i, j) - e) < 1e-12);
        }
        // centred on the network's own weights
        QVERIFY(std::abs((g.aRange.lo + g.aRange.hi) / 2 - s.a0()) < 1e-12);
        QVERIFY(std::abs((g.bRange.lo + g.bRange.hi) / 2 - s.b0()) < 1e-12);
        QVERIFY(g.maxValue > g.minValue);
    }

    void pathIsGradientDescentStepByStep() {
        ErrorSurfaceLesson l;
        l.setLearningRate(2.0);
        QCOMPARE(l.path().size(), std::size_t{1});
        for (int k = 0; k < 25; ++k) l.step();
        QCOMPARE(l.stepsTaken(), 25);
        const auto expected =
            l.slice().descend(l.slice().a0(), l.slice().b0(), 2.0, 25, bp::ErrorRule::Gradient);
        QCOMPARE(l.path().size(), expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k) {
            QCOMPARE(l.path()[k].a, expected[k].a);
            QCOMPARE(l.path()[k].b, expected[k].b);
            QCOMPARE(l.path()[k].error, expected[k].error);
        }
        for (std::size_t k = 1; k < expected.size(); ++k)  // downhill at this α
            QVERIFY(expected[k].error <= expected[k - 1].error + 1e-15);
        QVERIFY(expected.back().error < expected.front().error);
        QVERIFY(l.stepText().contains(QString::number(expected.back().error, 'g', 4)));
        l.reset();
        QCOMPARE(l.path().size(), std::size_t{1});
        // the slice is named as one: the network's number of weights
        QVERIFY(l.sliceText().contains(QString::number(l.slice().network().parameterCount())));
        l.play();
        QVERIFY(l.playing());
        l.deactivated();
        QVERIFY(!l.playing());
    }

    void twoDifferentWeights() {
        ErrorSurfaceLesson l;
        l.selectWeights({1, 0, 0}, {1, 0, 0});
        QVERIFY(!(l.weightA() == l.weightB()));
    }

    void usesTheStudiosNetwork() {
        ErrorSurfaceLesson l;
        QVERIFY(!l.useStudio(true));
        bp::NetworkSpec spec;
        spec.layers = {5, 4, 3};
        const bp::Network net(spec);
        bp::Vector in(5), t = bp::bookTarget(0, 3);
        in << 0.3, 0.6, 0.9, 0.01, 0.5;
        l.setSnapshot(bps::snapshotOfSample(net, in, t, 0.1));
        QVERIFY(l.useStudio(true));
        QCOMPARE(l.slice().network().spec().layers, spec.layers);
        QVERIFY(std::abs(l.grid().at(60, 60) - (t - net.query(in)).squaredNorm()) < 1e-12);
        QVERIFY(l.sliceText().contains(QString::number(net.parameterCount())));
    }

    void screenshot() {
        ErrorSurfaceLesson l;
        l.selectWeights({1, 1, 0}, {0, 0, 0});
        for (int k = 0; k < 40; ++k) l.step();
        QVERIFY(
            lessonshot::screenshot(l, QStringLiteral("lesson-error-surface"), QSize(1000, 690)));
    }

    void fitsTheLessonsWindow() {
        const auto prepare = [](bps::Lesson* lesson) {
            auto* l = qobject_cast<ErrorSurfaceLesson*>(lesson);
            QVERIFY(l);
            for (int k = 0; k < 30; ++k) l->step();
        };
        for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
            const QStringList problems =
                whyfit::problemsAt(QStringLiteral("error-surface"), size, 1.0,
                                   QStringLiteral("lesson-error-surface"), prepare);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        const QStringList big =
            whyfit::problemsAt(QStringLiteral("error-surface"), QSize(1280, 720), 1.5,
                               QStringLiteral("lesson-error-surface-big"), prepare);
        QVERIFY2(big.isEmpty(), qPrintable(big.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestErrorSurfaceLesson)
#include "test_lessons_errorsurface.moc"
