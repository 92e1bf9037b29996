// test_sample_browser.cpp — thumbnails with labels, predictions once known, click = current
// sample, and new predictions for a 5,000-sample set without stalling the GUI thread.
#include <QElapsedTimer>
#include <QListView>
#include <QSignalSpy>
#include <QtTest>

#include "backprop/DatasetIO.h"
#include "views/SampleBrowser.h"

using bps::SampleBrowser;

class TestSampleBrowser : public QObject {
    Q_OBJECT
  private slots:
    void labelsPredictionsAndClick() {
        auto data = std::make_shared<const bp::Dataset>(
            bp::loadDataset(BP_SOURCE_DIR "/resources/data/mnist_train_100.csv"));
        SampleBrowser b;
        b.resize(300, 500);
        b.show();
        b.setDataset(data);
        QCOMPARE(b.count(), 100);
        QCOMPARE(b.textAt(0), QString::number(data->label(0)));  // no prediction yet
        auto p = std::make_shared<std::vector<int>>(10, 3);
        b.setPredictions(p);
        QCOMPARE(b.textAt(0), QStringLiteral("%1 → 3").arg(data->label(0)));
        QCOMPARE(b.textAt(50), QString::number(data->label(50)));  // beyond the predictions

        QSignalSpy clicked(&b, &SampleBrowser::sampleActivated);
        QListView* list = b.list();
        QTRY_VERIFY(list->visualRect(list->model()->index(4, 0)).isValid());
        const QRect r = list->visualRect(list->model()->index(4, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.at(0).at(0).toLongLong(), 4LL);
        QCOMPARE(b.currentSample(), 4L);
    }

    // A larger font (presentation mode) gets cells wide and tall enough for "label → guess".
    void cellsGrowWithTheFont() {
        SampleBrowser b;
        b.setDataset(std::make_shared<const bp::Dataset>(
            bp::loadDataset(BP_SOURCE_DIR "/resources/data/mnist_test_10.csv")));
        b.setPredictions(std::make_shared<std::vector<int>>(10, 3));
        const QSize before = b.list()->gridSize();
        QFont big = b.font();
        big.setPointSizeF(big.pointSizeF() * 2.5);
        b.setFont(big);
        const QSize after = b.list()->gridSize();
        const QFontMetrics fm(b.list()->font());
        QVERIFY2(after.width() > fm.horizontalAdvance(b.textAt(0)),
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(after.width())
                                .arg(fm.horizontalAdvance(b.textAt(0)))));
        QVERIFY(after.height() > before.height());
        QVERIFY(after.height() >= 42 + fm.height());
        QVERIFY(b.list()->minimumWidth() >= 2 * after.width());  // two columns, never cut
        // Each item gets the whole cell, also after the predictions lengthened its text.
        b.resize(400, 400);
        b.show();
        QVERIFY(QTest::qWaitForWindowExposed(&b));
        QTRY_VERIFY(b.list()->visualRect(b.list()->model()->index(0, 0)).width() >
                    fm.horizontalAdvance(b.textAt(0)));
    }

    void predictionsForManySamplesAreQuick() {
        auto data = std::make_shared<const bp::Dataset>(
            bp::loadDataset(BP_SOURCE_DIR "/resources/data/mnist_train_5000.csv.gz"));
        SampleBrowser b;
        b.resize(220, 700);
        b.show();
        b.setDataset(data);
        QTest::qWait(100);
        double worst = 0;
        for (int round = 0; round < 3; ++round) {
            auto p = std::make_shared<std::vector<int>>(2000, round);
            QElapsedTimer t;
            t.start();
            b.setPredictions(p);
            QCoreApplication::processEvents();
            b.repaint();
            worst = std::max(worst, static_cast<double>(t.nsecsElapsed()) / 1e6);
        }
        qInfo("setPredictions + relayout + repaint, 5000 samples: worst %.1f ms", worst);
        QVERIFY2(worst < 50, qPrintable(QString::number(worst)));
    }
};

QTEST_MAIN(TestSampleBrowser)
#include "test_sample_browser.moc"
