// Stepper.cpp — one phase at a time through the functions Network::train uses.
#include "backprop/Stepper.h"

#include <stdexcept>

#include "Phases.h"

namespace bp {

std::vector<Phase> phasesOf(int weightLayers) {
    std::vector<Phase> p;
    for (int k = 0; k < weightLayers; ++k) p.push_back({PhaseKind::Forward, k});
    p.push_back({PhaseKind::OutputError, weightLayers});
    for (int k = weightLayers - 1; k >= 0; --k) {
        if (k > 0) p.push_back({PhaseKind::BackError, k});
        p.push_back({PhaseKind::Update, k});
    }
    return p;
}

std::string describePhase(const Phase& p) {
    switch (p.kind) {
        case PhaseKind::Forward:
            return "forward W" + std::to_string(p.layer);
        case PhaseKind::OutputError:
            return "output error";
        case PhaseKind::BackError:
            return "back error W" + std::to_string(p.layer);
        case PhaseKind::Update:
            return "update W" + std::to_string(p.layer);
    }
    return "?";
}

Stepper::Stepper(Network& network) : m_net(network), m_phases(phasesOf(network.weightLayers())) {
    m_values.resize(network.spec(), true);
}

void Stepper::setSample(const Eigen::Ref<const Vector>& input,
                        const Eigen::Ref<const Vector>& target) {
    if (input.size() != m_net.inputs() || target.size() != m_net.outputs())
        throw std::invalid_argument("sample does not fit the network's input or output size");
    if (m_phases.size() != phasesOf(m_net.weightLayers()).size() ||
        m_values.o.size() != m_net.spec().layers.size()) {
        m_phases = phasesOf(m_net.weightLayers());
    }
    m_values.resize(m_net.spec(), true);
    m_values.o[0] = input;
    m_values.target = target;
    m_next = 0;
    m_hasSample = true;
}

const Phase& Stepper::nextPhase() const {
    return m_phases.at(m_next);
}

const Phase* Stepper::lastPhase() const {
    return m_next == 0 ? nullptr : &m_phases[m_next - 1];
}

bool Stepper::step(Scalar learningRate) {
    if (!m_hasSample || finished()) return false;
    const Phase p = m_phases[m_next];
    switch (p.kind) {
        case PhaseKind::Forward:
            phase::forward(m_net, m_values, p.layer);
            break;
        case PhaseKind::OutputError:
            phase::outputError(m_net, m_values);
            break;
        case PhaseKind::BackError:
            phase::backError(m_net, m_values, p.layer);
            break;
        case PhaseKind::Update:
            phase::update(m_net, m_values, p.layer, learningRate);
            break;
    }
    ++m_next;
    return true;
}

void Stepper::finish(Scalar learningRate) {
    while (step(learningRate)) {
    }
}

}  // namespace bp
