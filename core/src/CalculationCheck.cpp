// CalculationCheck.cpp — the right value, the usual slips' values, and which one an answer is.
#include "backprop/CalculationCheck.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace bp {

CheckFactor factorOf(Mistake m) {
    switch (m) {
        case Mistake::None:
            return CheckFactor::None;
        case Mistake::NoLearningRate:
            return CheckFactor::LearningRate;
        case Mistake::ErrorSignFlipped:
        case Mistake::NoError:
        case Mistake::ErrorSquared:
        case Mistake::OutputErrorAtHidden:
        case Mistake::ErrorNotSquared:
        case Mistake::ErrorAbsolute:
        case Mistake::ErrorHalved:
        case Mistake::ErrorMean:
        case Mistake::ErrorOfOneOutput:
            return CheckFactor::Error;
        case Mistake::NoSlope:
        case Mistake::SlopeWithoutOneMinus:
        case Mistake::SlopeOfNetInput:
        case Mistake::SlopeOfPreviousNode:
        case Mistake::SlopeOnlyOutput:
        case Mistake::SlopeOnlyOneMinus:
        case Mistake::SlopeOfNet:
        case Mistake::SlopeSquared:
            return CheckFactor::Slope;
        case Mistake::NoPreviousOutput:
        case Mistake::OwnOutputAsPrevious:
        case Mistake::OtherPreviousOutput:
            return CheckFactor::PreviousOutput;
        case Mistake::Transposed:
            return CheckFactor::Transpose;
        case Mistake::Unknown:
            break;
    }
    return CheckFactor::Unknown;
}

std::string_view mistakeName(Mistake m) {
    switch (m) {
        case Mistake::None:
            return "none";
        case Mistake::Unknown:
            return "unknown";
        case Mistake::NoLearningRate:
            return "no-learning-rate";
        case Mistake::ErrorSignFlipped:
            return "error-sign-flipped";
        case Mistake::NoError:
            return "no-error";
        case Mistake::ErrorSquared:
            return "error-squared";
        case Mistake::OutputErrorAtHidden:
            return "output-error-at-hidden";
        case Mistake::NoSlope:
            return "no-slope";
        case Mistake::SlopeWithoutOneMinus:
            return "slope-without-one-minus";
        case Mistake::SlopeOfNetInput:
            return "slope-of-net-input";
        case Mistake::SlopeOfPreviousNode:
            return "slope-of-previous-node";
        case Mistake::NoPreviousOutput:
            return "no-previous-output";
        case Mistake::OwnOutputAsPrevious:
            return "own-output-as-previous";
        case Mistake::OtherPreviousOutput:
            return "other-previous-output";
        case Mistake::Transposed:
            return "transposed";
        case Mistake::ErrorNotSquared:
            return "error-not-squared";
        case Mistake::ErrorAbsolute:
            return "error-absolute";
        case Mistake::ErrorHalved:
            return "error-halved";
        case Mistake::ErrorMean:
            return "error-mean";
        case Mistake::ErrorOfOneOutput:
            return "error-of-one-output";
        case Mistake::SlopeOnlyOutput:
            return "slope-only-output";
        case Mistake::SlopeOnlyOneMinus:
            return "slope-only-one-minus";
        case Mistake::SlopeOfNet:
            return "slope-of-net";
        case Mistake::SlopeSquared:
            return "slope-squared";
    }
    return "unknown";
}

Scalar Tolerance::of(Scalar value) const {
    return std::max(absolute, relative * std::abs(value));
}

namespace {

// A slip and the value it gives.
struct Candidate {
    Mistake mistake;
    Scalar value;
    int index = -1;
};

// Right, or the slip the answer matches best, or Unknown.
CheckResult judge(Scalar answer, Scalar value, const std::vector<Candidate>& slips,
                  const Tolerance& tol) {
    CheckResult r;
    r.answer = answer;
    r.value = value;
    r.tolerance = tol.of(value);
    if (std::isfinite(answer) && std::abs(answer - value) <= r.tolerance) {
        r.correct = true;
        return r;
    }
    r.mistake = Mistake::Unknown;
    r.factor = CheckFactor::Unknown;
    if (!std::isfinite(answer)) return r;
    // The slip whose value is nearest the answer (relative to its own tolerance), if within it.
    double best = 1;
    for (const Candidate& c : slips) {
        // A slip that gives the right value too is no slip (e.g. α = 1, o_c = 1 for the bias).
        if (std::abs(c.value - value) <= r.tolerance) continue;
        const double off = std::abs(answer - c.value) / tol.of(c.value);
        if (off <= best) {
            best = off;
            r.mistake = c.mistake;
            r.factor = factorOf(c.mistake);
            r.mistakeValue = c.value;
            r.otherIndex = c.index;
        }
    }
    return r;
}

void needLayer(const PassValues& v, int layer) {
    if (layer < 1 || layer >= static_cast<int>(v.o.size()))
        throw std::invalid_argument("layer " + std::to_string(layer) + " has no outputs to check");
}

}  // namespace

CheckResult checkSampleError(const PassValues& v, Scalar answer, Tolerance tol) {
    const Vector& o = v.o.back();
    if (o.size() == 0 || v.target.size() != o.size())
        throw std::invalid_argument("the sample's outputs and target are not known yet");
    const Vector e = v.target - o;         // t − o
    const Scalar value = e.squaredNorm();  // E = Σ(t − o)²
    const Scalar n = static_cast<Scalar>(e.size());
    std::vector<Candidate> slips{
        {Mistake::ErrorNotSquared, e.sum()},           // Σ(t − o)
        {Mistake::ErrorAbsolute, e.cwiseAbs().sum()},  // Σ|t − o|
        {Mistake::ErrorHalved, value / 2},             // ½Σ(t − o)²
        {Mistake::ErrorMean, value / n},               // Σ(t − o)² / n
    };
    for (Eigen::Index r = 0; r < e.size(); ++r)
        slips.push_back({Mistake::ErrorOfOneOutput, e(r) * e(r), static_cast<int>(r)});
    return judge(answer, value, slips, tol);
}

CheckResult checkActivationSlope(const PassValues& v, int layer, int node, Scalar answer,
                                 Tolerance tol) {
    needLayer(v, layer);
    if (node < 0 || node >= v.o[layer].size())
        throw std::invalid_argument("layer " + std::to_string(layer) + " has no node " +
                                    std::to_string(node));
    const Scalar o = v.o[layer](node);
    std::vector<Candidate> slips{
        {Mistake::SlopeOnlyOutput, o},        // o
        {Mistake::SlopeOnlyOneMinus, 1 - o},  // 1 − o
        {Mistake::SlopeSquared, o * o},       // o²
    };
    if (layer < static_cast<int>(v.x.size()) && node < v.x[layer].size()) {
        const Scalar x = v.x[layer](node);
        slips.push_back({Mistake::SlopeOfNet, x * (1 - x)});  // x(1 − x)
    }
    return judge(answer, o * (1 - o), slips, tol);  // O(1 − O)
}

Scalar deltaWEntry(const PassValues& v, bool bias, const WeightRef& w, Scalar alpha) {
    const int k = w.layer;
    needLayer(v, k + 1);
    const Eigen::Index n = v.o[k].size();
    if (w.row < 0 || w.row >= v.o[k + 1].size() || w.col < 0 || w.col >= n + (bias ? 1 : 0) ||
        v.e[k + 1].size() != v.o[k + 1].size())
        throw std::invalid_argument("W" + std::to_string(k) + "(" + std::to_string(w.row) + ", " +
                                    std::to_string(w.col) + ") is not a weight of this step");
    const Scalar o = v.o[k + 1](w.row);
    const Scalar prev = w.col == n ? Scalar(1) : v.o[k](w.col);
    return alpha * v.e[k + 1](w.row) * (o * (1 - o)) * prev;  // α · e · o(1 − o) · o_c
}

CheckResult checkDeltaW(const PassValues& v, bool bias, const WeightRef& w, Scalar alpha,
                        Scalar answer, Tolerance tol) {
    const Scalar value = deltaWEntry(v, bias, w, alpha);
    const int k = w.layer, r = w.row, c = w.col;
    const int L = static_cast<int>(v.o.size()) - 1;
    const Eigen::Index n = v.o[k].size();
    const Scalar e = v.e[k + 1](r);                      // e_r
    const Scalar o = v.o[k + 1](r);                      // o_r
    const Scalar s = o * (1 - o);                        // o_r(1 − o_r)
    const Scalar prev = c == n ? Scalar(1) : v.o[k](c);  // o_c
    std::vector<Candidate> slips{
        {Mistake::NoLearningRate, e * s * prev},
        {Mistake::ErrorSignFlipped, -value},
        {Mistake::NoError, alpha * s * prev},
        {Mistake::ErrorSquared, alpha * e * e * s * prev},
        {Mistake::NoSlope, alpha * e * prev},
        {Mistake::SlopeWithoutOneMinus, alpha * e * o * prev},
    };
    if (k + 1 < static_cast<int>(v.x.size()) && r < v.x[k + 1].size()) {
        const Scalar x = v.x[k + 1](r);
        slips.push_back({Mistake::SlopeOfNetInput, alpha * e * x * (1 - x) * prev});
    }
    if (c < n)
        slips.push_back({Mistake::SlopeOfPreviousNode, alpha * e * prev * (1 - prev) * prev});
    slips.push_back({Mistake::NoPreviousOutput, alpha * e * s});
    slips.push_back({Mistake::OwnOutputAsPrevious, alpha * e * s * o});
    // The transpose: ΔW(c, r) — the error and slope of node c, the previous output of node r.
    if (c < v.o[k + 1].size() && r < n) {
        const Scalar oc = v.o[k + 1](c);
        slips.push_back({Mistake::Transposed, alpha * v.e[k + 1](c) * oc * (1 - oc) * v.o[k](r)});
    }
    // A hidden weight worked with the output error t − o of the same index.
    if (k + 1 < L && v.e[L].size() == v.o[L].size() && r < v.e[L].size())
        slips.push_back({Mistake::OutputErrorAtHidden, alpha * v.e[L](r) * s * prev, r});
    for (Eigen::Index m = 0; m < n; ++m) {
        if (m == c) continue;
        slips.push_back(
            {Mistake::OtherPreviousOutput, alpha * e * s * v.o[k](m), static_cast<int>(m)});
    }
    return judge(answer, value, slips, tol);
}

}  // namespace bp
