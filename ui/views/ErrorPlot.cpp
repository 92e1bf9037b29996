// ErrorPlot.cpp — all Qt Charts code of the project.
#include "views/ErrorPlot.h"

#include <QChart>
#include <QChartView>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPushButton>
#include <QTextStream>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace bps {

namespace {

// Okabe–Ito colours (colour-blind safe): error in blue, accuracy in vermillion.
const QColor kErrorColour(0, 114, 178);
const QColor kAccuracyColour(213, 94, 0);
const QColor kRateColour(0, 158, 115);
// Faded earlier runs cycle through the rest of the palette, drawn translucent.
const QColor kFadedColours[] = {QColor(86, 180, 233), QColor(230, 159, 0),  QColor(204, 121, 167),
                                QColor(0, 158, 115),  QColor(240, 228, 66), QColor(120, 120, 120)};

// Smallest "nice" top ≥ v (1, 2, 2.5, 5 × 10^k) and the tick count that puts the ticks on
// round steps (0.2, 0.5, 0.5, 1 × 10^k).
std::pair<double, int> niceAxis(double v) {
    if (!(v > 0)) return {1, 6};
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (auto [m, ticks] : {std::pair{1.0, 6}, {2.0, 5}, {2.5, 6}, {5.0, 6}, {10.0, 6}})
        if (m * p >= v * (1 - 1e-12)) return {m * p, ticks};
    return {10 * p, 6};
}

QString csvQuote(const QString& s) {
    QString q = s;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

// Overlays (class mode) in a colour of their own per name, drawn thin.
QColor overlayColour(int index) {
    QColor c = kFadedColours[index % std::size(kFadedColours)];
    c.setAlpha(170);
    return c;
}

// The chart view that also draws the current run's learning-rate changes as vertical lines and
// each overlay's label at its last point.
class RateMarkedChartView : public QChartView {
  public:
    RateMarkedChartView(QChart* chart, const ErrorPlot::Run* run,
                        const QVector<ErrorPlot::Overlay>* overlays, QWidget* parent)
        : QChartView(chart, parent), m_run(run), m_overlays(overlays) {}

  protected:
    void drawForeground(QPainter* p, const QRectF& rect) override {
        QChartView::drawForeground(p, rect);
        drawOverlayLabels(p);
        if (m_run->rateMarks.isEmpty() || chart()->series().isEmpty()) return;
        const QRectF area = chart()->plotArea();
        QAbstractSeries* s = chart()->series().front();
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        QPen pen(kRateColour, 1.5, Qt::DashLine);
        p->setPen(pen);
        QFont f = p->font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        p->setFont(f);
        for (const auto& m : m_run->rateMarks) {
            const double x = chart()->mapToPosition(QPointF(m.x, 0), s).x();
            if (x < area.left() || x > area.right()) continue;
            p->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
            p->drawText(QPointF(x + 3, area.top() + p->fontMetrics().ascent() + 2),
                        ErrorPlot::tr("α %1").arg(m.lr, 0, 'g', 3));
        }
        p->restore();
    }

  private:
    // Names at the end of their curves; a label that would overlap one already drawn moves
    // down by a line, so a class of thirty stays readable.
    void drawOverlayLabels(QPainter* p) {
        if (m_overlays->isEmpty() || chart()->series().isEmpty()) return;
        const QRectF area = chart()->plotArea();
        QAbstractSeries* s = chart()->series().front();
        p->save();
        QFont f = p->font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        p->setFont(f);
        const QFontMetricsF fm(f);
        QVector<QRectF> taken;
        for (int i = 0; i < m_overlays->size(); ++i) {
            const ErrorPlot::Overlay& o = m_overlays->at(i);
            if (o.error.isEmpty()) continue;
            QPointF at = chart()->mapToPosition(o.error.back(), s);
            QRectF box(at + QPointF(3, -fm.height() / 2),
                       QSizeF(fm.horizontalAdvance(o.label), fm.height()));
            if (box.right() > area.right()) box.moveRight(at.x() - 3);
            // Below first, then above when below leaves the plot.
            const QRectF start = box;
            const auto clashes = [&](const QRectF& b) {
                return std::any_of(taken.begin(), taken.end(),
                                   [&](const QRectF& t) { return t.intersects(b); });
            };
            for (int tries = 0; tries < 40 && clashes(box) && box.bottom() <= area.bottom(); ++tries)
                box.translate(0, fm.height());
            if (clashes(box) || box.bottom() > area.bottom()) {
                box = start;
                for (int tries = 0; tries < 40 && clashes(box) && box.top() >= area.top(); ++tries)
                    box.translate(0, -fm.height());
            }
            if (!area.intersects(box)) continue;
            taken.append(box);
            p->setPen(overlayColour(i).darker(150));
            p->drawText(box, Qt::AlignLeft | Qt::AlignVCenter, o.label);
        }
        p->restore();
    }

    const ErrorPlot::Run* m_run;                    // the plot's current run (outlives the view)
    const QVector<ErrorPlot::Overlay>* m_overlays;  // the plot's overlays (outlive the view)
};

}  // namespace

ErrorPlot::ErrorPlot(QWidget* parent) : QWidget(parent) {
    m_chart = new QChart;
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);

    m_axisX = new QValueAxis;
    m_axisX->setLabelFormat(QStringLiteral("%.0f"));
    m_axisError = new QValueAxis;
    m_axisError->setLabelFormat(QStringLiteral("%.2f"));
    m_axisAccuracy = new QValueAxis;
    m_axisAccuracy->setRange(0, 100);
    m_axisAccuracy->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisError, Qt::AlignLeft);
    m_chart->addAxis(m_axisAccuracy, Qt::AlignRight);

    m_errorSeries = new QLineSeries;
    m_errorSeries->setPen(QPen(kErrorColour, 2));
    m_accuracySeries = new QLineSeries;
    m_accuracySeries->setPen(QPen(kAccuracyColour, 2, Qt::DashLine));
    m_accuracySeries->setPointsVisible(true);
    m_chart->addSeries(m_errorSeries);
    m_chart->addSeries(m_accuracySeries);
    m_errorSeries->attachAxis(m_axisX);
    m_errorSeries->attachAxis(m_axisError);
    m_accuracySeries->attachAxis(m_axisX);
    m_accuracySeries->attachAxis(m_axisAccuracy);

    m_view = new RateMarkedChartView(m_chart, &m_current, &m_overlays, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);

    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);  // a long caption must not make the chart wide (large fonts)
    m_clearButton = new QPushButton(this);
    m_clearButton->setEnabled(false);
    connect(m_clearButton, &QPushButton::clicked, this, &ErrorPlot::clearPreviousRuns);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 0, 4, 0);
    top->addWidget(m_caption, 1);
    top->addWidget(m_clearButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(50);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ErrorPlot::refresh);
    retranslateUi();
    updateAxes();
    m_baseFontSize = font().pointSizeF();
    m_legendFont = m_chart->legend()->font();
    m_labelsFont = m_axisX->labelsFont();
    m_axisTitleFont = m_axisX->titleFont();
}

void ErrorPlot::retranslateUi() {
    m_axisX->setTitleText(tr("samples seen"));
    m_axisError->setTitleText(tr("running error"));
    m_axisAccuracy->setTitleText(tr("test accuracy %"));
    m_errorSeries->setName(m_current.label.isEmpty()
                               ? tr("running error")
                               : tr("running error (%1)").arg(m_current.label));
    m_clearButton->setText(tr("Clear earlier runs"));
    m_clearButton->setToolTip(tr("Remove the faded curves of earlier runs"));
    setErrorWindow(m_errorWindow);
    refresh();  // the accuracy series' name
}

void ErrorPlot::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() != QEvent::FontChange || m_baseFontSize <= 0 || font().pointSizeF() <= 0)
        return;
    const double ratio = font().pointSizeF() / m_baseFontSize;
    auto scaled = [ratio](QFont f) {
        if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() * ratio);
        return f;
    };
    m_chart->legend()->setFont(scaled(m_legendFont));
    for (QValueAxis* axis : {m_axisX, m_axisError, m_axisAccuracy}) {
        axis->setLabelsFont(scaled(m_labelsFont));
        axis->setTitleFont(scaled(m_axisTitleFont));
    }
}

ErrorPlot::~ErrorPlot() = default;

void ErrorPlot::setErrorWindow(int samples) {
    m_errorWindow = std::max(1, samples);
    m_caption->setText(
        tr("Running error Σ(T−O)², mean of the last %1 samples; test accuracy after each epoch")
            .arg(m_errorWindow));
    m_view->setToolTip(m_caption->text());
}

void ErrorPlot::setCompact(bool compact) {
    m_compact = compact;
    m_caption->setVisible(!compact);
    m_clearButton->setVisible(!compact);
}

void ErrorPlot::beginRun(const QString& label) {
    if (!m_current.error.isEmpty() || !m_current.accuracy.isEmpty()) {
        m_previous.append(m_current);
        m_fadedSeries.append(makeFadedSeries(m_current, static_cast<int>(m_previous.size()) - 1));
        while (m_previous.size() > kMaxPreviousRuns) {
            m_previous.removeFirst();
            QLineSeries* s = m_fadedSeries.takeFirst();
            m_chart->removeSeries(s);
            delete s;
        }
    }
    m_current = Run{};
    m_current.label = label;
    m_errorSeries->setName(tr("running error (%1)").arg(label));
    m_errorSeries->clear();
    m_accuracySeries->clear();
    m_clearButton->setEnabled(!m_previous.isEmpty());
    refresh();
}

void ErrorPlot::setRunLabel(int run, const QString& label) {
    if (run >= 0 && run < m_previous.size()) {
        m_previous[run].label = label;
        m_fadedSeries[run]->setName(label);
    } else if (run == m_previous.size()) {
        m_current.label = label;
        m_errorSeries->setName(tr("running error (%1)").arg(label));
    }
}

QLineSeries* ErrorPlot::makeFadedSeries(const Run& run, int index) {
    auto* s = new QLineSeries;
    QColor c = kFadedColours[index % std::size(kFadedColours)];
    c.setAlpha(110);
    s->setPen(QPen(c, 1.5));
    s->setName(run.label);
    m_chart->addSeries(s);
    s->attachAxis(m_axisX);
    s->attachAxis(m_axisError);
    s->replace(downsample(run.error, kMaxDrawnPoints / 2));
    return s;
}

void ErrorPlot::clearPreviousRuns() {
    for (QLineSeries* s : m_fadedSeries) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_fadedSeries.clear();
    m_previous.clear();
    m_clearButton->setEnabled(false);
    refresh();
}

void ErrorPlot::setOverlays(const QVector<Overlay>& overlays) {
    m_overlays = overlays;
    while (m_overlaySeries.size() > m_overlays.size()) {
        QLineSeries* s = m_overlaySeries.takeLast();
        m_chart->removeSeries(s);
        delete s;
    }
    while (m_overlaySeries.size() < m_overlays.size()) {
        auto* s = new QLineSeries;
        s->setPen(QPen(overlayColour(static_cast<int>(m_overlaySeries.size())), 1.5));
        m_chart->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisError);
        for (QLegendMarker* marker : m_chart->legend()->markers(s)) marker->setVisible(false);
        m_overlaySeries.append(s);
    }
    scheduleRefresh();
}

void ErrorPlot::addErrorPoints(const QVector<QPointF>& points) {
    m_current.error += points;
    scheduleRefresh();
}

void ErrorPlot::addAccuracy(double samplesSeen, double accuracy) {
    if (!std::isfinite(accuracy)) return;
    m_current.accuracy.append(QPointF(samplesSeen, accuracy));
    scheduleRefresh();
}

void ErrorPlot::markLearningRate(double samplesSeen, double lr) {
    m_current.rateMarks.append({samplesSeen, lr});
    scheduleRefresh();
}

void ErrorPlot::scheduleRefresh() {
    if (!m_refreshTimer.isActive()) m_refreshTimer.start();
}

void ErrorPlot::refresh() {
    m_refreshTimer.stop();
    m_errorSeries->replace(downsample(m_current.error, kMaxDrawnPoints));
    for (qsizetype i = 0; i < m_overlays.size(); ++i) {
        m_overlaySeries[i]->setName(m_overlays[i].label);
        m_overlaySeries[i]->replace(downsample(m_overlays[i].error, kMaxOverlayPoints));
    }
    QVector<QPointF> acc;
    acc.reserve(m_current.accuracy.size());
    for (const QPointF& p : m_current.accuracy)
        acc.append(QPointF(p.x(), std::round(p.y() * 1000) / 10));
    m_accuracySeries->replace(acc);
    m_accuracySeries->setName(
        acc.isEmpty()
            ? tr("test accuracy")
            : tr("test accuracy (%1 % after epoch %2)").arg(acc.back().y()).arg(acc.size()));
    updateAxes();
    m_view->viewport()->update();
}

void ErrorPlot::updateAxes() {
    double maxX = 0, maxY = 0;
    auto scan = [&](const Run& r) {
        for (const QPointF& p : r.error) {
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
        for (const QPointF& p : r.accuracy) maxX = std::max(maxX, p.x());
    };
    scan(m_current);
    for (const Run& r : m_previous) scan(r);
    for (const Overlay& o : m_overlays)
        for (const QPointF& p : o.error) {
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
    const auto [topX, ticksX] = niceAxis(std::max(maxX, 100.0));
    const auto [topY, ticksY] = niceAxis(std::max(maxY * 1.05, 0.1));
    m_axisX->setRange(0, topX);
    m_axisX->setTickCount(ticksX);
    m_axisError->setRange(0, topY);
    m_axisError->setTickCount(ticksY);
}

QVector<QPointF> ErrorPlot::downsample(const QVector<QPointF>& points, int maxPoints) {
    const auto n = points.size();
    if (maxPoints < 3 || n <= maxPoints) return points;
    QVector<QPointF> out;
    out.reserve(maxPoints);
    out.append(points.front());
    const qsizetype inner = n - 2;
    const int buckets = maxPoints - 2;
    for (int b = 0; b < buckets; ++b) {
        const qsizetype from = 1 + inner * b / buckets;
        const qsizetype to = 1 + inner * (b + 1) / buckets;  // exclusive
        if (to <= from) continue;
        double sx = 0, sy = 0;
        for (qsizetype i = from; i < to; ++i) {
            sx += points[i].x();
            sy += points[i].y();
        }
        const auto cnt = static_cast<double>(to - from);
        out.append(QPointF(sx / cnt, sy / cnt));
    }
    out.append(points.back());
    return out;
}

int ErrorPlot::drawnErrorPoints() const {
    return static_cast<int>(m_errorSeries->count());
}

int ErrorPlot::drawnPreviousSeries() const {
    return static_cast<int>(m_fadedSeries.size());
}

QStringList ErrorPlot::legendLabels() const {
    QStringList out;
    for (QAbstractSeries* s : m_chart->series())  // overlays are not in the legend
        if (s->isVisible() && !m_overlaySeries.contains(static_cast<QLineSeries*>(s)))
            out << s->name();
    return out;
}

QString ErrorPlot::csv() const {
    QString text;
    QTextStream out(&text);
    out << "run,label,series,samples_seen,value\n";
    auto write = [&](int index, const Run& r) {
        const QString label = csvQuote(r.label);
        for (const QPointF& p : r.error)
            out << index << ',' << label << ",error," << qint64(p.x()) << ','
                << QString::number(p.y(), 'g', 10) << '\n';
        for (const QPointF& p : r.accuracy)
            out << index << ',' << label << ",test_accuracy," << qint64(p.x()) << ','
                << QString::number(p.y(), 'g', 10) << '\n';
        for (const RateMark& m : r.rateMarks)
            out << index << ',' << label << ",learning_rate," << qint64(m.x) << ','
                << QString::number(m.lr, 'g', 10) << '\n';
    };
    int index = 1;
    for (const Run& r : m_previous) write(index++, r);
    write(index, m_current);
    for (const Overlay& o : m_overlays)
        for (const QPointF& p : o.error)
            out << "overlay," << csvQuote(o.label) << ",error," << qint64(p.x()) << ','
                << QString::number(p.y(), 'g', 10) << '\n';
    return text;
}

bool ErrorPlot::exportCsv(const QString& path) const {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) return false;
    const QByteArray bytes = csv().toUtf8();
    return f.write(bytes) == bytes.size() && f.flush();
}

bool ErrorPlot::exportPng(const QString& path, QSize size) {
    refresh();
    if (size.isEmpty()) return m_view->grab().save(path, "PNG");
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    m_view->render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    return image.save(path, "PNG");
}

}  // namespace bps
