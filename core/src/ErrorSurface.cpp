// ErrorSurface.cpp — E over two weights, on a grid and along a gradient-descent path.
#include "backprop/ErrorSurface.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace bp {

Scalar SurfaceGrid::aAt(int j) const {
    return n < 2 ? aRange.lo : aRange.lo + j * (aRange.hi - aRange.lo) / (n - 1);
}

Scalar SurfaceGrid::bAt(int i) const {
    return n < 2 ? bRange.lo : bRange.lo + i * (bRange.hi - bRange.lo) / (n - 1);
}

ErrorSlice::ErrorSlice(const Network& net, std::vector<TrainingPair> samples, WeightRef a,
                       WeightRef b)
    : m_net(net), m_samples(std::move(samples)), m_a(a), m_b(b) {
    if (!isValidWeight(net, a) || !isValidWeight(net, b))
        throw std::invalid_argument("both weights of an error surface must be weights of " +
                                    net.spec().describe());
    if (a == b) throw std::invalid_argument("an error surface needs two different weights");
    if (m_samples.empty()) throw std::invalid_argument("an error surface needs a sample");
    for (const TrainingPair& s : m_samples) {
        if (s.input.size() != net.inputs() || s.target.size() != net.outputs())
            throw std::invalid_argument("a sample does not fit the network's input or output");
    }
    m_a0 = net.weights(a.layer)(a.row, a.col);
    m_b0 = net.weights(b.layer)(b.row, b.col);
    m_lowest = std::min(a.layer, b.layer);
    m_base.resize(m_samples.size());
    for (std::size_t s = 0; s < m_samples.size(); ++s) m_net.forward(m_samples[s].input, m_base[s]);
}

Scalar ErrorSlice::errorAt(Scalar a, Scalar b) const {
    const int L = m_net.weightLayers();
    const bool bias = m_net.spec().bias;
    // o_c of layer k (1 for the bias column)
    const auto in = [&](const Vector& o, int k, int c) {
        return c == m_net.spec().layers[k] ? Scalar(1) : o(c);
    };
    Scalar sum = 0;
    Vector o, x;
    for (std::size_t s = 0; s < m_samples.size(); ++s) {
        const PassValues& base = m_base[s];
        o = base.o[m_lowest];  // below the lowest changed layer nothing changes
        for (int k = m_lowest; k < L; ++k) {
            // x_{k+1} = W_k · o_k with the own weights (the lowest layer's is already known) …
            if (k == m_lowest) {
                x = base.x[k + 1];
            } else {
                const Matrix& W = m_net.weights(k);
                const Eigen::Index n = m_net.spec().layers[k];
                x.noalias() = W.leftCols(n) * o;
                if (bias) x += W.col(n);
            }
            // … plus (new − own)·o_c on the row each changed weight feeds
            if (m_a.layer == k) x(m_a.row) += (a - m_a0) * in(o, k, m_a.col);
            if (m_b.layer == k) x(m_b.row) += (b - m_b0) * in(o, k, m_b.col);
            o.resize(x.size());
            activate(m_net.activationOf(k + 1), x, o);  // o_{k+1} = f(x_{k+1})
        }
        sum += (m_samples[s].target - o).squaredNorm();  // Σ(T − O)²
    }
    return sum / static_cast<Scalar>(m_samples.size());
}

std::pair<Scalar, Scalar> ErrorSlice::slopeAt(Scalar a, Scalar b, ErrorRule rule) const {
    Network probe = m_net;
    probe.weights(m_a.layer)(m_a.row, m_a.col) = a;
    probe.weights(m_b.layer)(m_b.row, m_b.col) = b;
    Scalar sa = 0, sb = 0;
    for (const TrainingPair& s : m_samples) {
        const std::vector<Matrix> g = slopes(probe, s.input, s.target, rule);  // ∂(½E_s)/∂W
        sa += g[m_a.layer](m_a.row, m_a.col);
        sb += g[m_b.layer](m_b.row, m_b.col);
    }
    const Scalar count = static_cast<Scalar>(m_samples.size());
    return {sa / count, sb / count};  // slope of the mean
}

SurfaceGrid ErrorSlice::grid(ValueRange aRange, ValueRange bRange, int n,
                             const std::atomic<bool>* cancel) const {
    SurfaceGrid g;
    g.a = m_a;
    g.b = m_b;
    g.aRange = aRange;
    g.bRange = bRange;
    g.n = std::max(n, 2);
    g.values.resize(static_cast<std::size_t>(g.n) * g.n);
    g.minValue = std::numeric_limits<Scalar>::infinity();
    g.maxValue = -std::numeric_limits<Scalar>::infinity();
    for (int i = 0; i < g.n; ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            g.values.clear();
            return g;
        }
        for (int j = 0; j < g.n; ++j) {
            const Scalar e = errorAt(g.aAt(j), g.bAt(i));
            g.values[static_cast<std::size_t>(i) * g.n + j] = e;
            g.minValue = std::min(g.minValue, e);
            g.maxValue = std::max(g.maxValue, e);
        }
    }
    g.complete = true;
    return g;
}

std::vector<SlicePoint> ErrorSlice::descend(Scalar a, Scalar b, Scalar alpha, int steps,
                                            ErrorRule rule) const {
    std::vector<SlicePoint> path;
    for (int n = 0; n <= steps; ++n) {
        SlicePoint p;
        p.a = a;
        p.b = b;
        p.error = errorAt(a, b);
        std::tie(p.slopeA, p.slopeB) = slopeAt(a, b, rule);
        path.push_back(p);
        if (!std::isfinite(p.error) || std::abs(a) > 1e6 || std::abs(b) > 1e6) break;
        a -= alpha * p.slopeA;  // a ← a − α·∂(½E)/∂a
        b -= alpha * p.slopeB;  // b ← b − α·∂(½E)/∂b
    }
    return path;
}

}  // namespace bp
