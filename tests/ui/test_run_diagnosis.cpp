// test_run_diagnosis.cpp — "why did it break?" in the studio: runs made to fail each way (the
// recipes of tests/core/DiagnosisTest.cpp) through the controller are diagnosed exactly as the
// core's bp::RunWatcher diagnoses the same run, and the timeline bar says which with the numbers,
// marks the moment and rewinds to the last good checkpoint.
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QtTest>
#include <memory>

#include "backprop/DatasetIO.h"
#include "backprop/Diagnosis.h"
#include "backprop/Timeline.h"
#include "backprop/Trainer.h"
#include "training/TrainingController.h"
#include "views/TimelineBar.h"

using bps::TimelineBar;
using bps::TrainingController;

namespace {

std::shared_ptr<const bp::Dataset> loadData(const char* name) {
    return std::make_shared<const bp::Dataset>(
        bp::loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/" + name));
}

// DiagnosisTest.cpp's file in chunks of 500: other digits, then ones, and so on (5000 rows).
std::shared_ptr<const bp::Dataset> inChunks(const bp::Dataset& d) {
    std::vector<std::size_t> ones, rest;
    for (std::size_t i = 0; i < d.rows(); ++i) (d.label(i) == 1 ? ones : rest).push_back(i);
    auto r = std::make_shared<bp::Dataset>(d);
    r->pixels.clear();
    r->labels.clear();
    std::size_t a = 0, b = 0;
    for (int chunk = 0; chunk < 10; ++chunk)
        for (int k = 0; k < 500; ++k) {
            const std::size_t i = chunk % 2 ? ones[b++ % ones.size()] : rest[a++ % rest.size()];
            r->pixels.insert(r->pixels.end(), d.row(i), d.row(i) + d.inputs);
            r->labels.push_back(d.labels[i]);
        }
    return r;
}

bp::NetworkSpec specOf(std::vector<int> layers, bp::Activation hidden = bp::Activation::Sigmoid) {
    bp::NetworkSpec s;
    s.layers = std::move(layers);
    s.hidden = hidden;
    return s;
}

// The core's diagnosis of the run, observed at every due checkpoint (as the worker does).
bp::Diagnosis coreDiagnosis(const bp::Dataset& data, const bp::NetworkSpec& spec, double lr,
                            int epochs) {
    bp::Network net(spec);
    bp::TrainOptions o;
    o.learningRate = lr;
    bp::Trainer t(net, data, nullptr, o);
    bp::Timeline timeline(data.rows(), 1);
    bp::RunWatcher w(data, spec);
    w.observe(net, t.progress());
    const std::uint64_t total = static_cast<std::uint64_t>(epochs) * data.rows();
    try {
        while (t.progress().samplesSeen < total) {
            const std::uint64_t s = t.progress().samplesSeen;
            t.advance(timeline.nextDue(s) - s);
            w.observe(net, t.progress());
        }
    } catch (const bp::DivergenceError&) {
        w.noteDivergence(t.progress().samplesSeen, t.learningRate());
    }
    return w.firstTrouble();
}

// Trains the controller's run for `epochs` epochs (or until it stops on a divergence).
void train(TrainingController& c, int epochs) {
    c.setEpochLimit(epochs);
    c.play();
    // Until the run has trained and stopped (isPlaying() is false before Play starts too).
    QElapsedTimer t;
    t.start();
    do {
        QTest::qWait(20);
        c.sync();
    } while (t.elapsed() < 60000 && (c.isPlaying() || c.lastSnapshot()->samplesSeen == 0));
}

}  // namespace

class TestRunDiagnosis : public QObject {
    Q_OBJECT
  private:
    std::shared_ptr<const bp::Dataset> m_5000;

    // Runs the recipe through the controller with a timeline bar wired as the window wires it,
    // checks the diagnosis equals the core's, the bar's words and marks, and the rewind.
    void check(std::shared_ptr<const bp::Dataset> data, const bp::NetworkSpec& spec, double lr,
               int epochs, bp::Trouble expected, const QString& words) {
        TrainingController c;
        bp::TrainOptions o;
        o.learningRate = lr;
        c.setNetworkSpec(spec, o);
        c.setDatasets(data, nullptr);
        TimelineBar bar;
        connect(&c, &TrainingController::timelineChanged, &bar, &TimelineBar::setTimeline);
        connect(&c, &TrainingController::snapshotReady, &bar, &TimelineBar::setSnapshot);
        connect(&bar, &TimelineBar::viewRequested, &c, &TrainingController::viewCheckpoint);
        bar.resize(600, 120);
        bar.show();
        train(c, epochs);

        const bp::Diagnosis core = coreDiagnosis(*data, c.spec(), lr, epochs);
        QCOMPARE(core.trouble, expected);
        const bp::Diagnosis& d = c.timeline()->trouble;
        QCOMPARE(d.trouble, expected);
        QCOMPARE(d.atSample, core.atSample);
        QCOMPARE(d.lastGoodSample, core.lastGoodSample);
        QCOMPARE(d.sinceSample, core.sinceSample);
        QCOMPARE(d.errorLow, core.errorLow);
        QCOMPARE(d.errorHigh, core.errorHigh);
        QCOMPARE(d.weightNow, core.weightNow);
        QCOMPARE(d.saturated, core.saturated);
        QCOMPARE(d.reversals, core.reversals);

        // The bar says which, with the numbers, and marks the moment and the last good one.
        QVERIFY(bar.diagnosisLabel()->isVisibleTo(&bar));
        const QString head = bar.diagnosisLabel()->toolTip();
        QCOMPARE(head, TimelineBar::describe(d));
        QVERIFY2(head.contains(words), qPrintable(head));
        QVERIFY(TimelineBar::headline(d).contains(QLocale().toString(d.learningRate, 'g', 3)));
        QVERIFY(bar.troubleIndex() >= 0);
        QVERIFY(bar.lastGoodIndex() >= 0);
        // (an oscillation's last good moment is its lowest point, which may come after it shows)
        const bp::CheckpointPtr good = c.timeline()->atOrBefore(d.lastGoodSample);
        QCOMPARE(c.timeline()->checkpoints[static_cast<std::size_t>(bar.lastGoodIndex())]->sample(),
                 good->sample());

        // Rewind: the views show the last good checkpoint, not the live network.
        QVERIFY(bar.rewindButton()->isVisibleTo(&bar));
        QTest::mouseClick(bar.rewindButton(), Qt::LeftButton);
        c.sync();
        QVERIFY(!c.lastSnapshot()->live);
        QCOMPARE(c.lastSnapshot()->samplesSeen, static_cast<unsigned long long>(good->sample()));
        QVERIFY(bar.isViewing());
        QCOMPARE(bar.viewedSample(), good->sample());
        QCOMPARE(bar.slider()->value(), bar.lastGoodIndex());
        QVERIFY(bar.banner() == nullptr);  // no view attached here
    }

  private slots:
    void initTestCase() { m_5000 = loadData("mnist_train_5000.csv.gz"); }

    // The first sync() after play() shows a state the run was really in: playing, or stopped
    // by its divergence with the failure, the samples trained and the snapshot of then. (The
    // worker once posted the stop, the snapshot and the failure apart: a drain between them,
    // about 1 in 25 under ASan beside two more instances, saw "not playing, 0 seen".)
    void firstSyncAfterPlayIsConsistent() {
        const auto data = loadData("mnist_train_100.csv");
        for (int i = 0; i < 100; ++i) {
            TrainingController c;
            bp::TrainOptions o;
            o.learningRate = 100;  // diverges within the first tick at full speed
            int failed = 0;
            connect(&c, &TrainingController::trainingFailed, this, [&failed] { ++failed; });
            c.setNetworkSpec(specOf({784, 100, 100, 100, 100, 10}, bp::Activation::ReLU), o);
            c.setDatasets(data, nullptr);
            c.setEpochLimit(3);
            c.play();
            c.sync();
            const auto s = c.lastSnapshot();
            QCOMPARE(s->playing, c.isPlaying());
            if (c.isPlaying()) continue;
            QVERIFY2(failed == 1 && s->samplesSeen > 0,
                     qPrintable(QStringLiteral("run %1: stopped, %2 seen, %3 failures")
                                    .arg(i)
                                    .arg(s->samplesSeen)
                                    .arg(failed)));
        }
    }

    // α 3 on the book's network: the weights run away while the error is worse than its best.
    void weightsRunningAwayDiverge() {
        check(m_5000, specOf({784, 100, 10}), 3, 2, bp::Trouble::Diverges,
              QStringLiteral("Training diverges"));
    }

    // Deep ReLU at α 100: NaN; the controller also stops with trainingFailed.
    void overflowDiverges() {
        check(loadData("mnist_train_100.csv"),
              specOf({784, 100, 100, 100, 100, 10}, bp::Activation::ReLU), 100, 3,
              bp::Trouble::Diverges, QStringLiteral("NaN"));
    }

    // α 30: every hidden neuron saturates and the error freezes.
    void saturatedStalls() {
        check(m_5000, specOf({784, 100, 10}), 30, 2, bp::Trouble::Stalls,
              QStringLiteral("hidden neurons are saturated"));
    }

    // Chunks of ones and of other digits at α 1: the error swings without a new low.
    void chunksOscillate() {
        check(inChunks(*m_5000), specOf({784, 100, 10}), 1, 2, bp::Trouble::Oscillates,
              QStringLiteral("Training oscillates"));
    }

    // A healthy run: no diagnosis row, no marks.
    void healthyRunIsNotFlagged() {
        TrainingController c;
        bp::TrainOptions o;
        o.learningRate = 0.1;
        c.setNetworkSpec(specOf({784, 100, 10}), o);
        c.setDatasets(m_5000, nullptr);
        TimelineBar bar;
        connect(&c, &TrainingController::timelineChanged, &bar, &TimelineBar::setTimeline);
        bar.show();
        train(c, 1);
        QCOMPARE(c.timeline()->trouble.trouble, bp::Trouble::None);
        QVERIFY(!bar.diagnosisLabel()->isVisibleTo(&bar));
        QCOMPARE(bar.troubleIndex(), -1);
        QCOMPARE(bar.checkpointCount(), 11);
    }

    // The bar's slider by keyboard: Home views the start, End goes back to live; Resume and
    // Branch ask for the viewed checkpoint.
    void keyboardAndButtons() {
        TrainingController c;
        bp::TrainOptions o;
        o.learningRate = 0.1;
        c.setNetworkSpec(specOf({784, 20, 10}), o);
        c.setDatasets(loadData("mnist_train_100.csv"), nullptr);
        TimelineBar bar;
        QWidget view;
        bar.attachBanner(&view);
        connect(&c, &TrainingController::timelineChanged, &bar, &TimelineBar::setTimeline);
        connect(&c, &TrainingController::snapshotReady, &bar, &TimelineBar::setSnapshot);
        connect(&bar, &TimelineBar::viewRequested, &c, &TrainingController::viewCheckpoint);
        connect(&bar, &TimelineBar::liveRequested, &c, &TrainingController::viewLive);
        bar.show();
        view.show();
        train(c, 1);
        QCOMPARE(bar.checkpointCount(), 11);
        QCOMPARE(bar.slider()->value(), 11);  // live
        QVERIFY(!bar.resumeButton()->isVisibleTo(&bar));
        bar.slider()->setFocus();
        QTest::keyClick(bar.slider(), Qt::Key_Left);
        QTRY_VERIFY(bar.isViewing());
        QCOMPARE(bar.viewedSample(), std::uint64_t{100});
        QTest::keyClick(bar.slider(), Qt::Key_Home);
        QTRY_COMPARE(bar.viewedSample(), std::uint64_t{0});
        QVERIFY(!c.lastSnapshot()->live);
        QVERIFY(bar.banner()->isVisible());
        QVERIFY(bar.banner()->text().contains(QStringLiteral("Not the live network")));
        QVERIFY(bar.stateLabel()->toolTip().contains(QStringLiteral("Not the live network")));
        QVERIFY(bar.resumeButton()->isVisibleTo(&bar));
        QSignalSpy resumes(&bar, &TimelineBar::resumeRequested);
        QSignalSpy branches(&bar, &TimelineBar::branchRequested);
        QSignalSpy replays(&bar, &TimelineBar::replayRequested);
        bar.rateBox()->setValue(0.25);
        QTest::mouseClick(bar.resumeButton(), Qt::LeftButton);
        QTest::mouseClick(bar.branchButton(), Qt::LeftButton);
        QTest::mouseClick(bar.replayButton(), Qt::LeftButton);
        QCOMPARE(resumes.count(), 1);
        QCOMPARE(resumes.at(0).at(0).value<std::uint64_t>(), std::uint64_t{0});
        QCOMPARE(branches.count(), 1);
        QCOMPARE(branches.at(0).at(1).toDouble(), 0.25);
        QCOMPARE(replays.count(), 1);
        QTest::keyClick(bar.slider(), Qt::Key_End);
        QTRY_VERIFY(!bar.isViewing());
        QVERIFY(c.lastSnapshot()->live);
        QVERIFY(!bar.banner()->isVisible());
    }
};

QTEST_MAIN(TestRunDiagnosis)
#include "test_run_diagnosis.moc"
