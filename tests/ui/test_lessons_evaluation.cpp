// test_lessons_evaluation.cpp — lesson 7: the confusion matrix of a trained network on the
// embedded 1,000 test samples sums to the test set's size and equals a direct count from
// bp::predictions; the accuracy is its diagonal and equals bp::accuracy; clicking a cell shows
// exactly that cell's pictures; the gallery of mistakes holds every wrong answer; the work runs on
// a worker (the GUI thread keeps turning while it runs).
#include <QSignalSpy>
#include <QTest>

#include "LessonFixtures.h"
#include "backprop/Trainer.h"
#include "lessons/EvaluationLesson.h"

using namespace bps;

class TestEvaluationLesson : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        m_train = lessonfix::embedded("mnist_train_5000.csv.gz");
        m_test = lessonfix::embedded("mnist_test_1000.csv.gz");
        m_net = std::make_unique<bp::Network>(lessonfix::trainedNetwork(*m_train, 100, 3000));
    }

    void confusionMatrixEqualsDirectCount() {
        EvaluationLesson lesson;
        QCOMPARE(lesson.id(), QStringLiteral("evaluation"));
        lesson.setDatasets(m_train, m_test);
        lesson.setSnapshot(lessonfix::snapshotOf(*m_net, 3000));
        QSignalSpy done(&lesson, &EvaluationLesson::evaluated);
        lesson.evaluate();
        QVERIFY(lesson.isRunning() || done.count() == 1);
        QVERIFY(done.wait(30000));
        QVERIFY(lesson.hasResult());

        const std::vector<int> direct = bp::predictions(*m_net, *m_test);
        EvaluationLesson::Counts expected{};
        for (std::size_t i = 0; i < m_test->rows(); ++i)
            ++expected[static_cast<std::size_t>(m_test->label(i))]
                      [static_cast<std::size_t>(direct[i])];
        int sum = 0;
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 10; ++c) {
                QCOMPARE(lesson.counts()[r][c], expected[r][c]);
                sum += lesson.counts()[r][c];
            }
        QCOMPARE(sum, static_cast<int>(m_test->rows()));
        QCOMPARE(lesson.predictions(), direct);
        QCOMPARE(lesson.accuracy(), bp::accuracy(*m_net, *m_test));
        QVERIFY(lesson.accuracy() > 0.8);  // a network that learned something

        // the gallery opens on every mistake
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < m_test->rows(); ++i) wrong += direct[i] != m_test->label(i);
        QCOMPARE(lesson.galleryIndices().size(), wrong);
        QVERIFY(wrong > 0);

        // click the largest off-diagonal cell
        int br = 0, bc = 1;
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 10; ++c)
                if (r != c && expected[r][c] > expected[br][bc]) {
                    br = r;
                    bc = c;
                }
        lesson.resize(1200, 800);
        lesson.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        auto* matrix = lesson.matrixView();
        QTest::mouseClick(matrix, Qt::LeftButton, Qt::NoModifier,
                          matrix->cellRect(br, bc).center());
        QCOMPARE(lesson.galleryIndices().size(), static_cast<std::size_t>(expected[br][bc]));
        for (std::size_t i : lesson.galleryIndices()) {
            QCOMPARE(m_test->label(i), br);
            QCOMPARE(direct[i], bc);
        }
        // a diagonal cell: the right answers for that digit
        QTest::mouseClick(matrix, Qt::LeftButton, Qt::NoModifier, matrix->cellRect(3, 3).center());
        QCOMPARE(lesson.galleryIndices().size(), static_cast<std::size_t>(expected[3][3]));
    }

    void guiStaysResponsiveWhileEvaluating() {
        EvaluationLesson lesson;
        // 10 × the test set, so the worker takes a moment
        auto big = std::make_shared<bp::Dataset>(*m_test);
        for (int k = 0; k < 9; ++k) {
            big->pixels.insert(big->pixels.end(), m_test->pixels.begin(), m_test->pixels.end());
            big->labels.insert(big->labels.end(), m_test->labels.begin(), m_test->labels.end());
        }
        lesson.setDatasets(nullptr, big);
        lesson.setSnapshot(lessonfix::snapshotOf(*m_net, 3000));
        QSignalSpy done(&lesson, &EvaluationLesson::evaluated);
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&] { ++ticks; });
        tick.start(5);
        lesson.evaluate();
        QVERIFY(done.wait(60000));
        QVERIFY2(ticks > 0, "the GUI thread was blocked during the evaluation");
        int sum = 0;
        for (int r = 0; r < 10; ++r)
            for (int c = 0; c < 10; ++c) sum += lesson.counts()[r][c];
        QCOMPARE(sum, 10000);
    }

    void embeddedTestSetWithoutStudioData() {
        EvaluationLesson lesson;
        lesson.setSnapshot(lessonfix::snapshotOf(*m_net, 3000));
        QSignalSpy done(&lesson, &EvaluationLesson::evaluated);
        lesson.activated();  // a new network: evaluates by itself
        QVERIFY(done.wait(30000));
        QCOMPARE(lesson.predictions().size(), std::size_t{1000});
        QCOMPARE(lesson.accuracy(), bp::accuracy(*m_net, *m_test));
    }

    void screenshot() {
        const QString dir = lessonfix::screenshotDir();
        if (dir.isEmpty()) QSKIP("set BP_SCREENSHOT_DIR to write screenshots");
        EvaluationLesson lesson;
        lesson.setDatasets(m_train, m_test);
        lesson.setSnapshot(lessonfix::snapshotOf(*m_net, 3000));
        QSignalSpy done(&lesson, &EvaluationLesson::evaluated);
        lesson.evaluate();
        QVERIFY(done.wait(30000));
        lesson.resize(1280, 800);
        lesson.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        QVERIFY(lesson.grab().save(dir + QStringLiteral("/lesson-evaluation.png")));
    }

  private:
    std::shared_ptr<const bp::Dataset> m_train, m_test;
    std::unique_ptr<bp::Network> m_net;
};

QTEST_MAIN(TestEvaluationLesson)
#include "test_lessons_evaluation.moc"
