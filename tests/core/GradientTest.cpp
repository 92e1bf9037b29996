// GradientTest.cpp — the chain rule's slope of every weight against central differences of the
// real error and against the studio's update (−ΔW/α); the book's rule against the exact one;
// the book's worked example of updating one weight.
#include <gtest/gtest.h>

#include <cmath>

#include "TestNets.h"
#include "backprop/Gradient.h"
#include "backprop/NumericSlope.h"
#include "backprop/Random.h"
#include "backprop/Stepper.h"

using namespace bp;
using testnets::bookThreeLayers;
using testnets::mat;
using testnets::vec;

namespace {

struct Sample {
    Vector input, target;
};

// A random input in 0.01 … 1 and a book target (0.01 / 0.99).
Sample randomSample(const Network& net, std::uint64_t seed) {
    Rng rng(seed);
    Sample s{Vector(net.inputs()), Vector(net.outputs())};
    for (Eigen::Index i = 0; i < s.input.size(); ++i) s.input(i) = 0.01 + 0.99 * rng.uniform();
    for (Eigen::Index i = 0; i < s.target.size(); ++i)
        s.target(i) = rng.uniform() < 0.5 ? 0.01 : 0.99;
    return s;
}

Network makeNet(std::vector<int> layers, bool bias, ErrorRule rule, Activation hidden,
                std::uint64_t seed) {
    NetworkSpec spec;
    spec.layers = std::move(layers);
    spec.bias = bias;
    spec.rule = rule;
    spec.hidden = hidden;
    spec.seed = seed;
    return Network(spec);
}

// Every weight of net, layer by layer.
std::vector<WeightRef> everyWeight(const Network& net) {
    std::vector<WeightRef> all;
    for (int k = 0; k < net.weightLayers(); ++k)
        for (int r = 0; r < net.weights(k).rows(); ++r)
            for (int c = 0; c < net.weights(k).cols(); ++c) all.push_back({k, r, c});
    return all;
}

}  // namespace

TEST(ChainRule, ExactSlopeOfEveryWeightEqualsTheCentralDifference) {
    // The exact rule's slope is ∂(½E)/∂w; the numeric slope measures the real E. Every weight of
    // several small networks, to 1e-7, guarded against an all-zero gradient.
    const Network nets[] = {
        bookThreeLayers(ErrorRule::Gradient),
        makeNet({3, 4, 2}, false, ErrorRule::Gradient, Activation::Sigmoid, 3),
        makeNet({4, 5, 3, 2}, true, ErrorRule::Gradient, Activation::Sigmoid, 4),
        makeNet({3, 4, 3}, true, ErrorRule::Gradient, Activation::Tanh, 5)};
    for (const Network& net : nets) {
        const Sample s = randomSample(net, 11);
        double largest = 0;
        int checked = 0;
        for (const WeightRef& w : everyWeight(net)) {
            const ChainRule c = chainRule(net, s.input, s.target, w, ErrorRule::Gradient);
            const NumericSlope n = numericSlope(net, s.input, s.target, w);
            EXPECT_TRUE(c.exact);
            EXPECT_NEAR(c.slope, n.slope, 1e-7)
                << "W" << w.layer << "(" << w.row << "," << w.col << ") " << net.spec().describe();
            EXPECT_NEAR(c.slopeWithTwo, n.slopeOfError, 2e-7);
            largest = std::max(largest, std::abs(n.slope));
            ++checked;
        }
        EXPECT_GT(largest, 1e-3) << "all-zero gradient: the check would prove nothing";
        EXPECT_EQ(checked, static_cast<int>(net.parameterCount()));
    }
}

TEST(ChainRule, SlopeOfEveryWeightIsMinusDeltaWOverAlpha) {
    // With the network's own rule, slopes() is exactly what one training step follows:
    // ΔW = −α · slope, entry by entry, for the book's rule and for the exact one.
    for (const ErrorRule rule : {ErrorRule::Book, ErrorRule::Gradient}) {
        const Network nets[] = {bookThreeLayers(rule),
                                makeNet({4, 5, 3, 2}, true, rule, Activation::Sigmoid, 6),
                                makeNet({5, 6, 6, 4, 3}, false, rule, Activation::Sigmoid, 7)};
        for (const Network& net : nets) {
            const Sample s = randomSample(net, 12);
            for (const double alpha : {0.1, 0.3, 0.9}) {
                Network stepped = net;
                Stepper st(stepped);
                st.setSample(s.input, s.target);
                st.finish(alpha);
                const std::vector<Matrix> g = slopes(net, s.input, s.target, rule);
                double largest = 0;
                for (int k = 0; k < net.weightLayers(); ++k) {
                    const Matrix& dW = st.values().dW[k];
                    ASSERT_EQ(g[k].rows(), dW.rows());
                    ASSERT_EQ(g[k].cols(), dW.cols());
                    for (Eigen::Index r = 0; r < dW.rows(); ++r) {
                        for (Eigen::Index c = 0; c < dW.cols(); ++c) {
                            EXPECT_NEAR(g[k](r, c), -dW(r, c) / alpha, 1e-12)
                                << "W" << k << "(" << r << "," << c << ")";
                            largest = std::max(largest, std::abs(g[k](r, c)));
                        }
                    }
                    // the weight the step left: new w = old w − α · slope
                    EXPECT_LT((stepped.weights(k) - (net.weights(k) - alpha * g[k]))
                                  .cwiseAbs()
                                  .maxCoeff(),
                              1e-12);
                }
                EXPECT_GT(largest, 1e-3) << "all-zero gradient: the check would prove nothing";
                // chainRule names the same number for each weight, and the same ΔW entry.
                for (const WeightRef& w : everyWeight(net)) {
                    const ChainRule c = chainRule(net, s.input, s.target, w, rule);
                    EXPECT_EQ(c.slope, g[w.layer](w.row, w.col));
                    EXPECT_NEAR(c.deltaW(alpha), st.values().dW[w.layer](w.row, w.col), 1e-15);
                }
            }
        }
    }
}

TEST(ChainRule, BookRuleIsTheGradientOnTheLastLayerOnly) {
    // The book's rule sends Wᵀ·E back, not Wᵀ·(E∘f'): its hidden slopes are not the gradient of
    // E (the numeric slope says so), its last-layer slopes are.
    const Network net = bookThreeLayers(ErrorRule::Book);
    const Vector in = vec({0.9, 0.1, 0.8}), t = vec({0.99, 0.01, 0.01});
    double largestGap = 0;
    for (const WeightRef& w : everyWeight(net)) {
        const ChainRule book = chainRule(net, in, t, w, ErrorRule::Book);
        const NumericSlope n = numericSlope(net, in, t, w);
        if (w.layer == 1) {
            EXPECT_TRUE(book.exact);
            EXPECT_NEAR(book.slope, n.slope, 1e-7);
        } else {
            EXPECT_FALSE(book.exact);
            largestGap = std::max(largestGap, std::abs(book.slope - n.slope));
            // the book's hidden error is the split Wᵀ·E …
            const Vector eOut = t - net.query(in);
            EXPECT_NEAR(book.error, (net.weights(1).transpose() * eOut)(w.row), 1e-15);
            // … and the exact one folds in each output's slope o(1 − o)
            const ChainRule exact = chainRule(net, in, t, w, ErrorRule::Gradient);
            EXPECT_NEAR(exact.slope, n.slope, 1e-7);
        }
    }
    EXPECT_GT(largestGap, 1e-3) << "the book's hidden slope should differ from the gradient";
    EXPECT_FALSE(slopeIsExactGradient(net, 0, ErrorRule::Book));
    EXPECT_TRUE(slopeIsExactGradient(net, 1, ErrorRule::Book));
    EXPECT_TRUE(slopeIsExactGradient(net, 0, ErrorRule::Gradient));
}

TEST(ChainRule, TheBooksWorkedExampleOfUpdatingOneWeight) {
    // The book: hidden outputs 0.4 and 0.5, w11 = 2.0, w21 = 3.0 into output 1, its error
    // e1 = 0.8, α = 0.1: ∂E/∂w11 = −0.8 · sigmoid(2.3)(1 − sigmoid(2.3)) · 0.4 = −0.0265, and
    // w11 becomes 2.0 − 0.1 · (−0.0265) = 2.00265.
    NetworkSpec spec;
    spec.layers = {2, 1};
    Network net(spec);
    net.setWeights(0, mat(1, 2, {2.0, 3.0}));
    const Vector in = vec({0.4, 0.5});
    const double o = 1.0 / (1.0 + std::exp(-2.3));
    const Vector t = vec({o + 0.8});  // so that e1 = t − o = 0.8
    const ChainRule c = chainRule(net, in, t, {0, 0, 0}, ErrorRule::Book);
    EXPECT_DOUBLE_EQ(c.net, 2.3);
    EXPECT_NEAR(c.output, 0.9089, 5e-5);
    EXPECT_NEAR(c.error, 0.8, 1e-15);
    EXPECT_NEAR(c.activationSlope, o * (1 - o), 1e-16);
    EXPECT_DOUBLE_EQ(c.input, 0.4);
    EXPECT_NEAR(c.dEdo, -1.6, 1e-15);
    EXPECT_NEAR(c.slope, -0.02650, 5e-6);
    EXPECT_NEAR(c.slopeWithTwo, 2 * c.slope, 1e-16);
    EXPECT_NEAR(c.newWeight(0.1), 2.00265, 5e-6);
    EXPECT_TRUE(c.outputLayer);
    EXPECT_NEAR(c.target, o + 0.8, 1e-15);
    EXPECT_NEAR(c.sampleError, 0.64, 1e-15);
}

TEST(ChainRule, BiasWeightsHaveTheInputOne) {
    Network net = makeNet({2, 3, 2}, true, ErrorRule::Gradient, Activation::Sigmoid, 8);
    const Sample s = randomSample(net, 13);
    const ChainRule c = chainRule(net, s.input, s.target, {0, 1, 2}, ErrorRule::Gradient);
    EXPECT_EQ(c.input, 1.0);
    EXPECT_NEAR(c.slope, numericSlope(net, s.input, s.target, {0, 1, 2}).slope, 1e-7);
}

TEST(ChainRule, RefusesWeightsThatAreNotThere) {
    const Network net = bookThreeLayers();
    const Vector in = vec({0.9, 0.1, 0.8}), t = vec({0.99, 0.01, 0.01});
    EXPECT_FALSE(isValidWeight(net, {2, 0, 0}));
    EXPECT_FALSE(isValidWeight(net, {0, 3, 0}));
    EXPECT_FALSE(isValidWeight(net, {0, 0, 3}));  // no bias column
    EXPECT_FALSE(isValidWeight(net, {-1, 0, 0}));
    EXPECT_TRUE(isValidWeight(net, {1, 2, 2}));
    EXPECT_THROW(chainRule(net, in, t, {0, 0, 3}, ErrorRule::Book), std::invalid_argument);
    EXPECT_THROW(numericSlope(net, in, t, {1, 3, 0}), std::invalid_argument);
    EXPECT_THROW(numericSlope(net, in, t, {0, 0, 0}, 0.0), std::invalid_argument);
    EXPECT_THROW(slopes(net, in, vec({0.5}), ErrorRule::Book), std::invalid_argument);
    EXPECT_THROW(slopes(net, vec({0.5}), t, ErrorRule::Book), std::invalid_argument);
}

TEST(NumericSlope, StudioSizedNetworkAgreesWithTheChainRule) {
    // The studio's 784-200-10 network on a random input: a few weights of each layer.
    const Network net;
    const Sample s = randomSample(net, 14);
    for (const WeightRef& w : {WeightRef{0, 0, 0}, WeightRef{0, 57, 400}, WeightRef{0, 199, 783},
                               WeightRef{1, 3, 17}, WeightRef{1, 9, 199}}) {
        const ChainRule c = chainRule(net, s.input, s.target, w, ErrorRule::Gradient);
        const NumericSlope n = numericSlope(net, s.input, s.target, w);
        EXPECT_NEAR(c.slope, n.slope, 1e-7) << w.layer << " " << w.row << " " << w.col;
        EXPECT_GT(std::abs(c.slope), 1e-7) << "a zero slope would prove nothing";
        // E(w ± h) are the sample's error with that one weight moved
        Network moved = net;
        moved.weights(w.layer)(w.row, w.col) += n.h;
        EXPECT_NEAR(n.errorPlus, (s.target - moved.query(s.input)).squaredNorm(), 1e-15);
    }
}

TEST(NumericSlope, CentralDifferenceOfAKnownFunction) {
    // d/dx x³ at 2 is 12; the central difference's error is h²·f'''/6 = h² exactly for x³.
    const double h = 1e-3;
    const double d = centralDifference([](double x) { return x * x * x; }, 2.0, h);
    EXPECT_NEAR(d, 12.0 + h * h, 1e-9);
    EXPECT_THROW(centralDifference([](double x) { return x; }, 0.0, -1.0), std::invalid_argument);
}
