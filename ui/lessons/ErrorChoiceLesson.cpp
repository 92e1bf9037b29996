#include "lessons/ErrorChoiceLesson.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <tuple>

#include "views/Palette.h"

namespace bps {
namespace {

// A number as the lesson prints it: `digits` decimals, never "−0.00".
QString num(double v, int digits = 2) {
    QString s = QString::number(v, 'f', digits);
    if (s.startsWith(QLatin1Char('-')) && s.mid(1).toDouble() == 0) s.remove(0, 1);
    return s;
}

// With its sign always written ("+0.30", "−0.30").
QString signedNum(double v, int digits = 2) {
    const QString s = num(v, digits);
    return s.startsWith(QLatin1Char('-')) ? s : QStringLiteral("+") + s;
}

const QColor kBall(213, 94, 0);
const QColor kTrail(0, 114, 178);

}  // namespace

// ------------------------------------------------------------------------------- the plot

DescentPlot::DescentPlot(bp::Curve curve, QWidget* parent) : QWidget(parent), m_curve(curve) {
    setMinimumSize(220, 180);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void DescentPlot::setPath(std::vector<bp::BallStep> path) {
    m_path = std::move(path);
    update();
}

void DescentPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette::kBackground);
    const QFontMetricsF fm(font());
    const double c = m_curve.centre;
    const double x0 = c - kHalfWidth, x1 = c + kHalfWidth;
    const double yMax = m_curve.value(x1);  // the curve's height at the edges
    const QRectF r(fm.horizontalAdvance(QStringLiteral("000")) + 10, fm.height() + 10,
                   width() - fm.horizontalAdvance(QStringLiteral("000")) - 24,
                   height() - 3 * fm.height() - 24);
    auto at = [&](double x, double y) {
        return QPointF(r.left() + (x - x0) / (x1 - x0) * r.width(),
                       r.bottom() - y / yMax * r.height());
    };
    // Grid and axes: x every 2, y at 0, half and top.
    for (int x = static_cast<int>(x0); x <= static_cast<int>(x1); x += 2) {
        p.setPen(QPen(QColor(0, 0, 0, x == static_cast<int>(c) ? 70 : 22), 1));
        p.drawLine(at(x, 0), at(x, yMax));
        p.setPen(palette::kInk);
        p.drawText(QRectF(at(x, 0).x() - 20, r.bottom() + 3, 40, fm.height()), Qt::AlignCenter,
                   QString::number(x));
    }
    for (double y : {0.0, yMax / 2, yMax}) {
        p.setPen(QPen(QColor(0, 0, 0, 22), 1));
        p.drawLine(at(x0, y), at(x1, y));
        p.setPen(palette::kInk);
        // centred on its line, but never below the axis (where the x labels are)
        const double top = std::min(at(x0, y).y() - fm.height() / 2, r.bottom() - fm.height());
        p.drawText(QRectF(0, top, r.left() - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(y));
    }
    // Title.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(r.left(), 2, r.width(), fm.height() + 4), Qt::AlignLeft | Qt::AlignVCenter,
               m_curve.shape == bp::CurveShape::V ? tr("y = |x − %1|").arg(c)
                                                  : tr("y = (x − %1)²").arg(c));
    p.setFont(font());
    p.drawText(QRectF(r.left(), r.bottom() + fm.height() + 4, r.width(), fm.height() + 2),
               Qt::AlignCenter, tr("x (the weight)"));
    // The curve.
    QPainterPath curve;
    for (int i = 0; i <= 240; ++i) {
        const double x = x0 + (x1 - x0) * i / 240.0;
        const QPointF pt = at(x, m_curve.value(x));
        i == 0 ? curve.moveTo(pt) : curve.lineTo(pt);
    }
    p.setClipRect(r.adjusted(-8, -8, 8, 8));
    p.setPen(QPen(palette::kInk, 2.2));
    p.setBrush(Qt::NoBrush);
    p.drawPath(curve);
    // The path: a hop from each position to the next, older ones fainter.
    const std::size_t n = m_path.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        QColor col = kTrail;
        col.setAlphaF(0.25 + 0.75 * static_cast<double>(i + 1) / static_cast<double>(n));
        const QPointF a = at(m_path[i].x, m_path[i].y), b = at(m_path[i + 1].x, m_path[i + 1].y);
        const QPointF mid((a.x() + b.x()) / 2, std::min(a.y(), b.y()) - 14);
        QPainterPath hop(a);
        hop.quadTo(mid, b);
        p.setPen(QPen(col, 1.4));
        p.drawPath(hop);
        p.setBrush(col);
        p.drawEllipse(a, 3, 3);
        p.setBrush(Qt::NoBrush);
    }
    if (n > 0) {
        const bp::BallStep& last = m_path.back();
        p.setPen(QPen(kBall.darker(140), 1.5));
        p.setBrush(kBall);
        if (std::abs(last.x - c) <= kHalfWidth && last.y <= yMax) {
            p.drawEllipse(at(last.x, last.y), 7, 7);
        } else {  // off the chart: an arrow at the edge it left by
            const bool right = last.x > c;
            const QPointF edge = at(right ? x1 : x0, yMax * 0.92);
            QPainterPath arrow;
            const double dx = right ? 14 : -14;
            arrow.moveTo(edge + QPointF(dx, 0));
            arrow.lineTo(edge + QPointF(0, -8));
            arrow.lineTo(edge + QPointF(0, 8));
            arrow.closeSubpath();
            p.drawPath(arrow);
        }
    }
}

// ------------------------------------------------------------------------------- the lesson

ErrorChoiceLesson::ErrorChoiceLesson(QWidget* parent) : Lesson(parent) {
    // The table: o, t, t − o, |t − o|, (t − o)²; the last row the sums.
    const std::vector<Row> rows = exampleRows();
    m_table = new QTableWidget(static_cast<int>(rows.size()) + 1, 5, this);
    m_table->setObjectName(QStringLiteral("errorTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    for (int r = 0; r < m_table->rowCount(); ++r)
        for (int c = 0; c < 5; ++c) {
            auto* item = new QTableWidgetItem(tableCell(r, c));
            item->setTextAlignment(Qt::AlignCenter);
            if (r == m_table->rowCount() - 1) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
                if (c == 2) item->setForeground(kBall.darker(120));
            }
            m_table->setItem(r, c, item);
        }
    m_tableNote = new QLabel(this);
    m_tableNote->setWordWrap(true);
    m_tableBox = new QGroupBox(this);
    auto* tl = new QVBoxLayout(m_tableBox);
    tl->addWidget(m_table);
    tl->addWidget(m_tableNote);

    // The two curves and their numbers.
    m_vPlot = new DescentPlot({bp::CurveShape::V, kCentre}, this);
    m_parabolaPlot = new DescentPlot({bp::CurveShape::Parabola, kCentre}, this);
    m_vPlot->setObjectName(QStringLiteral("vPlot"));
    m_parabolaPlot->setObjectName(QStringLiteral("parabolaPlot"));
    auto label = [this](const char* name) {
        auto* l = new QLabel(this);
        l->setObjectName(QLatin1String(name));
        l->setWordWrap(true);
        l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        return l;
    };
    m_vNumbers = label("vNumbers");
    m_parabolaNumbers = label("parabolaNumbers");
    m_vOutcome = label("vOutcome");
    m_parabolaOutcome = label("parabolaOutcome");
    m_pictures = new QWidget(this);
    auto* pics = new QHBoxLayout(m_pictures);
    pics->setContentsMargins(0, 0, 0, 0);
    for (auto [plot, numbers, outcome] :
         {std::tuple{m_vPlot, m_vNumbers, m_vOutcome},
          std::tuple{m_parabolaPlot, m_parabolaNumbers, m_parabolaOutcome}}) {
        auto* col = new QVBoxLayout;
        col->addWidget(plot, 1);
        col->addWidget(numbers);
        col->addWidget(outcome);
        pics->addLayout(col, 1);
    }

    m_rate = new QSlider(Qt::Horizontal, this);
    m_rate->setObjectName(QStringLiteral("rateSlider"));
    m_rate->setRange(1, kRateTicks);
    m_rate->setValue(static_cast<int>(std::lround(kDefaultRate / kMaxRate * kRateTicks)));
    m_rateLabel = new QLabel(this);
    m_rateLabel->setMinimumWidth(
        QFontMetrics(font()).horizontalAdvance(QStringLiteral("α = 0.000")));
    m_stepButton = new QPushButton(this);
    m_playButton = new QPushButton(this);
    m_resetButton = new QPushButton(this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(m_rateLabel);
    controls->addWidget(m_rate, 1);
    controls->addWidget(m_stepButton);
    controls->addWidget(m_playButton);
    controls->addWidget(m_resetButton);

    m_ballBox = new QGroupBox(this);
    auto* bl = new QVBoxLayout(m_ballBox);
    bl->addLayout(controls);
    bl->addWidget(m_pictures, 1);

    auto* right = new QVBoxLayout;
    right->addWidget(m_tableBox);
    right->addWidget(explanationPanel(), 1);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_ballBox, 3);
    layout->addLayout(right, 2);

    connect(m_rate, &QSlider::valueChanged, this, [this](int v) {
        m_alpha = kMaxRate * v / kRateTicks;
        recompute();
    });
    connect(m_stepButton, &QPushButton::clicked, this, &ErrorChoiceLesson::step);
    connect(m_playButton, &QPushButton::clicked, this, [this] { playing() ? pause() : play(); });
    connect(m_resetButton, &QPushButton::clicked, this, &ErrorChoiceLesson::reset);
    m_timer.setInterval(kPlayIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        step();
        if (m_steps >= kMaxSteps) pause();
    });

    m_alpha = kMaxRate * m_rate->value() / kRateTicks;
    recompute();
    retranslateUi();
}

ErrorChoiceLesson::~ErrorChoiceLesson() = default;

QWidget* ErrorChoiceLesson::picture() const {
    return m_pictures;
}

std::vector<ErrorChoiceLesson::Row> ErrorChoiceLesson::exampleRows() {
    // The book's table: one output 0.1 too low, the other 0.1 too high.
    return {{0.4, 0.5}, {0.8, 0.7}};
}

ErrorChoiceLesson::Errors ErrorChoiceLesson::errorsOf(const Row& r) {
    const double e = r.target - r.output;  // t − o
    return {e, std::abs(e), e * e};
}

ErrorChoiceLesson::Errors ErrorChoiceLesson::sumOf(const std::vector<Row>& rows) {
    Errors s;
    for (const Row& r : rows) {
        const Errors e = errorsOf(r);
        s.difference += e.difference;
        s.absolute += e.absolute;
        s.squared += e.squared;
    }
    return s;
}

QString ErrorChoiceLesson::tableCell(int r, int c) const {
    const std::vector<Row> rows = exampleRows();
    if (r >= static_cast<int>(rows.size())) {  // the sums
        const Errors s = sumOf(rows);
        switch (c) {
            case 0:
                return tr("sum");
            case 1:
                return QString();
            case 2:
                return num(s.difference);
            case 3:
                return num(s.absolute);
            default:
                return num(s.squared, 3);
        }
    }
    const Row& row = rows[static_cast<std::size_t>(r)];
    const Errors e = errorsOf(row);
    switch (c) {
        case 0:
            return num(row.output, 1);
        case 1:
            return num(row.target, 1);
        case 2:
            return num(e.difference);
        case 3:
            return num(e.absolute);
        default:
            return num(e.squared, 3);
    }
}

void ErrorChoiceLesson::setLearningRate(double alpha) {
    m_rate->setValue(
        std::clamp(static_cast<int>(std::lround(alpha / kMaxRate * kRateTicks)), 1, kRateTicks));
}

void ErrorChoiceLesson::step() {
    ++m_steps;  // a ball that has flown off stays where rollBall dropped it
    recompute();
}

void ErrorChoiceLesson::play() {
    if (m_steps >= kMaxSteps) reset();
    m_timer.start();
    retranslateUi();
}

void ErrorChoiceLesson::pause() {
    m_timer.stop();
    retranslateUi();
}

void ErrorChoiceLesson::reset() {
    m_steps = 0;
    recompute();
}

const std::vector<bp::BallStep>& ErrorChoiceLesson::path(bp::CurveShape shape) const {
    return shape == bp::CurveShape::V ? m_vPath : m_parabolaPath;
}

bp::DescentSummary ErrorChoiceLesson::summary(bp::CurveShape shape) const {
    return bp::summariseDescent({shape, kCentre}, path(shape));
}

void ErrorChoiceLesson::recompute() {
    m_vPath = bp::rollBall({bp::CurveShape::V, kCentre}, kStart, m_alpha, m_steps);
    m_parabolaPath = bp::rollBall({bp::CurveShape::Parabola, kCentre}, kStart, m_alpha, m_steps);
    m_vPlot->setPath(m_vPath);
    m_parabolaPlot->setPath(m_parabolaPath);
    updateTexts();
}

QString ErrorChoiceLesson::numbersText(bp::CurveShape shape) const {
    const std::vector<bp::BallStep>& p = path(shape);
    const bp::BallStep& now = p.back();
    QString text = tr("Step %1: x = %2, y = %3, slope dy/dx = %4")
                       .arg(static_cast<int>(p.size()) - 1)
                       .arg(num(now.x, 3), num(now.y, 3), num(now.slope, 3));
    if (p.size() >= 2) {
        const bp::BallStep& before = p[p.size() - 2];
        text += QLatin1Char('\n') +
                tr("last step = −α · slope = −%1 · %2 = %3")
                    .arg(num(m_alpha), num(before.slope, 3), signedNum(before.step, 3));
    } else {
        text += QLatin1Char('\n') +
                tr("next step = −α · slope = −%1 · %2 = %3")
                    .arg(num(m_alpha), num(now.slope, 3), signedNum(-m_alpha * now.slope, 3));
    }
    return text;
}

QString ErrorChoiceLesson::outcomeText(bp::CurveShape shape) const {
    const std::vector<bp::BallStep>& p = path(shape);
    if (p.size() < 3) return tr("Press Step or Play to roll the ball.");
    const bp::DescentSummary s = summary(shape);
    if (shape == bp::CurveShape::V) {
        switch (s.outcome) {
            case bp::DescentOutcome::Converges:
                return tr("It landed exactly on the bottom — only because %1 steps of %2 happen "
                          "to add up to the distance.")
                    .arg(static_cast<int>(p.size()) - 1)
                    .arg(num(m_alpha));
            case bp::DescentOutcome::Descending:
                return tr("Walking down: the slope is always ±1, so every step is α = %1 long.")
                    .arg(num(m_alpha));
            case bp::DescentOutcome::Bounces:
            case bp::DescentOutcome::Diverges:
                return tr("Bouncing across the bottom for ever: the slope is ±1 right up to the "
                          "minimum, so the step never shrinks below α = %1.")
                    .arg(num(m_alpha));
        }
    }
    switch (s.outcome) {
        case bp::DescentOutcome::Converges:
            return (s.crossings > 0
                        ? tr("Converging from both sides (α > 0.5 overshoots a little): each "
                             "step multiplies the distance to the bottom by |1 − 2α| = %1.")
                        : tr("Converging: the slope 2(x − 5) shrinks near the bottom, and so does "
                             "the step — each multiplies the distance by |1 − 2α| = %1."))
                .arg(num(s.rate, 3));
        case bp::DescentOutcome::Bounces:
            return tr(
                "Bouncing between two points: at α = 1, |1 − 2α| = 1 and the distance "
                "never shrinks.");
        case bp::DescentOutcome::Diverges:
            return tr("Diverging: α > 1 overshoots so far that the ball lands higher on the "
                      "other side; each step multiplies the distance by |1 − 2α| = %1 > 1.")
                .arg(num(s.rate, 3));
        case bp::DescentOutcome::Descending:
            break;
    }
    return tr("Walking down.");
}

void ErrorChoiceLesson::updateTexts() {
    m_rateLabel->setText(tr("α = %1").arg(num(m_alpha)));
    m_vNumbers->setText(numbersText(bp::CurveShape::V));
    m_parabolaNumbers->setText(numbersText(bp::CurveShape::Parabola));
    m_vOutcome->setText(outcomeText(bp::CurveShape::V));
    m_parabolaOutcome->setText(outcomeText(bp::CurveShape::Parabola));
    const bool diverged =
        summary(bp::CurveShape::Parabola).outcome == bp::DescentOutcome::Diverges &&
        m_parabolaPath.size() >= 3;
    m_parabolaOutcome->setStyleSheet(diverged ? QStringLiteral("color: #a0410d; font-weight: bold;")
                                              : QString());
}

void ErrorChoiceLesson::retranslateUi() {
    m_tableBox->setTitle(tr("Three candidate errors"));
    m_ballBox->setTitle(tr("Gradient descent: a ball rolling down each error"));
    m_table->setHorizontalHeaderLabels(
        {tr("output o"), tr("target t"), tr("t − o"), tr("|t − o|"), tr("(t − o)²")});
    m_table->item(m_table->rowCount() - 1, 0)->setText(tableCell(m_table->rowCount() - 1, 0));
    const Errors s = sumOf(exampleRows());
    m_tableNote->setText(
        tr("Both outputs are wrong, yet Σ(t − o) = %1: the errors cancel. |t − o| and (t − o)² "
           "cannot cancel (sums %2 and %3).")
            .arg(num(s.difference), num(s.absolute), num(s.squared, 3)));
    m_rate->setToolTip(tr("The learning rate α: how far each step goes along −slope"));
    m_stepButton->setText(tr("Step"));
    m_stepButton->setToolTip(tr("One step of gradient descent on both curves: x ← x − α·dy/dx"));
    m_playButton->setText(playing() ? tr("Pause") : tr("Play"));
    m_playButton->setToolTip(
        tr("Step on both curves until you pause (at most %1 steps)").arg(kMaxSteps));
    m_resetButton->setText(tr("Reset"));
    m_resetButton->setToolTip(tr("Both balls back to x = %1").arg(kStart));
    setExplanation(
        tr("<b>Which error should the network follow?</b> Adding up t − o fails: a too-high and a "
           "too-low output cancel. |t − o| cannot cancel, but its V has the same slope ±1 "
           "everywhere — the step never gets smaller near the answer. (t − o)² has a slope "
           "that shrinks as the error does, so the steps shrink and the ball settles: that is why "
           "the book uses the squared error.<br><b>Try:</b> press Play at α = 0.3, then move α "
           "above 0.5 and above 1. <b>Notice:</b> on the parabola a too-large α overshoots the "
           "bottom; above 1 each overshoot is larger than the last and the ball flies off."));
    updateTexts();
}

}  // namespace bps
