// SnapshotBuilder.h — the one way the network part of a Snapshot is made: by the training worker,
// by the lessons (their own small networks) and by the view tests. The caller fills in the rest
// (sample index, label, image shape, the run's counters).
#pragma once

#include <memory>

#include "backprop/Network.h"
#include "backprop/Stepper.h"
#include "training/Snapshot.h"

namespace bps {

// True once a stepper's forward pass has reached the output layer (the prediction exists).
bool forwardPassDone(const bp::Stepper& st);

// A stepper in the middle of (or after) its sample: its network's weights, its values with the
// ΔW it applied, the phase just run and the next one, and the prediction once it exists.
std::shared_ptr<Snapshot> snapshotOfStepper(const bp::Stepper& st, double learningRate);

// A whole step of `net` on one sample, shown and not taken (Network::explain): the weights,
// x, o, E = T − O and every layer's error and delta, no phase (as at full speed). ΔW is not
// kept; the views derive it from delta and o.
std::shared_ptr<Snapshot> snapshotOfSample(const bp::Network& net, const bp::Vector& input,
                                           const bp::Vector& target, double learningRate);

}  // namespace bps
