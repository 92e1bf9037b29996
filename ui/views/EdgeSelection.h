// EdgeSelection.h — which connections the network view draws: for each neuron j of layer k+1 the
// `density` strongest incoming weights |w_ji| (or changes |Δw_ji|) of its row of W_k, chosen once
// per snapshot and density and kept until either changes (the view repaints far more often).
#pragma once

#include <utility>
#include <vector>

#include "training/Snapshot.h"

namespace bps {

class EdgeSelection {
  public:
    struct Edge {
        int j;    // target: neuron in layer k+1 (row of W_k)
        int i;    // source: neuron in layer k (column of W_k; n_k = the bias node)
        float v;  // w_ji, or Δw_ji
    };
    struct Set {
        std::vector<Edge> edges;  // chosen edges, row by row
        double vmax = 0;          // max |v| over them (line width and opacity scale)
        bool valid = false;       // computed for the current snapshot and density
    };

    // A new snapshot: every set is chosen again when next asked for.
    void reset();
    // The strongest |w| of weight layer k, or the strongest |ΔW| (empty when the snapshot has no
    // ΔW for k); `s` is the snapshot being drawn.
    const Set& weights(const Snapshot& s, int k, int density);
    const Set& deltas(const Snapshot& s, int k, int density);

    // Per row j of m the `density` largest |m(j, i)| as (j, i) pairs, row by row (every
    // column when the row has no more than `density`).
    static void chooseStrongest(const bp::Matrix& m, int density,
                                std::vector<std::pair<float, int>>& scratch,
                                std::vector<std::pair<int, int>>& out);

  private:
    void sync(std::size_t layers, int density);

    int m_density = -1;                            // density the sets were chosen with
    std::vector<Set> m_weights;                    // per weight layer: strongest |w|
    std::vector<Set> m_deltas;                     // per weight layer: strongest |Δw|
    std::vector<std::pair<float, int>> m_scratch;  // chooseStrongest's buffer (|v|, i)
};

}  // namespace bps
