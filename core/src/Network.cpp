// Network.cpp — weights, initialisation, query, train and back query of the book's network.
#include "backprop/Network.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include "Phases.h"
#include "backprop/Limits.h"
#include "backprop/Random.h"

namespace bp {

std::string NetworkSpec::validate() const {
    if (layers.size() < 2) return "a network needs at least an input and an output layer";
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (layers[i] < 1) {
            std::ostringstream s;
            s << "layer " << i << " has " << layers[i] << " neurons; every layer needs at least 1";
            return s.str();
        }
        if (layers[i] > kMaxLayerNeurons)
            return "a layer of more than 1,000,000 neurons is not supported";
    }
    return networkMemoryProblem(layers, bias);  // before any weight is allocated
}

std::string NetworkSpec::describe() const {
    std::ostringstream s;
    for (std::size_t i = 0; i < layers.size(); ++i) s << (i ? "-" : "") << layers[i];
    s << ' ' << activationName(hidden);
    if (output != hidden) s << '/' << activationName(output);
    if (bias) s << " +bias";
    if (rule == ErrorRule::Gradient) s << " (gradient rule)";
    return s.str();
}

void PassValues::resize(const NetworkSpec& spec, bool keepDeltaW) {
    const std::size_t n = spec.layers.size();
    x.assign(n, Vector());
    o.assign(n, Vector());
    e.assign(n, Vector());
    delta.assign(n, Vector());
    for (std::size_t k = 0; k < n; ++k) {
        o[k] = Vector::Zero(spec.layers[k]);
        if (k > 0) {
            x[k] = Vector::Zero(spec.layers[k]);
            e[k] = Vector::Zero(spec.layers[k]);
            delta[k] = Vector::Zero(spec.layers[k]);
        }
    }
    target = Vector::Zero(spec.layers.back());
    dW.clear();
    if (keepDeltaW) {
        for (std::size_t k = 0; k + 1 < n; ++k)
            dW.push_back(Matrix::Zero(spec.layers[k + 1], spec.layers[k] + (spec.bias ? 1 : 0)));
    }
    error = 0;
}

Network::Network() : Network(NetworkSpec{}) {}

Network::Network(NetworkSpec spec) : m_spec(std::move(spec)) {
    if (const std::string why = m_spec.validate(); !why.empty()) throw std::invalid_argument(why);
    m_w.resize(m_spec.weightLayers());
    initialise(m_spec.seed);
    m_work.resize(m_spec, false);
}

Activation Network::activationOf(int layer) const {
    return layer >= weightLayers() ? m_spec.output : m_spec.hidden;
}

void Network::setWeights(int k, const Matrix& w) {
    if (k < 0 || k >= weightLayers())
        throw std::invalid_argument("no weight layer " + std::to_string(k));
    if (w.rows() != m_w[k].rows() || w.cols() != m_w[k].cols()) {
        std::ostringstream s;
        s << "W" << k << " must be " << m_w[k].rows() << "×" << m_w[k].cols() << ", got "
          << w.rows() << "×" << w.cols();
        throw std::invalid_argument(s.str());
    }
    m_w[k] = w;
}

void Network::initialise(std::uint64_t seed) {
    m_spec.seed = seed;
    Rng rng(seed);
    for (int k = 0; k < weightLayers(); ++k) {
        const int rows = m_spec.layers[k + 1];
        const int cols = m_spec.layers[k] + (m_spec.bias ? 1 : 0);
        // normal(0, 1/√(incoming links)), as the book's numpy.random.normal(0.0, pow(n, -0.5))
        const double stddev = 1.0 / std::sqrt(static_cast<double>(cols));
        m_w[k].resize(rows, cols);
        for (int j = 0; j < cols; ++j)
            for (int i = 0; i < rows; ++i) m_w[k](i, j) = rng.normal(0.0, stddev);
    }
}

Vector Network::query(const Eigen::Ref<const Vector>& input) const {
    PassValues v;
    forward(input, v);
    return v.o.back();
}

void Network::forward(const Eigen::Ref<const Vector>& input, PassValues& values) const {
    if (input.size() != inputs()) {
        throw std::invalid_argument("input has " + std::to_string(input.size()) +
                                    " values, the network expects " + std::to_string(inputs()));
    }
    if (values.o.size() != m_spec.layers.size() || values.o[0].size() != inputs())
        values.resize(m_spec, false);
    values.o[0] = input;
    for (int k = 0; k < weightLayers(); ++k) phase::forward(*this, values, k);
}

void Network::explain(const Eigen::Ref<const Vector>& input, const Eigen::Ref<const Vector>& target,
                      PassValues& values) const {
    if (target.size() != outputs()) {
        throw std::invalid_argument("target has " + std::to_string(target.size()) +
                                    " values, the network has " + std::to_string(outputs()) +
                                    " outputs");
    }
    forward(input, values);
    values.dW.clear();
    values.target = target;
    phase::outputError(*this, values);
    for (int k = weightLayers() - 1; k >= 0; --k) {
        if (k > 0) phase::backError(*this, values, k);
        phase::computeDelta(*this, values, k);  // what update(k) computes before it adds ΔW_k
    }
}

Scalar Network::train(const Eigen::Ref<const Vector>& input, const Eigen::Ref<const Vector>& target,
                      Scalar learningRate) {
    if (target.size() != outputs()) {
        throw std::invalid_argument("target has " + std::to_string(target.size()) +
                                    " values, the network has " + std::to_string(outputs()) +
                                    " outputs");
    }
    forward(input, m_work);
    m_work.target = target;
    phase::outputError(*this, m_work);
    for (int k = weightLayers() - 1; k >= 0; --k) {
        if (k > 0) phase::backError(*this, m_work, k);
        phase::update(*this, m_work, k, learningRate);
    }
    return m_work.error;
}

namespace {
// Rescales v into lo … hi (the book: v −= min; v /= max; v *= 0.98; v += 0.01).
void rescale(Vector& v, Scalar lo, Scalar hi) {
    v.array() -= v.minCoeff();
    const Scalar m = v.maxCoeff();
    if (m > 0) v /= m;
    v.array() *= (hi - lo);
    v.array() += lo;
}
}  // namespace

Vector Network::backquery(const Eigen::Ref<const Vector>& target) const {
    if (target.size() != outputs())
        throw std::invalid_argument("back query target must have one value per output");
    Vector o = target;
    for (int k = weightLayers() - 1; k >= 0; --k) {
        // x_{k+1} = f⁻¹(o_{k+1});  o_k = W_kᵀ · x_{k+1} (bias row dropped), rescaled
        const Activation f = activationOf(k + 1);
        if (k < weightLayers() - 1) {
            if (f == Activation::Tanh)
                rescale(o, -0.99, 0.99);
            else
                rescale(o, 0.01, 0.99);
        }
        Vector x(o.size());
        inverse(f, o, x);
        const Eigen::Index n = m_spec.layers[k];
        o = m_w[k].leftCols(n).transpose() * x;
    }
    rescale(o, 0.01, 0.99);
    return o;
}

bool Network::isFinite() const {
    for (const Matrix& w : m_w)
        if (!w.allFinite()) return false;
    return true;
}

std::size_t Network::parameterCount() const {
    std::size_t n = 0;
    for (const Matrix& w : m_w) n += static_cast<std::size_t>(w.size());
    return n;
}

Vector bookTarget(int label, int outputs) {
    Vector t = Vector::Constant(outputs, 0.01);
    if (label >= 0 && label < outputs) t(label) = 0.99;
    return t;
}

int argmax(const Eigen::Ref<const Vector>& v) {
    if (v.size() == 0) return -1;
    Eigen::Index best = 0;
    for (Eigen::Index i = 1; i < v.size(); ++i)
        if (v(i) > v(best)) best = i;
    return static_cast<int>(best);
}

}  // namespace bp
