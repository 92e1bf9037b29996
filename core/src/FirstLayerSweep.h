// FirstLayerSweep.h — the W_0 part of per-sample training, its rows split across threads, in
// double or in float (private to core).
//
// Shapes: W_0 n_1 × (n_0 + bias), in/next n_0, a n_1 (a = α·δ_1), x_1 and o_1 n_1.
//   forward        x_1 = W_0 · [in; 1],  o_1 = f(x_1)
//   update         W_0 += a · [in; 1]ᵀ
//   updateForward  W_0 += a · [in; 1]ᵀ, then x_1 = W_0 · [next; 1], o_1 = f(x_1)   (one sweep)
// W_0 is 99 % of the arithmetic of a 784-200-10 step and does not fit a core's L2; its rows are
// split between the members of a ThreadTeam, each row block (one cache line per column) owned
// by one member, so no line of W_0 is written by two cores. A row's forward, update and
// activation need only that row plus the shared input and a_i, so the split changes no bit
// (kernel::sweepRows). The blocks are swept in alternating order, sample after sample, so the
// lines a core touched last — still in its L2 — are the first it needs next.
//
// While it trains, W_0 lives in a buffer of the sweep's own, 64-byte aligned, its leading
// dimension a whole number of cache lines, so every row block is exactly one line per column
// and no line is shared by two threads (the network's Eigen matrix is only 16-byte aligned).
// begin() copies the network's W_0 in, end() copies it back, so between advance() calls the
// Network holds the weights as always (two 1.25 MB copies per call: ~0.1 ms).
// Precision::Float keeps that copy in float: x_1 is summed in float, the update applied in float,
// everything else (o_1, the other layers, the errors) stays double; begin() rounds W_0 to
// float, end() widens it back exactly.
#pragma once

#include <memory>
#include <vector>

#include "Kernels.h"
#include "ThreadTeam.h"
#include "backprop/Network.h"

namespace bp {

enum class Precision;

class FirstLayerSweep {
  public:
    // threads ≥ 1 wanted (fewer are used when W_0 has fewer row blocks).
    FirstLayerSweep(const Network& net, int threads, Precision precision);

    int threads() const { return m_team ? m_team->size() : 1; }

    void begin(Network& net);  // before a run of samples: plans the rows, float: copies W_0 in
    void end(Network& net);    // after it: float: copies W_0 back into the network

    // `in` of update/updateForward is usually the vector the previous call swept as its `c`
    // (in / next): its float copy is reused, so it must not change between the two calls.
    void forward(const Vector& in, PassValues& v);
    void update(const Vector& a, const Vector& in);
    void updateForward(const Vector& a, const Vector& in, const Vector& next, PassValues& v);

  private:
    template <typename S>
    void run(kernel::Sweep mode, const S* w, const S* a, const S* b, const S* c, S* x,
             PassValues* v);
    void plan(std::size_t elementSize);
    void floatInputs(const Vector* in, const Vector* next);  // into m_b, m_c

    Activation m_f;                                       // activation of layer 1
    Eigen::Index m_rows, m_inputs;                        // n_1, n_0
    bool m_bias;                                          // W_0 has a bias column
    bool m_float;                                         // Precision::Float
    std::unique_ptr<ThreadTeam> m_team;                   // null for one thread
    int m_wanted;                                         // threads asked for
    std::vector<std::vector<kernel::RowRange>> m_ranges;  // per member, its row blocks in order
    bool m_reverse = false;                               // sweep the blocks backwards this time
    // W_0 while training: m_wd (double) or m_w (float), aligned inside m_store, column j at
    // j · m_ld. Float state also: a, the two inputs, x.
    std::vector<double> m_store;
    double* m_wd = nullptr;
    float* m_w = nullptr;
    Eigen::Index m_ld = 0;
    std::vector<float> m_a, m_b, m_c, m_x;
    const double* m_cFrom = nullptr;  // the vector m_c was converted from (the next call's b)
};

}  // namespace bp
