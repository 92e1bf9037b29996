// WeightDiff.h — what changed between two sets of weights (two checkpoints of a run, or two runs
// of the same network): per layer, how much and where.
//
// Shape legend: W_k is n_{k+1} × (n_k + bias); row j is neuron j of layer k+1, column i its link
// from neuron i of layer k (the last column the bias node's, when there is one).
//   ΔW_k          = W_k(after) − W_k(before)
//   meanAbs       = Σ|ΔW_k| / count          rms = √(Σ ΔW_k² / count)
//   relative      = ‖ΔW_k‖ / ‖W_k(before)‖    (Frobenius norms; how far the layer moved)
//   neuron j      moved Σ_i |ΔW_k(j, i)|     (its incoming weights together)
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "backprop/Types.h"

namespace bp {

// One weight that changed: W_k(row, col), from `before` to `after`.
struct WeightChange {
    int layer = 0;  // k of W_k
    int row = 0;    // neuron of layer k+1
    int col = 0;    // link from neuron col of layer k (== n_k: the bias node)
    double before = 0, after = 0;
    double delta() const { return after - before; }
};

struct LayerDiff {
    int layer = 0;            // k of W_k
    int rows = 0, cols = 0;   // shape of W_k
    double meanAbs = 0;       // mean |ΔW|
    double rms = 0;           // √ mean ΔW²
    double maxAbs = 0;        // largest |ΔW|
    double relative = 0;      // ‖ΔW‖ / ‖W before‖ (∞ when W before is all zero)
    std::size_t changed = 0;  // weights whose value differs at all
    std::vector<WeightChange> largest;  // the largest |ΔW| first (up to `top`)
    int mostMovedNeuron = 0;            // row j with the largest Σ_i |ΔW(j, i)|
    double mostMovedNeuronSum = 0;      // that Σ
};

struct WeightDiff {
    std::vector<LayerDiff> layers;  // one per W_k, in order
    bool identical() const;         // not one weight differs
    // A few English lines, one per layer ("W_0 (200×784): mean |ΔW| 0.0123, largest +0.412 at
    // neuron 17 ← input 406 (x 14, y 14), 98 % of the weights changed"); imageWidth > 0 names
    // input links of W_0 as pixels too.
    std::string describe(int imageWidth = 0) const;
};

// Compares two weight sets of the same shapes; throws std::invalid_argument naming the first
// layer whose shape differs. `top` = how many largest changes per layer to list.
WeightDiff diffWeights(const std::vector<Matrix>& before, const std::vector<Matrix>& after,
                       std::size_t top = 5);

}  // namespace bp
