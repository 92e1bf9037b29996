// test_error_plot.cpp — points appear (down-sampled), a run is kept faded after Reset and
// cleared by the button, the chart follows the run and shows the whole of it, a slider drag is
// one learning-rate mark, labels that never overlap nor leave the plot, CSV and PNG export.
#include <QApplication>
#include <QChartView>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QHelpEvent>
#include <QImage>
#include <QLineSeries>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSlider>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QtTest>

#include "LayoutAudit.h"
#include "shell/MainWindow.h"
#include "shell/PresentationMode.h"
#include "training/DatasetLoader.h"
#include "training/TrainingController.h"
#include "views/ControlPanel.h"
#include "views/ErrorPlot.h"

using bps::ErrorPlot;

namespace {

// A falling curve 1/√x of samples 1 … n.
QVector<QPointF> fallingCurve(int from, int to) {
    QVector<QPointF> pts;
    for (int i = from; i <= to; ++i) pts.append(QPointF(i, 1.0 / std::sqrt(double(i))));
    return pts;
}

double errorAxisTop(const ErrorPlot& plot) {
    auto* view = plot.findChild<QChartView*>();
    const auto axes = view->chart()->axes(Qt::Vertical);
    return static_cast<QValueAxis*>(axes.front())->max();
}

bool inside(const QRectF& outer, const QRectF& r) {
    return outer.adjusted(-0.5, -0.5, 0.5, 0.5).contains(r);
}

// No two of the rectangles overlap.
bool apart(const QVector<ErrorPlot::ChartLabel>& labels) {
    for (qsizetype i = 0; i < labels.size(); ++i)
        for (qsizetype j = i + 1; j < labels.size(); ++j)
            if (labels[i].rect.intersects(labels[j].rect)) return false;
    return true;
}

void showAndLayOut(ErrorPlot& plot, QSize size) {
    plot.resize(size);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QTRY_VERIFY(!plot.plotArea().isEmpty());
}

}  // namespace

class TestErrorPlot : public QObject {
    Q_OBJECT
    QTemporaryDir m_settingsDir;

    // The studio's chart as a class sees it: trained an epoch with three changes of the rate,
    // nothing of it elided or cut, the level axis titles inside the strip and clear of the
    // button and of each other.
    void checkStudioChart(bps::MainWindow& w, const QString& where) {
        ErrorPlot* plot = w.errorPlot();
        QTRY_VERIFY(!plot->plotArea().isEmpty());
        plot->refresh();
        QCoreApplication::processEvents();
        QStringList problems = audit::elidedChartTexts(plot) + audit::cutTexts(plot);
        QVERIFY2(problems.isEmpty(), qPrintable(where + QLatin1Char('\n') + problems.join(u'\n')));
        const auto titles = plot->axisTitles();
        QCOMPARE(titles.size(), 2);
        auto* button = plot->findChild<QToolButton*>();
        auto* view = plot->findChild<QChartView*>();
        const QRectF buttonRect(button->geometry());
        QVERIFY2(!titles[0].rect.intersects(titles[1].rect), qPrintable(where));
        for (const auto& t : titles) {
            QVERIFY2(QRectF(view->rect()).contains(t.rect), qPrintable(where + t.text));
            QVERIFY2(!t.rect.intersects(buttonRect), qPrintable(where + t.text));
            QVERIFY2(t.rect.bottom() <= plot->plotArea().top(), qPrintable(where + t.text));
        }
        const auto all = plot->rateLabels() + plot->accuracyLabels();
        QVERIFY2(apart(all), qPrintable(where));
        for (const auto& l : all)
            QVERIFY2(inside(plot->plotArea(), l.rect), qPrintable(where + l.text));
    }

  private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("BackpropStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_error_plot"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    // At 1280×720, and in presentation mode on the screen there is, the chart's texts are whole.
    void studioChartReadableAtClassroomSizes() {
        bps::MainWindow w;
        w.openDatasets(QString::fromLatin1(bps::MainWindow::kDefaultTrain),
                       QString::fromLatin1(bps::MainWindow::kDefaultTest));
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.loader()->current(bps::DatasetLoader::Role::Test), 20000);
        bps::TrainingController* c = w.controller();
        auto* rate = w.controlPanel()->findChildren<QSlider*>().at(1);  // speed, then rate
        for (int k = 0; k < 3; ++k) {
            for (int i = 0; i < 400; ++i) c->stepSample();
            c->sync();  // the 400 samples trained at the old rate, however busy the machine
            rate->setValue(rate->value() - 50);  // α ÷ 3.16, as a person moves it
            c->stepSample();  // a change is marked where the first sample at the new rate trains
            c->sync();
            w.errorPlot()->endRateChange();  // one change each, as three moves seconds apart
        }
        c->stepEpoch();
        c->sync();
        QTRY_VERIFY(!w.errorPlot()->currentRun().accuracy.isEmpty());
        QCOMPARE(w.errorPlot()->currentRun().rateMarks.size(), 3);
        checkStudioChart(w, QStringLiteral("1280x720"));
        w.presentation()->setOn(true);
        QTRY_VERIFY(w.isFullScreen());
        QTest::qWait(50);
        checkStudioChart(w, QStringLiteral("presentation %1x%2").arg(w.width()).arg(w.height()));
        qInfo() << "presentation at" << w.size() << "chart" << w.errorPlot()->size();
        w.presentation()->setOn(false);
    }

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
        QVERIFY(plot.legendLabels().contains(QStringLiteral("run 1: α 0.1 · hidden 100")));
        QCOMPARE(plot.currentRun().error.size(), 0);
        QCOMPARE(plot.drawnErrorPoints(), 0);

        auto* clear = plot.findChild<QPushButton*>();
        QVERIFY(clear && clear->isEnabled());
        QTest::mouseClick(clear, Qt::LeftButton);
        QCOMPARE(plot.previousRuns().size(), 0);
        QCOMPARE(plot.drawnPreviousSeries(), 0);
        QVERIFY(!plot.legendLabels().contains(QStringLiteral("run 1: α 0.1 · hidden 100")));
    }

    // A long run: the chart shows its recent part (the x axis scrolls with it, the error axis
    // fits what is shown); one click shows the whole run, another follows again.
    void followsTheRunAndShowsTheWhole() {
        ErrorPlot plot;
        showAndLayOut(plot, QSize(800, 300));
        plot.beginRun(QStringLiteral("run"));
        plot.addErrorPoints(fallingCurve(1, 500));
        plot.refresh();
        QVERIFY(plot.isFollowing());
        QCOMPARE(plot.shownFrom(), 0.0);  // shorter than the window: all of it
        QVERIFY(plot.shownTo() >= 500);

        plot.addErrorPoints(fallingCurve(501, 10000));
        plot.refresh();
        const double window = ErrorPlot::followWindow(10000, 100);
        QCOMPARE(window, 2500.0);  // a quarter of the run, a round number
        QVERIFY(plot.shownFrom() > 0);
        QVERIFY(plot.shownTo() >= 10000 && plot.shownTo() < 10000 + window / 4);
        QCOMPARE(plot.shownTo() - plot.shownFrom(), window);
        const double followedTop = errorAxisTop(plot);
        QVERIFY(followedTop < 0.1);  // fits 1/√7500 … 1/√10000, not the start's 1.0

        plot.addErrorPoints(fallingCurve(10001, 14000));
        plot.refresh();
        QVERIFY(plot.shownTo() >= 14000);  // scrolled on with the run
        QVERIFY(plot.shownFrom() > 10000 - window);

        auto* button = plot.findChild<QToolButton*>();
        QVERIFY(button && button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("Whole run"));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!plot.isFollowing());
        QCOMPARE(plot.shownFrom(), 0.0);
        QVERIFY(plot.shownTo() >= 14000);
        QVERIFY(errorAxisTop(plot) >= 1.0);
        QCOMPARE(button->text(), QStringLiteral("Follow"));
        QVERIFY(plot.drawnErrorPoints() <= ErrorPlot::kMaxDrawnPoints);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(plot.isFollowing());
        QVERIFY(plot.shownFrom() > 0);
        // The button sits above the plot area, never on a curve.
        const QRect buttonRect(button->mapTo(plot.findChild<QChartView*>(), QPoint(0, 0)),
                               button->size());
        QVERIFY(buttonRect.bottom() < plot.plotArea().top());
    }

    // A drag of the learning-rate slider (many values) is one mark, at the value it ends on;
    // the trainer's marks that come just after the slider is let go belong to the same change.
    // A drag that ends where it began leaves no mark; a session's marks are kept as given.
    void aSliderDragIsOneMark() {
        bps::ControlPanel panel;
        ErrorPlot plot;
        plot.beginRun(QStringLiteral("α 0.1 · hidden 3 · epochs 1"));
        double seen = 100;
        // Stands in for the trainer: each new rate is marked at the next sample it trains.
        QObject::connect(&panel, &bps::ControlPanel::learningRateChanged, &plot,
                         [&](double lr) { plot.changeLearningRate(seen++, lr); });
        QObject::connect(&panel, &bps::ControlPanel::learningRateEditing, &plot,
                         &ErrorPlot::setRateEditing);
        auto* slider = panel.findChildren<QSlider*>().at(1);  // speed first, then rate
        slider->setSliderDown(true);
        for (int k = 1; k <= 25; ++k) slider->setValue(slider->value() + 1);
        const double end = panel.learningRate();
        slider->setSliderDown(false);
        QCOMPARE(plot.currentRun().rateMarks.size(), 1);
        QCOMPARE(plot.currentRun().rateMarks[0].lr, end);
        QCOMPARE(plot.currentRun().rateMarks[0].x, seen - 1);
        plot.changeLearningRate(seen + 20, end);  // the trainer's last mark, after the release
        QCOMPARE(plot.currentRun().rateMarks.size(), 1);
        plot.endRateChange();  // the quiet time is over

        slider->setSliderDown(true);  // a second drag: a second mark
        for (int k = 1; k <= 10; ++k) slider->setValue(slider->value() - 2);
        slider->setSliderDown(false);
        plot.endRateChange();
        QCOMPARE(plot.currentRun().rateMarks.size(), 2);
        QCOMPARE(plot.currentRun().rateMarks[1].lr, panel.learningRate());

        const double before = panel.learningRate();  // there and back: no change
        slider->setSliderDown(true);
        slider->setValue(slider->value() + 5);
        slider->setValue(slider->value() - 5);
        slider->setSliderDown(false);
        plot.endRateChange();
        QCOMPARE(panel.learningRate(), before);
        QCOMPARE(plot.currentRun().rateMarks.size(), 2);

        plot.beginRun(QStringLiteral("loaded"));  // a session's marks: each one as given
        for (int k = 0; k < 3; ++k) plot.markLearningRate(10 * k, 0.1 * (k + 1));
        QCOMPARE(plot.currentRun().rateMarks.size(), 3);
    }

    // Many changes close together: labels go one row lower, then into their mark's tooltip;
    // none overlaps another, all inside the plot area, the newest always shown.
    void rateLabelsNeverPileUp() {
        ErrorPlot plot;
        showAndLayOut(plot, QSize(600, 300));
        plot.setFollowing(false);
        plot.beginRun(QStringLiteral("run"));
        plot.addErrorPoints(fallingCurve(1, 3000));
        for (int k = 0; k < 12; ++k) {
            plot.changeLearningRate(1000 + 15 * k, 0.05 * (k + 1));
            plot.endRateChange();
        }
        plot.changeLearningRate(2990, 0.75);  // at the right edge
        plot.endRateChange();
        plot.refresh();
        QCOMPARE(plot.currentRun().rateMarks.size(), 13);
        QVector<ErrorPlot::ChartLabel> hidden;
        const QVector<ErrorPlot::ChartLabel> shown = plot.rateLabels(&hidden);
        QCOMPARE(shown.size() + hidden.size(), 13);
        QVERIFY(!hidden.isEmpty());  // too close for two rows
        QVERIFY(shown.size() >= 2);
        QVERIFY(apart(shown));
        for (const auto& l : shown) QVERIFY2(inside(plot.plotArea(), l.rect), qPrintable(l.text));
        QCOMPARE(shown.front().text, QStringLiteral("α 0.75"));
        QCOMPARE(shown.at(1).text, QStringLiteral("α 0.6"));  // the newest of the crowd

        // A hidden label is read in its mark's tooltip.
        auto* view = plot.findChild<QChartView*>();
        const ErrorPlot::ChartLabel& h = hidden.front();
        const QRectF area = plot.plotArea();
        const double x = area.left() + area.width() * (h.x - plot.shownFrom()) /
                                           (plot.shownTo() - plot.shownFrom());
        const QPoint at = view->mapFromScene(QPointF(x, area.center().y()));
        QHelpEvent tip(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &tip);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(h.text), qPrintable(QToolTip::text()));
        QToolTip::hideText();
    }

    // Test accuracy after each epoch: "87.4 %" beside its point, inside the plot area even at
    // 100 % and at the right edge, apart from each other and from the rate labels.
    void accuracyLabelsAreReadableAndInside() {
        ErrorPlot plot;
        showAndLayOut(plot, QSize(500, 260));
        plot.setFollowing(false);
        plot.beginRun(QStringLiteral("run"));
        plot.addErrorPoints(fallingCurve(1, 5000));
        const double accuracy[] = {0.874, 0.9, 0.95, 0.99, 1.0};
        for (int e = 0; e < 5; ++e) plot.addAccuracy(1000.0 * (e + 1), accuracy[e]);
        plot.changeLearningRate(4000, 0.3);
        plot.endRateChange();
        plot.refresh();
        const QVector<ErrorPlot::ChartLabel> labels = plot.accuracyLabels();
        QStringList texts;
        for (const auto& l : labels) texts << l.text;
        QVERIFY2(texts.contains(QStringLiteral("100.0 %")), qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("87.4 %")), qPrintable(texts.join(u'|')));
        QVERIFY(labels.size() >= 4);
        QVector<ErrorPlot::ChartLabel> all = labels + plot.rateLabels();
        QVERIFY(apart(all));
        for (const auto& l : all) QVERIFY2(inside(plot.plotArea(), l.rect), qPrintable(l.text));
        // Following, the newest point is inside the window, not on its edge.
        plot.setFollowing(true);
        plot.addErrorPoints(fallingCurve(5001, 20000));
        plot.addAccuracy(20000, 0.97);
        plot.refresh();
        const auto followed = plot.accuracyLabels();
        QVERIFY(!followed.isEmpty());
        QCOMPARE(followed.front().text, QStringLiteral("97.0 %"));
        QVERIFY(inside(plot.plotArea(), followed.front().rect));
    }

    // A run's name says the rates it used: the start and each change, shortened when there
    // are many; a drag counts once.
    void runNameSaysTheRatesUsed() {
        ErrorPlot plot;
        plot.beginRun(QStringLiteral("α 0.1 · hidden 100 · epochs 5"));
        QCOMPARE(plot.currentRun().startRate, 0.1);
        QCOMPARE(plot.runName(plot.currentRun()), QStringLiteral("α 0.1 · hidden 100 · epochs 5"));
        plot.setRateEditing(true);
        for (double lr : {0.2, 0.5, 0.8, 1.0}) plot.changeLearningRate(50, lr);
        plot.setRateEditing(false);
        plot.endRateChange();
        QCOMPARE(plot.runName(plot.currentRun()),
                 QStringLiteral("α 0.1 → 1 · hidden 100 · epochs 5"));
        plot.refresh();
        QVERIFY(plot.legendLabels().contains(
            QStringLiteral("running error, run 1: α 0.1 → 1 · hidden 100 · epochs 5")));
        for (double lr : {0.3, 0.05, 0.6, 0.9}) {
            plot.changeLearningRate(100 * lr, lr);
            plot.endRateChange();
        }
        // (English plurals come from backprop_en.qm, not loaded here: "5 change(s)".)
        const QString many = plot.runName(plot.currentRun());
        QVERIFY2(many.startsWith(QStringLiteral("α 0.1 → … → 0.6 → 0.9 (5 change")),
                 qPrintable(many));
        QVERIFY2(many.endsWith(QStringLiteral(") · hidden 100 · epochs 5")), qPrintable(many));
        // In a new language the controller names the run with the rate of now: the run keeps
        // the rate it began with.
        const int current = static_cast<int>(plot.previousRuns().size());
        plot.setRunLabel(current, QStringLiteral("α 0.9 · 隐藏层 100 · 5 轮"));
        QCOMPARE(plot.currentRun().label, QStringLiteral("α 0.1 · 隐藏层 100 · 5 轮"));
        QVERIFY(plot.runName(plot.currentRun()).startsWith(QStringLiteral("α 0.1 → …")));
        plot.setRunLabel(current, QStringLiteral("α 0.1 · hidden 100 · epochs 5"));
        plot.addErrorPoints({QPointF(1, 1)});
        plot.beginRun(QStringLiteral("α 0.3 · hidden 100 · epochs 5"));
        QVERIFY(plot.legendLabels().contains(QStringLiteral("run 1: ") + many));
        // A label without a rate (a lesson's) gets the history after it.
        plot.beginRun(QStringLiteral("your preparation"));
        QVERIFY(std::isnan(plot.currentRun().startRate));
        plot.markLearningRate(10, 0.2);
        plot.markLearningRate(20, 0.4);
        QCOMPARE(plot.runName(plot.currentRun()), QStringLiteral("your preparation · α 0.2 → 0.4"));
    }

    // Eight earlier runs with the same settings and the current one: the legend's entries, as
    // drawn (shortened by Qt Charts when they do not fit), differ at a dock's width and at a
    // narrow one; the current run's colour is its own.
    void legendEntriesStayDistinctAndCurrentHasItsColour() {
        for (const QSize size : {QSize(1260, 260), QSize(640, 240)}) {
            ErrorPlot plot;
            showAndLayOut(plot, size);
            for (int r = 0; r < ErrorPlot::kMaxPreviousRuns + 1; ++r) {
                plot.beginRun(QStringLiteral("α 0.1 · hidden 100 · epochs 5"));
                plot.addErrorPoints(fallingCurve(1, 200 + 10 * r));
                plot.addAccuracy(200, 0.5);
            }
            plot.refresh();
            auto* view = plot.findChild<QChartView*>();
            const QStringList entries = plot.legendLabels();
            QCOMPARE(entries.size(), ErrorPlot::kMaxPreviousRuns + 2);  // + the accuracy
            QVERIFY2(QSet<QString>(entries.begin(), entries.end()).size() == entries.size(),
                     qPrintable(entries.join(u'|')));
            // As shown: every entry whole in the legend (nothing elided, nothing cut).
            auto* legend = plot.findChild<QLabel*>(QStringLiteral("chartLegend"));
            QVERIFY(legend && legend->isVisible());
            const QString shownText = QTextDocumentFragment::fromHtml(legend->text())
                                          .toPlainText()
                                          .replace(QChar(0xA0), QLatin1Char(' '));
            for (const QString& e : entries) QVERIFY2(shownText.contains(e), qPrintable(e));
            QTRY_VERIFY2(audit::cutTexts(&plot).isEmpty(),
                         qPrintable(audit::cutTexts(&plot).join(u'\n')));
            QVERIFY2(audit::elidedChartTexts(&plot).isEmpty(),
                     qPrintable(audit::elidedChartTexts(&plot).join(u'\n')));

            const auto series = view->chart()->series();
            const QColor current = static_cast<QLineSeries*>(series.front())->pen().color();
            QCOMPARE(static_cast<QLineSeries*>(series.front())->name().left(14),
                     QStringLiteral("running error,"));
            for (QAbstractSeries* s : series.mid(1)) {
                const QColor c = static_cast<QLineSeries*>(s)->pen().color();
                const int distance = std::abs(c.red() - current.red()) +
                                     std::abs(c.green() - current.green()) +
                                     std::abs(c.blue() - current.blue());
                QVERIFY2(distance > 120, qPrintable(s->name()));
            }
        }
    }

    // The level axis titles: on one line when there is room, the accuracy's on a second line
    // when not; never over each other, the button or the plot, never elided.
    void axisTitlesFitAtAnyWidth() {
        for (const int width : {240, 330, 500, 900}) {
            ErrorPlot plot;
            showAndLayOut(plot, QSize(width, 300));
            plot.beginRun(QStringLiteral("run"));
            plot.addErrorPoints(fallingCurve(1, 3000));
            plot.refresh();
            QCoreApplication::processEvents();
            const auto titles = plot.axisTitles();
            auto* view = plot.findChild<QChartView*>();
            const QRectF button(plot.findChild<QToolButton*>()->geometry());
            const QString where = QString::number(width);
            QVERIFY2(!titles[0].rect.intersects(titles[1].rect), qPrintable(where));
            for (const auto& t : titles) {
                QVERIFY2(QRectF(view->rect()).contains(t.rect), qPrintable(where + t.text));
                QVERIFY2(!t.rect.intersects(button), qPrintable(where + t.text));
                QTRY_VERIFY2(t.rect.bottom() <= plot.plotArea().top(), qPrintable(where + t.text));
            }
            QVERIFY2(audit::elidedChartTexts(&plot).isEmpty(),
                     qPrintable(audit::elidedChartTexts(&plot).join(u'\n')));
        }
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
