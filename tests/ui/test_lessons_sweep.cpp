// test_lessons_sweep.cpp — lesson 9: every accuracy of the sweep equals a single bp::Trainer run
// at the same rate and seed (and so does its error curve), the runs are deterministic, Cancel
// stops a long sweep within moments, and a run's curve goes into the studio's ErrorPlot.
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <cmath>

#include "LayoutAudit.h"
#include "LessonFixtures.h"
#include "backprop/Trainer.h"
#include "lessons/LessonHooks.h"
#include "lessons/SweepLesson.h"
#include "views/ErrorPlot.h"

using namespace bps;

namespace {

std::shared_ptr<const bp::Dataset> firstRows(const bp::Dataset& d, std::size_t n) {
    auto out = std::make_shared<bp::Dataset>(d);
    out->labels.resize(n);
    out->pixels.resize(n * static_cast<std::size_t>(d.inputs));
    return out;
}

}  // namespace

class TestSweepLesson : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() {
        const auto full = lessonfix::embedded("mnist_train_5000.csv.gz");
        m_train = firstRows(*full, 600);
        m_test = lessonfix::embedded("mnist_test_1000.csv.gz");
    }

    void accuraciesEqualSingleRuns() {
        SweepLesson lesson;
        QCOMPARE(lesson.id(), QStringLiteral("lr-sweep"));
        QCOMPARE(lesson.rates().size(), std::size_t{7});  // the default sweep
        lesson.setDatasets(m_train, m_test);
        lesson.setUseStudioData(true);
        const std::vector<double> rates{0.02, 0.1, 0.3, 0.9};
        lesson.setRates(rates);
        QCOMPARE(lesson.rates(), rates);
        lesson.setHiddenNodes(24);
        lesson.setEpochs(2);
        lesson.setSeed(7);
        QSignalSpy finished(&lesson, &SweepLesson::sweepFinished);
        QSignalSpy runs(&lesson, &SweepLesson::runFinished);
        lesson.start();
        QVERIFY(lesson.isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(runs.count(), 4);
        // both cores: with two worker threads, two runs trained at the same time
        QCOMPARE(lesson.maxConcurrentRuns(), std::min(2, lesson.workerThreads()));
        QCOMPARE(lesson.runs().size(), rates.size());
        std::vector<double> accs;
        for (std::size_t i = 0; i < rates.size(); ++i) {
            const SweepLesson::Run& r = lesson.runs()[i];
            QVERIFY(r.done);
            QCOMPARE(r.rate, rates[i]);
            // the same run by hand: a fresh 784-24-10 network from seed 7, two epochs
            bp::NetworkSpec spec;
            spec.layers = {784, 24, 10};
            spec.seed = 7;
            bp::Network net(spec);
            bp::TrainOptions o;
            o.learningRate = rates[i];
            o.epochs = 2;
            bp::Trainer t(net, *m_train, m_test.get(), o);
            const auto results = t.run();
            QCOMPARE(r.outcome.accuracy, results.back().testAccuracy);
            QCOMPARE(r.outcome.accuracyPerEpoch.size(), std::size_t{2});
            QCOMPARE(r.outcome.accuracyPerEpoch[0].second, results[0].testAccuracy);
            QVERIFY(!r.outcome.error.empty());
            QCOMPARE(r.outcome.error.back().first, 1200.0);
            QCOMPARE(r.outcome.error.back().second, t.progress().runningError);
            accs.push_back(r.outcome.accuracy);
        }
        // the rates really differ in outcome (so the equality above is not trivially shared)
        QVERIFY(*std::max_element(accs.begin(), accs.end()) >
                *std::min_element(accs.begin(), accs.end()));

        // a second sweep gives the same numbers
        QSignalSpy again(&lesson, &SweepLesson::sweepFinished);
        const std::vector<SweepLesson::Run> first = lesson.runs();
        lesson.start();
        QVERIFY(again.wait(60000));
        for (std::size_t i = 0; i < rates.size(); ++i)
            QCOMPARE(lesson.runs()[i].outcome.accuracy, first[i].outcome.accuracy);

        // nobody connected: the curve goes into the lesson's own chart window
        QVERIFY(!lesson.ownPlot());
        lesson.openRun(2);
        QVERIFY(lesson.ownPlot());
        QCOMPARE(lesson.ownPlot()->currentRun().error.size(),
                 static_cast<int>(lesson.runs()[2].outcome.error.size()));
        QCOMPARE(lesson.ownPlot()->currentRun().error.back().y(),
                 lesson.runs()[2].outcome.error.back().second);

        // a run's curve into the studio's error chart
        QSignalSpy curve(&lesson, &SweepLesson::runCurveRequested);
        lesson.openRun(1);
        QCOMPARE(curve.count(), 1);
        const QString label = curve.at(0).at(0).toString();
        const auto points = curve.at(0).at(1).value<QVector<QPointF>>();
        const auto accuracy = curve.at(0).at(2).value<QVector<QPointF>>();
        QVERIFY(label.contains(QStringLiteral("0.1")));
        QCOMPARE(points.size(), static_cast<int>(lesson.runs()[1].outcome.error.size()));
        ErrorPlot plot;
        SweepLesson::showRunIn(&plot, label, points, accuracy);
        QCOMPARE(plot.currentRun().label, label);
        QCOMPARE(plot.currentRun().error, points);
        QCOMPARE(plot.currentRun().accuracy.size(), 2);
        QCOMPARE(plot.currentRun().accuracy.back().y(), lesson.runs()[1].outcome.accuracy);

        // wired the way the main window does it: the run lands in the studio's chart
        ErrorPlot studioPlot;
        QObject context;
        QVERIFY(connectLessonToStudio(&lesson, &studioPlot, &context, {}));
        lesson.openRun(3);
        QCOMPARE(studioPlot.currentRun().error.size(),
                 static_cast<int>(lesson.runs()[3].outcome.error.size()));
        QVERIFY(studioPlot.currentRun().label.contains(QStringLiteral("0.9")));
        lesson.openRun(0);  // the first becomes a faded earlier run
        QCOMPARE(studioPlot.previousRuns().size(), 1);
        QVERIFY(studioPlot.currentRun().label.contains(QStringLiteral("0.02")));
    }

    // The studio's loaded sets are the sweep's data as soon as it gives them (as the other
    // lessons use them), unless the person chose the embedded ones; none given: embedded.
    // Every field of the settings form has its label on screen (they were missing: the rows
    // were added without a QLabel, so retranslateUi had none to set).
    void formRowsAreLabelled() {
        SweepLesson lesson;
        lesson.resize(1024, 700);
        lesson.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        QStringList shown;
        for (const QLabel* l : lesson.findChildren<QLabel*>())
            if (l->isVisible()) shown << l->text();
        for (const char* text : {"Learning rates:", "Hidden nodes:", "Epochs:", "Seed:", "Data:"})
            QVERIFY2(shown.contains(QLatin1String(text)), text);
    }

    void usesTheStudiosData() {
        SweepLesson lesson;
        QVERIFY(!lesson.usesStudioData());
        lesson.setDatasets(m_train, m_test);
        QVERIFY(lesson.usesStudioData());
        lesson.setDatasets(nullptr, nullptr);
        QVERIFY(!lesson.usesStudioData());
        lesson.setDatasets(m_train, m_test);
        QVERIFY(lesson.usesStudioData());
        lesson.setUseStudioData(false);  // the person's choice stays
        lesson.setDatasets(m_train, m_test);
        QVERIFY(!lesson.usesStudioData());
    }

    // Rates over decades (the default 0.01 … 0.9) on a logarithmic axis: each tenfold the same
    // width, every point inside the plot, no tick label on another; rates within one decade on
    // a linear axis from 0.
    void rateAxisIsLogarithmicOverDecades() {
        lessons::SweepPlot plot;
        plot.resize(520, 340);
        plot.setPoints({{0.01, 0.72}, {0.1, 0.87}, {1.0, 0.84}});
        QVERIFY(plot.logarithmic());
        const double x0 = plot.pointPosition(0).x(), x1 = plot.pointPosition(1).x(),
                     x2 = plot.pointPosition(2).x();
        QVERIFY2(std::abs((x1 - x0) - (x2 - x1)) < 0.5,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(x0).arg(x1).arg(x2)));

        SweepLesson lesson;  // the default rates
        std::vector<lessons::SweepPlot::Point> points;
        for (double r : lesson.rates()) points.push_back({r, 0.85});
        plot.setPoints(points);
        QVERIFY(plot.logarithmic());
        for (int i = 0; i < static_cast<int>(points.size()); ++i)
            QVERIFY2(plot.plotArea().contains(plot.pointPosition(i)),
                     qPrintable(QString::number(i)));
        // 0.01 and 0.05 are apart by more than a fifth of the axis (linear: 4 %)
        QVERIFY(plot.pointPosition(1).x() - plot.pointPosition(0).x() >
                plot.plotArea().width() / 5);
        const QStringList problems = audit::paintedTextProblems(&plot);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

        plot.setPoints({{0.1, 0.8}, {0.2, 0.85}, {0.3, 0.86}});
        QVERIFY(!plot.logarithmic());
        const double l0 = plot.pointPosition(0).x(), l1 = plot.pointPosition(1).x(),
                     l2 = plot.pointPosition(2).x();
        QVERIFY(std::abs((l1 - l0) - (l2 - l1)) < 0.5);
        QVERIFY(l0 - plot.plotArea().left() > (l1 - l0) * 0.9);  // the axis starts at 0
    }

    void cancelStopsTheSweep() {
        SweepLesson lesson;  // the embedded 5,000 / 1,000 and a long sweep
        lesson.setHiddenNodes(200);
        lesson.setEpochs(5);
        QVERIFY(lesson.workerThreads() >= 1);
        QSignalSpy finished(&lesson, &SweepLesson::sweepFinished);
        lesson.start();
        QTest::qWait(500);
        QVERIFY(lesson.isRunning());
        QElapsedTimer clock;
        clock.start();
        lesson.cancel();
        QVERIFY(finished.wait(10000));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        int measured = 0;
        for (const SweepLesson::Run& r : lesson.runs()) measured += !std::isnan(r.outcome.accuracy);
        QCOMPARE(measured, 0);  // no run of 5 × 5,000 samples finished in half a second
    }

    void deletingWhileRunningIsClean() {
        auto* lesson = new SweepLesson;
        lesson->setEpochs(3);
        lesson->start();
        QTest::qWait(200);
        QElapsedTimer clock;
        clock.start();
        delete lesson;  // cancels and waits
        QVERIFY(clock.elapsed() < 3000);
    }

    void screenshot() {
        const QString dir = lessonfix::screenshotDir();
        if (dir.isEmpty()) QSKIP("set BP_SCREENSHOT_DIR to write screenshots");
        SweepLesson lesson;  // the default sweep on the embedded data, smaller network
        lesson.setHiddenNodes(100);
        QSignalSpy finished(&lesson, &SweepLesson::sweepFinished);
        lesson.start();
        QVERIFY(finished.wait(300000));
        int best = 0;  // select the best run, as a teacher would before opening its curve
        for (int i = 1; i < static_cast<int>(lesson.runs().size()); ++i)
            if (lesson.runs()[static_cast<std::size_t>(i)].outcome.accuracy >
                lesson.runs()[static_cast<std::size_t>(best)].outcome.accuracy)
                best = i;
        lesson.selectRun(best);
        lesson.resize(1280, 760);
        lesson.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lesson));
        QVERIFY(lesson.grab().save(dir + QStringLiteral("/lesson-lr-sweep.png")));
    }

  private:
    std::shared_ptr<const bp::Dataset> m_train, m_test;
};

QTEST_MAIN(TestSweepLesson)
#include "test_lessons_sweep.moc"
