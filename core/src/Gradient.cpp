// Gradient.cpp — forward pass, errors back by a chosen rule, and the slope of every weight.
#include "backprop/Gradient.h"

#include <stdexcept>
#include <string>

namespace bp {

namespace {

// Errors and deltas of one sample, every layer, with the errors sent back by `rule`.
// Shapes: e[k], delta[k] n_k for k ≥ 1 (index 0 unused), as in PassValues.
struct BackPass {
    PassValues v;               // forward values: x[k], o[k]; error = Σ(T − O)²
    std::vector<Vector> fp;     // fp[k] = f'(x_k) from o_k (k ≥ 1)
    std::vector<Vector> e;      // e[k]: error at layer k
    std::vector<Vector> delta;  // delta[k] = e[k] ∘ fp[k]
};

BackPass backPass(const Network& net, const Eigen::Ref<const Vector>& input,
                  const Eigen::Ref<const Vector>& target, ErrorRule rule) {
    if (target.size() != net.outputs()) {
        throw std::invalid_argument("target has " + std::to_string(target.size()) +
                                    " values, the network has " + std::to_string(net.outputs()) +
                                    " outputs");
    }
    BackPass b;
    net.forward(input, b.v);  // x_{k+1} = W_k·o_k, o_{k+1} = f(x_{k+1}); checks the input size
    const int L = net.weightLayers();
    b.fp.assign(L + 1, Vector());
    b.e.assign(L + 1, Vector());
    b.delta.assign(L + 1, Vector());
    b.v.target = target;
    b.e[L] = target - b.v.o[L];        // e_L = T − O
    b.v.error = b.e[L].squaredNorm();  // E = Σ(T − O)²
    for (int k = L - 1; k >= 0; --k) {
        b.fp[k + 1].resize(b.v.o[k + 1].size());
        slopeFromOutput(net.activationOf(k + 1), b.v.o[k + 1], b.fp[k + 1]);  // f'(x) from o
        b.delta[k + 1] = b.e[k + 1].cwiseProduct(b.fp[k + 1]);                // e ∘ f'
        if (k == 0) break;
        const Eigen::Index n = net.spec().layers[k];  // the bias row of Wᵀ is dropped
        const Matrix& W = net.weights(k);
        if (rule == ErrorRule::Book)  // e_k = W_kᵀ · e_{k+1}   (the book)
            b.e[k].noalias() = W.leftCols(n).transpose() * b.e[k + 1];
        else  // e_k = W_kᵀ · (e_{k+1} ∘ f')   (exact gradient)
            b.e[k].noalias() = W.leftCols(n).transpose() * b.delta[k + 1];
    }
    return b;
}

// o_c of layer k, 1 for the bias column.
Scalar inputOf(const Network& net, const PassValues& v, int k, int c) {
    return c == net.spec().layers[k] ? Scalar(1) : v.o[k](c);
}

}  // namespace

bool isValidWeight(const Network& net, const WeightRef& w) {
    if (w.layer < 0 || w.layer >= net.weightLayers()) return false;
    const Matrix& W = net.weights(w.layer);
    return w.row >= 0 && w.row < W.rows() && w.col >= 0 && w.col < W.cols();
}

bool slopeIsExactGradient(const Network& net, int layer, ErrorRule rule) {
    return rule == ErrorRule::Gradient || layer == net.weightLayers() - 1;
}

ChainRule chainRule(const Network& net, const Eigen::Ref<const Vector>& input,
                    const Eigen::Ref<const Vector>& target, const WeightRef& w, ErrorRule rule) {
    if (!isValidWeight(net, w)) {
        throw std::invalid_argument("W" + std::to_string(w.layer) + "(" + std::to_string(w.row) +
                                    ", " + std::to_string(w.col) + ") is not a weight of " +
                                    net.spec().describe());
    }
    const BackPass b = backPass(net, input, target, rule);
    const int k = w.layer, r = w.row;
    ChainRule c;
    c.w = w;
    c.outputLayer = k == net.weightLayers() - 1;
    c.exact = slopeIsExactGradient(net, k, rule);
    c.weight = net.weights(k)(r, w.col);
    c.target = c.outputLayer ? target(r) : Scalar(0);
    c.net = b.v.x[k + 1](r);                // x_r = Σ_c W(r, c)·o_c
    c.output = b.v.o[k + 1](r);             // o_r = f(x_r)
    c.error = b.e[k + 1](r);                // e_r
    c.activationSlope = b.fp[k + 1](r);     // f'(x_r) = o_r(1 − o_r) for the sigmoid
    c.input = inputOf(net, b.v, k, w.col);  // o_c
    c.dEdo = -2 * c.error;                  // ∂E/∂o_r = −2·e_r
    const Scalar d = b.delta[k + 1](r);     // e_r·f'(x_r), as slopes() multiplies it
    c.slopeWithTwo = -2 * d * c.input;      // ∂E/∂w = −2·e_r·f'·o_c
    c.slope = -d * c.input;                 // ∂(½E)/∂w = −e_r·f'·o_c
    c.sampleError = b.v.error;              // Σ(T − O)²
    return c;
}

std::vector<Matrix> slopes(const Network& net, const Eigen::Ref<const Vector>& input,
                           const Eigen::Ref<const Vector>& target, ErrorRule rule) {
    const BackPass b = backPass(net, input, target, rule);
    std::vector<Matrix> out(net.weightLayers());
    for (int k = 0; k < net.weightLayers(); ++k) {
        const Matrix& W = net.weights(k);
        out[k].resize(W.rows(), W.cols());
        for (Eigen::Index c = 0; c < W.cols(); ++c) {
            const Scalar in = inputOf(net, b.v, k, static_cast<int>(c));
            out[k].col(c) = -b.delta[k + 1] * in;  // slope(r, c) = −(e_r·f'_r)·o_c
        }
    }
    return out;
}

}  // namespace bp
