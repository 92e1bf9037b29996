// test_states.cpp — the texts that say what the studio is doing tell the truth: the network
// view's header, the maths panel's title and the control panel's progress, each fed the
// controller's own snapshots (idle at start, training at a pace, at full speed, a finished run).
#include <QLabel>
#include <QtTest>
#include <memory>

#include "ControllerFixtures.h"
#include "backprop/DatasetIO.h"
#include "shell/Language.h"
#include "training/TrainingController.h"
#include "views/ControlPanel.h"
#include "views/MathsPanel.h"
#include "views/NetworkView.h"

using bps::TrainingController;

using fixtures::loadData;

namespace {

bp::NetworkSpec smallSpec() {
    bp::NetworkSpec s;
    s.layers = {784, 8, 10};
    s.seed = 3;
    return s;
}

// The three views fed one snapshot, as MainWindow wires them.
struct Views {
    bps::NetworkView network;
    bps::MathsPanel maths;
    bps::ControlPanel controls;
    Views() {
        network.resize(900, 500);
        maths.resize(500, 300);
        maths.show();  // a hidden panel keeps the snapshot for later
    }
    void show(const bps::SnapshotPtr& s) {
        network.setSnapshot(s);
        maths.setSnapshot(s);
        controls.setSnapshot(s);
    }
    QString progress() const {
        return controls.findChild<QLabel*>(QStringLiteral("progress"))->text();
    }
};

}  // namespace

class TestStates : public QObject {
    Q_OBJECT
  private:
    std::shared_ptr<const bp::Dataset> m_train;

  private slots:
    void initTestCase() {
        bps::Language::instance()->setLanguage(QStringLiteral("en"));
        m_train = loadData("mnist_train_100.csv");
    }

    // At start nothing is training, and no text says it is; no "prediction -1"; no running
    // error before a sample was trained.
    void idleAtStart() {
        TrainingController c;
        c.setNetworkSpec(smallSpec(), {});
        c.setDatasets(m_train, nullptr);
        c.sync();
        const bps::SnapshotPtr s = c.lastSnapshot();
        QVERIFY(s && !s->playing && s->samplesSeen == 0);
        Views v;
        v.show(s);
        QCOMPARE(v.network.caption(), QStringLiteral("Ready to train: sample 0 comes first"));
        QVERIFY2(!v.maths.plainText().contains(QStringLiteral("Training")),
                 qPrintable(v.maths.plainText().left(200)));
        QVERIFY(v.maths.plainText().contains(
            QStringLiteral("Sample 0, the next to be trained, through the current weights")));
        QVERIFY2(!v.progress().contains(QStringLiteral("-1")), qPrintable(v.progress()));
        QVERIFY2(v.progress().contains(QStringLiteral("nothing trained yet")),
                 qPrintable(v.progress()));

        // A snapshot without a forward pass (no prediction yet): the progress leaves it out.
        auto noPrediction = std::make_shared<bps::Snapshot>(*s);
        noPrediction->prediction = -1;
        v.controls.setSnapshot(noPrediction);
        QVERIFY2(!v.progress().contains(QStringLiteral("prediction")), qPrintable(v.progress()));
        QVERIFY(v.progress().contains(QStringLiteral("sample 0, label %1").arg(m_train->label(0))));
    }

    // While Play trains at a pace, the header and the maths say that pace, in its unit; at full
    // speed they say full speed; paused, they say paused.
    void trainingSaysItsPace() {
        TrainingController c;
        c.setNetworkSpec(smallSpec(), {});
        c.setDatasets(m_train, nullptr);
        c.setSpeed(50);
        c.sync();
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->playing && c.lastSnapshot()->samplesSeen > 0,
                                 10000);
        Views v;
        bps::SnapshotPtr s = c.lastSnapshot();
        v.show(s);
        QCOMPARE(v.network.caption(),
                 QStringLiteral("Training at 50 samples/s: sample %1").arg(s->sample));
        QVERIFY2(v.maths.plainText().contains(QStringLiteral("Training at 50 samples/s")),
                 qPrintable(v.maths.plainText().left(200)));
        QVERIFY(!v.maths.plainText().contains(QStringLiteral("full speed")));

        c.setSpeed(0);
        QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->playing && c.lastSnapshot()->pace == 0, 10000);
        s = c.lastSnapshot();
        v.show(s);
        QCOMPARE(v.network.caption(),
                 QStringLiteral("Training at full speed: sample %1").arg(s->sample));
        QVERIFY(v.maths.plainText().contains(QStringLiteral("Training at full speed")));

        c.pause();
        c.sync();
        s = c.lastSnapshot();
        QVERIFY(!s->playing);
        v.show(s);
        QCOMPARE(v.network.caption(), QStringLiteral("Paused: sample %1 is next").arg(s->sample));
        QVERIFY(!v.maths.plainText().contains(QStringLiteral("Training")));
    }

    // After a run that stopped at an epoch's end the counter says that epoch is finished, not
    // "Epoch 2, 0 of 100".
    void finishedRunSaysFinished() {
        TrainingController c;
        c.setNetworkSpec(smallSpec(), {});
        c.setDatasets(m_train, nullptr);
        c.sync();
        c.stepEpoch();
        QTRY_VERIFY_WITH_TIMEOUT(!c.isPlaying() && c.lastSnapshot()->samplesSeen == 100, 20000);
        c.sync();
        Views v;
        v.show(c.lastSnapshot());
        QVERIFY2(v.progress().startsWith(QStringLiteral("Epoch 1 finished: 100 of 100 samples")),
                 qPrintable(v.progress()));
        QVERIFY(!v.progress().contains(QStringLiteral("Epoch 2")));
        QVERIFY2(v.progress().contains(QStringLiteral("100 samples seen, running error")),
                 qPrintable(v.progress()));
        c.stepSample();  // one more: the second epoch has begun
        c.sync();
        v.show(c.lastSnapshot());
        QVERIFY2(v.progress().startsWith(QStringLiteral("Epoch 2, 1 of 100 samples")),
                 qPrintable(v.progress()));
    }
};

QTEST_MAIN(TestStates)
#include "test_states.moc"
