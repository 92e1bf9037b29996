// "One classifier is not enough": a single linear classifier fails on XOR, one hidden layer
// solves it; the maps drawn are the network's own outputs; a tick stays short.
#include <QtTest>
#include <algorithm>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "lessons/PlaygroundLesson.h"

using bps::PlaygroundLesson;
using bps::lessons::PlaneShape;
using bps::lessons::PlaygroundModel;

class TestLessonsPlayground : public QObject {
    Q_OBJECT
  private slots:
    void datasetsAreBalancedAndInThePlane();
    void linearClassifierFailsOnXor();
    void oneHiddenLayerSolvesXor();
    void mapsAreTheNetworksOutputs();
    void clicksAndToggles();
    void tickIsShort();
    void fitsTheLessonsWindow();
};

void TestLessonsPlayground::datasetsAreBalancedAndInThePlane() {
    for (PlaneShape s :
         {PlaneShape::Xor, PlaneShape::Circle, PlaneShape::Gaussians, PlaneShape::Spiral}) {
        const auto pts = bps::lessons::makePlaneData(s, 200, 0.3, 5);
        QCOMPARE(static_cast<int>(pts.size()), 200);
        int ones = 0;
        for (const auto& p : pts) {
            QVERIFY(std::abs(p.x) <= 1 && std::abs(p.y) <= 1);
            ones += p.label;
        }
        QVERIFY2(ones > 70 && ones < 130, qPrintable(QString::number(ones)));
    }
    QVERIFY(bps::lessons::makePlaneData(PlaneShape::User, 200, 0, 1).empty());
}

// No hidden layer: o = σ(W·[x, y, 1]) draws one straight boundary, which can get at most three of
// XOR's four corners right.
void TestLessonsPlayground::linearClassifierFailsOnXor() {
    PlaygroundLesson l;
    l.setShape(PlaneShape::Xor);
    l.setHidden(0);
    QCOMPARE(l.model().network().weightLayers(), 1);
    l.trainEpochs(300);
    const double acc = l.model().accuracy(l.model().trainingPoints());
    QVERIFY2(acc <= 0.75, qPrintable(QString::number(acc)));
    QVERIFY(l.model().accuracy(l.model().testPoints()) <= 0.75);
    QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-playground-linear")));
}

// Four tanh hidden neurons, seed 1, 300 epochs of the 140 training points: every training point
// right (and nearly every test point).
void TestLessonsPlayground::oneHiddenLayerSolvesXor() {
    PlaygroundLesson l;
    l.setShape(PlaneShape::Xor);
    l.setHidden(4);
    QCOMPARE(l.model().network().spec().layers, (std::vector<int>{2, 4, 2}));
    const double before = l.model().accuracy(l.model().trainingPoints());
    l.trainEpochs(300);
    QCOMPARE(l.model().accuracy(l.model().trainingPoints()), 1.0);
    QVERIFY(before < 1.0);
    QVERIFY(l.model().accuracy(l.model().testPoints()) >= 0.95);
    QVERIFY(l.statusText().contains(QStringLiteral("training 100.0%")));
    QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-playground")));
}

// The decision map is o₁ − o₀ of the core network at each grid point, the hidden maps its
// hidden outputs.
void TestLessonsPlayground::mapsAreTheNetworksOutputs() {
    PlaygroundLesson l;
    l.setShape(PlaneShape::Circle);
    l.setHidden(3);
    l.trainEpochs(20);
    const int side = 16;
    const PlaygroundModel::Maps m = l.model().maps(side, side);
    QCOMPARE(static_cast<int>(m.hidden.size()), 3);
    const bp::Network& net = l.model().network();
    for (int r = 0; r < side; r += 5)
        for (int c = 0; c < side; c += 3) {
            bp::Vector in(2);
            in << -1.0 + 2.0 * (c + 0.5) / side, 1.0 - 2.0 * (r + 0.5) / side;
            bp::PassValues v;
            v.resize(net.spec(), false);
            net.forward(in, v);
            const std::size_t g = static_cast<std::size_t>(r * side + c);
            QVERIFY(std::abs(m.decision[g] - (v.o[2](1) - v.o[2](0))) < 1e-12);
            for (int j = 0; j < 3; ++j)
                QVERIFY(std::abs(m.hidden[static_cast<std::size_t>(j)][g] - v.o[1](j)) < 1e-12);
        }
}

void TestLessonsPlayground::clicksAndToggles() {
    PlaygroundLesson l;
    l.resize(1300, 800);
    l.show();
    QVERIFY(QTest::qWaitForWindowExposed(&l));
    l.setShape(PlaneShape::User);
    QCOMPARE(static_cast<int>(l.model().trainingPoints().size()), 0);
    const QPoint a = l.view()->toWidget(0.5, 0.5).toPoint();
    QTest::mouseClick(l.view(), Qt::LeftButton, {}, a);
    QTest::mouseClick(l.view(), Qt::RightButton, {}, l.view()->toWidget(-0.5, -0.5).toPoint());
    QCOMPARE(static_cast<int>(l.model().trainingPoints().size()), 2);
    QCOMPARE(l.model().trainingPoints()[0].label, 0);
    QCOMPARE(l.model().trainingPoints()[1].label, 1);
    QVERIFY(std::abs(l.model().trainingPoints()[0].x - 0.5) < 0.02);
    l.setShowTestPoints(false);
    QVERIFY(!l.view()->showTestPoints());
    l.setShape(PlaneShape::Xor);
    l.setTestShare(0.5);
    QCOMPARE(static_cast<int>(l.model().testPoints().size()), 100);
    l.play();
    QVERIFY(l.running());
    QTRY_VERIFY(l.model().samplesSeen() > 0);
    l.deactivated();  // the lessons window hides it: training pauses
    QVERIFY(!l.running());
    // "New weights" draws different weights (the next seed) and starts counting again.
    const bp::Matrix before = l.model().network().weights(0);
    l.resetNetwork();
    QCOMPARE(l.model().samplesSeen(), std::uint64_t{0});
    QVERIFY(!l.model().network().weights(0).isApprox(before));
}

// A timer tick on the GUI thread does a fixed, small amount of work: two epochs of the plane's
// samples and the 64×64 maps, never more (its duration is printed, not asserted: a wall-clock
// bound in a unit test fails on a busy machine, and timings belong to benchmarks).
void TestLessonsPlayground::tickIsShort() {
    PlaygroundLesson l;
    l.setShape(PlaneShape::Spiral);
    l.setHidden(16);
    const std::uint64_t perTick =
        std::uint64_t{PlaygroundLesson::kEpochsPerTick} * l.model().trainingPoints().size();
    QVERIFY(perTick > 0);
    std::vector<double> ms;
    for (int i = 0; i < 21; ++i) {
        const std::uint64_t before = l.model().samplesSeen();
        l.tick();
        QCOMPARE(l.model().samplesSeen() - before, perTick);
        ms.push_back(l.lastTickMs());
    }
    std::sort(ms.begin(), ms.end());
    qInfo("tick median %.3f ms, max %.3f ms", ms[10], ms.back());
}

// XOR with four hidden neurons after 300 epochs, in the lessons window at the classrooms' sizes:
// every text whole (the plane's legend, the weight caption under the columns), no two painted
// texts on top of each other, and no scrolling: the lesson's smallest size fits the window.
void TestLessonsPlayground::fitsTheLessonsWindow() {
    const auto prepare = [](bps::Lesson* lesson) {
        auto* l = qobject_cast<bps::PlaygroundLesson*>(lesson);
        QVERIFY(l);
        l->setShape(PlaneShape::Xor);
        l->setHidden(4);
        l->trainEpochs(300);
    };
    for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
        QStringList problems = whyfit::problemsAt(QStringLiteral("playground"), size, 1.0,
                                                  QStringLiteral("lesson-playground"), prepare);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
}

QTEST_MAIN(TestLessonsPlayground)
#include "test_lessons_playground.moc"
