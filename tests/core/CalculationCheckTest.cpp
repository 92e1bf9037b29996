// CalculationCheckTest.cpp — "Check my calculation": right answers within the stated
// tolerance, and each usual slip named with the factor it is in.
#include <gtest/gtest.h>

#include <cmath>

#include "TestNets.h"
#include "backprop/CalculationCheck.h"
#include "backprop/Stepper.h"

using namespace bp;
using testnets::bookThreeLayers;
using testnets::vec;

namespace {

// The book's three layers after a whole step at α = 0.3 (every x, o, e of the sample known).
struct Worked {
    Network net = bookThreeLayers();
    PassValues v;
    double alpha = 0.3;
    Worked() {
        Stepper st(net);
        st.setSample(vec({0.9, 0.1, 0.8}), vec({0.99, 0.01, 0.01}));
        st.finish(alpha);
        v = st.values();
    }
};

}  // namespace

TEST(CheckSampleError, RightWithinOnePercentAndEachSlipNamed) {
    const Worked w;
    const Vector e = w.v.target - w.v.o[2];
    const double E = e.squaredNorm();
    EXPECT_TRUE(checkSampleError(w.v, E).correct);
    EXPECT_TRUE(checkSampleError(w.v, E * 1.009).correct);  // 1 % tolerance, stated
    EXPECT_FALSE(checkSampleError(w.v, E * 1.02).correct);
    EXPECT_NEAR(checkSampleError(w.v, 0).tolerance, 0.01 * E, 1e-15);
    const struct {
        double answer;
        Mistake mistake;
    } slips[] = {{e.sum(), Mistake::ErrorNotSquared},
                 {e.cwiseAbs().sum(), Mistake::ErrorAbsolute},
                 {E / 2, Mistake::ErrorHalved},
                 {E / 3, Mistake::ErrorMean},
                 {e(1) * e(1), Mistake::ErrorOfOneOutput}};
    for (const auto& s : slips) {
        const CheckResult r = checkSampleError(w.v, s.answer);
        EXPECT_FALSE(r.correct);
        EXPECT_EQ(r.mistake, s.mistake)
            << mistakeName(s.mistake) << " got " << mistakeName(r.mistake);
        EXPECT_EQ(r.factor, CheckFactor::Error);
        EXPECT_NEAR(r.value, E, 1e-15);
    }
    EXPECT_EQ(checkSampleError(w.v, e(1) * e(1)).otherIndex, 1);
    const CheckResult nonsense = checkSampleError(w.v, 42.0);
    EXPECT_EQ(nonsense.mistake, Mistake::Unknown);
    EXPECT_EQ(nonsense.factor, CheckFactor::Unknown);
    EXPECT_FALSE(checkSampleError(w.v, std::nan("")).correct);
}

TEST(CheckActivationSlope, OOneMinusOAndItsSlips) {
    const Worked w;
    const double o = w.v.o[1](2), x = w.v.x[1](2);
    EXPECT_TRUE(checkActivationSlope(w.v, 1, 2, o * (1 - o)).correct);
    EXPECT_TRUE(checkActivationSlope(w.v, 1, 2, std::round(o * (1 - o) * 1000) / 1000).correct)
        << "three hand-rounded digits pass";
    const struct {
        double answer;
        Mistake mistake;
    } slips[] = {{o, Mistake::SlopeOnlyOutput},
                 {1 - o, Mistake::SlopeOnlyOneMinus},
                 {o * o, Mistake::SlopeSquared},
                 {x * (1 - x), Mistake::SlopeOfNet}};
    for (const auto& s : slips) {
        const CheckResult r = checkActivationSlope(w.v, 1, 2, s.answer);
        EXPECT_EQ(r.mistake, s.mistake)
            << mistakeName(s.mistake) << " got " << mistakeName(r.mistake);
        EXPECT_EQ(r.factor, CheckFactor::Slope);
    }
    EXPECT_THROW(checkActivationSlope(w.v, 3, 0, 0.2), std::invalid_argument);
    EXPECT_THROW(checkActivationSlope(w.v, 1, 3, 0.2), std::invalid_argument);
}

TEST(CheckDeltaW, EqualsTheStepsDeltaW) {
    const Worked w;
    for (int k = 0; k < 2; ++k)
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c)
                EXPECT_NEAR(deltaWEntry(w.v, false, {k, r, c}, w.alpha), w.v.dW[k](r, c), 1e-15);
}

TEST(CheckDeltaW, EachSlipNamesItsFactor) {
    const Worked w;
    const double a = w.alpha;
    for (const WeightRef& ref : {WeightRef{1, 0, 1}, WeightRef{0, 2, 0}}) {
        const int k = ref.layer, r = ref.row, c = ref.col;
        const double e = w.v.e[k + 1](r), o = w.v.o[k + 1](r), x = w.v.x[k + 1](r);
        const double s = o * (1 - o), p = w.v.o[k](c);
        const double right = a * e * s * p;
        ASSERT_GT(std::abs(right), 1e-4) << "a zero ΔW would make every slip look right";
        const double oc = w.v.o[k + 1](c);
        const struct {
            double answer;
            Mistake mistake;
            CheckFactor factor;
        } slips[] = {
            {e * s * p, Mistake::NoLearningRate, CheckFactor::LearningRate},
            {-right, Mistake::ErrorSignFlipped, CheckFactor::Error},
            {a * s * p, Mistake::NoError, CheckFactor::Error},
            {a * e * e * s * p, Mistake::ErrorSquared, CheckFactor::Error},
            {a * e * p, Mistake::NoSlope, CheckFactor::Slope},
            {a * e * o * p, Mistake::SlopeWithoutOneMinus, CheckFactor::Slope},
            {a * e * x * (1 - x) * p, Mistake::SlopeOfNetInput, CheckFactor::Slope},
            {a * e * p * (1 - p) * p, Mistake::SlopeOfPreviousNode, CheckFactor::Slope},
            {a * e * s, Mistake::NoPreviousOutput, CheckFactor::PreviousOutput},
            {a * e * s * o, Mistake::OwnOutputAsPrevious, CheckFactor::PreviousOutput},
            {a * e * s * w.v.o[k](2), Mistake::OtherPreviousOutput, CheckFactor::PreviousOutput},
            {a * w.v.e[k + 1](c) * oc * (1 - oc) * w.v.o[k](r), Mistake::Transposed,
             CheckFactor::Transpose},
        };
        for (const auto& slip : slips) {
            const CheckResult res = checkDeltaW(w.v, false, ref, a, slip.answer);
            EXPECT_FALSE(res.correct);
            EXPECT_EQ(res.mistake, slip.mistake)
                << "W" << k << "(" << r << "," << c << ") " << mistakeName(slip.mistake) << " got "
                << mistakeName(res.mistake);
            EXPECT_EQ(res.factor, slip.factor);
            EXPECT_NEAR(res.mistakeValue, slip.answer, 1e-15);
        }
        EXPECT_TRUE(checkDeltaW(w.v, false, ref, a, right).correct);
        EXPECT_TRUE(checkDeltaW(w.v, false, ref, a, right * 0.995).correct);
        EXPECT_EQ(checkDeltaW(w.v, false, ref, a, right * 7.3).factor, CheckFactor::Unknown);
        EXPECT_EQ(checkDeltaW(w.v, false, ref, a, a * e * s * w.v.o[k](2)).otherIndex, 2);
    }
    // A hidden weight worked with the output error of the same index
    const double s = w.v.o[1](1) * (1 - w.v.o[1](1));
    const CheckResult out =
        checkDeltaW(w.v, false, {0, 1, 0}, a, a * w.v.e[2](1) * s * w.v.o[0](0));
    EXPECT_EQ(out.mistake, Mistake::OutputErrorAtHidden);
    EXPECT_EQ(out.factor, CheckFactor::Error);
}

TEST(CheckDeltaW, SlipsThatGiveTheRightValueAreNotSlips) {
    // α = 1: leaving α out gives the right number, so it is right, not "α".
    const Worked w;
    const double right = deltaWEntry(w.v, false, {1, 0, 0}, 1.0);
    EXPECT_TRUE(checkDeltaW(w.v, false, {1, 0, 0}, 1.0, right).correct);
    EXPECT_THROW(checkDeltaW(w.v, false, {1, 0, 3}, 1.0, 0.1), std::invalid_argument);
    EXPECT_THROW(checkDeltaW(w.v, false, {2, 0, 0}, 1.0, 0.1), std::invalid_argument);
}

TEST(CheckDeltaW, BiasColumnHasThePreviousOutputOne) {
    NetworkSpec spec;
    spec.layers = {2, 2};
    spec.bias = true;
    Network net(spec);
    Stepper st(net);
    st.setSample(vec({0.3, 0.6}), vec({0.99, 0.01}));
    st.finish(0.2);
    EXPECT_NEAR(deltaWEntry(st.values(), true, {0, 1, 2}, 0.2), st.values().dW[0](1, 2), 1e-15);
}
