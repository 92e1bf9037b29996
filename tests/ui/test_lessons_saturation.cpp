// Sigmoid, saturation and data preparation: the saturation share of a hand-made snapshot, the
// checks on prepared data, the one-click fixes, and a demo where large weights stall learning.
#include <QPushButton>
#include <QTabWidget>
#include <QtTest>

#include "LessonScreenshot.h"
#include "WhyLessonFit.h"
#include "backprop/Network.h"
#include "lessons/SaturationLesson.h"
#include "views/NetworkView.h"

using bps::SaturationLesson;

namespace {

// A 2-3-2 sigmoid snapshot with chosen outputs.
bps::Snapshot handMade(std::vector<double> hidden, std::vector<double> output) {
    bps::Snapshot s;
    s.spec.layers = {2, 3, 2};
    s.values.resize(s.spec, false);
    s.values.o[1] = Eigen::Map<bp::Vector>(hidden.data(), static_cast<Eigen::Index>(hidden.size()));
    s.values.o[2] = Eigen::Map<bp::Vector>(output.data(), static_cast<Eigen::Index>(output.size()));
    return s;
}

QStringList ids(const std::vector<SaturationLesson::Warning>& w) {
    QStringList out;
    for (const auto& x : w) out << x.id;
    return out;
}

}  // namespace

class TestLessonsSaturation : public QObject {
    Q_OBJECT
  private slots:
    void saturationShareOfHandMadeSnapshot();
    void checksFlagBadPreparation();
    void fixButtonRestoresTheBook();
    void largeWeightsStallLearning();
    void studioSnapshotIsShown();
    void demoTrainsOnAWorker();
    void fitsTheLessonsWindow();
};

// o(1−o) < 0.01 ⇔ o < 0.0101 or o > 0.9899. Hidden: 0.995 (slope 0.004975, saturated),
// 0.5 (0.25), 0.0102 (0.0100960…, just not); output: 0.001 (0.000999, saturated), 0.98 (0.0196).
void TestLessonsSaturation::saturationShareOfHandMadeSnapshot() {
    const bps::Snapshot s = handMade({0.995, 0.5, 0.0102}, {0.001, 0.98});
    std::vector<double> per;
    QCOMPARE(SaturationLesson::saturationShare(s, &per), 2.0 / 5.0);
    QCOMPARE(per.size(), std::size_t{2});
    QCOMPARE(per[0], 1.0 / 3.0);
    QCOMPARE(per[1], 0.5);
    QCOMPARE(SaturationLesson::saturationShare(handMade({0.5, 0.5, 0.5}, {0.5, 0.5})), 0.0);
    QCOMPARE(SaturationLesson::saturationShare(handMade({0.999, 0.001, 1.0}, {0.0, 1.0})), 1.0);
}

void TestLessonsSaturation::checksFlagBadPreparation() {
    SaturationLesson l;
    l.waitForDemo();
    QCOMPARE(l.datasetRows(), 100);  // the embedded resource was read and parsed by the core
    QVERIFY2(l.warnings().empty(), qPrintable(ids(l.warnings()).join(',')));
    l.setPreparation({SaturationLesson::InputScaling::Raw, SaturationLesson::Targets::ZeroOne,
                      SaturationLesson::Weights::Large});
    l.waitForDemo();
    const QStringList w = ids(l.warnings());
    QVERIFY2(w.contains(QStringLiteral("inputs-unscaled")), qPrintable(w.join(',')));
    QVERIFY(w.contains(QStringLiteral("inputs-zero")));  // raw pixels include 0
    QVERIFY(w.contains(QStringLiteral("targets-unreachable")));
    QVERIFY(w.contains(QStringLiteral("weights-large")));
    l.setPreparation({SaturationLesson::InputScaling::ZeroToOne, SaturationLesson::Targets::Book,
                      SaturationLesson::Weights::Zero});
    l.waitForDemo();
    QCOMPARE(ids(l.warnings()),
             (QStringList{QStringLiteral("inputs-zero"), QStringLiteral("weights-zero")}));
    // The checks read measured facts, not the menu: a hand-made case.
    SaturationLesson::DataFacts f;
    f.inputMin = 0.01;
    f.inputMax = 1.0;
    f.targetMin = 0.01;
    f.targetMax = 0.99;
    f.weightRms = 0.05;
    f.bookWeightRms = 0.05;
    QVERIFY(SaturationLesson::check(f).empty());
    f.weightRms = 0.2;  // 4× the book's
    QCOMPARE(ids(SaturationLesson::check(f)), QStringList{QStringLiteral("weights-large")});
}

void TestLessonsSaturation::fixButtonRestoresTheBook() {
    SaturationLesson l;
    l.resize(1400, 860);
    l.show();
    QVERIFY(QTest::qWaitForWindowExposed(&l));
    l.setPreparation({SaturationLesson::InputScaling::Book, SaturationLesson::Targets::ZeroOne,
                      SaturationLesson::Weights::Book});
    l.waitForDemo();
    auto* fix = l.findChild<QPushButton*>(QStringLiteral("fix-targets-unreachable"));
    QVERIFY(fix);
    QTest::mouseClick(fix, Qt::LeftButton);
    QTRY_VERIFY(l.preparation().targets == SaturationLesson::Targets::Book);
    l.waitForDemo();  // the restart it asked for, measured on the worker
    QVERIFY(l.warnings().empty());
    QVERIFY(!l.findChild<QPushButton*>(QStringLiteral("fix-targets-unreachable")));
}

// From weights of std 10 instead of 1/√n, almost every neuron is saturated and the error stays
// high for 3 epochs; the book's start learns.
void TestLessonsSaturation::largeWeightsStallLearning() {
    SaturationLesson l;
    l.setPreparation({SaturationLesson::InputScaling::Book, SaturationLesson::Targets::Book,
                      SaturationLesson::Weights::Large});
    l.waitForDemo();
    const double satStart = l.shownSaturation();
    QVERIFY2(satStart > 0.9, qPrintable(QString::number(satStart)));
    l.trainDemo(SaturationLesson::kWindow);
    l.waitForDemo();
    const double early = l.demoError();
    l.trainDemo(300 - SaturationLesson::kWindow);
    l.waitForDemo();
    const double late = l.demoError();
    const double book = l.bookDemoError();  // the book's run, 500 samples
    qInfo("large weights: error %.3f -> %.3f (saturation %.2f); book: %.3f", early, late, satStart,
          book);
    QVERIFY2(late > 1.0, qPrintable(QString::number(late)));
    QVERIFY2(book < 0.5 * late, qPrintable(QString::number(book)));
    QVERIFY(l.shownSaturation() > 0.5);
    // The studio's network view in the lesson's second tab draws the same snapshot.
    auto* view = l.findChild<bps::NetworkView*>();
    QVERIFY(view);
    QCOMPARE(view->snapshot(), l.shownSnapshot());
    QCOMPARE(view->snapshot()->imageWidth, 28);
    QVERIFY(l.saturationText().contains(QStringLiteral("%")));
    QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-saturation")));
    if (auto* tabs = l.findChild<QTabWidget*>()) {
        tabs->setCurrentIndex(1);
        QVERIFY(lessonshot::screenshot(l, QStringLiteral("lesson-saturation-network")));
    }
}

void TestLessonsSaturation::studioSnapshotIsShown() {
    SaturationLesson l;
    const bps::Snapshot s = handMade({0.995, 0.5, 0.0102}, {0.001, 0.98});
    l.setSnapshot(std::make_shared<const bps::Snapshot>(s));
    l.useStudioSnapshot(true);
    QVERIFY(l.usingStudio());
    QCOMPARE(l.shownSnapshot().get()->values.o[1], s.values.o[1]);
    QCOMPARE(l.shownSaturation(), 0.4);
    QVERIFY2(l.saturationText().contains(QStringLiteral("40.0%")), qPrintable(l.saturationText()));
    l.useStudioSnapshot(false);
    QVERIFY(!l.usingStudio());
}

// The demo trains on a worker: trainDemo and Start again return at once (a demo run of 500
// samples of 784-100-10 took ≈ 50–100 ms on the GUI thread), and what arrives later is shown.
void TestLessonsSaturation::demoTrainsOnAWorker() {
    SaturationLesson l;
    QVERIFY(l.demoBusy());  // the constructor's restart is on its way, not done
    l.waitForDemo();
    QCOMPARE(l.findChild<bps::NetworkView*>()->snapshot(), l.shownSnapshot());
    const auto before = l.shownSnapshot();
    QVERIFY(before);
    l.trainDemo(400);
    l.trainDemo(100);  // asked while the first runs: it waits its turn
    QVERIFY(l.demoBusy());
    QCOMPARE(l.shownSnapshot(), before);  // nothing changed under the GUI thread's feet
    l.waitForDemo();
    QVERIFY(!l.demoBusy());
    QVERIFY(l.shownSnapshot() != before);
    QCOMPARE(l.demoSamples(), std::size_t{500});
    // Train: the run of 500 is finished, so it starts again from the starting weights.
    l.startDemo();
    QVERIFY(l.demoRunning());
    QVERIFY(l.demoBusy());
    l.pauseDemo();
    l.waitForDemo();
    QCOMPARE(l.demoSamples(), std::size_t{0});
    QVERIFY(l.bookDemoError() > 0);
}

// Large weights after a short demo run (two legend entries, one with 'beyond ±10'), in the lessons
// window at the classrooms' sizes: every text whole, no two painted texts on top of each other,
// and no scrolling sideways (it needed 848 px of a 1024×768 window's 736).
void TestLessonsSaturation::fitsTheLessonsWindow() {
    const auto prepare = [](bps::Lesson* lesson) {
        auto* l = qobject_cast<SaturationLesson*>(lesson);
        QVERIFY(l);
        l->setPreparation({SaturationLesson::InputScaling::Book, SaturationLesson::Targets::Book,
                           SaturationLesson::Weights::Large});
        l->waitForDemo();
        l->trainDemo(SaturationLesson::kWindow);
        l->waitForDemo();
    };
    for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
        QStringList problems = whyfit::problemsAt(QStringLiteral("saturation"), size, 1.0,
                                                  QStringLiteral("lesson-saturation"), prepare);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
}

QTEST_MAIN(TestLessonsSaturation)
#include "test_lessons_saturation.moc"
