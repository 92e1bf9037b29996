// Snapshot.h — what the worker hands the views: plain values, copied, never shared with the
// training thread. The views only read it; the controller makes a new one ~30 times a second
// while training (coalesced) and after every step while stepping.
#pragma once

#include <QMetaType>
#include <memory>
#include <optional>
#include <vector>

#include "backprop/Network.h"
#include "backprop/Stepper.h"

namespace bps {

struct Snapshot {
    bp::NetworkSpec spec;                 // layer sizes, activations, bias, rule
    std::vector<bp::Matrix> weights;      // W_k, k = 0 … L−1 (copies)
    bp::PassValues values;                // x, o, e, delta (and dW when stepping) of `sample`
    std::optional<bp::Phase> lastPhase;   // phase just run when stepping; empty at full speed
    std::optional<bp::Phase> nextPhase;   // phase a "Step phase" would run next
    long sample = -1;                     // index of the current sample in the training set
    int label = -1;                       // its label (target), −1 if none
    int prediction = -1;                  // argmax of the output after the forward pass
    int imageWidth = 0, imageHeight = 0;  // input image shape (28×28 for MNIST), 0 if not an image
    double learningRate = 0;              // α now
    int batch = 1;                        // samples per update when playing (1 = the book)
    bool playing = false;                 // Play is training (the snapshot is one of its frames)
    double pace = 0;                      // Play's samples/s while playing, 0 = full speed
    int epoch = 1;                        // 1-based epoch being trained
    std::size_t sampleInEpoch = 0;        // samples done in that epoch
    std::size_t samplesPerEpoch = 0;
    unsigned long long samplesSeen = 0;  // since Reset
    double runningError = 0;             // mean Σ(T−O)² of the last N samples
    // false: the network as it was at a checkpoint of the run (the timeline was dragged back),
    // not the live one; samplesSeen, epoch and the error above are then the checkpoint's.
    bool live = true;
    unsigned long long liveSamplesSeen = 0;  // samples the live network has seen
};

using SnapshotPtr = std::shared_ptr<const Snapshot>;
// Predicted label of the first samples of the training set (the sample browser's).
using PredictionsPtr = std::shared_ptr<const std::vector<int>>;

}  // namespace bps

Q_DECLARE_METATYPE(bps::SnapshotPtr)
Q_DECLARE_METATYPE(bps::PredictionsPtr)
