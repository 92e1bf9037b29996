// GradientDescentTest.cpp — the ball on y = |x − 5| and on y = (x − 5)²: the parabola converges
// at the fixed rate |1 − 2α|, the V walks at a fixed step and bounces across the bottom.
#include <gtest/gtest.h>

#include <cmath>

#include "backprop/GradientDescent.h"

using namespace bp;

namespace {
const Curve kV{CurveShape::V, 5};
const Curve kParabola{CurveShape::Parabola, 5};
}  // namespace

TEST(Curves, ValuesAndSlopes) {
    EXPECT_EQ(kV.value(2), 3);
    EXPECT_EQ(kV.value(7.5), 2.5);
    EXPECT_EQ(kV.slope(2), -1);
    EXPECT_EQ(kV.slope(7.5), 1);
    EXPECT_EQ(kV.slope(5), 0);
    EXPECT_EQ(kParabola.value(2), 9);
    EXPECT_EQ(kParabola.slope(2), -6);
    EXPECT_EQ(kParabola.slope(5), 0);
}

TEST(Ball, ParabolaConvergesAtAFixedRate) {
    for (const double alpha : {0.05, 0.1, 0.3, 0.45, 0.7, 0.9}) {
        const std::vector<BallStep> path = rollBall(kParabola, 1.0, alpha, 40);
        ASSERT_EQ(path.size(), 41u);
        // x_{n+1} − 5 = (1 − 2α)(x_n − 5) at every step
        for (std::size_t n = 0; n + 1 < path.size(); ++n) {
            EXPECT_NEAR(path[n + 1].x - 5, (1 - 2 * alpha) * (path[n].x - 5),
                        1e-12 * std::max(1.0, std::abs(path[n].x - 5)));
            EXPECT_DOUBLE_EQ(path[n].step, -alpha * 2 * (path[n].x - 5));
        }
        const DescentSummary s = summariseDescent(kParabola, path);
        EXPECT_TRUE(s.fixedRate) << alpha;
        EXPECT_NEAR(s.rate, std::abs(1 - 2 * alpha), 1e-9);
        EXPECT_FALSE(s.constantStep);  // the steps shrink with the slope
        EXPECT_EQ(s.outcome, DescentOutcome::Converges);
        EXPECT_LT(s.lastDistance, s.firstDistance);
        EXPECT_EQ(s.crossings > 0, alpha > 0.5) << "above ½ the ball zig-zags across";
    }
}

TEST(Ball, ParabolaBouncesAtOneAndDivergesAbove) {
    const DescentSummary one = summariseDescent(kParabola, rollBall(kParabola, 1.0, 1.0, 20));
    EXPECT_TRUE(one.fixedRate);
    EXPECT_NEAR(one.rate, 1.0, 1e-12);
    EXPECT_EQ(one.outcome, DescentOutcome::Bounces);
    const std::vector<BallStep> far = rollBall(kParabola, 1.0, 1.1, 30);
    const DescentSummary above = summariseDescent(kParabola, far);
    EXPECT_TRUE(above.fixedRate);
    EXPECT_NEAR(above.rate, 1.2, 1e-9);
    EXPECT_EQ(above.outcome, DescentOutcome::Diverges);
    EXPECT_GT(above.lastDistance, 100 * above.firstDistance);
    // flying off stops the path before the numbers overflow
    const std::vector<BallStep> gone = rollBall(kParabola, 1.0, 50, 1000);
    EXPECT_LT(gone.size(), 1001u);
    EXPECT_TRUE(std::isfinite(gone.back().x));
}

TEST(Ball, VDoesNotConvergeAtAFixedRate) {
    // From x = 0.73 (distance 4.27, a multiple of none of the rates, so the bottom is never
    // hit exactly): steps of α down, then back and forth across 5.
    for (const double alpha : {0.1, 0.3, 0.7, 1.3}) {
        const std::vector<BallStep> path = rollBall(kV, 0.73, alpha, 60);
        const DescentSummary s = summariseDescent(kV, path);
        EXPECT_FALSE(s.fixedRate) << alpha;
        EXPECT_TRUE(s.constantStep) << "every step on the V is α long";
        for (std::size_t n = 0; n + 1 < path.size(); ++n)
            EXPECT_NEAR(std::abs(path[n + 1].x - path[n].x), alpha, 1e-12);
        EXPECT_EQ(s.outcome, DescentOutcome::Bounces) << alpha;
        EXPECT_GE(s.crossings, 2);
        // the last ten distances do not shrink: it never gets closer than it already was
        double closest = 1e9;
        for (std::size_t n = 0; n + 10 < path.size(); ++n)
            closest = std::min(closest, std::abs(path[n].x - 5));
        for (std::size_t n = path.size() - 10; n < path.size(); ++n)
            EXPECT_GE(std::abs(path[n].x - 5), closest - 1e-12);
        EXPECT_GT(s.lastDistance, 1e-3);
    }
}

TEST(Ball, VWithASmallRateIsStillWalking) {
    const DescentSummary s = summariseDescent(kV, rollBall(kV, 0.73, 0.02, 50));
    EXPECT_EQ(s.outcome, DescentOutcome::Descending);
    EXPECT_NEAR(s.lastDistance, 4.27 - 50 * 0.02, 1e-9);
}

TEST(Ball, LandingOnTheBottomStops) {
    // distance 4 and α = 1: four steps land exactly on 5, where the V's slope is 0
    const std::vector<BallStep> path = rollBall(kV, 1.0, 1.0, 8);
    EXPECT_EQ(path[4].x, 5.0);
    EXPECT_EQ(path.back().x, 5.0);
    EXPECT_EQ(summariseDescent(kV, path).outcome, DescentOutcome::Converges);
}
