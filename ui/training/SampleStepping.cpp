// SampleStepping.cpp — stepping a sample phase by phase, and giving it back to the trainer.
#include "training/SampleStepping.h"

namespace bps::detail {

SampleStepping::SampleStepping(bp::Network& net)
    : m_net(net), m_stepper(std::make_unique<bp::Stepper>(net)) {}

bool SampleStepping::halfDone() const {
    return m_stepper->hasSample() && m_stepper->started() && !m_stepper->finished();
}

bool SampleStepping::start(const bp::Dataset& data, long trainerNext) {
    if (halfDone()) return true;
    const long i = current(trainerNext);
    if (i < 0) return false;
    m_fromTrainer = m_pinned < 0;
    if (m_fromTrainer) m_before = m_net.allWeights();
    m_index = i;
    const auto idx = static_cast<std::size_t>(i);
    m_stepper->setSample(data.input(idx), bp::bookTarget(data.label(idx), m_net.outputs()));
    return true;
}

bool SampleStepping::stepPhase(const bp::Dataset& data, long trainerNext, double lr,
                               const TrainOnTrainer& t) {
    if (!start(data, trainerNext)) return false;
    m_stepper->step(lr);
    m_showing = true;
    if (m_stepper->finished()) complete(lr, t);
    return true;
}

bool SampleStepping::stepSample(const bp::Dataset& data, long trainerNext, double lr,
                                const TrainOnTrainer& t) {
    if (!start(data, trainerNext)) return false;
    m_stepper->finish(lr);
    m_showing = true;
    complete(lr, t);
    return true;
}

void SampleStepping::completeHalf(double lr, const TrainOnTrainer& t) {
    if (!halfDone()) return;
    m_stepper->finish(lr);
    complete(lr, t);
}

void SampleStepping::complete(double lr, const TrainOnTrainer& t) {
    if (!m_stepper->finished()) m_stepper->finish(lr);
    if (m_fromTrainer && t) {
        for (int k = 0; k < m_net.weightLayers(); ++k) m_net.setWeights(k, m_before[k]);
        t();
    }
    m_fromTrainer = false;
}

void SampleStepping::drop() {
    m_stepper = std::make_unique<bp::Stepper>(m_net);
    m_fromTrainer = false;
    m_showing = false;
}

}  // namespace bps::detail
