// LessonFixtures.h — data and networks shared by the tests of lessons 5–9: the embedded MNIST
// sets (read through the same resource path the studio uses) and a network trained on them.
#pragma once

#include <QString>
#include <QTest>
#include <memory>

#include "backprop/Network.h"
#include "backprop/Trainer.h"
#include "training/DatasetLoader.h"
#include "training/Snapshot.h"

namespace lessonfix {

inline std::shared_ptr<const bp::Dataset> embedded(const char* name) {
    const bps::DatasetLoader::Result r =
        bps::DatasetLoader::loadNow(QStringLiteral(":/data/") + QLatin1String(name));
    if (!r.data) qFatal("cannot load embedded %s: %s", name, qPrintable(r.error));
    return r.data;
}

// 784-hidden-10, seed 1, trained for one epoch at α = 0.1 on the first `samples` of train.
inline bp::Network trainedNetwork(const bp::Dataset& train, int hidden, std::size_t samples) {
    bp::NetworkSpec spec;
    spec.layers = {784, hidden, 10};
    bp::Network net(spec);
    bp::TrainOptions o;
    o.learningRate = 0.1;
    bp::Trainer t(net, train, nullptr, o);
    t.advance(std::min(samples, train.rows()));
    return net;
}

// The snapshot the studio's controller would send for net.
inline bps::SnapshotPtr snapshotOf(const bp::Network& net, unsigned long long samplesSeen) {
    auto s = std::make_shared<bps::Snapshot>();
    s->spec = net.spec();
    s->weights = net.allWeights();
    s->imageWidth = s->imageHeight = 28;
    s->learningRate = 0.1;
    s->samplesSeen = samplesSeen;
    return s;
}

inline QString screenshotDir() {
    return qEnvironmentVariable("BP_SCREENSHOT_DIR");
}

}  // namespace lessonfix
