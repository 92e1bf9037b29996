// ErrorSurfaceTest.cpp — E over two weights: equal to the network's own error with those two
// weights set (same layer, different layers, bias), its slope against central differences, the
// gradient-descent path going downhill, the grid and cancelling it.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "TestNets.h"
#include "backprop/ErrorSurface.h"
#include "backprop/NumericSlope.h"
#include "backprop/Random.h"

using namespace bp;
using testnets::bookThreeLayers;
using testnets::vec;

namespace {

// Mean Σ(T − O)² with the two weights set, by full forward passes.
double direct(Network net, const std::vector<TrainingPair>& samples, WeightRef a, double va,
              WeightRef b, double vb) {
    net.weights(a.layer)(a.row, a.col) = va;
    net.weights(b.layer)(b.row, b.col) = vb;
    double sum = 0;
    for (const TrainingPair& s : samples) sum += (s.target - net.query(s.input)).squaredNorm();
    return sum / static_cast<double>(samples.size());
}

std::vector<TrainingPair> randomSamples(const Network& net, int count, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<TrainingPair> out;
    for (int n = 0; n < count; ++n) {
        TrainingPair p{Vector(net.inputs()), Vector(net.outputs())};
        for (Eigen::Index i = 0; i < p.input.size(); ++i) p.input(i) = 0.01 + 0.99 * rng.uniform();
        for (Eigen::Index i = 0; i < p.target.size(); ++i)
            p.target(i) = rng.uniform() < 0.5 ? 0.01 : 0.99;
        out.push_back(p);
    }
    return out;
}

}  // namespace

TEST(ErrorSlice, EqualsTheNetworksErrorWithTheTwoWeightsSet) {
    NetworkSpec spec;
    spec.layers = {3, 4, 3, 2};
    spec.bias = true;
    const Network net(spec);
    const std::vector<TrainingPair> samples = randomSamples(net, 3, 21);
    const std::pair<WeightRef, WeightRef> pairs[] = {
        {{0, 1, 2}, {0, 3, 0}},  // same layer, different rows
        {{0, 1, 2}, {0, 1, 0}},  // same row
        {{0, 2, 3}, {2, 1, 1}},  // bias column of W0 and the last layer
        {{1, 0, 4}, {2, 1, 3}},  // bias columns
        {{2, 0, 0}, {1, 2, 1}},  // given high layer first
    };
    Rng rng(3);
    for (const auto& [a, b] : pairs) {
        const ErrorSlice slice(net, samples, a, b);
        EXPECT_EQ(slice.a0(), net.weights(a.layer)(a.row, a.col));
        EXPECT_NEAR(slice.errorAt(slice.a0(), slice.b0()),
                    direct(net, samples, a, slice.a0(), b, slice.b0()), 1e-12);
        for (int n = 0; n < 10; ++n) {
            const double va = -4 + 8 * rng.uniform(), vb = -4 + 8 * rng.uniform();
            EXPECT_NEAR(slice.errorAt(va, vb), direct(net, samples, a, va, b, vb), 1e-12);
        }
    }
}

TEST(ErrorSlice, SlopeIsTheSurfacesCentralDifference) {
    const Network net = bookThreeLayers(ErrorRule::Book);
    const std::vector<TrainingPair> one{{vec({0.9, 0.1, 0.8}), vec({0.99, 0.01, 0.01})}};
    const ErrorSlice slice(net, one, {0, 0, 0}, {1, 0, 1});
    for (const auto& [va, vb] : {std::pair{0.9, 0.7}, std::pair{-1.5, 2.0}, std::pair{3.0, -2.5}}) {
        const auto [sa, sb] = slice.slopeAt(va, vb);  // exact
        const double na =
            centralDifference([&](double x) { return slice.errorAt(x, vb); }, va, 1e-5) / 2;
        const double nb =
            centralDifference([&](double x) { return slice.errorAt(va, x); }, vb, 1e-5) / 2;
        EXPECT_NEAR(sa, na, 1e-7);
        EXPECT_NEAR(sb, nb, 1e-7);
        EXPECT_GT(std::abs(sa) + std::abs(sb), 1e-4);
    }
    // The book's rule on the hidden weight is not the slope of this surface.
    const auto [ba, bb] = slice.slopeAt(0.9, 0.7, ErrorRule::Book);
    const auto [ea, eb] = slice.slopeAt(0.9, 0.7, ErrorRule::Gradient);
    EXPECT_GT(std::abs(ba - ea), 1e-4);
    EXPECT_DOUBLE_EQ(bb, eb);  // the last layer's is
}

TEST(ErrorSlice, GradientDescentGoesDownhill) {
    const Network net = bookThreeLayers();
    const std::vector<TrainingPair> one{{vec({0.9, 0.1, 0.8}), vec({0.99, 0.01, 0.01})}};
    const ErrorSlice slice(net, one, {1, 0, 0}, {1, 0, 2});
    const std::vector<SlicePoint> path = slice.descend(slice.a0(), slice.b0(), 0.5, 60);
    ASSERT_EQ(path.size(), 61u);
    for (std::size_t n = 0; n + 1 < path.size(); ++n) {
        EXPECT_LT(path[n + 1].error, path[n].error);
        EXPECT_DOUBLE_EQ(path[n + 1].a, path[n].a - 0.5 * path[n].slopeA);
        EXPECT_DOUBLE_EQ(path[n + 1].b, path[n].b - 0.5 * path[n].slopeB);
    }
    EXPECT_EQ(path[0].a, 0.3);
    EXPECT_EQ(path[0].b, 0.5);
    // The first step is the studio's step for those two weights (same α, the network's rule).
    const ChainRule c = chainRule(net, one[0].input, one[0].target, {1, 0, 0}, ErrorRule::Book);
    EXPECT_NEAR(path[1].a, c.newWeight(0.5), 1e-15);
    // A huge rate flies off and the path stops
    const std::vector<SlicePoint> wild = slice.descend(0, 0, 1e9, 100);
    EXPECT_LT(wild.size(), 101u);
}

TEST(ErrorSlice, GridAndCancel) {
    const Network net = bookThreeLayers();
    const std::vector<TrainingPair> one{{vec({0.9, 0.1, 0.8}), vec({0.99, 0.01, 0.01})}};
    const ErrorSlice slice(net, one, {0, 0, 0}, {1, 2, 1});
    const SurfaceGrid g = slice.grid({-3, 3}, {-2, 4}, 21);
    ASSERT_TRUE(g.complete);
    ASSERT_EQ(g.values.size(), 441u);
    EXPECT_DOUBLE_EQ(g.aAt(0), -3);
    EXPECT_DOUBLE_EQ(g.aAt(20), 3);
    EXPECT_DOUBLE_EQ(g.bAt(10), 1);
    EXPECT_DOUBLE_EQ(g.at(5, 7), slice.errorAt(g.aAt(7), g.bAt(5)));
    double lo = 1e9, hi = -1e9;
    for (double v : g.values) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    EXPECT_EQ(g.minValue, lo);
    EXPECT_EQ(g.maxValue, hi);
    EXPECT_GT(hi - lo, 0.01) << "a flat grid would show nothing";
    std::atomic<bool> cancel{true};
    const SurfaceGrid none = slice.grid({-3, 3}, {-2, 4}, 21, &cancel);
    EXPECT_FALSE(none.complete);
    EXPECT_TRUE(none.values.empty());
}

TEST(ErrorSlice, StudioSizedNetworkIsCheap) {
    // 784-200-10, two weights of W0: a point is the output layer only; still exact.
    const Network net;
    const std::vector<TrainingPair> one = randomSamples(net, 1, 22);
    const ErrorSlice slice(net, one, {0, 10, 300}, {0, 150, 301});
    EXPECT_NEAR(slice.errorAt(1.5, -2.0), direct(net, one, {0, 10, 300}, 1.5, {0, 150, 301}, -2.0),
                1e-12);
    const SurfaceGrid g = slice.grid({-5, 5}, {-5, 5}, 41);
    EXPECT_TRUE(g.complete);
}

TEST(ErrorSlice, RefusesWhatIsNotASlice) {
    const Network net = bookThreeLayers();
    const std::vector<TrainingPair> one{{vec({0.9, 0.1, 0.8}), vec({0.99, 0.01, 0.01})}};
    EXPECT_THROW(ErrorSlice(net, one, {0, 0, 0}, {0, 0, 0}), std::invalid_argument);
    EXPECT_THROW(ErrorSlice(net, one, {0, 0, 0}, {2, 0, 0}), std::invalid_argument);
    EXPECT_THROW(ErrorSlice(net, {}, {0, 0, 0}, {0, 0, 1}), std::invalid_argument);
    EXPECT_THROW(ErrorSlice(net, {{vec({1, 2}), vec({1, 2, 3})}}, {0, 0, 0}, {0, 0, 1}),
                 std::invalid_argument);
}
