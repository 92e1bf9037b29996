// Phases.cpp — forward, output error, back error and update, one layer at a time.
#include "Phases.h"

#include "Kernels.h"

namespace bp::phase {

void forward(const Network& net, PassValues& v, int k) {
    // x_{k+1} = W_k · O_k   (n_{k+1} × (n_k + bias)) · (n_k + bias)
    kernel::forward(net.weights(k), v.o[k].data(), net.spec().bias, v.x[k + 1].data());
    activateLayer(net, v, k);
}

void activateLayer(const Network& net, PassValues& v, int k) {
    // O_{k+1} = f(X_{k+1})
    activate(net.activationOf(k + 1), v.x[k + 1], v.o[k + 1]);
}

void outputError(const Network& net, PassValues& v) {
    const int L = net.weightLayers();
    v.e[L] = v.target - v.o[L];      // E = T − O
    v.error = v.e[L].squaredNorm();  // Σ (T − O)²
}

void computeDelta(const Network& net, PassValues& v, int k) {
    // delta_{k+1} = E_{k+1} ∘ f'(O_{k+1}); for the sigmoid f' = O ∘ (1 − O)
    slopeFromOutput(net.activationOf(k + 1), v.o[k + 1], v.delta[k + 1]);
    v.delta[k + 1].array() *= v.e[k + 1].array();
}

void backError(const Network& net, PassValues& v, int k) {
    const Matrix& W = net.weights(k);
    const Eigen::Index n = net.spec().layers[k];  // the bias row of Wᵀ is dropped
    if (net.spec().rule == ErrorRule::Book) {
        // E_k = W_kᵀ · E_{k+1}   (the book: errors split back in proportion to the weights)
        v.e[k].noalias() = W.leftCols(n).transpose() * v.e[k + 1];
    } else {
        // E_k = W_kᵀ · (E_{k+1} ∘ f'(O_{k+1}))   (exact gradient of ½·Σ(T−O)²)
        computeDelta(net, v, k);
        v.e[k].noalias() = W.leftCols(n).transpose() * v.delta[k + 1];
    }
}

void update(Network& net, PassValues& v, int k, Scalar learningRate) {
    computeDelta(net, v, k);
    // a = α · (E ∘ f'(O));  ΔW_k = a · O_kᵀ  (n_{k+1} × (n_k + bias))
    const Vector a = learningRate * v.delta[k + 1];
    Matrix& W = net.weights(k);
    const bool bias = net.spec().bias;
    if (static_cast<int>(v.dW.size()) > k && v.dW[k].size() == W.size()) {
        const Eigen::Index n = v.o[k].size();
        for (Eigen::Index j = 0; j < n; ++j) v.dW[k].col(j) = a * v.o[k](j);
        if (bias) v.dW[k].col(n) = a * 1.0;
        W += v.dW[k];  // same bits as the kernel: W_ij + (a_i · b_j)
    } else {
        kernel::update(W, a.data(), v.o[k].data(), bias);
    }
}

}  // namespace bp::phase
