// SnapshotBuilder.cpp — snapshots from a stepper or from one sample of a network.
#include "training/SnapshotBuilder.h"

namespace bps {

bool forwardPassDone(const bp::Stepper& st) {
    return st.phaseIndex() >= static_cast<std::size_t>(st.network().weightLayers());
}

std::shared_ptr<Snapshot> snapshotOfStepper(const bp::Stepper& st, double learningRate) {
    auto s = std::make_shared<Snapshot>();
    const bp::Network& net = st.network();
    s->spec = net.spec();
    s->weights = net.allWeights();
    s->values = st.values();
    if (const bp::Phase* p = st.lastPhase()) s->lastPhase = *p;
    if (!st.finished()) s->nextPhase = st.nextPhase();
    if (forwardPassDone(st)) s->prediction = bp::argmax(s->values.o.back());
    s->learningRate = learningRate;
    return s;
}

std::shared_ptr<Snapshot> snapshotOfSample(const bp::Network& net, const bp::Vector& input,
                                           const bp::Vector& target, double learningRate) {
    auto s = std::make_shared<Snapshot>();
    s->spec = net.spec();
    s->weights = net.allWeights();
    net.explain(input, target, s->values);
    s->prediction = bp::argmax(s->values.o.back());
    s->learningRate = learningRate;
    return s;
}

}  // namespace bps
