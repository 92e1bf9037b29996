// SweepPlot.cpp — see SweepPlot.h.
#include "classroom/SweepPlot.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace bps {

SweepPlot::SweepPlot(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SweepPlot::setPoints(const QVector<Point>& points) {
    m_points = points;
    update();
}

void SweepPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    paint(p, QRectF(rect()));
}

void SweepPlot::paint(QPainter& p, const QRectF& rect) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetricsF fm(p.font());
    const double lineH = fm.height();
    const QRectF area = rect.adjusted(fm.horizontalAdvance(QStringLiteral("100 %")) + 12,
                                      lineH * 1.6, -12, -lineH * 2.6);
    const QColor ink = palette().color(QPalette::Text);
    p.setPen(ink);
    p.drawText(QRectF(rect.left(), rect.top(), rect.width(), lineH * 1.4), Qt::AlignCenter,
               tr("Test accuracy against learning rate α (class sweep)"));
    if (area.width() < 20 || area.height() < 20) {
        p.restore();
        return;
    }
    // x: log10 α over the rates present, padded; at least one decade.
    double lo = 0.01, hi = 1.0;
    if (!m_points.isEmpty()) {
        lo = hi = m_points.front().lr;
        for (const Point& pt : m_points) {
            lo = std::min(lo, pt.lr);
            hi = std::max(hi, pt.lr);
        }
    }
    double l0 = std::floor(std::log10(lo) - 0.01), l1 = std::ceil(std::log10(hi) + 0.01);
    if (l1 - l0 < 1) l1 = l0 + 1;
    const auto X = [&](double lr) {
        return area.left() + (std::log10(lr) - l0) / (l1 - l0) * area.width();
    };
    const auto Y = [&](double acc) { return area.bottom() - acc * area.height(); };
    // Grid and axes.
    QColor grid = ink;
    grid.setAlpha(40);
    for (int k = 0; k <= 10; k += 2) {
        const double y = Y(k / 10.0);
        p.setPen(grid);
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        p.setPen(ink);
        p.drawText(QRectF(rect.left(), y - lineH / 2, area.left() - rect.left() - 6, lineH),
                   Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1 %").arg(k * 10));
    }
    for (int e = static_cast<int>(l0); e <= static_cast<int>(l1); ++e) {
        const double x = X(std::pow(10.0, e));
        p.setPen(grid);
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        p.setPen(ink);
        p.drawText(QRectF(x - 40, area.bottom() + 2, 80, lineH), Qt::AlignCenter,
                   QString::number(std::pow(10.0, e), 'g', 3));
    }
    p.drawText(QRectF(area.left(), area.bottom() + lineH, area.width(), lineH * 1.4),
               Qt::AlignCenter, tr("learning rate α (log scale)"));
    p.drawRect(area);
    // The points, sorted by α and joined, each with its name.
    QVector<Point> sorted = m_points;
    std::sort(sorted.begin(), sorted.end(),
              [](const Point& a, const Point& b) { return a.lr < b.lr; });
    const QColor dot(0, 114, 178);
    if (sorted.size() > 1) {
        QPainterPath path;
        path.moveTo(X(sorted[0].lr), Y(sorted[0].accuracy));
        for (qsizetype i = 1; i < sorted.size(); ++i)
            path.lineTo(X(sorted[i].lr), Y(sorted[i].accuracy));
        QColor line = dot;
        line.setAlpha(90);
        p.setPen(QPen(line, 1.5));
        p.drawPath(path);
    }
    QVector<QRectF> taken;
    for (const Point& pt : sorted) {
        const QPointF c(X(pt.lr), Y(pt.accuracy));
        p.setPen(Qt::NoPen);
        p.setBrush(dot);
        p.drawEllipse(c, 4.5, 4.5);
        QRectF box(c + QPointF(6, -lineH), QSizeF(fm.horizontalAdvance(pt.name), lineH));
        if (box.right() > area.right()) box.moveRight(c.x() - 6);
        for (int tries = 0;
             tries < 8 && std::any_of(taken.begin(), taken.end(),
                                      [&](const QRectF& t) { return t.intersects(box); });
             ++tries)
            box.translate(0, lineH);
        taken.append(box);
        p.setPen(ink);
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, pt.name);
    }
    if (sorted.isEmpty()) {
        p.setPen(ink);
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Each student's accuracy appears here after their first epoch."));
    }
    p.restore();
}

}  // namespace bps
