// Playground.h — "one classifier is not enough": two-class points in the plane and a small
// network (2 inputs → hidden → 2 outputs) that learns to separate them. No Qt: the lesson
// draws it, the tests check it.
//
// Inputs are the point's coordinates (x, y) ∈ [−1, 1]², real numbers handed to
// bp::Network::train directly (bp::Dataset stores bytes, which would quantise the plane).
// Targets are the book's 0.01 / 0.99 (bp::bookTarget), the prediction is the larger output.
// Every layer has a bias node: a line that does not pass through (0, 0) needs one.
//
// Shapes of the region maps (G = grid side): In 3 × G² (x, y, 1), H = f(W_0·In) n_h × G²,
// O = σ(W_1·[H; 1]) 2 × G²; without a hidden layer O = σ(W_0·In).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "backprop/Network.h"

namespace bps::lessons {

enum class PlaneShape { Xor, Circle, Gaussians, Spiral, User };

struct PlanePoint {
    double x = 0, y = 0;  // in [−1, 1]²
    int label = 0;        // 0 or 1
};

// n points of a shape (User gives none), noise in 0 … 1 (a share of the plane's half-width as
// the standard deviation of a jitter, applied after labelling), drawn from seed.
std::vector<PlanePoint> makePlaneData(PlaneShape shape, int n, double noise, std::uint64_t seed);

struct PlaygroundSettings {
    int hidden = 4;  // neurons in the hidden layer; 0 = none (linear)
    bp::Activation activation = bp::Activation::Tanh;  // of the hidden layer
    double learningRate = 0.1;                         // α
    std::uint64_t seed = 1;                            // initial weights and sample order
};

class PlaygroundModel {
  public:
    PlaygroundModel();

    // A new network from the settings (weights drawn from settings.seed).
    void reset(const PlaygroundSettings& settings);
    // The points: `all` is split into training and test sets, the last testShare of a shuffled
    // order (seeded) becoming the test set.
    void setData(const std::vector<PlanePoint>& all, double testShare, std::uint64_t seed);
    void addTrainingPoint(const PlanePoint& p);  // a click
    void setLearningRate(double lr) { m_settings.learningRate = lr; }

    // Trains `samples` samples, cycling through the training set in a seeded shuffled order,
    // one bp::Network::train per sample. Returns the mean Σ(T−O)² of those samples.
    double train(int samples);

    double accuracy(const std::vector<PlanePoint>& pts) const;  // share predicted right
    double loss(const std::vector<PlanePoint>& pts) const;      // mean Σ(T−O)²
    int predict(double x, double y) const;

    // Output and hidden values over grids of the plane (row 0 at y = +1, column 0 at x = −1):
    // decision(g) = o_1 − o_0 ∈ (−1, 1) on a side × side grid, hidden(j)(g) = o_hidden,j on a
    // hiddenSide × hiddenSide grid (the small maps drawn on the nodes).
    struct Maps {
        int side = 0, hiddenSide = 0;
        std::vector<double> decision;             // side², row-major
        std::vector<std::vector<double>> hidden;  // per hidden neuron, hiddenSide²
    };
    Maps maps(int side, int hiddenSide) const;

    const bp::Network& network() const { return *m_net; }
    const PlaygroundSettings& settings() const { return m_settings; }
    const std::vector<PlanePoint>& trainingPoints() const { return m_train; }
    const std::vector<PlanePoint>& testPoints() const { return m_test; }
    std::uint64_t samplesSeen() const { return m_seen; }
    double epochs() const;  // samples seen / training-set size

  private:
    void newOrder();
    bp::Matrix forwardBatch(const bp::Matrix& in, bp::Matrix* hidden) const;
    static bp::Matrix inputsOf(const std::vector<PlanePoint>& pts);  // 3 × n: x, y, 1
    static bp::Matrix gridOf(int side);  // 3 × side²: the grid's centres and 1

    PlaygroundSettings m_settings;
    std::unique_ptr<bp::Network> m_net;
    std::vector<PlanePoint> m_train, m_test;
    std::vector<std::size_t> m_order;  // this pass's order of the training set
    std::size_t m_pos = 0;             // position in m_order
    std::uint64_t m_orderSeed = 1;     // advanced at each pass
    std::uint64_t m_seen = 0;          // samples trained since reset
};

}  // namespace bps::lessons
