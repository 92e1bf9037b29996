// LessonSnapshot.h — Snapshot values built from a lesson's own bp::Stepper or bp::Network, so
// lessons can reuse the studio's NetworkView and MathsPanel (which take a SnapshotPtr).
#pragma once

#include <memory>

#include "backprop/Network.h"
#include "backprop/Stepper.h"
#include "training/Snapshot.h"

namespace bps::lessons {

// Index of the largest entry (−1 for an empty vector).
inline int argmaxOf(const bp::Vector& v) {
    if (v.size() == 0) return -1;
    int best = 0;
    for (int i = 1; i < v.size(); ++i)
        if (v(i) > v(best)) best = i;
    return best;
}

// What the studio's controller hands the views after the stepper's last phase: spec, weight
// copies, the stepper's values, the phase just run and the next one.
inline SnapshotPtr snapshotOfStepper(const bp::Stepper& st, double learningRate) {
    auto s = std::make_shared<Snapshot>();
    const bp::Network& net = st.network();
    s->spec = net.spec();
    s->weights = net.allWeights();
    s->values = st.values();
    if (const bp::Phase* p = st.lastPhase()) s->lastPhase = *p;
    if (!st.finished()) s->nextPhase = st.nextPhase();
    const int L = net.weightLayers();
    const bool forwardDone = st.lastPhase() && !(st.lastPhase()->kind == bp::PhaseKind::Forward &&
                                                 st.lastPhase()->layer < L - 1);
    s->prediction = forwardDone ? argmaxOf(s->values.o[L]) : -1;
    s->learningRate = learningRate;
    s->sample = 0;
    return s;
}

// A full-speed snapshot (no phase) of `net` on one input and target: forward pass and output
// error, as the studio shows while training. imageW × imageH: the input's image shape (0: none).
inline SnapshotPtr snapshotOfNetwork(const bp::Network& net, const bp::Vector& input,
                                     const bp::Vector& target, double learningRate, int imageW = 0,
                                     int imageH = 0) {
    auto s = std::make_shared<Snapshot>();
    s->spec = net.spec();
    s->weights = net.allWeights();
    s->values.resize(net.spec(), false);
    net.forward(input, s->values);
    const int L = net.weightLayers();
    s->values.target = target;
    s->values.e[L] = target - s->values.o[L];  // E = T − O
    s->values.error = s->values.e[L].squaredNorm();
    s->prediction = argmaxOf(s->values.o[L]);
    s->label = argmaxOf(target);
    s->learningRate = learningRate;
    s->sample = 0;
    if (imageW * imageH == net.inputs()) {
        s->imageWidth = imageW;
        s->imageHeight = imageH;
    }
    return s;
}

}  // namespace bps::lessons
