#include "lessons/models/Playground.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "backprop/Random.h"

namespace bps::lessons {
namespace {

constexpr double kPi = 3.14159265358979323846;

void shuffleWith(std::vector<std::size_t>& v, bp::Rng& rng) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(i)]);
}

}  // namespace

std::vector<PlanePoint> makePlaneData(PlaneShape shape, int n, double noise, std::uint64_t seed) {
    bp::Rng rng(seed);
    std::vector<PlanePoint> pts;
    if (shape == PlaneShape::User || n <= 0) return pts;
    pts.reserve(static_cast<std::size_t>(n));
    auto uni = [&rng](double lo, double hi) { return lo + (hi - lo) * rng.uniform(); };
    for (int i = 0; i < n; ++i) {
        PlanePoint p;
        switch (shape) {
            case PlaneShape::Xor: {
                // Uniform in the square, away from the axes; label 0 where x·y > 0.
                p.x = uni(0.08, 0.95) * (rng.uniform() < 0.5 ? -1 : 1);
                p.y = uni(0.08, 0.95) * (rng.uniform() < 0.5 ? -1 : 1);
                p.label = p.x * p.y > 0 ? 0 : 1;
                break;
            }
            case PlaneShape::Circle: {
                // Half inside radius 0.45 (label 0), half in the ring 0.65 … 0.95 (label 1).
                p.label = i % 2;
                const double r = p.label == 0 ? uni(0.0, 0.45) : uni(0.65, 0.95);
                const double t = uni(0, 2 * kPi);
                p.x = r * std::cos(t);
                p.y = r * std::sin(t);
                break;
            }
            case PlaneShape::Gaussians: {
                p.label = i % 2;
                const double c = p.label == 0 ? 0.45 : -0.45;
                p.x = rng.normal(c, 0.2);
                p.y = rng.normal(c, 0.2);
                break;
            }
            case PlaneShape::Spiral: {
                // Two arms, each turning 1.75 times: r = 0.9·s, angle = 1.75·2π·s + π·label.
                p.label = i % 2;
                const double s = static_cast<double>(i / 2) / (n / 2.0);
                const double r = 0.05 + 0.85 * s;
                const double t = 1.75 * 2 * kPi * s + kPi * p.label;
                p.x = r * std::sin(t);
                p.y = r * std::cos(t);
                break;
            }
            case PlaneShape::User:
                break;
        }
        if (noise > 0) {
            p.x += rng.normal(0, 0.25 * noise);
            p.y += rng.normal(0, 0.25 * noise);
        }
        p.x = std::clamp(p.x, -1.0, 1.0);
        p.y = std::clamp(p.y, -1.0, 1.0);
        pts.push_back(p);
    }
    return pts;
}

PlaygroundModel::PlaygroundModel() {
    reset(m_settings);
}

void PlaygroundModel::reset(const PlaygroundSettings& settings) {
    m_settings = settings;
    bp::NetworkSpec spec;
    if (settings.hidden > 0)
        spec.layers = {2, settings.hidden, 2};
    else
        spec.layers = {2, 2};
    spec.hidden = settings.activation;
    spec.output = bp::Activation::Sigmoid;
    spec.bias = true;
    spec.rule = bp::ErrorRule::Book;
    spec.seed = settings.seed;
    m_net = std::make_unique<bp::Network>(spec);
    m_net->initialise(settings.seed);
    m_seen = 0;
    m_orderSeed = settings.seed;
    newOrder();
}

void PlaygroundModel::setData(const std::vector<PlanePoint>& all, double testShare,
                              std::uint64_t seed) {
    std::vector<std::size_t> idx(all.size());
    std::iota(idx.begin(), idx.end(), 0);
    bp::Rng rng(seed ^ 0x9e3779b97f4a7c15ULL);
    shuffleWith(idx, rng);
    const auto nTest = static_cast<std::size_t>(
        std::lround(std::clamp(testShare, 0.0, 0.9) * static_cast<double>(all.size())));
    m_train.clear();
    m_test.clear();
    for (std::size_t q = 0; q < idx.size(); ++q)
        (q < idx.size() - nTest ? m_train : m_test).push_back(all[idx[q]]);
    newOrder();
}

void PlaygroundModel::addTrainingPoint(const PlanePoint& p) {
    m_train.push_back(p);
    newOrder();
}

void PlaygroundModel::newOrder() {
    m_order.resize(m_train.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    bp::Rng rng(m_orderSeed++);
    shuffleWith(m_order, rng);
    m_pos = 0;
}

double PlaygroundModel::train(int samples) {
    if (m_train.empty() || samples <= 0) return 0;
    double sum = 0;
    bp::Vector in(2);
    for (int s = 0; s < samples; ++s) {
        if (m_pos >= m_order.size()) newOrder();
        const PlanePoint& p = m_train[m_order[m_pos++]];
        in << p.x, p.y;
        sum += m_net->train(in, bp::bookTarget(p.label, 2), m_settings.learningRate);
        ++m_seen;
    }
    return sum / samples;
}

int PlaygroundModel::predict(double x, double y) const {
    bp::Vector in(2);
    in << x, y;
    const bp::Vector o = m_net->query(in);
    return o(1) > o(0) ? 1 : 0;
}

double PlaygroundModel::accuracy(const std::vector<PlanePoint>& pts) const {
    if (pts.empty()) return 0;
    const bp::Matrix o = forwardBatch(inputsOf(pts), nullptr);
    int right = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const auto c = static_cast<Eigen::Index>(i);
        right += (o(1, c) > o(0, c) ? 1 : 0) == pts[i].label ? 1 : 0;
    }
    return static_cast<double>(right) / static_cast<double>(pts.size());
}

double PlaygroundModel::loss(const std::vector<PlanePoint>& pts) const {
    if (pts.empty()) return 0;
    const bp::Matrix o = forwardBatch(inputsOf(pts), nullptr);
    double sum = 0;
    for (std::size_t i = 0; i < pts.size(); ++i)
        sum += (bp::bookTarget(pts[i].label, 2) - o.col(static_cast<Eigen::Index>(i)))
                   .squaredNorm();  // Σ(T−O)²
    return sum / static_cast<double>(pts.size());
}

double PlaygroundModel::epochs() const {
    return m_train.empty() ? 0.0
                           : static_cast<double>(m_seen) / static_cast<double>(m_train.size());
}

// Forward pass of many points at once: in is 3 × n (x, y, 1); returns O (2 × n) and, when
// hidden is given and there is a hidden layer, H (n_h × n). Same weights and activation
// functions as Network::query, one matrix product per layer.
bp::Matrix PlaygroundModel::forwardBatch(const bp::Matrix& in, bp::Matrix* hidden) const {
    const bp::Network& net = *m_net;
    bp::Matrix out;
    if (net.weightLayers() == 1) {
        out.noalias() = net.weights(0) * in;  // X = W_0·In, 2 × n
        bp::activate(net.activationOf(1), out, out);
        return out;
    }
    const bp::Matrix& w0 = net.weights(0);
    bp::Matrix h(w0.rows() + 1, in.cols());
    h.topRows(w0.rows()).noalias() = w0 * in;  // X_h = W_0·In
    bp::activate(net.activationOf(1), h.topRows(w0.rows()), h.topRows(w0.rows()));
    h.row(w0.rows()).setOnes();          // the hidden layer's bias node
    out.noalias() = net.weights(1) * h;  // X_o = W_1·[H; 1]
    bp::activate(net.activationOf(2), out, out);
    if (hidden) *hidden = h.topRows(w0.rows());
    return out;
}

bp::Matrix PlaygroundModel::inputsOf(const std::vector<PlanePoint>& pts) {
    bp::Matrix in(3, static_cast<Eigen::Index>(pts.size()));
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const auto c = static_cast<Eigen::Index>(i);
        in(0, c) = pts[i].x;
        in(1, c) = pts[i].y;
        in(2, c) = 1.0;
    }
    return in;
}

bp::Matrix PlaygroundModel::gridOf(int side) {
    bp::Matrix in(3, side * side);
    for (int r = 0; r < side; ++r)
        for (int c = 0; c < side; ++c) {
            const int g = r * side + c;
            in(0, g) = -1.0 + 2.0 * (c + 0.5) / side;  // x
            in(1, g) = 1.0 - 2.0 * (r + 0.5) / side;   // y
            in(2, g) = 1.0;
        }
    return in;
}

PlaygroundModel::Maps PlaygroundModel::maps(int side, int hiddenSide) const {
    Maps m;
    m.side = side;
    m.hiddenSide = hiddenSide;
    const bp::Matrix out = forwardBatch(gridOf(side), nullptr);  // 2 × side²
    m.decision.resize(static_cast<std::size_t>(side * side));
    for (int g = 0; g < side * side; ++g)
        m.decision[static_cast<std::size_t>(g)] = out(1, g) - out(0, g);
    if (m_net->weightLayers() == 2) {
        bp::Matrix h;  // n_h × hiddenSide²
        forwardBatch(gridOf(hiddenSide), &h);
        const int n = hiddenSide * hiddenSide;
        m.hidden.assign(static_cast<std::size_t>(h.rows()),
                        std::vector<double>(static_cast<std::size_t>(n)));
        for (int j = 0; j < h.rows(); ++j)
            for (int g = 0; g < n; ++g)
                m.hidden[static_cast<std::size_t>(j)][static_cast<std::size_t>(g)] = h(j, g);
    }
    return m;
}

}  // namespace bps::lessons
