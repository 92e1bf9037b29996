// ErrorPlot.cpp — all Qt Charts code of the project.
#include "views/ErrorPlot.h"

#include <QChart>
#include <QChartView>
#include <QFile>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPushButton>
#include <QTextDocument>
#include <QTextStream>
#include <QToolButton>
#include <QToolTip>
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
// Faded earlier runs cycle through colours of their own, drawn translucent: none is near the
// current run's blue, the accuracy's vermillion or the marks' green.
const QColor kFadedColours[] = {QColor(230, 159, 0),  QColor(204, 121, 167), QColor(110, 110, 110),
                                QColor(160, 150, 30), QColor(150, 90, 40),   QColor(120, 60, 140)};

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

// The chart view that also draws the current run's learning-rate changes as vertical lines with
// their labels, the test accuracy's labels, each overlay's label at its last point, and tells
// in a tooltip what is under the mouse (a mark, an accuracy point).
class RateMarkedChartView : public QChartView {
  public:
    RateMarkedChartView(QChart* chart, const ErrorPlot* plot,
                        const QVector<ErrorPlot::Overlay>* overlays, QWidget* parent)
        : QChartView(chart, parent), m_plot(plot), m_overlays(overlays) {}

  protected:
    void drawForeground(QPainter* p, const QRectF& rect) override {
        QChartView::drawForeground(p, rect);
        drawOverlayLabels(p);
        if (chart()->series().isEmpty()) return;
        const QRectF area = chart()->plotArea();
        const ErrorPlot::Run& run = m_plot->currentRun();
        QAbstractSeries* s = chart()->series().front();
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        p->setPen(QPen(kRateColour, 1.5, Qt::DashLine));
        for (const auto& m : run.rateMarks) {
            const double x = chart()->mapToPosition(QPointF(m.x, 0), s).x();
            if (x < area.left() || x > area.right()) continue;
            p->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        }
        p->setFont(m_plot->chartLabelFont());
        const QColor paper(255, 255, 255, 215);  // the text stays readable over a curve
        auto draw = [&](const ErrorPlot::ChartLabel& l, const QColor& ink) {
            p->fillRect(l.rect, paper);
            p->setPen(ink);
            p->drawText(l.rect, Qt::AlignCenter, l.text);
        };
        for (const auto& l : m_plot->rateLabels()) draw(l, kRateColour.darker(130));
        for (const auto& l : m_plot->accuracyLabels()) draw(l, kAccuracyColour.darker(115));
        const QVector<ErrorPlot::ChartLabel> titles = m_plot->axisTitles();
        p->setFont(m_plot->axisTitleFont());
        if (titles.size() == 2) {
            p->setPen(kErrorColour);
            p->drawText(titles[0].rect, Qt::AlignLeft | Qt::AlignVCenter, titles[0].text);
            p->setPen(kAccuracyColour.darker(115));
            p->drawText(titles[1].rect, Qt::AlignRight | Qt::AlignVCenter, titles[1].text);
        }
        p->restore();
    }

    bool viewportEvent(QEvent* event) override {
        if (event->type() == QEvent::ToolTip) {
            const QPoint at = static_cast<QHelpEvent*>(event)->pos();
            const QString tip = tipAt(mapToScene(at));
            if (!tip.isEmpty()) {
                QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), tip, this);
                return true;
            }
        }
        return QChartView::viewportEvent(event);
    }

  private:
    // What is under the mouse: the learning-rate marks within a few pixels (the hidden labels
    // are read here), the accuracy points near it.
    QString tipAt(QPointF at) const {
        if (chart()->series().isEmpty() || !chart()->plotArea().contains(at)) return {};
        QAbstractSeries* s = chart()->series().front();
        const double near = 6;
        QStringList lines;
        for (const auto& m : m_plot->currentRun().rateMarks) {
            const double x = chart()->mapToPosition(QPointF(m.x, 0), s).x();
            if (std::abs(x - at.x()) <= near)
                lines << ErrorPlot::tr("learning rate α %1 from sample %2")
                             .arg(m.lr, 0, 'g', 3)
                             .arg(qint64(m.x) + 1);
        }
        const auto& acc = m_plot->currentRun().accuracy;
        QAbstractSeries* accuracy = chart()->series().value(1);
        for (qsizetype i = 0; accuracy && i < acc.size(); ++i) {
            const QPointF p =
                chart()->mapToPosition(QPointF(acc[i].x(), acc[i].y() * 100), accuracy);
            if (std::abs(p.x() - at.x()) <= near && std::abs(p.y() - at.y()) <= 4 * near)
                lines << ErrorPlot::tr("test accuracy after epoch %1: %2")
                             .arg(i + 1)
                             .arg(ErrorPlot::tr("%1 %").arg(std::round(acc[i].y() * 1000) / 10, 0,
                                                            'f', 1));
        }
        return lines.join(QLatin1Char('\n'));
    }

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
            for (int tries = 0; tries < 40 && clashes(box) && box.bottom() <= area.bottom();
                 ++tries)
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

    const ErrorPlot* m_plot;                        // the plot (outlives the view)
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
    m_axisError->setTitleVisible(false);  // written level above the plot (axisTitles)
    m_axisAccuracy->setTitleVisible(false);
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

    m_view = new RateMarkedChartView(m_chart, this, &m_overlays, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);

    m_followButton = new QToolButton(m_view);
    m_followButton->setAutoRaise(false);
    connect(m_followButton, &QToolButton::clicked, this, [this] { setFollowing(!m_following); });
    m_view->installEventFilter(this);

    m_chart->legend()->hide();  // our own (m_legend) wraps instead of eliding
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("chartLegend"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setContentsMargins(6, 0, 6, 2);

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
    layout->addWidget(m_legend);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(50);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ErrorPlot::refresh);
    m_rateQuiet.setSingleShot(true);
    m_rateQuiet.setInterval(kRateQuietMs);
    connect(&m_rateQuiet, &QTimer::timeout, this, [this] {
        if (!m_rateEditing) endRateChange();
    });
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
    for (qsizetype i = 0; i < m_fadedSeries.size(); ++i)
        m_fadedSeries[i]->setName(
            tr("run %1: %2").arg(m_previous[i].number).arg(runName(m_previous[i])));
    updateCurrentName();
    m_clearButton->setText(tr("Clear earlier runs"));
    m_clearButton->setToolTip(tr("Remove the faded curves of earlier runs"));
    updateFollowButton();
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
    m_followButton->setFont(font());
    placeFollowButton();
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

double ErrorPlot::followWindow(double samplesSeen, int errorWindow) {
    const double raw =
        std::max(double(kFollowErrorWindows) * std::max(1, errorWindow), samplesSeen / 4);
    return niceAxis(raw).first;
}

void ErrorPlot::setFollowing(bool follow) {
    m_following = follow;
    updateFollowButton();
    refresh();
}

double ErrorPlot::shownFrom() const {
    return m_axisX->min();
}

double ErrorPlot::shownTo() const {
    return m_axisX->max();
}

void ErrorPlot::updateFollowButton() {
    if (m_following) {
        m_followButton->setText(tr("Whole run"));
        m_followButton->setToolTip(
            tr("The chart follows the training and shows its recent part; click to see the "
               "whole run"));
    } else {
        m_followButton->setText(tr("Follow"));
        m_followButton->setToolTip(
            tr("The chart shows the whole run; click to follow the training again"));
    }
    placeFollowButton();
}

// The button sits in the top right corner of the chart, in a strip of the chart's top margin
// kept free for it and the level axis titles (so neither ever hides a curve).
void ErrorPlot::placeFollowButton() {
    m_followButton->adjustSize();
    const QSize size = m_followButton->sizeHint();
    m_followButton->resize(size);
    m_followButton->move(std::max(0, m_view->width() - size.width() - 4), 2);
    double bottom = m_followButton->geometry().bottom() + 1;
    for (const ChartLabel& t : axisTitles()) bottom = std::max(bottom, t.rect.bottom());
    m_chart->setMargins(QMargins(4, static_cast<int>(std::ceil(bottom)) + 3, 4, 4));
}

bool ErrorPlot::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::Resize) placeFollowButton();
    return QWidget::eventFilter(watched, event);
}

void ErrorPlot::beginRun(const QString& label) {
    const bool kept = !m_current.error.isEmpty() || !m_current.accuracy.isEmpty();
    if (kept) {
        m_previous.append(m_current);
        m_fadedSeries.append(makeFadedSeries(m_current, static_cast<int>(m_previous.size()) - 1));
        while (m_previous.size() > kMaxPreviousRuns) {
            m_previous.removeFirst();
            QLineSeries* s = m_fadedSeries.takeFirst();
            m_chart->removeSeries(s);
            delete s;
        }
    }
    // An empty run is not kept: the next one takes its number.
    const int number = kept || m_current.number == 0 ? ++m_runCount : m_current.number;
    m_current = Run{};
    m_current.number = number;
    m_current.label = label;
    m_current.startRate = labelledRate(label);
    m_openRateMark = -1;
    m_rateChangeOpen = false;
    updateCurrentName();
    m_errorSeries->clear();
    m_accuracySeries->clear();
    m_clearButton->setEnabled(!m_previous.isEmpty());
    refresh();
}

void ErrorPlot::setRunLabel(int run, const QString& given) {
    Run* r = run >= 0 && run < m_previous.size() ? &m_previous[run]
             : run == m_previous.size()          ? &m_current
                                                 : nullptr;
    if (!r) return;
    // A run began with one rate: a new label (a new language) that names another rate (the
    // rate now) keeps the one it began with.
    QString label = given;
    const double named = labelledRate(label);
    if (std::isfinite(r->startRate) && std::isfinite(named) && named != r->startRate)
        label.replace(tr("α %1").arg(named, 0, 'g', 3), tr("α %1").arg(r->startRate, 0, 'g', 3));
    r->label = label;
    r->startRate = labelledRate(label);
    if (r == &m_current)
        updateCurrentName();
    else
        m_fadedSeries[run]->setName(tr("run %1: %2").arg(r->number).arg(runName(*r)));
    m_legend->setText(legendHtml());
}

QLineSeries* ErrorPlot::makeFadedSeries(const Run& run, int index) {
    auto* s = new QLineSeries;
    QColor c = kFadedColours[index % std::size(kFadedColours)];
    c.setAlpha(110);
    s->setPen(QPen(c, 1.5));
    s->setName(tr("run %1: %2").arg(run.number).arg(runName(run)));
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

void ErrorPlot::rewindRun(double samplesSeen) {
    auto later = [samplesSeen](const QPointF& p) { return p.x() > samplesSeen; };
    m_current.error.erase(std::remove_if(m_current.error.begin(), m_current.error.end(), later),
                          m_current.error.end());
    m_current.accuracy.erase(
        std::remove_if(m_current.accuracy.begin(), m_current.accuracy.end(), later),
        m_current.accuracy.end());
    // A mark at x changed the rate before sample x + 1: one at the rewind point is after it.
    m_current.rateMarks.erase(
        std::remove_if(m_current.rateMarks.begin(), m_current.rateMarks.end(),
                       [samplesSeen](const RateMark& m) { return m.x >= samplesSeen; }),
        m_current.rateMarks.end());
    m_openRateMark = -1;
    m_rateChangeOpen = false;
    scheduleRefresh();
}

void ErrorPlot::addAccuracy(double samplesSeen, double accuracy) {
    if (!std::isfinite(accuracy)) return;
    m_current.accuracy.append(QPointF(samplesSeen, accuracy));
    scheduleRefresh();
}

double ErrorPlot::labelledRate(const QString& label) {
    const QString prefix = tr("α %1").section(QStringLiteral("%1"), 0, 0);
    const qsizetype at = prefix.isEmpty() ? -1 : label.indexOf(prefix);
    if (at < 0) return std::numeric_limits<double>::quiet_NaN();
    qsizetype end = at + prefix.size();
    while (end < label.size() &&
           (label[end].isDigit() || QStringLiteral(".eE+-").contains(label[end])))
        ++end;
    bool ok = false;
    const double v = label.mid(at + prefix.size(), end - at - prefix.size()).toDouble(&ok);
    return ok && v > 0 ? v : std::numeric_limits<double>::quiet_NaN();
}

QString ErrorPlot::rateHistory(const Run& run) const {
    QVector<double> rates;
    if (std::isfinite(run.startRate)) rates.append(run.startRate);
    for (const RateMark& m : run.rateMarks)
        if (rates.isEmpty() || m.lr != rates.back()) rates.append(m.lr);
    if (rates.size() < 2) return {};
    QStringList shown;
    const auto number = [](double v) { return QString::number(v, 'g', 3); };
    if (rates.size() <= kRatesNamed) {
        for (double r : rates) shown << number(r);
        return tr("α %1").arg(shown.join(QStringLiteral(" → ")));
    }
    shown << number(rates.front()) << QStringLiteral("…");
    for (qsizetype i = rates.size() - (kRatesNamed - 2); i < rates.size(); ++i)
        shown << number(rates[i]);
    const int changes = static_cast<int>(rates.size()) - 1;
    return tr("%1 (%n change(s))", nullptr, changes)
        .arg(tr("α %1").arg(shown.join(QStringLiteral(" → "))));
}

QString ErrorPlot::runName(const Run& run) const {
    const QString history = rateHistory(run);
    if (history.isEmpty()) return run.label;
    const QString start = tr("α %1").arg(run.startRate, 0, 'g', 3);
    QString name = run.label;
    const qsizetype at = std::isfinite(run.startRate) ? name.indexOf(start) : -1;
    if (at >= 0) return name.replace(at, start.size(), history);
    return name.isEmpty() ? history : tr("%1 · %2").arg(name, history);
}

void ErrorPlot::updateCurrentName() {
    const QString name = runName(m_current);
    m_errorSeries->setName(name.isEmpty()
                               ? tr("running error")
                               : tr("running error, run %1: %2").arg(m_current.number).arg(name));
}

void ErrorPlot::markLearningRate(double samplesSeen, double lr) {
    m_current.rateMarks.append({samplesSeen, lr});
    scheduleRefresh();
}

void ErrorPlot::changeLearningRate(double samplesSeen, double lr) {
    auto& marks = m_current.rateMarks;
    if (!m_rateChangeOpen) {
        // The rate before this change: the last mark's, else the run's start.
        m_rateBeforeChange = marks.isEmpty() ? m_current.startRate : marks.back().lr;
        m_rateChangeOpen = true;
        m_openRateMark = -1;
    }
    if (m_openRateMark >= 0 && m_openRateMark == marks.size() - 1) marks.removeLast();
    m_openRateMark = -1;
    if (lr != m_rateBeforeChange) {  // back where it was: no change at all
        marks.append({samplesSeen, lr});
        m_openRateMark = static_cast<int>(marks.size()) - 1;
    }
    m_rateQuiet.start();
    scheduleRefresh();
}

void ErrorPlot::setRateEditing(bool editing) {
    m_rateEditing = editing;
    if (!editing && m_rateChangeOpen) m_rateQuiet.start();  // the last values are on their way
}

void ErrorPlot::endRateChange() {
    m_rateQuiet.stop();
    m_rateChangeOpen = false;
    m_openRateMark = -1;
}

void ErrorPlot::scheduleRefresh() {
    if (!m_refreshTimer.isActive()) m_refreshTimer.start();
}

void ErrorPlot::refresh() {
    m_refreshTimer.stop();
    updateAxes();
    // Only the part shown is drawn (down-sampled), so following a long run stays detailed.
    const double from = m_axisX->min();
    auto first = std::lower_bound(m_current.error.begin(), m_current.error.end(), from,
                                  [](const QPointF& p, double x) { return p.x() < x; });
    if (first != m_current.error.begin()) --first;
    const auto skip = first - m_current.error.begin();
    m_errorSeries->replace(
        downsample(skip == 0 ? m_current.error : m_current.error.mid(skip), kMaxDrawnPoints));
    for (qsizetype i = 0; i < m_overlays.size(); ++i) {
        m_overlaySeries[i]->setName(m_overlays[i].label);
        m_overlaySeries[i]->replace(downsample(m_overlays[i].error, kMaxOverlayPoints));
    }
    QVector<QPointF> acc;
    acc.reserve(m_current.accuracy.size());
    for (const QPointF& p : m_current.accuracy)
        acc.append(QPointF(p.x(), std::round(p.y() * 1000) / 10));
    m_accuracySeries->replace(acc);
    updateCurrentName();  // its rates
    m_accuracySeries->setName(
        acc.isEmpty()
            ? tr("test accuracy")
            : tr("test accuracy (%1 % after epoch %2)").arg(acc.back().y()).arg(acc.size()));
    m_legend->setText(legendHtml());
    m_view->viewport()->update();
}

QString ErrorPlot::legendHtml() const {
    const auto entry = [](const QColor& colour, const QString& swatch, const QString& name,
                          bool bold) {
        // Spaces do not break, except after a " · " between the settings: an entry longer
        // than the line goes on at one of those, never inside a word or a number.
        QString text = name.toHtmlEscaped();
        text.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        text.replace(QStringLiteral("·&nbsp;"), QStringLiteral("· "));
        if (bold) text = QStringLiteral("<b>") + text + QStringLiteral("</b>");
        return QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
            .arg(colour.name(), swatch, text);
    };
    QStringList entries;
    entries << entry(kErrorColour, QStringLiteral("━━"), m_errorSeries->name(), true);
    entries << entry(kAccuracyColour, QStringLiteral("╍╍"), m_accuracySeries->name(), false);
    for (qsizetype i = m_fadedSeries.size() - 1; i >= 0; --i) {  // the newest first
        QColor c = m_fadedSeries[i]->pen().color();
        c.setAlpha(255);
        entries << entry(c, QStringLiteral("━━"), m_fadedSeries[i]->name(), false);
    }
    return entries.join(QStringLiteral("&nbsp;&nbsp;&nbsp; "));
}

void ErrorPlot::updateAxes() {
    double maxX = 0;
    auto extent = [&](const QVector<QPointF>& points) {
        if (!points.isEmpty()) maxX = std::max(maxX, points.back().x());
    };
    for (const Run& r : m_previous) extent(r.error);
    for (const Overlay& o : m_overlays) extent(o.error);
    extent(m_current.error);
    extent(m_current.accuracy);
    // The x range: the whole of every curve, or the follow window at the current run's end
    // (a little room after it, so the newest point and its label are not on the edge).
    double end = 0;
    if (!m_current.error.isEmpty()) end = m_current.error.back().x();
    if (!m_current.accuracy.isEmpty()) end = std::max(end, m_current.accuracy.back().x());
    const double window = followWindow(end, m_errorWindow);
    double from = 0, to = 0;
    int ticks = 6;
    double step = 0;
    if (m_following && end > window) {
        // Scrolls smoothly: the range ends just after the newest point, the ticks stay on
        // round numbers (multiples of the step, wherever the range begins).
        const auto [w, t] = niceAxis(window);
        step = w / (t - 1);
        to = end + 0.03 * w;
        from = to - w;
    } else {
        auto [top, t] = niceAxis(std::max(maxX, 100.0));
        if (top - maxX < 0.02 * top) {  // one more step, so the last point is off the edge
            top += top / (t - 1);
            ++t;
        }
        to = top;
        ticks = t;
    }
    // The error axis fits the curves inside that range.
    double maxY = 0;
    auto fit = [&](const QVector<QPointF>& points) {
        auto it = std::lower_bound(points.begin(), points.end(), from,
                                   [](const QPointF& p, double x) { return p.x() < x; });
        if (it != points.begin()) --it;  // the line into the range
        for (; it != points.end() && it->x() <= to; ++it) maxY = std::max(maxY, it->y());
    };
    fit(m_current.error);
    for (const Run& r : m_previous) fit(r.error);
    for (const Overlay& o : m_overlays) fit(o.error);
    const auto [topY, ticksY] = niceAxis(maxY > 0 ? std::max(maxY * 1.05, 1e-4) : 0.1);
    m_axisX->setRange(from, to);
    if (step > 0) {
        m_axisX->setTickType(QValueAxis::TicksDynamic);
        m_axisX->setTickAnchor(0);
        m_axisX->setTickInterval(step);
    } else {
        m_axisX->setTickType(QValueAxis::TicksFixed);
        m_axisX->setTickCount(ticks);
    }
    m_axisError->setRange(0, topY);
    m_axisError->setTickCount(ticksY);
    // As many decimals as the ticks' step needs (at least two): 0.005 steps read 0.005.
    const double yStep = topY / (ticksY - 1);
    int decimals = 2;
    while (decimals < 8 && std::abs(yStep * std::pow(10.0, decimals) -
                                    std::round(yStep * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    m_axisError->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}

QRectF ErrorPlot::plotArea() const {
    return m_chart->plotArea();
}

QFont ErrorPlot::chartLabelFont() const {
    return m_axisX->labelsFont();
}

QFont ErrorPlot::axisTitleFont() const {
    return m_axisX->titleFont();
}

QVector<ErrorPlot::ChartLabel> ErrorPlot::axisTitles() const {
    const QFontMetricsF fm(axisTitleFont());
    const double h = fm.height();
    const bool button = !m_followButton->isHidden();
    const double bw = button ? m_followButton->width() + 8 : 0;
    const double line = std::max(button ? double(m_followButton->height()) : 0.0, h);
    ChartLabel error{m_axisError->titleText(), {}, 0};
    ChartLabel accuracy{m_axisAccuracy->titleText(), {}, 0};
    const double ew = fm.horizontalAdvance(error.text) + 2;
    const double aw = fm.horizontalAdvance(accuracy.text) + 2;
    const double width = m_view->width();
    error.rect = QRectF(4, 2 + (line - h) / 2, ew, h);
    if (4 + ew + 12 + aw + bw + 4 <= width)  // one line: error left, accuracy before the button
        accuracy.rect = QRectF(width - 4 - bw - aw, error.rect.top(), aw, h);
    else  // too narrow: the accuracy title on a line of its own, at the right
        accuracy.rect = QRectF(std::max(4.0, width - 4 - aw), 2 + line + 1, aw, h);
    return {error, accuracy};
}

QVector<ErrorPlot::ChartLabel> ErrorPlot::rateLabels(QVector<ChartLabel>* hidden) const {
    QVector<ChartLabel> out;
    if (hidden) hidden->clear();
    const QRectF area = m_chart->plotArea();
    if (area.isEmpty()) return out;
    const QFontMetricsF fm(chartLabelFont());
    const double h = fm.height() + 2;
    const auto& marks = m_current.rateMarks;
    // The newest mark first: it is the one a person just made.
    for (qsizetype i = marks.size() - 1; i >= 0; --i) {
        const RateMark& m = marks[i];
        const double x = m_chart->mapToPosition(QPointF(m.x, 0), m_errorSeries).x();
        if (x < area.left() - 0.5 || x > area.right() + 0.5) continue;
        ChartLabel label;
        label.text = tr("α %1").arg(m.lr, 0, 'g', 3);
        label.x = m.x;
        const double w = fm.horizontalAdvance(label.text) + 6;
        bool placed = false;
        for (int row = 0; row < kRateLabelRows && !placed; ++row) {
            QRectF r(x + 2, area.top() + 1 + row * h, w, h);
            if (r.right() > area.right()) r.moveRight(x - 2);  // left of its line
            if (r.left() < area.left()) r.moveLeft(area.left());
            const bool clashes = std::any_of(
                out.begin(), out.end(), [&](const ChartLabel& o) { return o.rect.intersects(r); });
            if (!clashes) {
                label.rect = r;
                placed = true;
            }
        }
        if (placed)
            out.append(label);
        else if (hidden)
            hidden->append(label);
    }
    return out;
}

QVector<ErrorPlot::ChartLabel> ErrorPlot::accuracyLabels() const {
    QVector<ChartLabel> out;
    const QRectF area = m_chart->plotArea();
    if (area.isEmpty()) return out;
    const QVector<ChartLabel> rates = rateLabels();
    const QFontMetricsF fm(chartLabelFont());
    const double h = fm.height() + 2;
    const auto& acc = m_current.accuracy;
    for (qsizetype i = acc.size() - 1; i >= 0; --i) {
        const double percent = std::round(acc[i].y() * 1000) / 10;
        const QPointF at = m_chart->mapToPosition(QPointF(acc[i].x(), percent), m_accuracySeries);
        if (at.x() < area.left() - 0.5 || at.x() > area.right() + 0.5) continue;
        ChartLabel label;
        label.text = tr("%1 %").arg(percent, 0, 'f', 1);
        label.x = acc[i].x();
        const double w = fm.horizontalAdvance(label.text) + 6;
        const auto inside = [&](QRectF r) {
            if (r.right() > area.right()) r.moveRight(area.right());
            if (r.left() < area.left()) r.moveLeft(area.left());
            if (r.top() < area.top()) r.moveTop(area.top());
            if (r.bottom() > area.bottom()) r.moveBottom(area.bottom());
            return r;
        };
        // Above the point, below it, right, left, then a line further down.
        const QRectF candidates[] = {inside(QRectF(at.x() - w / 2, at.y() - 5 - h, w, h)),
                                     inside(QRectF(at.x() - w / 2, at.y() + 5, w, h)),
                                     inside(QRectF(at.x() + 5, at.y() - h / 2, w, h)),
                                     inside(QRectF(at.x() - w - 5, at.y() - h / 2, w, h)),
                                     inside(QRectF(at.x() - w / 2, at.y() + 5 + h, w, h))};
        const auto clashes = [&](const QRectF& r) {
            const auto hits = [&](const ChartLabel& o) { return o.rect.intersects(r); };
            return std::any_of(out.begin(), out.end(), hits) ||
                   std::any_of(rates.begin(), rates.end(), hits);
        };
        for (const QRectF& r : candidates)
            if (!clashes(r)) {
                label.rect = r;
                out.append(label);
                break;
            }
    }
    return out;
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
    // The picture is the chart and its legend, without the button. A chart never shown (never
    // laid out, as small as a new widget) is drawn without the strip above it.
    m_followButton->hide();
    if (!m_view->isVisible()) m_chart->setMargins(QMargins(4, 4, 4, 4));
    struct Restore {
        ErrorPlot* plot;
        ~Restore() {
            plot->m_followButton->show();
            plot->placeFollowButton();
        }
    } restore{this};
    if (size.isEmpty()) size = m_view->size() + QSize(0, m_legend->height());
    QTextDocument legend;
    legend.setDefaultFont(m_legend->font());
    legend.setHtml(legendHtml());
    legend.setTextWidth(size.width() - 8);
    const double legendHeight = std::ceil(legend.size().height());
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF chartRect(0, 0, size.width(), std::max(1.0, size.height() - legendHeight));
    m_view->render(&p, chartRect);
    p.translate(4, chartRect.bottom());
    legend.drawContents(&p);
    p.end();
    return image.save(path, "PNG");
}

}  // namespace bps
