// GradientDescent.cpp — the ball on the V and on the parabola.
#include "backprop/GradientDescent.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bp {

Scalar Curve::value(Scalar x) const {
    const Scalar d = x - centre;
    return shape == CurveShape::V ? std::abs(d) : d * d;  // |x − c|  or  (x − c)²
}

Scalar Curve::slope(Scalar x) const {
    const Scalar d = x - centre;
    if (shape == CurveShape::Parabola) return 2 * d;  // d/dx (x − c)² = 2(x − c)
    return d > 0 ? 1.0 : (d < 0 ? -1.0 : 0.0);        // d/dx |x − c| = sign(x − c)
}

std::vector<BallStep> rollBall(const Curve& curve, Scalar start, Scalar alpha, int steps) {
    std::vector<BallStep> path;
    path.reserve(static_cast<std::size_t>(steps < 0 ? 0 : steps) + 1);
    Scalar x = start;
    for (int n = 0;; ++n) {
        BallStep s;
        s.x = x;
        s.y = curve.value(x);
        s.slope = curve.slope(x);
        const bool last = n >= steps || !(std::abs(x) <= 1e12);
        s.step = last ? 0 : -alpha * s.slope;  // Δx = −α · dy/dx
        path.push_back(s);
        if (last) break;
        x += s.step;  // x_{n+1} = x_n − α · dy/dx
    }
    return path;
}

DescentSummary summariseDescent(const Curve& curve, const std::vector<BallStep>& path) {
    DescentSummary s;
    if (path.empty()) return s;
    const auto distance = [&](std::size_t n) { return std::abs(path[n].x - curve.centre); };
    // Distances this small are the bottom within rounding (x carries ~16 digits near c), and
    // a ratio of two distances d carries a rounding error of about ε·|x|/d.
    constexpr Scalar eps = std::numeric_limits<Scalar>::epsilon();
    const Scalar scale = std::max(Scalar(1), std::abs(curve.centre));
    const Scalar tiny = 64 * eps * scale;
    s.firstDistance = distance(0);
    s.lastDistance = distance(path.size() - 1);
    // Ratios |x_{n+1} − c| / |x_n − c| while the ball is off the bottom; step lengths.
    bool sameRatio = true, sameStep = true;
    Scalar ratio = -1, stepLength = -1;
    for (std::size_t n = 0; n + 1 < path.size(); ++n) {
        const Scalar before = path[n].x - curve.centre, after = path[n + 1].x - curve.centre;
        if ((before < 0 && after > 0) || (before > 0 && after < 0)) ++s.crossings;
        const Scalar len = std::abs(path[n + 1].x - path[n].x);
        if (stepLength < 0)
            stepLength = len;
        else if (std::abs(len - stepLength) > 1e-9 * std::max(Scalar(1), stepLength))
            sameStep = false;
        if (std::abs(before) <= tiny || std::abs(after) <= tiny) break;  // landed: no more ratios
        const Scalar r = std::abs(after) / std::abs(before);
        const Scalar x = std::max({scale, std::abs(path[n].x), std::abs(path[n + 1].x)});
        const Scalar allowed = 1e-9 * std::max(Scalar(1), r) +
                               16 * eps * x * (1 + r) / std::min(std::abs(before), std::abs(after));
        if (ratio < 0)
            ratio = r;
        else if (std::abs(r - ratio) > allowed)
            sameRatio = false;
    }
    const bool moved = path.size() > 1 && ratio >= 0;
    s.fixedRate = moved && sameRatio;
    s.rate = s.fixedRate ? ratio : 0;
    s.constantStep = path.size() > 1 && sameStep && stepLength > 0;
    if (s.lastDistance <= tiny) {
        s.outcome = DescentOutcome::Converges;  // landed on the bottom
    } else if (s.fixedRate) {
        s.outcome = std::abs(s.rate - 1) <= 1e-9 ? DescentOutcome::Bounces
                    : s.rate < 1                 ? DescentOutcome::Converges
                                                 : DescentOutcome::Diverges;
    } else if (s.lastDistance > s.firstDistance) {
        s.outcome = DescentOutcome::Diverges;
    } else if (s.crossings >= 2) {
        s.outcome = DescentOutcome::Bounces;  // the V: back and forth across the bottom
    } else {
        s.outcome = DescentOutcome::Descending;
    }
    return s;
}

}  // namespace bp
