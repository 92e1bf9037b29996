// Activation.h — the activation functions a layer may use.
//
// The book uses the sigmoid everywhere. tanh and ReLU are offered for hidden layers.
// Each function is given with its derivative written in terms of the *output* o = f(x),
// because that is how the book's update uses it: sigmoid'(x) = o·(1 − o).
#pragma once

#include <string>
#include <string_view>

#include "backprop/Types.h"

namespace bp {

enum class Activation { Sigmoid, Tanh, ReLU };

std::string_view activationName(Activation a);  // "sigmoid", "tanh", "relu"
bool parseActivation(std::string_view name, Activation& out);

// o = f(x), element-wise, into out (out may alias x).
void activate(Activation a, const Eigen::Ref<const Matrix>& x, Eigen::Ref<Matrix> out);
// f'(x) expressed through o = f(x): sigmoid o(1−o), tanh 1−o², relu (o > 0 ? 1 : 0).
void slopeFromOutput(Activation a, const Eigen::Ref<const Matrix>& o, Eigen::Ref<Matrix> out);
// x = f⁻¹(o), used by back query: sigmoid → logit ln(o/(1−o)), tanh → atanh, relu → o.
void inverse(Activation a, const Eigen::Ref<const Matrix>& o, Eigen::Ref<Matrix> out);

Scalar activate(Activation a, Scalar x);
Scalar slopeFromOutput(Activation a, Scalar o);

// Slope below which a neuron is called saturated: its updates ΔW ∝ f′ hardly move it (for the
// sigmoid o < 0.0101 or o > 0.9899, a net input |x| > 4.6).
inline constexpr Scalar kSaturatedSlope = 0.01;
// A sigmoid or tanh neuron with output o whose slope is below kSaturatedSlope. (ReLU has no
// saturation; its zero slope at o = 0 is a "dead" neuron, not counted here.)
bool isSaturated(Activation a, Scalar o);

}  // namespace bp
