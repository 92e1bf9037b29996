// Gradient.h — the slope ∂E/∂w of any weight, by the chain rule, as the book derives it.
//
// Shape legend (see Network.h; L weight layers, layer k feeds layer k+1):
//   W_k(r, c)   the weight from node c of layer k to node r of layer k+1 (the book's w_jk with
//               j = c, k = r); c = n_k is the bias column when the spec has bias nodes
//   o_k         outputs of layer k (o_0 = I), extended by a constant 1 for the bias
//   x_{k+1}     = W_k · o_k,  o_{k+1} = f(x_{k+1})
//   e_L         = T − o_L
//
// The error of one sample is the book's E = Σ (t − o)². By the chain rule, for a weight into
// an output node r:
//   ∂E/∂w  = ∂E/∂o_r · ∂o_r/∂w
//          = −2(t_r − o_r) · f'(x_r) · o_c           (f'(x) = o(1 − o) for the sigmoid)
// The book drops the 2 (only the direction matters); that is the slope of ½E, and it is the
// slope every update in the studio follows:
//   slope  = −e_r · f'(x_r) · o_c       and   ΔW(r, c) = −α · slope
// For a weight into a hidden node r the same line holds with e_r the error at that node. Which
// error that is depends on the rule:
//   ErrorRule::Gradient  e_k = W_kᵀ · (e_{k+1} ∘ f'(o_{k+1}))  — slope is the exact ∂(½E)/∂w
//   ErrorRule::Book      e_k = W_kᵀ · e_{k+1}                  — the book's rule: slope is what
//                        the book's ΔW follows, but it is NOT the gradient of E below the last
//                        weight layer (it leaves out the f' of the layers above)
// Both rules give the same slope for the last weight layer, W_{L−1}.
#pragma once

#include <vector>

#include "backprop/Network.h"

namespace bp {

// One weight of a network: W_layer(row, col).
struct WeightRef {
    int layer = 0;  // weight layer k (0 = input → first hidden)
    int row = 0;    // node of layer k+1 the weight feeds
    int col = 0;    // node of layer k it comes from (n_k = the bias node)

    bool operator==(const WeightRef&) const = default;
};

// True when w names a weight of net (layer, row and column in range).
bool isValidWeight(const Network& net, const WeightRef& w);

// True when the slope by `rule` of a weight of `layer` is the exact gradient of ½E: always with
// ErrorRule::Gradient, and on the last weight layer with either rule.
bool slopeIsExactGradient(const Network& net, int layer, ErrorRule rule);

// The chain rule for one weight on one sample: every factor the lesson prints, line by line.
struct ChainRule {
    WeightRef w;                 // which weight
    bool outputLayer = false;    // the weight feeds an output node (e is t − o)
    bool exact = false;          // slope is the exact gradient of ½E (see slopeIsExactGradient)
    Scalar weight = 0;           // w now
    Scalar target = 0;           // t_r (output layer only, else 0)
    Scalar net = 0;              // x_r = Σ_c W(r, c)·o_c: net input of the node w feeds
    Scalar output = 0;           // o_r = f(x_r)
    Scalar error = 0;            // e_r: t_r − o_r, or the hidden error by the rule
    Scalar activationSlope = 0;  // f'(x_r) from o_r: o_r(1 − o_r) for the sigmoid
    Scalar input = 0;            // o_c: output of the node w comes from (1 for the bias)
    Scalar dEdo = 0;             // ∂E/∂o_r = −2·e_r
    Scalar slopeWithTwo = 0;  // −2·e_r·f'·o_c = ∂E/∂w for E = Σ(t − o)² (when exact)
    Scalar slope = 0;         // −e_r·f'·o_c: the 2 dropped, what ΔW follows (∂(½E)/∂w)
    Scalar sampleError = 0;   // E = Σ(T − O)² of the sample

    // ΔW entry the update makes with learning rate α: −α · slope.
    Scalar deltaW(Scalar alpha) const { return -alpha * slope; }
    // new w = old w − α · slope
    Scalar newWeight(Scalar alpha) const { return weight - alpha * slope; }
};

// The chain rule for w on (input, target) with the errors sent back by `rule`.
// Throws std::invalid_argument when w is not a weight of net or the sizes do not fit.
ChainRule chainRule(const Network& net, const Eigen::Ref<const Vector>& input,
                    const Eigen::Ref<const Vector>& target, const WeightRef& w, ErrorRule rule);

// Every slope at once: result[k] has W_k's shape, result[k](r, c) = chainRule(…{k, r, c}).slope.
// With rule = net.spec().rule this is exactly −ΔW_k/α of one training step (Network::train,
// Stepper) on the same sample and weights.
std::vector<Matrix> slopes(const Network& net, const Eigen::Ref<const Vector>& input,
                           const Eigen::Ref<const Vector>& target, ErrorRule rule);

}  // namespace bp
