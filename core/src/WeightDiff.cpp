// WeightDiff.cpp — per-layer summaries of ΔW = after − before (see WeightDiff.h).
#include "backprop/WeightDiff.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace bp {

bool WeightDiff::identical() const {
    for (const LayerDiff& l : layers)
        if (l.changed > 0) return false;
    return true;
}

WeightDiff diffWeights(const std::vector<Matrix>& before, const std::vector<Matrix>& after,
                       std::size_t top) {
    if (before.size() != after.size())
        throw std::invalid_argument("the two networks have " + std::to_string(before.size()) +
                                    " and " + std::to_string(after.size()) + " weight layers");
    WeightDiff out;
    for (std::size_t k = 0; k < before.size(); ++k) {
        const Matrix& a = before[k];
        const Matrix& b = after[k];
        if (a.rows() != b.rows() || a.cols() != b.cols())
            throw std::invalid_argument("W_" + std::to_string(k) + " is " +
                                        std::to_string(a.rows()) + "×" + std::to_string(a.cols()) +
                                        " in one and " + std::to_string(b.rows()) + "×" +
                                        std::to_string(b.cols()) + " in the other");
        LayerDiff l;
        l.layer = static_cast<int>(k);
        l.rows = static_cast<int>(a.rows());
        l.cols = static_cast<int>(a.cols());
        const Matrix d = b - a;  // ΔW_k
        const auto count = static_cast<double>(std::max<Eigen::Index>(1, d.size()));
        l.meanAbs = d.cwiseAbs().sum() / count;
        l.rms = std::sqrt(d.squaredNorm() / count);
        l.maxAbs = d.size() ? d.cwiseAbs().maxCoeff() : 0.0;
        const double base = a.norm();
        l.relative = base > 0 ? d.norm() / base
                              : (d.norm() > 0 ? std::numeric_limits<double>::infinity() : 0.0);
        for (Eigen::Index j = 0; j < d.rows(); ++j) {
            const double moved = d.row(j).cwiseAbs().sum();  // Σ_i |ΔW(j, i)|
            if (moved > l.mostMovedNeuronSum) {
                l.mostMovedNeuronSum = moved;
                l.mostMovedNeuron = static_cast<int>(j);
            }
        }
        // the `top` largest |ΔW|: a bounded selection, no sort of all 156,800
        std::vector<WeightChange> best;
        for (Eigen::Index c = 0; c < d.cols(); ++c)
            for (Eigen::Index r = 0; r < d.rows(); ++r) {
                const double v = d(r, c);
                if (a(r, c) == b(r, c)) continue;
                ++l.changed;
                if (top == 0) continue;
                if (best.size() == top && std::fabs(v) <= std::fabs(best.back().delta())) continue;
                WeightChange w{l.layer, static_cast<int>(r), static_cast<int>(c), a(r, c), b(r, c)};
                const auto at = std::upper_bound(
                    best.begin(), best.end(), w, [](const WeightChange& x, const WeightChange& y) {
                        return std::fabs(x.delta()) > std::fabs(y.delta());
                    });
                best.insert(at, w);
                if (best.size() > top) best.pop_back();
            }
        l.largest = std::move(best);
        out.layers.push_back(std::move(l));
    }
    return out;
}

std::string WeightDiff::describe(int imageWidth) const {
    std::string s;
    char buf[256];
    for (const LayerDiff& l : layers) {
        std::snprintf(buf, sizeof buf, "W_%d (%d×%d): mean |ΔW| %.4g, largest ", l.layer, l.rows,
                      l.cols, l.meanAbs);
        s += buf;
        if (l.largest.empty()) {
            s += "none (unchanged)\n";
            continue;
        }
        const WeightChange& w = l.largest.front();
        std::snprintf(buf, sizeof buf, "%+.4g at neuron %d ← input %d", w.delta(), w.row, w.col);
        s += buf;
        if (l.layer == 0 && imageWidth > 0 && w.col < l.cols) {
            std::snprintf(buf, sizeof buf, " (x %d, y %d)", w.col % imageWidth, w.col / imageWidth);
            s += buf;
        }
        std::snprintf(buf, sizeof buf,
                      ", %.0f %% of the weights changed, the layer moved %.1f %% of its size; "
                      "neuron %d moved most (Σ|ΔW| %.3g)\n",
                      100.0 * static_cast<double>(l.changed) /
                          std::max(1.0, static_cast<double>(l.rows) * l.cols),
                      100.0 * l.relative, l.mostMovedNeuron, l.mostMovedNeuronSum);
        s += buf;
    }
    return s;
}

}  // namespace bp
