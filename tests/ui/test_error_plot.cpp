// test_error_plot.cpp — points appear (down-sampled), a run is kept faded after Reset and
// cleared by the button, learning-rate marks, CSV and PNG export.
#include <QGraphicsView>
#include <QImage>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "views/ErrorPlot.h"

using bps::ErrorPlot;

class TestErrorPlot : public QObject {
    Q_OBJECT
  private slots:
    void downsampleKeepsEndsAndMeans() {
        QVector<QPointF> pts;
        for (int i = 0; i < 1000; ++i) pts.append(QPointF(i, 2.0 * i));
        const QVector<QPointF> d = ErrorPlot::downsample(pts, 12);
        QCOMPARE(d.size(), 12);
        QCOMPARE(d.front(), pts.front());
        QCOMPARE(d.back(), pts.back());
        for (int i = 1; i < d.size(); ++i) {
            QVERIFY(d[i].x() > d[i - 1].x());
            QCOMPARE(d[i].y(), 2.0 * d[i].x());  // bucket means of a line lie on the line
        }
        QCOMPARE(ErrorPlot::downsample(pts.mid(0, 10), 12), pts.mid(0, 10));
    }

    void pointsAppearDownsampled() {
        ErrorPlot plot;
        plot.resize(600, 300);
        plot.show();
        plot.beginRun(QStringLiteral("run A"));
        QVector<QPointF> pts;
        for (int i = 1; i <= 20000; ++i) pts.append(QPointF(i, 1.0 / i));
        plot.addErrorPoints(pts.mid(0, 10));
        QTRY_COMPARE(plot.drawnErrorPoints(), 10);  // the coalescing timer redraws
        plot.addErrorPoints(pts.mid(10));
        plot.refresh();
        QCOMPARE(plot.currentRun().error.size(), 20000);
        QVERIFY(plot.drawnErrorPoints() <= ErrorPlot::kMaxDrawnPoints);
        QVERIFY(plot.drawnErrorPoints() > ErrorPlot::kMaxDrawnPoints / 2);
    }

    void fadedRunKeptAfterResetAndCleared() {
        ErrorPlot plot;
        plot.beginRun(QStringLiteral("α 0.1 · hidden 100"));
        plot.beginRun(QStringLiteral("α 0.1 · hidden 100"));  // an empty run is not kept
        QCOMPARE(plot.previousRuns().size(), 0);
        plot.addErrorPoints({QPointF(100, 0.9), QPointF(200, 0.5)});
        plot.addAccuracy(200, 0.8);
        plot.beginRun(QStringLiteral("α 0.3 · hidden 100"));
        QCOMPARE(plot.previousRuns().size(), 1);
        QCOMPARE(plot.previousRuns()[0].label, QStringLiteral("α 0.1 · hidden 100"));
        QCOMPARE(plot.previousRuns()[0].error.size(), 2);
        QCOMPARE(plot.drawnPreviousSeries(), 1);
        QVERIFY(plot.legendLabels().contains(QStringLiteral("α 0.1 · hidden 100")));
        QCOMPARE(plot.currentRun().error.size(), 0);
        QCOMPARE(plot.drawnErrorPoints(), 0);

        auto* clear = plot.findChild<QPushButton*>();
        QVERIFY(clear && clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(plot.previousRuns().size(), 0);
        QCOMPARE(plot.drawnPreviousSeries(), 0);
        QVERIFY(!plot.legendLabels().contains(QStringLiteral("α 0.1 · hidden 100")));
    }

    void csvExportHoldsEveryValue() {
        ErrorPlot plot;
        plot.beginRun(QStringLiteral("first"));
        plot.addErrorPoints({QPointF(10, 0.75), QPointF(20, 0.5)});
        plot.beginRun(QStringLiteral("second, with \"quotes\""));
        plot.addErrorPoints({QPointF(10, 0.25)});
        plot.markLearningRate(10, 0.3);
        plot.addAccuracy(10, 0.9125);
        plot.addAccuracy(20, std::numeric_limits<double>::quiet_NaN());  // no test set: ignored
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("curve.csv"));
        QVERIFY(plot.exportCsv(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines =
            QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QStringList expected = {
            QStringLiteral("run,label,series,samples_seen,value"),
            QStringLiteral("1,\"first\",error,10,0.75"),
            QStringLiteral("1,\"first\",error,20,0.5"),
            QStringLiteral("2,\"second, with \"\"quotes\"\"\",error,10,0.25"),
            QStringLiteral("2,\"second, with \"\"quotes\"\"\",test_accuracy,10,0.9125"),
            QStringLiteral("2,\"second, with \"\"quotes\"\"\",learning_rate,10,0.3"),
        };
        QCOMPARE(lines, expected);
        QCOMPARE(plot.currentRun().rateMarks.size(), 1);
    }

    // Compact (presentation mode): the caption and the button go, the chart gets their height,
    // the caption stays as the chart's tooltip; and everything comes back.
    void compactGivesTheChartTheRoom() {
        ErrorPlot plot;
        plot.resize(400, 320);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        auto* view = plot.findChild<QGraphicsView*>();
        auto* button = plot.findChild<QPushButton*>();
        QVERIFY(view && button);
        const int before = view->height();
        QVERIFY(button->isVisible());
        QVERIFY(view->toolTip().contains(QStringLiteral("mean of the last")));
        plot.setCompact(true);
        QTRY_VERIFY(view->height() > before);
        QVERIFY(!button->isVisible());
        plot.setCompact(false);
        QTRY_COMPARE(view->height(), before);
        QVERIFY(button->isVisible());
    }

    void pngExport() {
        ErrorPlot plot;
        plot.resize(500, 300);
        plot.beginRun(QStringLiteral("run"));
        plot.addErrorPoints({QPointF(1, 1), QPointF(100, 0.2)});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(plot.exportPng(path, QSize(800, 450)));
        QImage img(path);
        QCOMPARE(img.size(), QSize(800, 450));
        // The chart drew something: not a single colour.
        const QRgb first = img.pixel(0, 0);
        bool varied = false;
        for (int y = 0; y < img.height() && !varied; y += 7)
            for (int x = 0; x < img.width() && !varied; x += 7) varied = img.pixel(x, y) != first;
        QVERIFY(varied);
    }
};

QTEST_MAIN(TestErrorPlot)
#include "test_error_plot.moc"
