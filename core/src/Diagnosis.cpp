// Diagnosis.cpp — observations of a run (probe forward pass, saturation counts) and the rules
// of Diagnosis.h that read them.
#include "backprop/Diagnosis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace bp {
namespace {

constexpr std::size_t kStretch = 8;      // observations the stall and oscillation rules read
constexpr double kSaturatedShare = 0.9;  // a neuron saturated on ≥ 90 % of the probe samples

// 1,234,567
std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string num(double v) {
    char buf[32];
    const double a = std::fabs(v);
    if (a != 0 && (a >= 1e5 || a < 1e-3))
        std::snprintf(buf, sizeof buf, "%.2g", v);
    else if (a >= 100)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else if (a >= 10)
        std::snprintf(buf, sizeof buf, "%.1f", v);
    else
        std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// Index of the smallest probe error in [from, to) (the first one on ties).
std::size_t bestIn(const std::vector<Observation>& obs, std::size_t from, std::size_t to) {
    std::size_t best = from;
    for (std::size_t i = from; i < to; ++i)
        if (obs[i].probeError < obs[best].probeError) best = i;
    return best;
}

// The probe error of obs[from, to) is flat: its range ≤ 10 % of its mean + 0.01.
bool flat(const std::vector<Observation>& obs, std::size_t from, std::size_t to, double* mean) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo, sum = 0;
    for (std::size_t i = from; i < to; ++i) {
        lo = std::min(lo, obs[i].probeError);
        hi = std::max(hi, obs[i].probeError);
        sum += obs[i].probeError;
    }
    const double m = sum / static_cast<double>(to - from);
    if (mean) *mean = m;
    return hi - lo <= 0.1 * m + 0.01;
}

void range(const std::vector<Observation>& obs, std::size_t from, std::size_t to, Diagnosis& d) {
    d.errorLow = std::numeric_limits<double>::infinity();
    d.errorHigh = -d.errorLow;
    for (std::size_t i = from; i < to; ++i) {
        d.errorLow = std::min(d.errorLow, obs[i].probeError);
        d.errorHigh = std::max(d.errorHigh, obs[i].probeError);
    }
}

}  // namespace

std::string_view troubleName(Trouble t) {
    switch (t) {
        case Trouble::Diverges:
            return "diverges";
        case Trouble::Stalls:
            return "stalls";
        case Trouble::Oscillates:
            return "oscillates";
        case Trouble::None:
            break;
    }
    return "none";
}

Diagnosis diagnose(const std::vector<Observation>& obs) {
    Diagnosis d;
    if (obs.empty()) return d;
    const std::size_t n = obs.size();
    const Observation& now = obs.back();
    d.errorNow = now.probeError;
    d.weightNow = now.maxAbsWeight;
    d.weightLayer = now.maxWeightLayer;
    d.saturated = now.saturatedHidden;
    d.dead = now.deadHidden;
    d.hidden = now.hiddenNeurons;
    d.saturatedOutputs = now.saturatedOutputs;
    d.outputs = now.outputNeurons;
    d.learningRate = now.learningRate;
    const double w0 = obs.front().maxAbsWeight;
    // the last observation whose largest weight was still within twice the first one's
    auto lastNormal = [&](std::size_t before) {
        std::size_t i = 0;
        for (std::size_t j = 0; j < before; ++j)
            if (std::isfinite(obs[j].maxAbsWeight) && obs[j].maxAbsWeight <= 2 * w0) i = j;
        return i;
    };

    // Diverges: NaN or ∞.
    for (std::size_t b = 0; b < n; ++b) {
        if (obs[b].finite) continue;
        d.trouble = Trouble::Diverges;
        d.nonFinite = true;
        d.atSample = obs[b].sample;
        const std::size_t good = b > 0 ? bestIn(obs, 0, b) : 0;
        d.lastGoodSample = obs[good].sample;
        d.errorThen = obs[good].probeError;
        const std::size_t since = lastNormal(b);
        d.sinceSample = obs[since].sample;
        d.weightThen = obs[since].maxAbsWeight;
        if (b > 0) {  // the last finite weights say how far they had grown
            d.weightNow = obs[b - 1].maxAbsWeight;
            d.weightLayer = obs[b - 1].maxWeightLayer;
        }
        return d;
    }

    // Stalls: flat and not low, with most hidden neurons (or every output) saturated. Read first:
    // weights that blew up and then froze are a stall (the message says how far they grew).
    const bool stuckHidden =
        now.hiddenNeurons > 0 && 2 * (now.saturatedHidden + now.deadHidden) > now.hiddenNeurons;
    const bool stuckOutputs = now.outputNeurons > 0 && now.saturatedOutputs == now.outputNeurons;
    double mean = 0;
    if (n >= kStretch && flat(obs, n - kStretch, n, &mean) && mean >= 0.1 &&
        (stuckHidden || stuckOutputs)) {
        std::size_t start = n - kStretch;  // the flat stretch reaches back as far as it stays flat
        while (start > 0 && flat(obs, start - 1, n, nullptr)) --start;
        d.trouble = Trouble::Stalls;
        d.atSample = d.sinceSample = obs[start].sample;
        const std::size_t good = start > 0 ? start - 1 : 0;
        d.lastGoodSample = obs[good].sample;
        d.errorThen = obs[good].probeError;
        const std::size_t since = lastNormal(start + 1);  // how far the weights had grown
        d.weightThen = obs[since].maxAbsWeight;
        range(obs, start, n, d);
        return d;
    }

    // Diverges: the weights blow up, and keep growing, while the error gets worse than its best.
    const double blowUp = std::max(10 * w0, 5.0);
    const std::size_t best = bestIn(obs, 0, n);
    const double earlier = obs[n > kStretch ? n - 1 - kStretch : 0].maxAbsWeight;
    const double bestError = obs[best].probeError;
    if (now.maxAbsWeight >= blowUp && now.maxAbsWeight >= 1.5 * earlier &&
        now.probeError >= bestError + std::max(0.05, 0.25 * bestError)) {
        std::size_t at = n - 1;
        while (at > 0 && obs[at - 1].maxAbsWeight >= blowUp) --at;
        d.trouble = Trouble::Diverges;
        d.atSample = obs[at].sample;
        const std::size_t good = bestIn(obs, 0, at + 1);
        d.lastGoodSample = obs[good].sample;
        d.errorThen = obs[good].probeError;
        const std::size_t since = lastNormal(at + 1);
        d.sinceSample = obs[since].sample;
        d.weightThen = obs[since].maxAbsWeight;
        range(obs, since, n, d);
        d.errorLow = std::min(d.errorLow, bestError);  // its best, wherever it was
        return d;
    }
    if (n <= kStretch) return d;  // the stretch starts after the first observation (the start)
    const std::size_t from = n - kStretch;

    // Oscillates: up and down, in big steps, without a new low.
    int reversals = 0;
    double steps = 0, sum = 0;
    for (std::size_t i = from; i < n; ++i) {
        sum += obs[i].probeError;
        if (i > from) steps += std::fabs(obs[i].probeError - obs[i - 1].probeError);
        if (i >= from + 2) {
            const double a = obs[i - 1].probeError - obs[i - 2].probeError;
            const double b = obs[i].probeError - obs[i - 1].probeError;
            if ((a > 0 && b < 0) || (a < 0 && b > 0)) ++reversals;
        }
    }
    mean = sum / static_cast<double>(kStretch);
    const double meanStep = steps / static_cast<double>(kStretch - 1);
    const std::size_t half = from + kStretch / 2;
    double firstLow = std::numeric_limits<double>::infinity(), secondLow = firstLow;
    for (std::size_t i = from; i < n; ++i)
        (i < half ? firstLow : secondLow) =
            std::min(i < half ? firstLow : secondLow, obs[i].probeError);
    if (reversals >= 4 && meanStep >= std::max(0.3 * mean, 0.05) && secondLow > firstLow) {
        d.trouble = Trouble::Oscillates;
        d.atSample = d.sinceSample = obs[from].sample;
        d.reversals = reversals;
        const std::size_t good = bestIn(obs, from, n);
        d.lastGoodSample = obs[good].sample;
        d.errorThen = obs[good].probeError;
        d.weightThen = obs[from].maxAbsWeight;
        range(obs, from, n, d);
    }
    return d;
}

std::string Diagnosis::describe() const {
    const std::string layer = "W_" + std::to_string(weightLayer);
    std::string s;
    switch (trouble) {
        case Trouble::None:
            return "No trouble seen: the error is not stuck, not swinging and no weight is "
                   "running away.";
        case Trouble::Diverges:
            if (nonFinite) {
                s = "Training diverged at sample " + grouped(atSample) +
                    ": a weight or an output became NaN or infinite (learning rate " +
                    num(learningRate) + "). The largest weight had grown from " + num(weightThen) +
                    " at sample " + grouped(sinceSample) + " to " + num(weightNow) + " (in " +
                    layer + ").";
            } else {
                s = "Training diverges: the largest weight (in " + layer + ") grew from " +
                    num(weightThen) + " to " + num(weightNow) + " since sample " +
                    grouped(sinceSample) +
                    ", while the error on the probe samples is worse than its best, " +
                    num(errorLow) + " (now " + num(errorNow) + ")";
                if (hidden > 0)
                    s += "; " + std::to_string(saturated) + " of " + std::to_string(hidden) +
                         " hidden neurons are saturated";
                s += ".";
            }
            s += " The last good checkpoint is at sample " + grouped(lastGoodSample) +
                 "; rewind there and lower the learning rate.";
            return s;
        case Trouble::Stalls:
            s = "Training stalls: since sample " + grouped(sinceSample) +
                " the error on the probe samples has stayed between " + num(errorLow) + " and " +
                num(errorHigh) + " while ";
            if (2 * (saturated + dead) > hidden && hidden > 0) {
                s += std::to_string(saturated + dead) + " of " + std::to_string(hidden) +
                     " hidden neurons are " +
                     (dead > saturated ? "dead (ReLU output 0 for every probe sample)"
                                       : "saturated (slope f' < 0.01: their updates hardly "
                                         "move them)");
            } else {
                s += "all " + std::to_string(outputs) +
                     " output neurons are saturated (slope f' < 0.01)";
            }
            s += " (learning rate " + num(learningRate) + ").";
            if (weightNow >= 10 * weightThen)
                s += " The largest weight (in " + layer + ") had grown from " + num(weightThen) +
                     " to " + num(weightNow) + ".";
            s += " Rewind to sample " + grouped(lastGoodSample) +
                 " and lower the learning rate, or start again.";
            return s;
        case Trouble::Oscillates:
            s = "Training oscillates: since sample " + grouped(sinceSample) +
                " the error on the probe samples has turned " + std::to_string(reversals) +
                " times between " + num(errorLow) + " and " + num(errorHigh) +
                " without a new low (learning rate " + num(learningRate) +
                "). Its lowest point was at sample " + grouped(lastGoodSample) +
                "; rewind there and lower the learning rate.";
            return s;
    }
    return s;
}

RunWatcher::RunWatcher(const Dataset& train, const NetworkSpec& spec, std::size_t probeSize)
    : m_spec(spec) {
    const std::size_t rows = train.rows();
    const std::size_t p = std::min(probeSize, rows);
    const int outputs = spec.layers.back();
    m_probe.resize(train.inputs, static_cast<Eigen::Index>(p));
    m_probeTargets = Matrix::Constant(outputs, static_cast<Eigen::Index>(p), 0.01);
    for (std::size_t c = 0; c < p; ++c) {
        const std::size_t i = c * rows / p;  // evenly spread over the file
        const auto col = static_cast<Eigen::Index>(c);
        train.input(i, m_probe.col(col));
        if (train.label(i) < outputs) m_probeTargets(train.label(i), col) = 0.99;
    }
}

const Observation& RunWatcher::observe(const Network& net, const TrainProgress& progress) {
    Observation o;
    o.sample = progress.samplesSeen;
    o.runningError = progress.runningError;
    o.learningRate = progress.learningRate;
    o.maxAbsWeight = 0;
    for (int k = 0; k < net.weightLayers(); ++k) {
        const Matrix& w = net.weights(k);
        if (!w.allFinite()) o.finite = false;
        const double m = w.size() ? w.cwiseAbs().maxCoeff() : 0.0;
        if (m > o.maxAbsWeight || k == 0) {
            o.maxAbsWeight = m;
            o.maxWeightLayer = k;
        }
    }
    const int L = net.weightLayers();
    const auto P = m_probe.cols();
    if (o.finite && P > 0) {
        Matrix act = m_probe;  // O_k for every probe sample (one column each)
        for (int k = 0; k < L; ++k) {
            const Matrix& W = net.weights(k);
            const Eigen::Index in = net.spec().layers[static_cast<std::size_t>(k)];
            Matrix x = W.leftCols(in) * act;  // X_{k+1} = W_k · O_k
            if (net.spec().bias) x.colwise() += W.col(in);
            const Activation a = net.activationOf(k + 1);
            act.resize(x.rows(), x.cols());
            activate(a, x, act);
            for (Eigen::Index j = 0; j < act.rows(); ++j) {
                Eigen::Index sat = 0, zero = 0;
                for (Eigen::Index c = 0; c < P; ++c) {
                    sat += isSaturated(a, act(j, c));
                    zero += a == Activation::ReLU && act(j, c) <= 0;
                }
                const bool isSat =
                    static_cast<double>(sat) >= kSaturatedShare * static_cast<double>(P);
                if (k + 1 < L) {
                    o.saturatedHidden += isSat;
                    o.deadHidden += zero == P;
                    ++o.hiddenNeurons;
                } else {
                    o.saturatedOutputs += isSat;
                    ++o.outputNeurons;
                }
            }
        }
        o.probeError = (m_probeTargets - act).colwise().squaredNorm().mean();  // Σ(T−O)²
        if (!std::isfinite(o.probeError)) o.finite = false;
    }
    if (!o.finite) o.probeError = std::numeric_limits<double>::quiet_NaN();
    append(o);
    return m_observations.back();
}

void RunWatcher::noteDivergence(std::uint64_t sample, double learningRate) {
    Observation o;
    o.sample = sample;
    o.learningRate = learningRate;
    o.finite = false;
    o.probeError = o.runningError = o.maxAbsWeight = std::numeric_limits<double>::quiet_NaN();
    append(o);
}

void RunWatcher::truncateAfter(std::uint64_t sample) {
    while (!m_observations.empty() && m_observations.back().sample > sample)
        m_observations.pop_back();
    if (m_first.trouble != Trouble::None && m_firstSeenAt > sample) m_first = Diagnosis{};
}

void RunWatcher::clear() {
    m_observations.clear();
    m_first = Diagnosis{};
}

void RunWatcher::append(const Observation& o) {
    truncateAfter(o.sample);
    if (!m_observations.empty() && m_observations.back().sample == o.sample)
        m_observations.pop_back();
    m_observations.push_back(o);
    if (m_observations.size() > kMaxObservations) {  // keep the first and every other one
        std::vector<Observation> kept;
        kept.reserve(kMaxObservations / 2 + 1);
        for (std::size_t i = 0; i < m_observations.size(); i += 2)
            kept.push_back(m_observations[i]);
        if (kept.back().sample != m_observations.back().sample)
            kept.push_back(m_observations.back());
        m_observations = std::move(kept);
    }
    if (m_first.trouble == Trouble::None) {
        m_first = diagnose(m_observations);
        m_firstSeenAt = o.sample;
    }
}

}  // namespace bp
