// test_weight_atlas.cpp — the weight atlas on hand-set networks: one tile per neuron with the
// network view's colours and hover values, a click that selects the neuron in the studio, what
// changed on a known change (one weight moved by hand: exactly that one, with its value, in the
// tiles and in the summary), and the throttle (nothing painted while hidden, at most one paint
// per kThrottleMs while shown).
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "ViewFixtures.h"
#include "backprop/Network.h"
#include "backprop/Timeline.h"
#include "shell/Language.h"
#include "shell/MainWindow.h"
#include "training/RunTimeline.h"
#include "training/TrainingController.h"
#include "views/NetworkView.h"
#include "views/Palette.h"
#include "views/WeightAtlas.h"

using bps::WeightAtlas;

namespace {

// 784-4-10 with every weight of W_0 zero but two of neuron 2: pixel (3, 5) = 0.5 and
// pixel (0, 0) = −0.25.
bp::Network handSet() {
    bp::NetworkSpec spec;
    spec.layers = {784, 4, 10};
    bp::Network net(spec);
    bp::Matrix w0 = bp::Matrix::Zero(4, 784);
    w0(2, 3 * 28 + 5) = 0.5;
    w0(2, 0) = -0.25;
    net.setWeights(0, w0);
    return net;
}

bps::SnapshotPtr snapshotOf(const bp::Network& net, int imageW, int imageH,
                            unsigned long long seen = 0) {
    auto s = bps::snapshotOfSample(net, bp::Vector::Zero(net.inputs()),
                                   bp::bookTarget(0, net.outputs()), 0.1);
    s->imageWidth = imageW;
    s->imageHeight = imageH;
    s->samplesSeen = seen;
    return s;
}

bp::CheckpointPtr checkpointOf(const bp::Network& net, std::uint64_t sample) {
    auto c = std::make_shared<bp::Checkpoint>();
    c->weights = net.allWeights();
    c->trainer.progress.samplesSeen = sample;
    return c;
}

// The centre of pixel (row, col) of tile j, in canvas coordinates.
QPoint pixelCentre(const WeightAtlas& a, int j, int row, int col) {
    const QRect r = a.tileRect(j);
    const QSize t = a.tileSize();
    return QPoint(r.left() + int((col + 0.5) * r.width() / t.width()),
                  r.top() + int((row + 0.5) * r.height() / t.height()));
}

}  // namespace

class TestWeightAtlas : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_settingsDir;

  private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_weight_atlas"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        bps::Language::instance()->setLanguage(QStringLiteral("en"));  // its plural forms
    }

    // One 28×28 tile per hidden neuron; a known weight shows the known colour and tooltip.
    void tilesShowTheWeightsInTheViewsColours() {
        WeightAtlas a;
        a.resize(800, 600);
        a.show();
        QVERIFY(QTest::qWaitForWindowExposed(&a));
        a.setSnapshot(snapshotOf(handSet(), 28, 28));
        QCOMPARE(a.tileCount(), 4);
        QCOMPARE(a.tileSize(), QSize(28, 28));
        QCOMPARE(a.weightLayer(), 0);
        // each tile on its own ±max|w| (the network view's heat map): tile 2 spans ±0.5
        QVERIFY(a.ownScale());
        QCOMPARE(a.scaleOf(2), 0.5);
        const QImage t2 = a.tileImage(2);
        QCOMPARE(t2.size(), QSize(28, 28));
        QCOMPARE(t2.pixel(5, 3), bps::palette::weight(1.0));   // +0.5 / 0.5: full blue
        QCOMPARE(t2.pixel(0, 0), bps::palette::weight(-0.5));  // −0.25 / 0.5
        QCOMPARE(t2.pixel(6, 3), bps::palette::weight(0.0));   // zero: white
        QCOMPARE(a.tileImage(0).pixel(5, 3), bps::palette::weight(0.0));
        QCOMPARE(bps::palette::weight(1.0), bps::palette::kPositive.rgb());

        // hover: neuron, pixel row/column and the value, as the network view words it
        const WeightAtlas::Hit h = a.hitTest(pixelCentre(a, 2, 3, 5));
        QCOMPARE(h.neuron, 2);
        QCOMPARE(h.input, 3 * 28 + 5);
        QCOMPARE(h.value, 0.5);
        QVERIFY2(h.text.contains(
                     QStringLiteral("weight from pixel (row 3, column 5) into hidden neuron 2")),
                 qPrintable(h.text));
        QVERIFY2(h.text.contains(QStringLiteral("w = 0.5")), qPrintable(h.text));
        QCOMPARE(a.hitTest(pixelCentre(a, 1, 27, 27)).input, 783);
        QCOMPARE(a.hitTest(a.tileRect(3).bottomRight() + QPoint(2, 2)).neuron, -1);  // the gap

        // one scale for all: the largest |w| of W_0, 0.5, for every tile
        a.setOwnScale(false);
        QCOMPARE(a.scaleOf(0), 0.5);
        QCOMPARE(a.tileImage(2).pixel(5, 3), bps::palette::weight(1.0));
        QCOMPARE(a.tileImage(2).pixel(0, 0), bps::palette::weight(-0.5));

        // the tiles lie inside the canvas and do not overlap
        for (int j = 0; j < a.tileCount(); ++j) {
            QVERIFY(a.canvas()->rect().contains(a.tileRect(j)));
            for (int k = j + 1; k < a.tileCount(); ++k)
                QVERIFY(!a.tileRect(j).intersects(a.tileRect(k)));
        }
    }

    // Inputs that are not an image: near-square tiles (10 inputs: 4×3), the hidden layer's
    // weights into the output on a second layer.
    void otherInputsGetNearSquareTiles() {
        bp::NetworkSpec spec;
        spec.layers = {10, 3, 2};
        bp::Network net(spec);
        WeightAtlas a;
        a.resize(600, 400);
        a.show();
        QVERIFY(QTest::qWaitForWindowExposed(&a));
        a.setSnapshot(snapshotOf(net, 0, 0));
        QCOMPARE(a.tileCount(), 3);
        QCOMPARE(a.tileSize(), QSize(4, 3));
        const WeightAtlas::Hit h = a.hitTest(pixelCentre(a, 1, 1, 2));  // input 6
        QCOMPARE(h.input, 6);
        QCOMPARE(h.value, net.weights(0)(1, 6));
        QVERIFY2(h.text.contains(QStringLiteral("from input neuron 6 into hidden neuron 1")),
                 qPrintable(h.text));
        QCOMPARE(a.hitTest(pixelCentre(a, 1, 2, 3)).input, -1);  // cell 11: no input
        a.setWeightLayer(1);
        QCOMPARE(a.tileCount(), 2);
        QCOMPARE(a.tileSize(), QSize(2, 2));  // 3 hidden neurons
        QVERIFY(a.hitTest(pixelCentre(a, 0, 0, 1))
                    .text.contains(QStringLiteral("from hidden neuron 1 into output neuron 0")));
    }

    // A click on a tile selects that neuron in the whole studio (the network view's selection,
    // which the maths panel follows), and the view's selection is outlined in the atlas.
    void clickSelectsTheNeuronEverywhere() {
        bps::MainWindow w;
        w.openDatasets(QStringLiteral(BP_SOURCE_DIR "/resources/data/mnist_train_100.csv"),
                       QStringLiteral(BP_SOURCE_DIR "/resources/data/mnist_test_10.csv"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->lastSnapshot() &&
                                     w.controller()->lastSnapshot()->spec.layers.front() == 784,
                                 20000);
        QVERIFY(!w.weightAtlas()->isVisible());
        w.atlasAction()->trigger();
        WeightAtlas* a = w.weightAtlas();
        QVERIFY(QTest::qWaitForWindowExposed(a));
        QTRY_COMPARE(a->tileCount(), w.controller()->lastSnapshot()->spec.layers[1]);
        QSignalSpy clicked(a, &WeightAtlas::neuronClicked);
        QTest::mouseClick(a->canvas(), Qt::LeftButton, {}, a->tileRect(7).center());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toInt(), 1);
        QCOMPARE(clicked.at(0).at(1).toInt(), 7);
        QCOMPARE(w.networkView()->selectedLayer(), 1);
        QCOMPARE(w.networkView()->selectedIndex(), 7);
        QCOMPARE(a->selectedNeuron(), 7);
        w.networkView()->setSelectedNeuron(1, 3);
        QCOMPARE(a->selectedNeuron(), 3);
        w.networkView()->setSelectedNeuron(2, 3);  // an output neuron: no tile of W_0
        QCOMPARE(a->selectedNeuron(), -1);
        // closing the atlas unchecks its menu entry
        a->close();
        QVERIFY(!w.atlasAction()->isChecked());
    }

    // One weight moved by hand between the run's start and now: the tiles show exactly that one
    // (green: it grew), and the summary names it with its value.
    void whatChangedShowsAKnownChange() {
        const bp::Network start = handSet();
        bp::Network now = start;
        bp::Matrix w0 = now.weights(0);
        w0(1, 14 * 28 + 8) += 0.3;  // pixel (14, 8) into hidden neuron 1
        now.setWeights(0, w0);

        WeightAtlas a;
        a.resize(900, 650);
        a.show();
        QVERIFY(QTest::qWaitForWindowExposed(&a));
        auto timeline = std::make_shared<bps::RunTimeline>();
        timeline->checkpoints = {checkpointOf(start, 0), checkpointOf(now, 50)};
        a.setTimeline(timeline);
        a.setSnapshot(snapshotOf(now, 28, 28, 80));
        a.setMode(WeightAtlas::Mode::Changes);
        QCOMPARE(a.changeFrom(), std::uint64_t{0});
        QCOMPARE(a.changeTo(), WeightAtlas::kShown);
        QCOMPARE(a.fromBox()->count(), 2);
        QCOMPARE(a.toBox()->count(), 3);  // the network shown and the two checkpoints

        auto checkOneChange = [&] {
            const bp::WeightDiff& d = a.diff();
            QCOMPARE(d.layers.size(), std::size_t{2});
            QCOMPARE(d.layers[0].changed, std::size_t{1});
            QCOMPARE(d.layers[1].changed, std::size_t{0});
            QCOMPARE(d.layers[0].largest.front().row, 1);
            QCOMPARE(d.layers[0].largest.front().col, 14 * 28 + 8);
            QCOMPARE(d.layers[0].largest.front().delta(), 0.3);
            // tiles: only pixel (14, 8) of tile 1 coloured, full green; everything else white
            for (int j = 0; j < a.tileCount(); ++j) {
                const QImage t = a.tileImage(j);
                for (int y = 0; y < 28; ++y)
                    for (int x = 0; x < 28; ++x)
                        QCOMPARE(t.pixel(x, y), j == 1 && y == 14 && x == 8
                                                    ? bps::palette::error(1.0)
                                                    : bps::palette::error(0.0));
            }
            QCOMPARE(bps::palette::error(1.0), bps::palette::kDwPositive.rgb());
            const WeightAtlas::Hit h = a.hitTest(pixelCentre(a, 1, 14, 8));
            QCOMPARE(h.value, 0.3);
            QVERIFY2(h.text.contains(QStringLiteral("Δw = +0.3")), qPrintable(h.text));
            const QString summary = a.summaryText();
            QVERIFY2(summary.contains(QStringLiteral("largest |Δw| 0.3 (0 → 0.3) into hidden "
                                                     "neuron 1 from pixel (row 14, column 8)")),
                     qPrintable(summary));
            QVERIFY2(summary.contains(QStringLiteral("1 weight changed")), qPrintable(summary));
            QVERIFY2(summary.contains(QStringLiteral("0 weights changed")), qPrintable(summary));
        };
        checkOneChange();
        const QLabel* title = a.findChild<QLabel*>(QStringLiteral("atlasTitle"));
        QVERIFY(title);
        QVERIFY2(title->text().contains(QStringLiteral("from sample 0 to sample 80")),
                 qPrintable(title->text()));
        // between two checkpoints of the timeline: the same one change
        a.setChangeRange(0, 50);
        QCOMPARE(a.toBox()->currentData().toULongLong(), qulonglong{50});
        checkOneChange();
        QVERIFY2(title->text().contains(QStringLiteral("from sample 0 to sample 50")),
                 qPrintable(title->text()));
        // a checkpoint against itself: nothing changed
        a.setChangeRange(50, 50);
        QVERIFY(a.diff().identical());
        QCOMPARE(a.summaryText(), QStringLiteral("No weight changed between these two."));
    }

    // Switching the language translates the window, its boxes, the tooltips and the summary
    // in place (changeEvent), without losing what it shows.
    void followsTheLanguage() {
        const bp::Network start = handSet();
        bp::Network now = start;
        now.weights(0)(1, 14 * 28 + 8) += 0.3;
        WeightAtlas a;
        a.resize(900, 650);
        a.show();
        QVERIFY(QTest::qWaitForWindowExposed(&a));
        auto timeline = std::make_shared<bps::RunTimeline>();
        timeline->checkpoints = {checkpointOf(start, 0)};
        a.setTimeline(timeline);
        a.setSnapshot(snapshotOf(now, 28, 28, 80));
        a.setMode(WeightAtlas::Mode::Changes);
        QVERIFY(bps::Language::instance()->setLanguage(QStringLiteral("zh_CN")));
        QTRY_COMPARE(a.windowTitle(), QStringLiteral("权重图集"));  // LanguageChange is posted
        QCOMPARE(a.modeBox()->itemText(1), QStringLiteral("变化了什么（ΔW）"));
        QCOMPARE(a.fromBox()->itemText(0), QStringLiteral("运行开始时（样本 0）"));
        QVERIFY2(a.summaryText().contains(
                     QStringLiteral("从像素（第 14 行，第 8 列）连到隐藏层神经元 1")),
                 qPrintable(a.summaryText()));
        QVERIFY(a.hitTest(pixelCentre(a, 1, 14, 8)).text.contains(QStringLiteral("Δw = +0.3")));
        QCOMPARE(a.mode(), WeightAtlas::Mode::Changes);
        QCOMPARE(a.diff().layers[0].changed, std::size_t{1});
        QVERIFY(bps::Language::instance()->setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(a.windowTitle(), QStringLiteral("Weight atlas"));
    }

    // The GUI thread's cost: nothing is painted while hidden; shown, a burst of snapshots is
    // painted once at once and once more (the newest) after the throttle.
    void paintsOnlyWhenVisibleAndThrottled() {
        const bp::Network net = handSet();
        WeightAtlas a;
        for (int i = 0; i < 20; ++i) a.setSnapshot(snapshotOf(net, 28, 28, std::uint64_t(i)));
        QCOMPARE(a.repaintCount(), 0);
        a.resize(800, 600);
        a.show();
        QVERIFY(QTest::qWaitForWindowExposed(&a));
        QCOMPARE(a.repaintCount(), 1);  // the newest, on showing
        QTest::qWait(2 * WeightAtlas::kThrottleMs);
        const int before = a.repaintCount();
        for (int i = 20; i < 40; ++i) a.setSnapshot(snapshotOf(net, 28, 28, std::uint64_t(i)));
        QCOMPARE(a.repaintCount(), before + 1);
        QTRY_COMPARE(a.repaintCount(), before + 2);
        QTest::qWait(2 * WeightAtlas::kThrottleMs);
        QCOMPARE(a.repaintCount(), before + 2);  // nothing newer: no more paints
        QVERIFY(a.findChild<QLabel*>() != nullptr);
    }
};

QTEST_MAIN(TestWeightAtlas)
#include "test_weight_atlas.moc"
