// Curve.h — keeping a curve of (samples seen, value) points within a bound, for the host's and
// the client's copies of a student's running error.
#pragma once

#include <QPointF>
#include <QVector>

namespace bp::classroom {

// Keeps every other point, always the last one: n points become ⌈n/2⌉. Called when a curve
// passes its bound, so appending stays O(1) amortised and the curve spans the whole run.
inline void halveCurve(QVector<QPointF>& curve) {
    QVector<QPointF> half;
    half.reserve(curve.size() / 2 + 1);
    for (qsizetype i = (curve.size() - 1) % 2; i < curve.size(); i += 2) half.append(curve[i]);
    curve = std::move(half);
}

// Appends points whose x does not go back, then halves while the curve is over maxPoints.
inline void appendBounded(QVector<QPointF>& curve, const QVector<QPointF>& points, int maxPoints) {
    for (const QPointF& p : points)
        if (curve.isEmpty() || p.x() >= curve.back().x()) curve.append(p);
    while (curve.size() > maxPoints) halveCurve(curve);
}

}  // namespace bp::classroom
