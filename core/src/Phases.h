// Phases.h — the four phases of a training step, shared by Network::train, the Stepper and the
// Trainer so that all three compute the same bits (private to core).
//
// Shapes (see Network.h): o[k] n_k, x[k]/e[k]/delta[k] n_k for k ≥ 1, W_k n_{k+1} × (n_k + bias).
#pragma once

#include "backprop/Network.h"

namespace bp::phase {

// x[k+1] = W_k · o[k];  o[k+1] = f(x[k+1])
void forward(const Network& net, PassValues& v, int k);
// o[k+1] = f(x[k+1]) only (x already computed, e.g. by the fused sweep)
void activateLayer(const Network& net, PassValues& v, int k);
// e[L] = T − o[L];  error = Σ e[L]²
void outputError(const Network& net, PassValues& v);
// delta[k+1] = e[k+1] ∘ f'(o[k+1])
void computeDelta(const Network& net, PassValues& v, int k);
// e[k] = W_kᵀ · e[k+1]  (Book)   or   W_kᵀ · delta[k+1]  (Gradient); bias row dropped. k ≥ 1.
void backError(const Network& net, PassValues& v, int k);
// a = α · delta[k+1];  W_k += a · o[k]ᵀ  (and dW[k] = a · o[k]ᵀ when v.dW is sized)
void update(Network& net, PassValues& v, int k, Scalar learningRate);

}  // namespace bp::phase
