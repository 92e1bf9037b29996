// test_timeline.cpp — the run's timeline through the controller, against the core.
//
// The controller's checkpoints, the network it shows at one, and the runs that resume, branch
// and replay from them are compared exactly (==) with a bp::Trainer run here on the same spec,
// seed, data and order: resuming from a checkpoint must give the uninterrupted run's bits.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

#include "ControllerFixtures.h"
#include "backprop/DatasetIO.h"
#include "backprop/Timeline.h"
#include "backprop/Trainer.h"
#include "training/TrainingController.h"

using bps::TrainingController;

using fixtures::loadData;
using fixtures::sameMatrices;
using fixtures::specOf;

namespace {

bp::TrainOptions optionsOf(double lr, bool shuffle) {
    bp::TrainOptions o;
    o.learningRate = lr;
    o.shuffle = shuffle;
    o.shuffleSeed = 5;
    return o;
}

// Plays until the run has trained `epochs` epochs in all, and waits for the last values.
bool playTo(TrainingController& c, int epochs, std::uint64_t rows) {
    c.setEpochLimit(epochs);
    c.play();
    const auto end = static_cast<unsigned long long>(epochs) * rows;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (c.lastSnapshot() && c.lastSnapshot()->samplesSeen == end && !c.isPlaying()) {
            c.sync();
            return true;
        }
    }
    return false;
}

}  // namespace

class TestTimeline : public QObject {
    Q_OBJECT
  private:
    std::shared_ptr<const bp::Dataset> m_train;

  private slots:
    void initTestCase() {
        m_train = loadData("mnist_train_100.csv");
        QCOMPARE(m_train->rows(), std::size_t{100});
    }

    // Two epochs of 100 samples: a checkpoint every tenth of an epoch (21 with the start), each
    // holding the weights and trainer state a core trainer has at that sample.
    void checkpointsEqualTheCore() {
        const auto spec = specOf({784, 20, 10}, 3);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.2, true));
        c.setDatasets(m_train, nullptr);
        QSignalSpy changed(&c, &TrainingController::timelineChanged);
        QVERIFY(playTo(c, 2, 100));
        QVERIFY(changed.count() > 0);
        const bps::RunTimelinePtr t = c.timeline();
        QVERIFY(t);
        QCOMPARE(t->checkpoints.size(), std::size_t{21});
        QCOMPARE(t->liveSample, std::uint64_t{200});
        QCOMPARE(t->trouble.trouble, bp::Trouble::None);
        std::size_t bytes = 0;
        for (const auto& cp : t->checkpoints) bytes += cp->bytes();
        QCOMPARE(t->bytes, bytes);
        QVERIFY(t->capacity >= 21);

        bp::Network ref(spec);
        bp::Trainer trainer(ref, *m_train, nullptr, optionsOf(0.2, true));
        for (std::size_t i = 0; i < t->checkpoints.size(); ++i) {
            const bp::Checkpoint& cp = *t->checkpoints[i];
            QCOMPARE(cp.sample(), std::uint64_t{10 * i});
            QVERIFY(sameMatrices(cp.weights, ref.allWeights()));
            QCOMPARE(cp.runningError(), trainer.progress().runningError);
            QCOMPARE(cp.learningRate(), 0.2);
            if (i + 1 < t->checkpoints.size()) trainer.advance(10);
        }
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, ref.allWeights()));
    }

    // Viewing a checkpoint shows its network (the values of the current sample computed from
    // its weights) and says it is not the live one; Live shows the live network again.
    void viewingACheckpointLeavesTheLiveNetwork() {
        const auto spec = specOf({784, 20, 10}, 3);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.2, false));
        c.setDatasets(m_train, nullptr);
        QVERIFY(playTo(c, 1, 100));
        const std::vector<bp::Matrix> live = c.lastSnapshot()->weights;
        const bp::CheckpointPtr cp = c.timeline()->at(40);
        QVERIFY(cp);
        QSignalSpy predictions(&c, &TrainingController::predictionsReady);
        c.viewCheckpoint(40);
        c.sync();
        bps::SnapshotPtr s = c.lastSnapshot();
        QVERIFY(!s->live);
        QCOMPARE(s->samplesSeen, 40ULL);
        QCOMPARE(s->liveSamplesSeen, 100ULL);
        QCOMPARE(s->runningError, cp->runningError());
        QVERIFY(sameMatrices(s->weights, cp->weights));
        bp::Network then(spec);
        for (int k = 0; k < then.weightLayers(); ++k)
            then.setWeights(k, cp->weights[static_cast<std::size_t>(k)]);
        QVERIFY(s->sample >= 0);
        QVERIFY(s->values.o.back() ==
                then.query(m_train->input(static_cast<std::size_t>(s->sample))));
        // The sample browser's predictions are the checkpoint's network's.
        QCOMPARE(predictions.count(), 1);
        const auto p = predictions.at(0).at(0).value<bps::PredictionsPtr>();
        QCOMPARE(p->size(), std::size_t{100});
        const std::vector<int> expected = bp::predictions(then, *m_train);
        QVERIFY(*p == expected);

        c.viewLive();
        c.sync();
        s = c.lastSnapshot();
        QVERIFY(s->live);
        QCOMPARE(s->samplesSeen, 100ULL);
        QVERIFY(sameMatrices(s->weights, live));
    }

    // Resume from a checkpoint in the middle of epoch 2, train to the end of epoch 3: the
    // weights, running error and checkpoints equal the uninterrupted run's, in file order and
    // shuffled.
    void resumeIsBitIdentical_data() {
        QTest::addColumn<bool>("shuffle");
        QTest::newRow("file order") << false;
        QTest::newRow("shuffled") << true;
    }
    void resumeIsBitIdentical() {
        QFETCH(bool, shuffle);
        const auto spec = specOf({784, 30, 10}, 11);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.3, shuffle));
        c.setDatasets(m_train, nullptr);
        QVERIFY(playTo(c, 3, 100));
        const std::vector<bp::Matrix> uninterrupted = c.lastSnapshot()->weights;
        const double error = c.lastSnapshot()->runningError;
        const bps::RunTimelinePtr before = c.timeline();

        QSignalSpy rewound(&c, &TrainingController::runRewound);
        QSignalSpy rates(&c, &TrainingController::learningRateSet);
        c.setLearningRate(0.9);  // a rate changed since: resuming takes the checkpoint's
        c.viewCheckpoint(120);
        QVERIFY(c.resumeFrom(120));
        c.sync();
        QCOMPARE(rewound.count(), 1);
        QCOMPARE(rewound.at(0).at(0).toDouble(), 120.0);
        QCOMPARE(rates.count(), 1);
        QCOMPARE(rates.at(0).at(0).toDouble(), 0.3);
        QVERIFY(c.lastSnapshot()->live);
        QCOMPARE(c.lastSnapshot()->samplesSeen, 120ULL);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, before->at(120)->weights));
        QCOMPARE(c.timeline()->checkpoints.back()->sample(), std::uint64_t{120});
        QVERIFY(!c.resumeFrom(125));  // no checkpoint there

        QVERIFY(playTo(c, 3, 100));
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, uninterrupted));
        QCOMPARE(c.lastSnapshot()->runningError, error);
        const bps::RunTimelinePtr after = c.timeline();
        QCOMPARE(after->checkpoints.size(), before->checkpoints.size());
        for (std::size_t i = 0; i < after->checkpoints.size(); ++i)
            QVERIFY(sameMatrices(after->checkpoints[i]->weights, before->checkpoints[i]->weights));
    }

    // Branch from a checkpoint at another rate: a new run (the first stays on the chart) that
    // starts from the checkpoint's weights and place, and trains as the core does from there.
    void branchStartsFromTheCheckpoint() {
        const auto spec = specOf({784, 20, 10}, 4);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.2, true));
        c.setDatasets(m_train, nullptr);
        QVERIFY(playTo(c, 1, 100));
        const bp::CheckpointPtr cp = c.timeline()->at(70);
        QVERIFY(cp);
        QSignalSpy runs(&c, &TrainingController::runStarted);
        QVERIFY(c.branchFrom(70, 0.05));
        c.sync();
        QCOMPARE(runs.count(), 1);
        QVERIFY(runs.at(0).at(0).toString().contains(QStringLiteral("branch at sample 70")));
        QCOMPARE(c.learningRate(), 0.05);
        QCOMPARE(c.lastSnapshot()->samplesSeen, 70ULL);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, cp->weights));
        QCOMPARE(c.timeline()->checkpoints.size(), std::size_t{1});  // the branch's start
        QVERIFY(playTo(c, 2, 100));

        bp::Network ref(spec);
        bp::Trainer t(ref, *m_train, nullptr, optionsOf(0.05, true));
        bp::restore(*cp, ref, t);
        t.setLearningRate(0.05);
        t.advance(130);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, ref.allWeights()));
        QCOMPARE(c.lastSnapshot()->runningError, t.progress().runningError);
    }

    // Replay with another α: the same initial weights and order, the new rate from sample 1.
    void replayStartsFromTheSameWeights() {
        const auto spec = specOf({784, 20, 10}, 9);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.2, true));
        c.setDatasets(m_train, nullptr);
        c.sync();
        const std::vector<bp::Matrix> initial = c.lastSnapshot()->weights;
        QVERIFY(playTo(c, 1, 100));
        c.replay(0.6);
        c.sync();
        QCOMPARE(c.lastSnapshot()->samplesSeen, 0ULL);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, initial));
        QVERIFY(playTo(c, 1, 100));
        bp::Network ref(spec);
        bp::Trainer t(ref, *m_train, nullptr, optionsOf(0.6, true));
        t.advance(100);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, ref.allWeights()));
    }
};

QTEST_MAIN(TestTimeline)
#include "test_timeline.moc"
