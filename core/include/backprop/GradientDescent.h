// GradientDescent.h — a ball rolling down a curve, one step of gradient descent at a time:
//   x_{n+1} = x_n − α · dy/dx(x_n)
//
// The book's two candidate error curves, both with their bottom at x = c (c = 5 in the book):
//   V         y = |x − c|      dy/dx = sign(x − c)   (taken as 0 at the bottom itself)
//   parabola  y = (x − c)²     dy/dx = 2(x − c)
// On the parabola x_{n+1} − c = (1 − 2α)(x_n − c): every step multiplies the distance to the
// bottom by the same factor |1 − 2α|, so the steps shrink as the slope does; the ball converges
// for 0 < α < 1 (from the other side, zig-zagging, when α > ½), bounces between two points for
// ever at α = 1 and flies off for α > 1. On the V every step has the same length α whatever the
// distance: the ball walks down and then bounces across the bottom for ever (it stops only if
// it happens to land exactly on c).
#pragma once

#include <vector>

#include "backprop/Types.h"

namespace bp {

enum class CurveShape { V, Parabola };

// y = |x − c| or y = (x − c)².
struct Curve {
    CurveShape shape = CurveShape::Parabola;  // which of the two
    Scalar centre = 5;                        // c, where the bottom is

    Scalar value(Scalar x) const;  // y(x)
    Scalar slope(Scalar x) const;  // dy/dx at x
};

// The ball at step n.
struct BallStep {
    Scalar x = 0;      // x_n
    Scalar y = 0;      // y(x_n)
    Scalar slope = 0;  // dy/dx(x_n)
    Scalar step = 0;   // x_{n+1} − x_n = −α·slope (0 on the last point)
};

// steps + 1 points: x_0 = start and `steps` steps of gradient descent with learning rate α.
// The ball stops (the rest of the points are dropped) once |x| exceeds 1e12: it has flown off.
std::vector<BallStep> rollBall(const Curve& curve, Scalar start, Scalar alpha, int steps);

enum class DescentOutcome {
    Converges,   // the distance to the bottom shrinks towards 0 (or the ball landed on it)
    Descending,  // still walking down at a constant step, has not reached the bottom yet
    Bounces,     // crossing the bottom back and forth without getting closer
    Diverges,    // the distance grows
};

// What a path did.
struct DescentSummary {
    DescentOutcome outcome = DescentOutcome::Descending;
    // Every step multiplied the distance |x − c| by the same factor (to 1e-9): the parabola's
    // fixed rate of convergence. Never true on the V, whose step length is fixed instead.
    bool fixedRate = false;
    Scalar rate = 0;            // that factor, |x_{n+1} − c| / |x_n − c| (when fixedRate)
    bool constantStep = false;  // every step had the same length |x_{n+1} − x_n| (the V)
    Scalar firstDistance = 0;   // |x_0 − c|
    Scalar lastDistance = 0;    // |x_N − c|
    int crossings = 0;          // how often the ball crossed the bottom
};

DescentSummary summariseDescent(const Curve& curve, const std::vector<BallStep>& path);

}  // namespace bp
