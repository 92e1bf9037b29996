// WeightDiffTest.cpp — diffWeights as the weight atlas's "What changed" asks it (top = 1): one
// weight moved, on a bias column too, is exactly the one named, with its before, after and mean.
#include <gtest/gtest.h>

#include "backprop/Network.h"
#include "backprop/WeightDiff.h"

using namespace bp;

TEST(WeightDiffOne, NamesTheOneWeightThatMoved) {
    NetworkSpec s;
    s.layers = {6, 4, 3};
    s.bias = true;  // W_0 is 4×7, its column 6 the bias node's
    Network a(s);
    Network b = a;
    const double before = a.weights(0)(2, 6);
    b.weights(0)(2, 6) = before - 0.75;  // hidden neuron 2 ← bias
    const WeightDiff d = diffWeights(a.allWeights(), b.allWeights(), 1);
    ASSERT_EQ(d.layers.size(), 2u);
    const LayerDiff& l0 = d.layers[0];
    EXPECT_EQ(l0.rows, 4);
    EXPECT_EQ(l0.cols, 7);
    EXPECT_EQ(l0.changed, 1u);
    ASSERT_EQ(l0.largest.size(), 1u);
    EXPECT_EQ(l0.largest[0].layer, 0);
    EXPECT_EQ(l0.largest[0].row, 2);
    EXPECT_EQ(l0.largest[0].col, 6);
    EXPECT_EQ(l0.largest[0].before, before);
    EXPECT_EQ(l0.largest[0].after, before - 0.75);
    EXPECT_NEAR(l0.largest[0].delta(), -0.75, 1e-15);
    EXPECT_NEAR(l0.maxAbs, 0.75, 1e-15);
    EXPECT_NEAR(l0.meanAbs, 0.75 / 28, 1e-15);
    EXPECT_EQ(d.layers[1].changed, 0u);
    EXPECT_TRUE(d.layers[1].largest.empty());
    EXPECT_EQ(d.layers[1].maxAbs, 0.0);
    EXPECT_FALSE(d.identical());
}

// A weight that moved and came back is not a change; top = 0 still counts.
TEST(WeightDiffOne, CountsOnlyWeightsThatDiffer) {
    NetworkSpec s;
    s.layers = {3, 2, 1};
    Network a(s);
    Network b = a;
    const double w = b.weights(1)(0, 1);
    b.weights(1)(0, 1) = w + 0.5;
    b.weights(1)(0, 1) = w;
    EXPECT_TRUE(diffWeights(a.allWeights(), b.allWeights(), 1).identical());
    b.weights(0)(1, 2) += 1.0;
    const WeightDiff d = diffWeights(a.allWeights(), b.allWeights(), 0);
    EXPECT_EQ(d.layers[0].changed, 1u);
    EXPECT_TRUE(d.layers[0].largest.empty());
}
