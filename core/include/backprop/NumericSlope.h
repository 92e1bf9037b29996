// NumericSlope.h — the slope of the error measured instead of derived: a central difference.
//
//   slope ≈ (E(w + h) − E(w − h)) / 2h
// Its error is h²/6 · E'''(w) (truncation) plus about ε·E/h (rounding, ε = 2⁻⁵²), so with
// h = 1e-5 it agrees with the chain rule's slope to ~1e-10 on the book's networks: the proof on
// screen that the formula is right. It says nothing about the rule; it measures the real E.
#pragma once

#include <functional>

#include "backprop/Gradient.h"
#include "backprop/Network.h"

namespace bp {

inline constexpr Scalar kNumericStep = 1e-5;  // default h

// (f(x + h) − f(x − h)) / 2h for any f.
Scalar centralDifference(const std::function<Scalar(Scalar)>& f, Scalar x, Scalar h);

// The measured slope of one weight on one sample.
struct NumericSlope {
    Scalar h = 0;             // step
    Scalar errorPlus = 0;     // E(w + h), E = Σ(T − O)²
    Scalar errorMinus = 0;    // E(w − h)
    Scalar slopeOfError = 0;  // (E(w+h) − E(w−h)) / 2h ≈ ∂E/∂w
    Scalar slope = 0;         // half of it: ≈ ∂(½E)/∂w, beside ChainRule::slope
};

// Central difference of E = Σ(T − O)² on (input, target) in weight w. net is not changed.
// Throws std::invalid_argument when w is not a weight of net or h ≤ 0.
NumericSlope numericSlope(const Network& net, const Eigen::Ref<const Vector>& input,
                          const Eigen::Ref<const Vector>& target, const WeightRef& w,
                          Scalar h = kNumericStep);

}  // namespace bp
