// CalculationCheck.h — "Check my calculation": a student's hand-worked E, O(1 − O) or ΔW entry
// compared with the network's, and, when it is wrong, which factor differs.
//
// The three quantities, for one sample (shapes and names as in Network.h):
//   E           = Σ_r (t_r − o_r)²                           (output layer L)
//   O(1 − O)    = o_r · (1 − o_r)                            (sigmoid slope of node r)
//   ΔW(r, c)    = α · e_r · o_r(1 − o_r) · o_c               (weight layer k: e, o of layer k+1,
//                                                             o_c of layer k, 1 for the bias)
// An answer is right when |answer − value| ≤ max(absolute, relative·|value|) (Tolerance; by
// default 1 % of the value, or 1e-6 near 0 — hand-rounded factors of 3 digits stay inside it).
// A wrong answer is compared with what each usual single slip would give (the list in
// Mistake); the slip whose value the answer is nearest, within the same tolerance, is named
// with its factor: α, the error, the slope, the previous output, or a transpose mix-up.
#pragma once

#include <string_view>
#include <vector>

#include "backprop/Gradient.h"
#include "backprop/Network.h"

namespace bp {

enum class CheckQuantity { SampleError, ActivationSlope, DeltaW };

// The factor of the formula a slip is in.
enum class CheckFactor {
    None,            // the answer is right
    LearningRate,    // α
    Error,           // the error (t − o, or the hidden error)
    Slope,           // the slope o(1 − o)
    PreviousOutput,  // o_c, the output of the node the weight comes from
    Transpose,       // row and column swapped (W(c, r) instead of W(r, c))
    Unknown,         // none of the usual single slips gives the answer
};

// The usual slips, each with the factor it belongs to (factorOf).
enum class Mistake {
    None,
    Unknown,
    // ΔW
    NoLearningRate,        // e·o(1−o)·o_c: α left out
    ErrorSignFlipped,      // (o − t) in place of (t − o)
    NoError,               // α·o(1−o)·o_c: the error left out
    ErrorSquared,          // e² in place of e
    OutputErrorAtHidden,   // a hidden weight with the output node's t − o of the same index
    NoSlope,               // α·e·o_c: o(1−o) left out
    SlopeWithoutOneMinus,  // o in place of o(1 − o)
    SlopeOfNetInput,       // x(1 − x) with the net input x in place of the output o
    SlopeOfPreviousNode,   // o_c(1 − o_c): the slope of the node the weight comes from
    NoPreviousOutput,      // α·e·o(1−o): o_c left out
    OwnOutputAsPrevious,   // o_r, the node's own output, in place of o_c
    OtherPreviousOutput,   // o_m of another node m ≠ c of the previous layer
    Transposed,            // the entry ΔW(c, r): e_c, o_c of layer k+1 and o_r of layer k
    // E
    ErrorNotSquared,   // Σ (t − o): the sum that can cancel
    ErrorAbsolute,     // Σ |t − o|
    ErrorHalved,       // ½ Σ (t − o)²
    ErrorMean,         // the mean instead of the sum
    ErrorOfOneOutput,  // (t_r − o_r)² of one output only
    // O(1 − O)
    SlopeOnlyOutput,    // o
    SlopeOnlyOneMinus,  // 1 − o
    SlopeOfNet,         // x(1 − x) with the net input x
    SlopeSquared,       // o²
};

CheckFactor factorOf(Mistake m);
std::string_view mistakeName(Mistake m);  // "no-learning-rate", … (untranslated id)

struct Tolerance {
    Scalar relative = 0.01;         // share of |value|
    Scalar absolute = 1e-6;         // floor near 0
    Scalar of(Scalar value) const;  // max(absolute, relative·|value|)
};

struct CheckResult {
    bool correct = false;  // within the tolerance of value
    Scalar answer = 0;     // what the student typed
    Scalar value = 0;      // the network's value
    Scalar tolerance = 0;  // the allowed difference for this value
    Mistake mistake = Mistake::None;
    CheckFactor factor = CheckFactor::None;
    Scalar mistakeValue = 0;  // what the named slip gives (when mistake is a slip)
    int otherIndex = -1;      // OtherPreviousOutput / OutputErrorAtHidden: the index used
};

// The values a check reads, taken from a training step (Stepper::values() or a snapshot):
// o[k] of every layer, x[k], target and e[k] of the layers a ΔW check needs.
// E needs o[L] and target; O(1 − O) needs o[layer] (and x[layer] for the x(1 − x) slip);
// ΔW of weight layer k needs o[k], o[k+1], x[k+1], e[k+1] (and e[L] for hidden weights).
CheckResult checkSampleError(const PassValues& v, Scalar answer, Tolerance tol = {});
// Node `node` of layer `layer` ≥ 1 (sigmoid slope). Throws std::invalid_argument if out of range.
CheckResult checkActivationSlope(const PassValues& v, int layer, int node, Scalar answer,
                                 Tolerance tol = {});
// One ΔW entry of a sigmoid layer with learning rate α; bias: whether W has the bias column.
// Throws std::invalid_argument when w is out of range.
CheckResult checkDeltaW(const PassValues& v, bool bias, const WeightRef& w, Scalar alpha,
                        Scalar answer, Tolerance tol = {});

// The value the network has for each quantity (what a check compares with).
Scalar deltaWEntry(const PassValues& v, bool bias, const WeightRef& w, Scalar alpha);

}  // namespace bp
