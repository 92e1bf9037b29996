// test_lessons_augmentation.cpp — lesson 8: the preview is bp::rotateImage at ±θ of the chosen
// picture; the comparison's two accuracies equal direct bp::Trainer runs (same seed) on the set
// and on bp::withRotations of it; "use in the studio" hands over the 3× set.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "LessonFixtures.h"
#include "backprop/Augment.h"
#include "backprop/Trainer.h"
#include "lessons/AugmentationLesson.h"
#include "lessons/LessonHooks.h"

using namespace bps;

namespace {

std::shared_ptr<const bp::Dataset> firstRows(const bp::Dataset& d, std::size_t n) {
    auto out = std::make_shared<bp::Dataset>(d);
    out->labels.resize(n);
    out->pixels.resize(n * static_cast<std::size_t>(d.inputs));
    return out;
}

double directAccuracy(const bp::NetworkSpec& spec, const bp::TrainOptions& o,
                      const bp::Dataset& train, const bp::Dataset& test) {
    bp::Network net(spec);
    bp::Trainer t(net, train, &test, o);
    return t.run().back().testAccuracy;
}

}  // namespace

class TestAugmentationLesson : public QObject {
    Q_OBJECT
  private slots:
    void previewIsTheCoreRotation() {
        AugmentationLesson lesson;
        QCOMPARE(lesson.id(), QStringLiteral("augmentation"));
        lesson.activated();
        QCOMPARE(lesson.angle(), 10.0);  // the book's angle by default
        lesson.setSampleIndex(5);
        lesson.setAngle(15.0);
        const auto set = lesson.previewSet();
        QVERIFY(set);
        QCOMPARE(set->rows(), std::size_t{100});  // the embedded 100 pictures
        const std::vector<std::uint8_t> original(set->row(5), set->row(5) + 784);
        QCOMPARE(lesson.previewBytes(0), original);
        QCOMPARE(lesson.previewBytes(1), bp::rotateImage(original, 28, 28, 15.0));
        QCOMPARE(lesson.previewBytes(2), bp::rotateImage(original, 28, 28, -15.0));
        QVERIFY(lesson.previewBytes(1) != original);
    }

    void comparisonEqualsDirectRuns() {
        const auto full = lessonfix::embedded("mnist_train_5000.csv.gz");
        const auto test = lessonfix::embedded("mnist_test_1000.csv.gz");
        const auto train = firstRows(*full, 400);
        AugmentationLesson lesson;
        lesson.setExperiment(30, 0.2, 1);
        lesson.setComparisonData(train, test);
        QSignalSpy done(&lesson, &AugmentationLesson::comparisonFinished);
        lesson.startComparison();
        QVERIFY(lesson.isComparing());
        QVERIFY(done.wait(60000));
        const auto& c = lesson.comparison();
        QVERIFY(c.error.isEmpty());
        QVERIFY(!c.plain.cancelled && !c.rotated.cancelled);
        const bp::NetworkSpec spec = lesson.specFor(784);
        const bp::TrainOptions o = lesson.options();
        QCOMPARE(c.plain.accuracy, directAccuracy(spec, o, *train, *test));
        QCOMPARE(c.rotated.accuracy,
                 directAccuracy(spec, o, bp::withRotations(*train, 10.0), *test));
        QVERIFY(c.plain.accuracy > 0.5);
    }

    void cancelStopsTheComparison() {
        AugmentationLesson lesson;  // the embedded 5,000 samples, a wide network, 3 epochs
        lesson.setExperiment(200, 0.1, 3);
        QSignalSpy done(&lesson, &AugmentationLesson::comparisonFinished);
        lesson.startComparison();
        QTest::qWait(300);
        QElapsedTimer clock;
        clock.start();
        lesson.cancelComparison();
        QVERIFY(done.wait(10000));
        QVERIFY(clock.elapsed() < 5000);
        QVERIFY(lesson.comparison().plain.cancelled || lesson.comparison().rotated.cancelled);
    }

    void handsTheRotatedSetToTheStudio() {
        AugmentationLesson lesson;
        const auto train = lessonfix::embedded("mnist_train_100.csv");
        lesson.setDatasets(train, lessonfix::embedded("mnist_test_10.csv"));
        QSignalSpy ready(&lesson, &AugmentationLesson::augmentedTrainingSetReady);
        lesson.makeAugmentedSet();
        QVERIFY(ready.wait(10000));
        const auto d = ready.at(0).at(0).value<std::shared_ptr<const bp::Dataset>>();
        QVERIFY(d);
        QCOMPARE(d->rows(), std::size_t{300});
        const std::vector<std::uint8_t> turned(d->row(4), d->row(4) + 784);
        QCOMPARE(turned, bp::rotateImage(train->row(1), 28, 28, 10.0));
        QCOMPARE(d->label(4), train->label(1));

        // wired the way the main window does it
        std::shared_ptr<const bp::Dataset> received;
        QObject context;
        QVERIFY(connectLessonToStudio(&lesson, nullptr, &context,
                                      [&](std::shared_ptr<const bp::Dataset> s) { received = s; }));
        lesson.makeAugmentedSet();
        QTRY_VERIFY(received != nullptr);
        QCOMPARE(received->rows(), std::size_t{300});
    }

    void screenshot() {
        const QString dir = lessonfix::screenshotDir();
        if (dir.isEmpty()) QSKIP("set BP_SCREENSHOT_DIR to write screenshots");
        AugmentationLesson lesson;  // the embedded 5,000 / 1,000 samples, the default network
        lesson.setSampleIndex(2);
        QSignalSpy done(&lesson, &AugmentationLesson::comparisonFinished);
        lesson.startComparison();
        QVERIFY(done.wait(120000));
        lesson.resize(1280, 760);
        lesson.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        QVERIFY(lesson.grab().save(dir + QStringLiteral("/lesson-augmentation.png")));
    }
};

QTEST_MAIN(TestAugmentationLesson)
#include "test_lessons_augmentation.moc"
