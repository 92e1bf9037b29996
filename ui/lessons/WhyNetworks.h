// WhyNetworks.h — the network and sample the "why it learns" lessons work on when the studio
// has given them none: the book's three layers of three (W_input_hidden, W_hidden_output and the
// input 0.9, 0.1, 0.8 of "Multiplying signals: three layers", the same as the book-examples
// lesson's preset) with the book's target for label 1; and the studio's network and current
// sample from a snapshot, when it has one.
#pragma once

#include <optional>

#include "backprop/Network.h"
#include "training/Snapshot.h"

namespace bps::why {

struct NetAndSample {
    bp::Network net;
    bp::Vector input;   // I
    bp::Vector target;  // T
};

// The book's 3-3-3 network, its errors sent back by `rule`, on (0.9, 0.1, 0.8) → label 1.
inline NetAndSample bookNetwork(bp::ErrorRule rule = bp::ErrorRule::Book) {
    bp::NetworkSpec spec;
    spec.layers = {3, 3, 3};
    spec.rule = rule;
    NetAndSample n{bp::Network(spec), bp::Vector(3), bp::bookTarget(1, 3)};
    bp::Matrix wih(3, 3), who(3, 3);
    wih << 0.9, 0.3, 0.4, 0.2, 0.8, 0.2, 0.1, 0.5, 0.6;  // W_input_hidden
    who << 0.3, 0.7, 0.5, 0.6, 0.5, 0.2, 0.8, 0.1, 0.9;  // W_hidden_output
    n.net.setWeights(0, wih);
    n.net.setWeights(1, who);
    n.input << 0.9, 0.1, 0.8;
    return n;
}

// The studio's network and the sample its snapshot holds (values.o[0] and values.target),
// or nothing when the snapshot has no sample or its shapes do not fit.
inline std::optional<NetAndSample> studioNetwork(const SnapshotPtr& s) {
    if (!s || !s->spec.validate().empty()) return std::nullopt;
    if (s->values.o.empty() ||
        s->weights.size() != static_cast<std::size_t>(s->spec.weightLayers()))
        return std::nullopt;
    const bp::Vector& in = s->values.o[0];
    const bp::Vector& t = s->values.target;
    if (in.size() != s->spec.layers.front() || t.size() != s->spec.layers.back() ||
        t.cwiseAbs().sum() == 0)  // no sample has been through it yet
        return std::nullopt;
    try {
        NetAndSample n{bp::Network(s->spec), in, t};
        for (int k = 0; k < s->spec.weightLayers(); ++k)
            n.net.setWeights(k, s->weights[static_cast<std::size_t>(k)]);
        return n;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace bps::why
