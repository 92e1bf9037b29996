// ViewFixtures.h — snapshots built from a real bp::Network and bp::Stepper for the view tests:
// the book's "three layers of three" example and an MNIST 784-200-10 network trained a little.
#pragma once

#include <QString>
#include <QtGlobal>
#include <memory>

#include "backprop/DatasetIO.h"
#include "backprop/Network.h"
#include "backprop/Stepper.h"
#include "training/SnapshotBuilder.h"

namespace fixtures {

// The book's 3-3-3 example (chapter "Multiplying signals with matrices").
inline bp::Network bookNetwork() {
    bp::NetworkSpec spec;
    spec.layers = {3, 3, 3};
    bp::Network net(spec);
    bp::Matrix wih(3, 3), who(3, 3);
    wih << 0.9, 0.3, 0.4, 0.2, 0.8, 0.2, 0.1, 0.5, 0.6;  // W_input_hidden = W_0
    who << 0.3, 0.7, 0.5, 0.6, 0.5, 0.2, 0.8, 0.1, 0.9;  // W_hidden_output = W_1
    net.setWeights(0, wih);
    net.setWeights(1, who);
    return net;
}

inline bp::Vector bookInput() {
    bp::Vector i(3);
    i << 0.9, 0.1, 0.8;
    return i;
}

// The snapshot the controller would hand the views after the stepper's last phase.
inline bps::SnapshotPtr snapshotOf(const bp::Stepper& st, double learningRate, int label,
                                   int imageW = 0, int imageH = 0) {
    auto s = bps::snapshotOfStepper(st, learningRate);
    s->label = label;
    s->imageWidth = imageW;
    s->imageHeight = imageH;
    s->sample = 0;
    return s;
}

// A full-speed snapshot (no phase) of a network after training.
inline bps::SnapshotPtr trainedSnapshot(const bp::Network& net, const bp::Vector& input, int label,
                                        int imageW, int imageH, double learningRate) {
    auto s = bps::snapshotOfSample(net, input, bp::bookTarget(label, net.outputs()), learningRate);
    s->label = label;
    s->imageWidth = imageW;
    s->imageHeight = imageH;
    s->sample = 0;
    return s;
}

// MNIST 784-200-10 trained on the embedded 100-sample file for `epochs` epochs.
inline bp::Network mnistNetwork(const bp::Dataset& d, int epochs, double lr = 0.1) {
    bp::NetworkSpec spec;
    spec.layers = {784, 200, 10};
    bp::Network net(spec);
    for (int e = 0; e < epochs; ++e)
        for (std::size_t i = 0; i < d.rows(); ++i)
            net.train(d.input(i), bp::bookTarget(d.label(i), 10), lr);
    return net;
}

inline bp::Dataset mnist100() {
    return bp::loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/mnist_train_100.csv");
}

inline bp::Dataset mnist5000() {
    return bp::loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/mnist_train_5000.csv.gz");
}

// Where to write screenshots (BP_SCREENSHOT_DIR), empty when not asked.
inline QString screenshotDir() {
    return qEnvironmentVariable("BP_SCREENSHOT_DIR");
}

}  // namespace fixtures
