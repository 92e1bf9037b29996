#include "lessons/models/SaturationDemo.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace bps::lessons {

SaturationDemo::SaturationDemo(std::shared_ptr<const bp::Dataset> data) : m_data(std::move(data)) {
    begin(Preparation{});
}

void SaturationDemo::restart(const Preparation& p) {
    begin(p);
    if (!hasData()) return;
    m_bookCurve.reserve(kDemoSamples);
    for (int s = 0; s < kDemoSamples; ++s) {
        trainOne(m_book);
        m_bookCurve.emplace_back(s + 1, windowMean(m_book.errors));
    }
}

void SaturationDemo::begin(const Preparation& p) {
    m_prep = p;
    m_demo = {};
    m_demo.prep = p;
    m_demo.net = makeNetwork(p);
    m_book = {};
    m_book.net = makeNetwork(Preparation{});
    m_facts = {};
    m_bookCurve.clear();
    if (!hasData()) return;
    std::vector<bp::Vector> ins(m_data->rows()), ts(m_data->rows());
    for (std::size_t i = 0; i < m_data->rows(); ++i) prepare(p, i, ins[i], ts[i]);
    m_facts = measure(*m_demo.net, ins, ts);
}

SaturationDemo::Curve SaturationDemo::train(int samples) {
    Curve points;
    if (!hasData()) return points;
    for (int s = 0; s < samples; ++s) {
        trainOne(m_demo);
        points.emplace_back(static_cast<double>(m_demo.errors.size()), error());
    }
    return points;
}

double SaturationDemo::trainOne(Run& run) {
    bp::Vector in, t;
    prepare(run.prep, run.next, in, t);
    const double e = run.net->train(in, t, kLearningRate);
    run.errors.push_back(e);
    run.next = (run.next + 1) % m_data->rows();
    return e;
}

void SaturationDemo::shownSample(bp::Vector& in, bp::Vector& target) const {
    const std::size_t rows = m_data->rows();
    const std::size_t i = m_demo.errors.empty() ? 0 : (m_demo.next + rows - 1) % rows;
    prepare(m_demo.prep, i, in, target);
}

void SaturationDemo::prepare(const Preparation& p, std::size_t i, bp::Vector& in,
                             bp::Vector& target) const {
    const std::uint8_t* row = m_data->row(i);
    in.resize(m_data->inputs);
    for (int j = 0; j < m_data->inputs; ++j) {
        const double x = row[j];
        switch (p.inputs) {
            case InputScaling::Book:
                in(j) = x / 255.0 * 0.99 + 0.01;
                break;
            case InputScaling::Raw:
                in(j) = x;
                break;
            case InputScaling::ZeroToOne:
                in(j) = x / 255.0;
                break;
        }
    }
    if (p.targets == Targets::Book) {
        target = bp::bookTarget(m_data->label(i), 10);
    } else {
        target = bp::Vector::Zero(10);
        target(m_data->label(i)) = 1.0;
    }
}

std::unique_ptr<bp::Network> SaturationDemo::makeNetwork(const Preparation& p) const {
    bp::NetworkSpec spec;
    spec.layers = {m_data && m_data->inputs > 0 ? m_data->inputs : 784, kHidden, 10};
    spec.seed = 1;
    auto net = std::make_unique<bp::Network>(spec);
    net->initialise(1);
    for (int k = 0; k < net->weightLayers(); ++k) {
        if (p.weights == Weights::Zero) net->weights(k).setZero();
        // normal(0, 1/√n) · 10√n = normal(0, 10)
        if (p.weights == Weights::Large)
            net->weights(k) *= 10.0 * std::sqrt(static_cast<double>(net->weights(k).cols()));
    }
    return net;
}

SaturationDemo::DataFacts SaturationDemo::measure(const bp::Network& net,
                                                  const std::vector<bp::Vector>& inputs,
                                                  const std::vector<bp::Vector>& targets) {
    DataFacts f;
    f.inputMin = f.targetMin = std::numeric_limits<double>::infinity();
    f.inputMax = f.targetMax = -std::numeric_limits<double>::infinity();
    for (const bp::Vector& v : inputs) {
        f.inputMin = std::min(f.inputMin, v.minCoeff());
        f.inputMax = std::max(f.inputMax, v.maxCoeff());
    }
    for (const bp::Vector& v : targets) {
        f.targetMin = std::min(f.targetMin, v.minCoeff());
        f.targetMax = std::max(f.targetMax, v.maxCoeff());
    }
    double sq = 0, bookSq = 0, count = 0;
    f.weightsAllZero = true;
    for (const bp::Matrix& w : net.allWeights()) {
        sq += w.squaredNorm();
        bookSq += static_cast<double>(w.size()) / static_cast<double>(w.cols());  // var 1/n
        count += static_cast<double>(w.size());
        if (!w.isZero(0.0)) f.weightsAllZero = false;
    }
    f.weightRms = count > 0 ? std::sqrt(sq / count) : 0;
    f.bookWeightRms = count > 0 ? std::sqrt(bookSq / count) : 0;
    return f;
}

double SaturationDemo::windowMean(const std::vector<double>& e) {
    if (e.empty()) return 0;
    const std::size_t n = std::min<std::size_t>(e.size(), kWindow);
    double s = 0;
    for (std::size_t i = e.size() - n; i < e.size(); ++i) s += e[i];
    return s / static_cast<double>(n);
}

}  // namespace bps::lessons
