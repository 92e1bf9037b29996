// NetworkTest.cpp — the book's worked examples, exactly; gradient checks; the stepper's phases
// against Network::train bit for bit; seeded initialisation; back query.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "TestNets.h"
#include "backprop/Network.h"
#include "backprop/Random.h"
#include "backprop/Stepper.h"

using namespace bp;

using testnets::bookThreeLayers;
using testnets::mat;
using testnets::vec;

namespace {

// A sample for a 7-…-3 network: inputs uniform in [0, 1), targets in [0.01, 0.99).
void randomSample(Rng& rng, Vector& in, Vector& t) {
    in.resize(7);
    t.resize(3);
    for (int i = 0; i < 7; ++i) in(i) = rng.uniform();
    for (int i = 0; i < 3; ++i) t(i) = 0.01 + 0.98 * rng.uniform();
}

}  // namespace

TEST(BookExamples, TwoNodes) {
    // Inputs 1.0 and 0.5, w11 = 0.9, w12 = 0.2, w21 = 0.3, w22 = 0.8 → 0.7408, 0.6457.
    // The book writes W with w_jk from input j to output k, so row k of W is (w1k, w2k).
    NetworkSpec spec;
    spec.layers = {2, 2};
    Network net(spec);
    net.setWeights(0, mat(2, 2, {0.9, 0.3, 0.2, 0.8}));
    const Vector out = net.query(vec({1.0, 0.5}));
    EXPECT_NEAR(out(0), 0.7408, 5e-5);
    EXPECT_NEAR(out(1), 0.6457, 5e-5);
    // And exactly the sigmoid of the net inputs 1.05 and 0.6.
    EXPECT_DOUBLE_EQ(out(0), 1.0 / (1.0 + std::exp(-(0.9 * 1.0 + 0.3 * 0.5))));
    EXPECT_DOUBLE_EQ(out(1), 1.0 / (1.0 + std::exp(-(0.2 * 1.0 + 0.8 * 0.5))));
}

TEST(BookExamples, ThreeLayersOfThree) {
    Network net = bookThreeLayers();
    PassValues v;
    net.forward(vec({0.9, 0.1, 0.8}), v);
    EXPECT_NEAR(v.x[1](0), 1.16, 1e-12);
    EXPECT_NEAR(v.x[1](1), 0.42, 1e-12);
    EXPECT_NEAR(v.x[1](2), 0.62, 1e-12);
    EXPECT_NEAR(v.o[1](0), 0.761, 5e-4);
    EXPECT_NEAR(v.o[1](1), 0.603, 5e-4);
    EXPECT_NEAR(v.o[1](2), 0.650, 5e-4);
    // The book prints three decimals, truncated (it multiplies the rounded hidden outputs),
    // so its 0.975, 0.888, 1.254 and 0.726, 0.708, 0.778 are within 1e-3 of the exact values.
    EXPECT_NEAR(v.x[2](0), 0.975, 1e-3);
    EXPECT_NEAR(v.x[2](1), 0.888, 1e-3);
    EXPECT_NEAR(v.x[2](2), 1.254, 1e-3);
    EXPECT_NEAR(v.o[2](0), 0.726, 1e-3);
    EXPECT_NEAR(v.o[2](1), 0.708, 1e-3);
    EXPECT_NEAR(v.o[2](2), 0.778, 1e-3);
    // Exactly: X_output = W_hidden_output · sigmoid(X_hidden).
    const Vector hidden = (1.0 + (-v.x[1].array()).exp()).inverse();
    const Vector xo = net.weights(1) * hidden;
    EXPECT_LT((xo - v.x[2]).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(BookExamples, UpdatingOneWeight) {
    // w11 = 2.0 between hidden node 1 and output node 1, w21 = 3.0; hidden outputs 0.4, 0.5;
    // error at output 1 is 0.8, learning rate 0.1 → w11 becomes 2.00265 (book: 2.0 + 0.00265).
    NetworkSpec spec;
    spec.layers = {2, 1};
    Network net(spec);
    net.setWeights(0, mat(1, 2, {2.0, 3.0}));
    const Vector hidden = vec({0.4, 0.5});
    PassValues v;
    net.forward(hidden, v);
    // o = σ(2.0·0.4 + 3.0·0.5) = σ(2.3); choose the target so that E = T − O = 0.8 exactly.
    const Vector target = v.o[1].array() + 0.8;
    Stepper s(net);
    s.setSample(hidden, target);
    s.finish(0.1);
    EXPECT_NEAR(s.values().e[1](0), 0.8, 1e-15);
    const double o = 1.0 / (1.0 + std::exp(-2.3));
    const double expected = 2.0 + 0.1 * 0.8 * o * (1 - o) * 0.4;  // ΔW = α·E·O(1−O)·o_prev
    EXPECT_DOUBLE_EQ(net.weights(0)(0, 0), expected);
    EXPECT_NEAR(net.weights(0)(0, 0), 2.00265, 5e-6);
    EXPECT_NEAR(s.values().dW[0](0, 0), 0.00265, 5e-6);
}

TEST(BookExamples, ErrorsSplitBackThroughTheTranspose) {
    // The book: e_hidden = W_hidden_outputᵀ · e_output (0.8 and 0.5 through a 2×2 example).
    NetworkSpec spec;
    spec.layers = {2, 2, 2};
    Network net(spec);
    net.setWeights(1, mat(2, 2, {2.0, 3.0, 1.0, 4.0}));
    Stepper s(net);
    s.setSample(vec({0.5, 0.5}), vec({0.5, 0.5}));
    while (!(s.nextPhase().kind == PhaseKind::BackError)) s.step(0.1);
    s.step(0.1);
    const Vector eOut = s.values().e[2];
    EXPECT_DOUBLE_EQ(s.values().e[1](0), 2.0 * eOut(0) + 1.0 * eOut(1));
    EXPECT_DOUBLE_EQ(s.values().e[1](1), 3.0 * eOut(0) + 4.0 * eOut(1));
}

TEST(Stepper, PhasesInTheBooksOrder) {
    const auto p = phasesOf(2);
    ASSERT_EQ(p.size(), 6u);
    EXPECT_EQ(p[0], (Phase{PhaseKind::Forward, 0}));
    EXPECT_EQ(p[1], (Phase{PhaseKind::Forward, 1}));
    EXPECT_EQ(p[2], (Phase{PhaseKind::OutputError, 2}));
    EXPECT_EQ(p[3], (Phase{PhaseKind::BackError, 1}));
    EXPECT_EQ(p[4], (Phase{PhaseKind::Update, 1}));
    EXPECT_EQ(p[5], (Phase{PhaseKind::Update, 0}));
    EXPECT_EQ(phasesOf(3).size(), 9u);
}

TEST(Stepper, AllPhasesEqualTrainBitForBit) {
    for (bool bias : {false, true}) {
        for (Activation act : {Activation::Sigmoid, Activation::Tanh, Activation::ReLU}) {
            NetworkSpec spec;
            spec.layers = {7, 5, 4, 3};
            spec.hidden = act;
            spec.bias = bias;
            spec.seed = 11;
            Network a(spec), b(spec);
            Rng rng(3);
            for (int sample = 0; sample < 5; ++sample) {
                Vector in, t;
                randomSample(rng, in, t);
                const Scalar errA = a.train(in, t, 0.3);
                Stepper s(b);
                s.setSample(in, t);
                int phases = 0;
                while (s.step(0.3)) ++phases;
                EXPECT_EQ(phases, 9);
                EXPECT_EQ(errA, s.values().error);
                for (int k = 0; k < 3; ++k)
                    EXPECT_TRUE(a.weights(k) == b.weights(k)) << "layer " << k << " bias " << bias;
            }
        }
    }
}

// explain() shows a step without taking it: the values a Stepper holds after its last phase, bit
// for bit (both rules, every activation, with and without bias), no weight changed, no ΔW kept;
// ΔW_k = α·delta[k+1]·[o[k], 1]ᵀ is what the stepper applied.
TEST(Network, ExplainHasTheSteppersValuesAndChangesNothing) {
    for (ErrorRule rule : {ErrorRule::Book, ErrorRule::Gradient}) {
        for (bool bias : {false, true}) {
            for (Activation act : {Activation::Sigmoid, Activation::Tanh, Activation::ReLU}) {
                NetworkSpec spec;
                spec.layers = {7, 5, 4, 3};
                spec.hidden = act;
                spec.bias = bias;
                spec.rule = rule;
                spec.seed = 12;
                const Network net(spec);
                Network stepped(spec);
                Rng rng(4);
                Vector in, t;
                randomSample(rng, in, t);
                PassValues v;
                net.explain(in, t, v);
                Stepper s(stepped);
                s.setSample(in, t);
                s.finish(0.3);
                const PassValues& w = s.values();
                EXPECT_EQ(v.error, w.error);
                EXPECT_TRUE(v.target == w.target);
                EXPECT_TRUE(v.dW.empty());
                for (std::size_t k = 0; k < 4; ++k) {
                    SCOPED_TRACE("layer " + std::to_string(k));
                    EXPECT_TRUE(v.o[k] == w.o[k]);
                    if (k == 0) continue;
                    EXPECT_TRUE(v.x[k] == w.x[k]);
                    EXPECT_TRUE(v.e[k] == w.e[k]);
                    EXPECT_TRUE(v.delta[k] == w.delta[k]);
                }
                for (int k = 0; k < 3; ++k) {
                    EXPECT_TRUE(net.weights(k) == Network(spec).weights(k));  // unchanged
                    Vector oin(net.weights(k).cols());
                    oin.head(spec.layers[static_cast<std::size_t>(k)]) =
                        v.o[static_cast<std::size_t>(k)];
                    if (bias) oin(oin.size() - 1) = 1.0;
                    const Matrix dW =
                        0.3 * v.delta[static_cast<std::size_t>(k) + 1] * oin.transpose();
                    EXPECT_LT((net.weights(k) + dW - stepped.weights(k)).cwiseAbs().maxCoeff(),
                              1e-15);
                }
            }
        }
    }
}

TEST(Stepper, ValuesReadableAfterEachPhase) {
    Network net = bookThreeLayers();
    Stepper s(net);
    s.setSample(vec({0.9, 0.1, 0.8}), vec({0.01, 0.99, 0.01}));
    EXPECT_EQ(s.lastPhase(), nullptr);
    s.step(0.1);  // forward W0
    EXPECT_NEAR(s.values().x[1](0), 1.16, 1e-12);
    EXPECT_EQ(s.values().x[2](0), 0.0);  // not reached yet
    s.step(0.1);                         // forward W1
    EXPECT_NEAR(s.values().o[2](0), 0.726, 5e-4);
    s.step(0.1);  // output error
    EXPECT_DOUBLE_EQ(s.values().e[2](1), 0.99 - s.values().o[2](1));
    const Matrix w1before = net.weights(1);
    s.step(0.1);  // back error W1, with W1 unchanged
    EXPECT_TRUE(net.weights(1) == w1before);
    const Vector eh = w1before.transpose() * s.values().e[2];
    EXPECT_DOUBLE_EQ(s.values().e[1](2), eh(2));
    s.step(0.1);  // update W1: ΔW readable and applied
    EXPECT_TRUE((net.weights(1) - w1before - s.values().dW[1]).cwiseAbs().maxCoeff() < 1e-15);
    EXPECT_EQ(s.lastPhase()->kind, PhaseKind::Update);
    s.step(0.1);
    EXPECT_TRUE(s.finished());
    EXPECT_FALSE(s.step(0.1));
}

// ½·Σ(T − O)² for the current weights.
static double loss(const Network& net, const Vector& in, const Vector& t) {
    return 0.5 * (t - net.query(in)).squaredNorm();
}

TEST(GradientCheck, EveryWeightMatchesCentralDifferences) {
    // With ErrorRule::Gradient the update is −α·∂L/∂W for L = ½Σ(T−O)²; check every weight of
    // random networks of several depths and activations against central differences.
    struct Case {
        std::vector<int> layers;
        Activation act;
        bool bias;
    };
    const Case cases[] = {{{3, 4, 2}, Activation::Sigmoid, false},
                          {{4, 5, 3, 2}, Activation::Tanh, true},
                          {{5, 6, 6, 4, 3}, Activation::Sigmoid, true},
                          {{3, 7, 2}, Activation::ReLU, false}};
    for (const Case& c : cases) {
        NetworkSpec spec;
        spec.layers = c.layers;
        spec.hidden = c.act;
        spec.bias = c.bias;
        spec.rule = ErrorRule::Gradient;
        spec.seed = 5;
        Network net(spec);
        Rng rng(9);
        Vector in(c.layers.front()), t(c.layers.back());
        for (int i = 0; i < in.size(); ++i) in(i) = 0.01 + 0.99 * rng.uniform();
        for (int i = 0; i < t.size(); ++i) t(i) = rng.uniform() < 0.5 ? 0.01 : 0.99;

        const double lr = 1e-3;
        Network stepped = net;
        stepped.train(in, t, lr);
        double largest = 0;
        int checked = 0;
        for (int k = 0; k < net.weightLayers(); ++k) {
            for (Eigen::Index i = 0; i < net.weights(k).rows(); ++i) {
                for (Eigen::Index j = 0; j < net.weights(k).cols(); ++j) {
                    const double h = 1e-6;
                    Network plus = net, minus = net;
                    plus.weights(k)(i, j) += h;
                    minus.weights(k)(i, j) -= h;
                    const double numeric = (loss(plus, in, t) - loss(minus, in, t)) / (2 * h);
                    const double analytic = -(stepped.weights(k)(i, j) - net.weights(k)(i, j)) / lr;
                    EXPECT_NEAR(analytic, numeric, 1e-6 + 1e-4 * std::abs(numeric))
                        << "W" << k << "(" << i << "," << j << ") " << spec.describe();
                    largest = std::max(largest, std::abs(numeric));
                    ++checked;
                }
            }
        }
        EXPECT_GT(largest, 1e-3) << "all-zero gradient: the check would prove nothing";
        EXPECT_EQ(checked, static_cast<int>(net.parameterCount()));
    }
}

TEST(GradientCheck, BookRuleIsExactOnTheLastLayerOnly) {
    // The book back-propagates raw errors (Wᵀ·E), so its hidden-layer update is not the exact
    // gradient; its last-layer update is. Both facts are shown in the studio.
    NetworkSpec spec;
    spec.layers = {3, 4, 2};
    spec.seed = 2;
    Network book(spec);
    spec.rule = ErrorRule::Gradient;
    Network exact(spec);
    const Vector in = vec({0.2, 0.7, 0.4}), t = vec({0.99, 0.01});
    book.train(in, t, 0.5);
    exact.train(in, t, 0.5);
    EXPECT_TRUE(book.weights(1) == exact.weights(1));
    EXPECT_GT((book.weights(0) - exact.weights(0)).cwiseAbs().maxCoeff(), 1e-6);
}

TEST(Initialisation, SeededAndScaled) {
    Network a, b;
    EXPECT_TRUE(a.weights(0) == b.weights(0));
    EXPECT_EQ(a.weights(0).rows(), 200);
    EXPECT_EQ(a.weights(0).cols(), 784);
    EXPECT_EQ(a.weights(1).rows(), 10);
    EXPECT_EQ(a.weights(1).cols(), 200);
    // normal(0, 1/√784): mean ≈ 0, std ≈ 1/28 over 156,800 draws.
    const Matrix& w = a.weights(0);
    const double mean = w.mean();
    const double sd = std::sqrt((w.array() - mean).square().mean());
    EXPECT_NEAR(mean, 0.0, 3e-4);
    EXPECT_NEAR(sd, 1.0 / 28.0, 3e-4);
    EXPECT_NEAR(std::sqrt(a.weights(1).array().square().mean()), 1.0 / std::sqrt(200.0),
                5e-3);  // 2,000 draws
    Network c(NetworkSpec{
        {784, 200, 10}, Activation::Sigmoid, Activation::Sigmoid, false, ErrorRule::Book, 2});
    EXPECT_FALSE(a.weights(0) == c.weights(0));
    c.initialise(1);
    EXPECT_TRUE(a.weights(0) == c.weights(0));
}

TEST(Initialisation, BitIdenticalAcrossPlatforms) {
    // These bits come from the project's own xoshiro256** + polar sampler + portableLog, which
    // use only IEEE-754 +, −, ×, ÷ and √; any platform must reproduce them exactly.
    Rng rng(1);
    EXPECT_EQ(rng.nextU64(), 0xb3f2af6d0fc710c5ULL);
    // The default 784-200-10 network, seed 1: recorded once from this implementation (gcc 12,
    // x86-64). A change here means every user's seeded run changed: do it only on purpose.
    Network net;
    auto bits = [](double v) {
        std::uint64_t b;
        std::memcpy(&b, &v, sizeof b);
        return b;
    };
    EXPECT_EQ(bits(net.weights(0)(0, 0)), 0x3fb13a904d8713f4ULL);
    EXPECT_EQ(bits(net.weights(0)(1, 0)), 0x3f7bc321bf8eeb89ULL);
    EXPECT_EQ(bits(net.weights(0)(2, 0)), 0x3fa7cf453df18644ULL);
    EXPECT_EQ(bits(net.weights(1)(9, 199)), 0xbfb634825787505bULL);
    Rng r2(42);
    const double n1 = r2.normal(0, 1), n2 = r2.normal(0, 1);
    Rng r3(42);
    EXPECT_EQ(n1, r3.normal(0, 1));
    EXPECT_EQ(n2, r3.normal(0, 1));
}

TEST(Initialisation, PortableLogMatchesLibm) {
    for (double x :
         {1e-300, 1e-10, 0.001, 0.3, 0.5, 0.70710678, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e300}) {
        EXPECT_NEAR(portableLog(x), std::log(x), 4e-16 * std::max(1.0, std::abs(std::log(x)))) << x;
    }
    EXPECT_EQ(portableLog(1.0), 0.0);
    EXPECT_TRUE(std::isnan(portableLog(-1.0)));
}

TEST(BackQuery, BooksRecipeAndRange) {
    Network net = bookThreeLayers();
    const Vector t = vec({0.99, 0.01, 0.01});
    const Vector img = net.backquery(t);
    ASSERT_EQ(img.size(), 3);
    EXPECT_NEAR(img.minCoeff(), 0.01, 1e-12);
    EXPECT_NEAR(img.maxCoeff(), 0.99, 1e-12);
    // By hand, as the book's backquery does it.
    Vector x = (t.array() / (1 - t.array())).log();
    Vector h = net.weights(1).transpose() * x;
    h.array() -= h.minCoeff();
    h /= h.maxCoeff();
    h = h.array() * 0.98 + 0.01;
    Vector hx = (h.array() / (1 - h.array())).log();
    Vector in = net.weights(0).transpose() * hx;
    in.array() -= in.minCoeff();
    in /= in.maxCoeff();
    in = in.array() * 0.98 + 0.01;
    EXPECT_LT((in - img).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(NetworkSpec, Validation) {
    EXPECT_THROW(Network(NetworkSpec{{784}}), std::invalid_argument);
    EXPECT_THROW(Network(NetworkSpec{{784, 0, 10}}), std::invalid_argument);
    Network net;
    EXPECT_THROW(net.setWeights(0, Matrix::Zero(3, 3)), std::invalid_argument);
    EXPECT_THROW(net.query(Vector::Zero(5)), std::invalid_argument);
    EXPECT_EQ(net.spec().describe(), "784-200-10 sigmoid");
    EXPECT_EQ(net.parameterCount(), 784u * 200u + 200u * 10u);
}

// Saturation as the studio marks it: slope below 0.01 for the sigmoid (o < 0.0101 or
// o > 0.9899) and tanh (|o| > 0.99499); never for ReLU, whose zero slope is a dead neuron.
TEST(Activation, SaturatedWhereTheSlopeIsBelowOneHundredth) {
    EXPECT_FALSE(isSaturated(Activation::Sigmoid, 0.5));
    EXPECT_FALSE(isSaturated(Activation::Sigmoid, 0.0102));                       // slope 0.01010
    EXPECT_TRUE(isSaturated(Activation::Sigmoid, 0.0101));                        // slope 0.009998
    EXPECT_TRUE(isSaturated(Activation::Sigmoid, 1.0 / (1.0 + std::exp(-4.6))));  // |x| = 4.6
    EXPECT_FALSE(isSaturated(Activation::Sigmoid, 1.0 / (1.0 + std::exp(-4.5))));
    EXPECT_TRUE(isSaturated(Activation::Tanh, -0.996));
    EXPECT_FALSE(isSaturated(Activation::Tanh, 0.99));
    EXPECT_FALSE(isSaturated(Activation::ReLU, 0.0));
    EXPECT_FALSE(isSaturated(Activation::ReLU, 50.0));
}
