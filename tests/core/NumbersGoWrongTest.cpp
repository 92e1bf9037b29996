// NumbersGoWrongTest.cpp — training on inputs that push the numbers where they break: a learning
// rate of 100, a dataset of constant images, all-equal labels. Whatever the activation, batch
// size or error rule, training either stays finite or stops with a DivergenceError — it never
// goes on with NaN or Inf silently. The book's all-sigmoid network saturates instead of diverging.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "backprop/DatasetIO.h"
#include "backprop/Trainer.h"

using namespace bp;

namespace {

Dataset book100() {
    return loadCsv(std::string(BP_SOURCE_DIR) + "/resources/data/mnist_train_100.csv");
}

// Every pixel the same value (0, 128 or 255), labels 0 … 9 in turn.
Dataset constantImages(std::uint8_t value) {
    Dataset d;
    d.source = "constant";
    d.inputs = 64;
    for (int i = 0; i < 100; ++i) {
        d.pixels.insert(d.pixels.end(), 64, value);
        d.labels.push_back(static_cast<std::uint8_t>(i % 10));
    }
    return d;
}

NetworkSpec makeSpec(std::vector<int> layers, Activation hidden, bool bias, ErrorRule rule) {
    NetworkSpec s;
    s.layers = std::move(layers);
    s.hidden = hidden;
    s.bias = bias;
    s.rule = rule;
    s.seed = 3;
    return s;
}

bool finite(const TrainProgress& p) {
    return std::isfinite(p.runningError);
}

// How one run ended.
struct Outcome {
    bool diverged = false;  // a DivergenceError was thrown
    std::string message;    // its what()
    int epochsDone = 0;     // epochs completed before the end
};

// Trains `epochs` epochs and checks, after every sample and every epoch, that nothing reported
// is NaN or Inf unless a DivergenceError stops the run; after a DivergenceError the network
// must still be finite (left as it was after the last good sample).
Outcome trainChecked(Network& net, const Dataset& train, double lr, int epochs, int batch = 1) {
    TrainOptions o;
    o.learningRate = lr;
    o.batch = batch;
    Trainer t(net, train, &train, o);
    bool silentNaN = false;
    t.onProgress([&](const TrainProgress& p) {
        if (!finite(p)) silentNaN = true;
        return true;
    });
    Outcome out;
    try {
        for (int e = 0; e < epochs; ++e) {
            const EpochResult r = t.runEpoch();
            EXPECT_TRUE(std::isfinite(r.meanError)) << "epoch " << r.epoch;
            EXPECT_TRUE(std::isfinite(r.testAccuracy)) << "epoch " << r.epoch;
            EXPECT_TRUE(net.isFinite()) << "epoch " << r.epoch << ": NaN/Inf weights, no error";
            ++out.epochsDone;
        }
    } catch (const DivergenceError& e) {
        out.diverged = true;
        out.message = e.what();
        EXPECT_TRUE(net.isFinite()) << "the network kept NaN/Inf weights after: " << e.what();
    }
    EXPECT_FALSE(silentNaN) << "a progress report carried NaN/Inf without a DivergenceError";
    return out;
}

}  // namespace

TEST(NumbersGoWrong, LearningRate100NeverTrainsOnNaN) {
    const Dataset d = book100();
    int diverged = 0, finished = 0;
    for (const Activation act : {Activation::Sigmoid, Activation::Tanh, Activation::ReLU})
        for (const bool bias : {false, true})
            for (const ErrorRule rule : {ErrorRule::Book, ErrorRule::Gradient})
                for (const int batch : {1, 10}) {
                    SCOPED_TRACE(std::string(activationName(act)) + (bias ? " bias" : "") +
                                 (rule == ErrorRule::Book ? " book" : " gradient") + " batch " +
                                 std::to_string(batch));
                    Network net(makeSpec({784, 30, 10}, act, bias, rule));
                    const Outcome o = trainChecked(net, d, 100.0, 3, batch);
                    if (o.diverged) {
                        ++diverged;
                        EXPECT_NE(o.message.find("diverged"), std::string::npos) << o.message;
                        EXPECT_NE(o.message.find("learning rate 100"), std::string::npos)
                            << o.message;
                    } else {
                        ++finished;
                        EXPECT_EQ(o.epochsDone, 3);
                    }
                }
    // Measured: with one hidden layer no configuration overflows at rate 100 (sigmoid and tanh
    // saturate, ReLU units die); the deep ReLU network below does. Either way every epoch above
    // was checked for NaN/Inf.
    EXPECT_EQ(diverged + finished, 24);
}

TEST(NumbersGoWrong, DeepReLUAtRate100StopsWithADivergenceError) {
    // Four ReLU hidden layers (sigmoid output) multiply a rate-100 update into an overflow
    // within a few samples: the trainer must stop and say so, not train on.
    const Dataset d = book100();
    Network net(makeSpec({784, 100, 100, 100, 100, 10}, Activation::ReLU, false, ErrorRule::Book));
    const Outcome o = trainChecked(net, d, 100.0, 3);
    ASSERT_TRUE(o.diverged) << "deep ReLU at rate 100 trained " << o.epochsDone << " epochs";
    EXPECT_NE(o.message.find("diverged at epoch 1"), std::string::npos) << o.message;
    EXPECT_NE(o.message.find("learning rate 100"), std::string::npos) << o.message;
}

TEST(NumbersGoWrong, BookSigmoidAtRate100SaturatesAndStaysFinite) {
    // The book's network (sigmoid everywhere, no bias) cannot overflow: outputs saturate at 0/1,
    // the slope O(1−O) goes to 0 and learning stalls — finite, but no longer learning.
    const Dataset d = book100();
    Network net(makeSpec({784, 100, 10}, Activation::Sigmoid, false, ErrorRule::Book));
    const Outcome o = trainChecked(net, d, 100.0, 3);
    EXPECT_FALSE(o.diverged) << o.message;
    const double acc = accuracy(net, d);
    EXPECT_TRUE(std::isfinite(acc));
    EXPECT_LT(acc, 0.5) << "at rate 100 the saturated network should not learn the set";
}

TEST(NumbersGoWrong, ConstantImagesStayFinite) {
    for (const std::uint8_t value : {std::uint8_t{0}, std::uint8_t{128}, std::uint8_t{255}}) {
        const Dataset d = constantImages(value);
        for (const Activation act : {Activation::Sigmoid, Activation::Tanh, Activation::ReLU}) {
            SCOPED_TRACE("pixel " + std::to_string(value) + ", " +
                         std::string(activationName(act)));
            Network net(makeSpec({64, 16, 10}, act, false, ErrorRule::Book));
            const Outcome o = trainChecked(net, d, 0.1, 5);
            EXPECT_FALSE(o.diverged) << o.message;
            // Identical inputs give identical outputs: one prediction for all 100 images, so at
            // most the share of the most common label (10 %) can be right.
            const std::vector<int> p = predictions(net, d);
            for (const int label : p) EXPECT_EQ(label, p.front());
            EXPECT_LE(accuracy(net, d), 0.1 + 1e-12);
        }
    }
}

TEST(NumbersGoWrong, AllEqualLabelsAreLearnedWithoutNaN) {
    Dataset d = book100();
    for (auto& label : d.labels) label = 7;
    for (const Activation act : {Activation::Sigmoid, Activation::Tanh, Activation::ReLU}) {
        SCOPED_TRACE(activationName(act));
        Network net(makeSpec({784, 30, 10}, act, false, ErrorRule::Book));
        const Outcome o = trainChecked(net, d, 0.1, 3);
        EXPECT_FALSE(o.diverged) << o.message;
        EXPECT_EQ(accuracy(net, d), 1.0) << "one label everywhere is the easiest thing to learn";
    }
}

TEST(NumbersGoWrong, AllEqualLabelsAtRate100) {
    // The worst of both: a single label and an absurd rate. Finite or a DivergenceError.
    Dataset d = book100();
    for (auto& label : d.labels) label = 0;
    for (const Activation act : {Activation::Sigmoid, Activation::Tanh, Activation::ReLU}) {
        SCOPED_TRACE(activationName(act));
        Network net(makeSpec({784, 30, 10}, act, true, ErrorRule::Gradient));
        trainChecked(net, d, 100.0, 3);
    }
}
