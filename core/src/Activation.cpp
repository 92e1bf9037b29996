// Activation.cpp — sigmoid, tanh, ReLU, their slopes from the output, and their inverses.
#include "backprop/Activation.h"

#include <cmath>

namespace bp {

std::string_view activationName(Activation a) {
    switch (a) {
        case Activation::Sigmoid:
            return "sigmoid";
        case Activation::Tanh:
            return "tanh";
        case Activation::ReLU:
            return "relu";
    }
    return "?";
}

bool parseActivation(std::string_view name, Activation& out) {
    for (Activation a : {Activation::Sigmoid, Activation::Tanh, Activation::ReLU}) {
        if (name == activationName(a)) {
            out = a;
            return true;
        }
    }
    return false;
}

Scalar activate(Activation a, Scalar x) {
    switch (a) {
        case Activation::Sigmoid:
            return 1.0 / (1.0 + std::exp(-x));  // σ(x) = 1/(1+e^−x)
        case Activation::Tanh:
            return std::tanh(x);
        case Activation::ReLU:
            return x < 0 ? 0.0 : x;  // NaN stays NaN, so divergence shows
    }
    return x;
}

Scalar slopeFromOutput(Activation a, Scalar o) {
    switch (a) {
        case Activation::Sigmoid:
            return o * (1.0 - o);  // σ' = o(1 − o)
        case Activation::Tanh:
            return 1.0 - o * o;  // tanh' = 1 − o²
        case Activation::ReLU:
            return o > 0 ? 1.0 : 0.0;
    }
    return 1.0;
}

bool isSaturated(Activation a, Scalar o) {
    return a != Activation::ReLU && slopeFromOutput(a, o) < kSaturatedSlope;
}

void activate(Activation a, const Eigen::Ref<const Matrix>& x, Eigen::Ref<Matrix> out) {
    for (Eigen::Index j = 0; j < x.cols(); ++j)
        for (Eigen::Index i = 0; i < x.rows(); ++i) out(i, j) = activate(a, x(i, j));
}

void slopeFromOutput(Activation a, const Eigen::Ref<const Matrix>& o, Eigen::Ref<Matrix> out) {
    for (Eigen::Index j = 0; j < o.cols(); ++j)
        for (Eigen::Index i = 0; i < o.rows(); ++i) out(i, j) = slopeFromOutput(a, o(i, j));
}

void inverse(Activation a, const Eigen::Ref<const Matrix>& o, Eigen::Ref<Matrix> out) {
    for (Eigen::Index j = 0; j < o.cols(); ++j) {
        for (Eigen::Index i = 0; i < o.rows(); ++i) {
            const Scalar v = o(i, j);
            switch (a) {
                case Activation::Sigmoid:
                    out(i, j) = std::log(v / (1.0 - v));
                    break;  // logit
                case Activation::Tanh:
                    out(i, j) = std::atanh(v);
                    break;
                case Activation::ReLU:
                    out(i, j) = v;
                    break;
            }
        }
    }
}

}  // namespace bp
