// test_play_pacer.cpp — Play's pace on its own (training/PlayPacer.h): the epoch Play stops after
// for every way it starts, phase by phase at a slow pace, the samples a tick trains (never past
// the stop, the budget at a limited pace, the slice at full speed) and the timer's interval.
#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include "training/PlayPacer.h"
#include "training/TrainingController.h"

using bps::TrainingController;
using bps::detail::PlayPacer;

namespace {

bp::TrainProgress at(std::size_t inEpoch, std::size_t perEpoch) {
    bp::TrainProgress p;
    p.sampleInEpoch = inEpoch;
    p.samplesPerEpoch = perEpoch;
    return p;
}

}  // namespace

class PlayPacerTest : public QObject {
    Q_OBJECT
  private slots:
    void stopsAfterTheRightEpoch() {
        PlayPacer p;
        p.start(false, 0);  // no limit: until Pause
        QCOMPARE(p.stopAfter(), PlayPacer::kNever);
        QVERIFY(!p.done(1000));
        p.setEpochLimit(3, 0);  // "stop after 3 epochs", applied while playing
        QCOMPARE(p.stopAfter(), 3);
        QVERIFY(!p.done(2));
        QVERIFY(p.done(3));
        p.start(false, 3);  // a finished run goes on as long again
        QCOMPARE(p.stopAfter(), 6);
        p.start(true, 4);  // Step epoch: to the end of the epoch being trained
        QCOMPARE(p.stopAfter(), 5);
        p.start(false, 1);
        p.setEpochLimit(1, 2);  // lowered below the epoch being trained: that epoch ends
        QCOMPARE(p.stopAfter(), 3);
        p.setEpochLimit(0, 2);
        QCOMPARE(p.stopAfter(), PlayPacer::kNever);
    }

    void aTickNeverTrainsPastTheStop() {
        PlayPacer p;
        p.setEpochLimit(1, 0);
        p.start(false, 0);
        QCOMPARE(p.samplesNow(at(90, 100), 0), std::size_t{10});  // slice 32, 10 left
        QCOMPARE(p.samplesNow(at(100, 100), 0), std::size_t{0});
        p.setEpochLimit(2, 0);
        QCOMPARE(p.samplesNow(at(90, 100), 0), std::size_t{32});
    }

    void slowPaceIsPhaseByPhase() {
        PlayPacer p;
        const auto phases = std::size_t{5};  // a step of five phases
        p.setSpeed(1);
        p.start(false, 0);
        QVERIFY(p.phaseByPhase());
        QCOMPARE(p.timerMs(phases), 200);  // 1 sample/s of 5 phases
        p.setSpeed(TrainingController::kPhaseBySampleRate);
        QVERIFY(p.phaseByPhase());
        p.setSpeed(TrainingController::kPhaseBySampleRate + 1);
        QVERIFY(!p.phaseByPhase());
        QCOMPARE(p.timerMs(phases), TrainingController::kSnapshotMs);
        QCOMPARE(p.publishMs(), TrainingController::kSnapshotMs);
        p.start(true, 0);  // Step epoch runs at full speed whatever the pace
        QVERIFY(!p.phaseByPhase());
        QCOMPARE(p.timerMs(phases), 0);
        QCOMPARE(p.pace(), 0.0);
        p.setSpeed(0);
        p.start(false, 0);
        QCOMPARE(p.timerMs(phases), 0);
        QCOMPARE(p.publishMs(), 2 * TrainingController::kSnapshotMs);
    }

    void aLimitedPaceTrainsWhatIsOwed() {
        PlayPacer p;
        p.setSpeed(1000);
        QElapsedTimer clock;
        p.start(false, 0);
        clock.start();
        QThread::msleep(60);
        const std::size_t n = p.samplesNow(at(0, 1000000), 0);
        const auto owed = static_cast<double>(clock.nsecsElapsed()) / 1e6;  // 1 sample a ms
        QVERIFY2(n >= 59 && static_cast<double>(n) <= owed + 1,
                 qPrintable(QStringLiteral("%1 samples after %2 ms").arg(n).arg(owed)));
        QVERIFY(p.samplesNow(at(n, 1000000), 0) <= 2);  // paid: nothing (or a sample) owed
        p.sliceTook(0.1);                               // no slices at a limited pace
        QVERIFY(p.samplesNow(at(n, 1000000), 0) <= 2);
    }

    void fullSpeedSlicesTakeAboutTwelveMilliseconds() {
        PlayPacer p;
        p.start(false, 0);
        QCOMPARE(p.samplesNow(at(0, 1 << 30), 0), std::size_t{32});
        p.sliceTook(1);  // quick: doubled
        QCOMPARE(p.samplesNow(at(0, 1 << 30), 0), std::size_t{64});
        p.sliceTook(PlayPacer::kSliceMs);  // about right: kept
        QCOMPARE(p.samplesNow(at(0, 1 << 30), 0), std::size_t{64});
        p.sliceTook(3 * PlayPacer::kSliceMs);  // slow: halved
        QCOMPARE(p.samplesNow(at(0, 1 << 30), 0), std::size_t{32});
        for (int i = 0; i < 40; ++i) p.sliceTook(0);
        QCOMPARE(p.samplesNow(at(0, 1 << 30), 0), std::size_t{1} << 20);  // capped
    }
};

QTEST_MAIN(PlayPacerTest)
#include "test_play_pacer.moc"
