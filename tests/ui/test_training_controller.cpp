// test_training_controller.cpp — the worker-thread controller against the core it drives.
//
// Every comparison is with a bp::Network / bp::Stepper / bp::Trainer run here on the same
// spec, seed and samples, and is exact (==): the controller must hand the views the core's own
// values, not an approximation of them.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>
#include <memory>

#include "ControllerFixtures.h"
#include "backprop/DatasetIO.h"
#include "backprop/Stepper.h"
#include "backprop/Trainer.h"
#include "training/TrainingController.h"

using bps::TrainingController;

using fixtures::loadData;
using fixtures::sameMatrices;
using fixtures::specOf;

namespace {

bool sameVectors(const std::vector<bp::Vector>& a, const std::vector<bp::Vector>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].size() != b[i].size() || a[i] != b[i]) return false;
    return true;
}

bp::TrainOptions optionsOf(double lr, int epochs = 1) {
    bp::TrainOptions o;
    o.learningRate = lr;
    o.epochs = epochs;
    return o;
}

}  // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
  private:
    std::shared_ptr<const bp::Dataset> m_train, m_test;

  private slots:
    void initTestCase() {
        m_train = loadData("mnist_train_100.csv");
        m_test = loadData("mnist_test_10.csv");
        QCOMPARE(m_train->rows(), std::size_t{100});
    }

    // Every phase of two samples through a 3-weight-layer network: each snapshot holds exactly
    // the values and weights of a bp::Stepper run on the same network and sample.
    void stepPhaseEqualsCore() {
        const auto spec = specOf({784, 16, 12, 10}, 7);
        const double lr = 0.2;
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(lr));
        c.setDatasets(m_train, m_test);
        QSignalSpy snapshots(&c, &TrainingController::snapshotReady);
        c.sync();
        QVERIFY(c.lastSnapshot());
        QCOMPARE(c.lastSnapshot()->samplesSeen, 0ULL);

        bp::Network ref(spec);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, ref.allWeights()));
        bp::Stepper st(ref);
        const auto phases = bp::phasesOf(spec.weightLayers());
        for (std::size_t sample = 0; sample < 2; ++sample) {
            st.setSample(m_train->input(sample), bp::bookTarget(m_train->label(sample), 10));
            for (std::size_t i = 0; i < phases.size(); ++i) {
                const int before = static_cast<int>(snapshots.count());
                c.stepPhase();
                c.sync();
                QVERIFY(snapshots.count() > before);  // a snapshot per step
                st.step(lr);
                const bps::SnapshotPtr s = c.lastSnapshot();
                QVERIFY(s->lastPhase.has_value());
                QCOMPARE(*s->lastPhase, phases[i]);
                QCOMPARE(s->sample, static_cast<long>(sample));
                QCOMPARE(s->label, m_train->label(sample));
                const bp::PassValues& v = st.values();
                QVERIFY(sameVectors(s->values.x, v.x));
                QVERIFY(sameVectors(s->values.o, v.o));
                QVERIFY(sameVectors(s->values.e, v.e));
                QVERIFY(sameVectors(s->values.delta, v.delta));
                QVERIFY(s->values.target == v.target);
                QCOMPARE(s->values.error, v.error);
                QVERIFY(sameMatrices(s->weights, ref.allWeights()));
                if (phases[i].kind == bp::PhaseKind::Update) {
                    const auto k = static_cast<std::size_t>(phases[i].layer);
                    QVERIFY(s->values.dW[k] == v.dW[k]);
                    QVERIFY(s->values.dW[k].cwiseAbs().maxCoeff() > 0);  // a real update
                }
                QCOMPARE(s->nextPhase.has_value(), i + 1 < phases.size());
            }
            // The trainer took the sample over: its cursor moved by one.
            QCOMPARE(c.lastSnapshot()->samplesSeen, static_cast<unsigned long long>(sample + 1));
        }
    }

    // A learning rate changed while Play runs takes effect at a sample the controller reports;
    // the weights equal a core run that switches the rate at that very sample, and differ from
    // a run without the change.
    void learningRateChangeDuringRun() {
        const auto spec = specOf({784, 20, 10}, 3);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.1));
        c.setDatasets(m_train, nullptr);
        c.setSpeed(200);  // 100 samples take about half a second: time to change the rate
        c.setEpochLimit(1);
        QSignalSpy marks(&c, &TrainingController::learningRateMarked);
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot() && c.lastSnapshot()->samplesSeen > 5, 10000);
        c.setLearningRate(0.45);
        QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->samplesSeen == 100 && !c.isPlaying(), 20000);
        c.sync();
        QCOMPARE(marks.count(), 1);
        const double at = marks.at(0).at(0).toDouble();
        QCOMPARE(marks.at(0).at(1).toDouble(), 0.45);
        QVERIFY(at > 5 && at < 100);
        QCOMPARE(c.lastSnapshot()->learningRate, 0.45);

        bp::Network changed(spec), unchanged(spec);
        for (std::size_t i = 0; i < 100; ++i) {
            const bp::Vector in = m_train->input(i);
            const bp::Vector t = bp::bookTarget(m_train->label(i), 10);
            changed.train(in, t, static_cast<double>(i) < at ? 0.1 : 0.45);
            unchanged.train(in, t, 0.1);
        }
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, changed.allWeights()));
        QVERIFY(!sameMatrices(c.lastSnapshot()->weights, unchanged.allWeights()));
    }

    // Step epoch stops exactly at the end of the epoch, reports the test accuracy, and Reset

    // A rate changed while the worker is still busy and has not built the new run yet (the run
    // was announced with the old rate) is used from the first sample and marked there: the
    // chart's rate marks and the run's label tell what the network was trained with.
    void rateChangedBeforeTheRunIsBuiltIsMarked() {
        const auto spec = specOf({784, 100, 10}, 5);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.1, 20));
        c.setDatasets(m_train, nullptr);
        c.sync();
        QSignalSpy marks(&c, &TrainingController::learningRateMarked);
        for (int i = 0; i < 20; ++i) c.stepEpoch();  // keeps the worker busy for a while
        c.setNetworkSpec(spec, optionsOf(0.1, 20));  // a new network, announced at α 0.1
        c.setLearningRate(0.3);                      // before the worker has built it
        c.stepSample();
        c.sync();
        QCOMPARE(marks.count(), 1);
        QCOMPARE(marks.at(0).at(0).toDouble(), 0.0);
        QCOMPARE(marks.at(0).at(1).toDouble(), 0.3);
        bp::Network net(spec);
        net.train(m_train->input(0), bp::bookTarget(m_train->label(0), 10), 0.3);
        QCOMPARE(c.lastSnapshot()->samplesSeen, 1ULL);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, net.allWeights()));
    }
    // replays the run bit for bit; both equal a bp::Trainer epoch on the same network.
    void resetReplaysIdentically() {
        const auto spec = specOf({784, 30, 10}, 11);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.3));
        c.setDatasets(m_train, m_test);
        QSignalSpy epochs(&c, &TrainingController::epochFinished);
        QSignalSpy runs(&c, &TrainingController::runStarted);
        c.sync();
        const std::vector<bp::Matrix> initial = c.lastSnapshot()->weights;

        std::vector<bp::Matrix> first;
        for (int run = 0; run < 2; ++run) {
            if (run == 1) c.reset();
            c.sync();
            QVERIFY(sameMatrices(c.lastSnapshot()->weights, initial));
            c.stepEpoch();
            QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->samplesSeen == 100 && !c.isPlaying(), 20000);
            c.sync();
            QCOMPARE(c.lastSnapshot()->samplesSeen, 100ULL);  // stopped at the epoch's end
            if (run == 0) first = c.lastSnapshot()->weights;
        }
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, first));
        QVERIFY(!sameMatrices(first, initial));
        QCOMPARE(runs.count(), 1);
        QCOMPARE(epochs.count(), 2);

        bp::Network ref(spec);
        bp::Trainer t(ref, *m_train, m_test.get(), optionsOf(0.3));
        const bp::EpochResult r = t.runEpoch();
        QVERIFY(sameMatrices(first, ref.allWeights()));
        QCOMPARE(epochs.at(1).at(0).toInt(), 1);
        QCOMPARE(epochs.at(1).at(1).toDouble(), 100.0);
        QCOMPARE(epochs.at(1).at(3).toDouble(), r.testAccuracy);
    }

    // Another training set while the network is trained, as the person answered: kept, the
    // weights are the trained ones, the counters go on from the samples seen and the run's
    // label says so; new, the weights are the seed's and the counters start at 0.
    void newTrainingSetKeepsOrReplacesTheNetwork() {
        const auto spec = specOf({784, 12, 10}, 3);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.2));
        c.setDatasets(m_train, m_test);
        c.sync();
        const std::vector<bp::Matrix> initial = c.lastSnapshot()->weights;
        for (int i = 0; i < 7; ++i) c.stepSample();
        c.sync();
        QCOMPARE(c.lastSnapshot()->samplesSeen, 7ULL);
        const std::vector<bp::Matrix> trained = c.lastSnapshot()->weights;
        QVERIFY(!sameMatrices(trained, initial));

        QSignalSpy runs(&c, &TrainingController::runStarted);
        const auto other = loadData("mnist_train_100.csv");  // another set (same pictures)
        QVERIFY(c.setDatasets(other, m_test, TrainingController::OnNewData::KeepTrained));
        c.sync();
        QCOMPARE(c.keptSamples(), 7ULL);
        QCOMPARE(c.lastSnapshot()->samplesSeen, 7ULL);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, trained));
        QCOMPARE(runs.count(), 1);
        QVERIFY2(runs.at(0).at(0).toString().contains(QStringLiteral("kept network (7 sample")),
                 qPrintable(runs.at(0).at(0).toString()));
        c.stepSample();
        c.sync();
        QCOMPARE(c.lastSnapshot()->samplesSeen, 8ULL);

        QVERIFY(c.setDatasets(m_train, m_test, TrainingController::OnNewData::NewNetwork));
        c.sync();
        QCOMPARE(c.keptSamples(), 0ULL);
        QCOMPARE(c.lastSnapshot()->samplesSeen, 0ULL);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, initial));
        QVERIFY(!runs.last().at(0).toString().contains(QStringLiteral("kept")));
    }

    // A sample picked in the browser is the one stepped, and stepping it does not move the
    // trainer's cursor.
    void pinnedSampleIsStepped() {
        const auto spec = specOf({784, 8, 10}, 5);
        TrainingController c;
        c.setNetworkSpec(spec, optionsOf(0.1));
        c.setDatasets(m_train, nullptr);
        c.selectSample(42);
        c.sync();
        QCOMPARE(c.lastSnapshot()->sample, 42L);
        c.stepSample();
        c.sync();
        QCOMPARE(c.lastSnapshot()->sample, 42L);
        QCOMPARE(c.lastSnapshot()->label, m_train->label(42));
        QCOMPARE(c.lastSnapshot()->samplesSeen, 0ULL);
        bp::Network ref(spec);
        ref.train(m_train->input(42), bp::bookTarget(m_train->label(42), 10), 0.1);
        QVERIFY(sameMatrices(c.lastSnapshot()->weights, ref.allWeights()));
    }

    // With mini-batches, a stepped sample is still the book's one-sample update (the maths
    // panel says so from the snapshot's batch), and the snapshot tells the batch size.
    void steppingWithMiniBatchesIsPerSample() {
        const auto spec = specOf({784, 8, 10}, 5);
        TrainingController c;
        bp::TrainOptions o = optionsOf(0.2);
        o.batch = 16;
        c.setNetworkSpec(spec, o);
        c.setDatasets(m_train, nullptr);
        c.stepSample();
        c.sync();
        QCOMPARE(c.lastSnapshot()->batch, 16);
        QCOMPARE(c.lastSnapshot()->samplesSeen, 1ULL);
        bp::Network ref(spec);
        ref.train(m_train->input(0), bp::bookTarget(m_train->label(0), 10), 0.2);
        // The trainer's batch path (a batch of one) rounds its products differently from the
        // per-sample path: equal to the last bits, not bit for bit.
        const auto& w = c.lastSnapshot()->weights;
        for (int k = 0; k < ref.weightLayers(); ++k) {
            const double diff =
                (w[static_cast<std::size_t>(k)] - ref.weights(k)).cwiseAbs().maxCoeff();
            QVERIFY2(diff < 1e-12, qPrintable(QString::number(diff)));
        }
        QVERIFY(!sameMatrices(w, bp::Network(spec).allWeights()));  // and it did train
    }

    // Snapshots are coalesced: at full speed far fewer snapshots than samples arrive.
    void snapshotsAreCoalesced() {
        TrainingController c;
        c.setNetworkSpec(specOf({784, 10, 10}, 2), optionsOf(0.1, 50));
        c.setDatasets(m_train, nullptr);
        c.setEpochLimit(50);
        c.sync();
        QSignalSpy snapshots(&c, &TrainingController::snapshotReady);
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->samplesSeen == 5000 && !c.isPlaying(), 30000);
        c.sync();
        QVERIFY2(
            snapshots.count() < 1000,
            qPrintable(QStringLiteral("%1 snapshots for 5000 samples").arg(snapshots.count())));
        QVERIFY(snapshots.count() >= 1);
    }

    // The GUI thread drains the worker's mailbox only while there is something in it: idle, the
    // drain timer sleeps (no wake-ups 60 times a second); Play wakes it without a sync, and it
    // sleeps again after Pause; a command while asleep (a step) still reaches the views.
    void idleStudioDoesNotWake() {
        TrainingController c;
        c.setNetworkSpec(specOf({784, 8, 10}, 4), optionsOf(0.1, 1));
        c.setDatasets(m_train, nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot() && !c.isDraining(), 5000);
        QTest::qWait(100);
        QVERIFY(!c.isDraining());
        QSignalSpy snapshots(&c, &TrainingController::snapshotReady);
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(c.isPlaying() && c.lastSnapshot()->samplesSeen > 200, 30000);
        QVERIFY(c.isDraining());
        c.pause();
        QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying() && !c.isDraining(), 5000);
        const auto seen = c.lastSnapshot()->samplesSeen;
        const int before = snapshots.count();
        c.stepSample();  // no sync: the worker's post wakes the drain
        QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->samplesSeen == seen + 1, 5000);
        QVERIFY(snapshots.count() > before);
        QTRY_VERIFY_WITH_TIMEOUT(!c.isDraining(), 5000);
    }

    // Play trains epoch after epoch until Pause (no epoch limit, the default): it goes past the
    // end of the first epochs and stops only when paused, at a sample and not an epoch's end.
    void playLoopsUntilPause() {
        TrainingController c;
        QCOMPARE(c.epochLimit(), 0);
        c.setNetworkSpec(specOf({784, 8, 10}, 4), optionsOf(0.1, 1));  // options.epochs: unused
        c.setDatasets(m_train, nullptr);
        QSignalSpy epochs(&c, &TrainingController::epochFinished);
        c.sync();
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->samplesSeen > 350, 30000);
        QVERIFY(c.isPlaying());
        c.pause();
        c.sync();
        QVERIFY(!c.isPlaying());
        QVERIFY(epochs.count() >= 3);
        // The epoch counter goes on: epoch 4 or later once 350 samples of 100 were seen.
        QVERIFY(c.lastSnapshot()->epoch >= 4);
        const auto seen = c.lastSnapshot()->samplesSeen;
        c.sync();
        QCOMPARE(c.lastSnapshot()->samplesSeen, seen);  // paused means paused
    }

    // "Stop after N epochs" stops at the end of epoch N exactly; set while Play runs it applies
    // at once (lowered below the epoch being trained, it ends that epoch); a finished run goes on
    // for as many again.
    void epochLimitStopsAtAnEpochsEnd() {
        TrainingController c;
        c.setNetworkSpec(specOf({784, 8, 10}, 4), optionsOf(0.1));
        c.setDatasets(m_train, nullptr);
        c.setEpochLimit(2);
        c.sync();
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying() && c.lastSnapshot()->samplesSeen > 0, 30000);
        c.sync();
        QCOMPARE(c.lastSnapshot()->samplesSeen, 200ULL);
        c.play();  // a finished run: two more
        QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying() && c.lastSnapshot()->samplesSeen > 200, 30000);
        c.sync();
        QCOMPARE(c.lastSnapshot()->samplesSeen, 400ULL);

        c.setEpochLimit(0);
        c.setSpeed(400);  // a few epochs a second: time to lower the limit while it runs
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->samplesSeen > 450, 30000);
        c.setEpochLimit(1);  // below the epochs done: the epoch being trained is the last
        QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying(), 30000);
        c.sync();
        const auto seen = c.lastSnapshot()->samplesSeen;
        QVERIFY2(seen % 100 == 0 && seen > 450, qPrintable(QString::number(seen)));
    }

    // Destroying the controller while it trains at full speed stops the worker promptly.
    void destroyWhileTraining() {
        auto c = std::make_unique<TrainingController>();
        c->setNetworkSpec(specOf({784, 200, 10}, 1), optionsOf(0.1));
        c->setDatasets(m_train, m_test);
        c->play();
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot() && c->lastSnapshot()->samplesSeen > 50, 10000);
        QVERIFY(c->isPlaying());
        QElapsedTimer t;
        t.start();
        c.reset();
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_MAIN(TestTrainingController)
#include "test_training_controller.moc"
