// ErrorSurface.h — the network's error over two of its own weights, every other weight held
// where it is: a two-dimensional slice of a surface that has as many dimensions as the network
// has weights (the book's "error surface"), and the path gradient descent takes on it.
//
// For samples s = 1 … S (one sample in the studio, a few in the lessons' small networks):
//   E(a, b)  = (1/S) · Σ_s Σ_r (t_r − o_r)²       with W_A = a, W_B = b
//   slope    = (∂(½E)/∂a, ∂(½E)/∂b)               (the 2 dropped, as ΔW does; Gradient.h)
//   step     (a, b) ← (a, b) − α · slope           only these two weights move, so the path
//                                                  stays on the slice
// Grid layout: n × n points, a along the columns j, b along the rows i:
//   a_j = a.lo + j·(a.hi − a.lo)/(n − 1),  b_i = b.lo + i·(b.hi − b.lo)/(n − 1)
// A point costs a forward pass from the lower of the two weights' layers up (the layers below
// are computed once): for two weights of the MNIST network's W_0 that is 200 sigmoids and the
// 10×200 output product, not the 200×784 one.
#pragma once

#include <atomic>
#include <utility>
#include <vector>

#include "backprop/Gradient.h"
#include "backprop/Network.h"

namespace bp {

// One sample: an input and its target.
struct TrainingPair {
    Vector input;   // I, n_0
    Vector target;  // T, n_L
};

struct ValueRange {
    Scalar lo = 0;  // first grid value
    Scalar hi = 1;  // last grid value
};

// E on an n × n grid of the two weights.
struct SurfaceGrid {
    WeightRef a, b;              // the two weights (a along columns, b along rows)
    ValueRange aRange, bRange;   // the values they take
    int n = 0;                   // points per side
    std::vector<Scalar> values;  // values[i·n + j] = E(a_j, b_i); empty if cancelled
    Scalar minValue = 0;         // smallest E on the grid
    Scalar maxValue = 0;         // largest E on the grid
    bool complete = false;       // false when cancelled before the last point

    Scalar at(int i, int j) const { return values[static_cast<std::size_t>(i) * n + j]; }
    Scalar aAt(int j) const;  // a_j
    Scalar bAt(int i) const;  // b_i
};

// One point of a gradient-descent path on the slice.
struct SlicePoint {
    Scalar a = 0, b = 0;            // the two weights' values
    Scalar error = 0;               // E(a, b)
    Scalar slopeA = 0, slopeB = 0;  // ∂(½E)/∂a, ∂(½E)/∂b there
};

class ErrorSlice {
  public:
    // Throws std::invalid_argument when a or b is not a weight of net, a == b, there is no
    // sample, or a sample does not fit the network. Keeps a copy of net.
    ErrorSlice(const Network& net, std::vector<TrainingPair> samples, WeightRef a, WeightRef b);

    const WeightRef& weightA() const { return m_a; }
    const WeightRef& weightB() const { return m_b; }
    Scalar a0() const { return m_a0; }  // the network's own value of weight A
    Scalar b0() const { return m_b0; }  // and of weight B
    const Network& network() const { return m_net; }
    std::size_t sampleCount() const { return m_samples.size(); }

    // E(a, b): mean over the samples of Σ(T − O)². Safe to call from several threads.
    Scalar errorAt(Scalar a, Scalar b) const;
    // (∂(½E)/∂a, ∂(½E)/∂b) at (a, b) with the errors sent back by `rule` (Gradient: the exact
    // slope of the surface drawn; Book: the book's rule, exact only on the last layer).
    std::pair<Scalar, Scalar> slopeAt(Scalar a, Scalar b,
                                      ErrorRule rule = ErrorRule::Gradient) const;
    // The grid; `cancel`, when given and set, stops it early (complete = false, values empty).
    SurfaceGrid grid(ValueRange aRange, ValueRange bRange, int n,
                     const std::atomic<bool>* cancel = nullptr) const;
    // steps + 1 points from (a, b): (a, b) ← (a, b) − α·slope. Stops early once a value is no
    // longer finite or exceeds 1e6 (diverged).
    std::vector<SlicePoint> descend(Scalar a, Scalar b, Scalar alpha, int steps,
                                    ErrorRule rule = ErrorRule::Gradient) const;

  private:
    Network m_net;                        // the network, weights A and B at their own values
    std::vector<TrainingPair> m_samples;  // what E is measured on
    std::vector<PassValues> m_base;       // each sample's forward pass with the own weights
    WeightRef m_a, m_b;                   // the two weights
    Scalar m_a0 = 0, m_b0 = 0;            // their own values
    int m_lowest = 0;                     // min(A.layer, B.layer): layers below never change
};

}  // namespace bp
