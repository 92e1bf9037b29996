// Network.h — the book's network: layers of neurons joined by weight matrices.
//
// Shape legend (L = number of weight layers = layers.size() − 1, k = 0 … L−1):
//   n_k        neurons in layer k (layer 0 is the input, layer L the output)
//   W_k        n_{k+1} × (n_k + bias)   "rows = next layer, columns = previous layer"
//              the book's W_input_hidden is W_0 and W_hidden_output is W_1
//   O_0        the input I, n_0 × 1 (scaled x/255·0.99 + 0.01 by the dataset)
//   X_{k+1}    = W_k · O_k               net input of layer k+1
//   O_{k+1}    = f(X_{k+1})              output of layer k+1
//   E_L        = T − O_L                 output error
//   E_k        = W_kᵀ · E_{k+1}          (ErrorRule::Book, the book's rule)
//              = W_kᵀ · (E_{k+1} ∘ f'(O_{k+1}))   (ErrorRule::Gradient, exact backprop)
//   ΔW_k       = α · (E_{k+1} ∘ f'(O_{k+1})) · O_kᵀ
// With bias nodes, O_k is extended by a constant 1 and W_k has one more column.
// The book back-propagates the raw errors (Wᵀ·E); exact gradient descent on ½·Σ(T−O)²
// propagates Wᵀ·(E∘f'). Both agree on the last layer; the choice is shown in the studio.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "backprop/Activation.h"
#include "backprop/Types.h"

namespace bp {

enum class ErrorRule { Book, Gradient };

struct NetworkSpec {
    std::vector<int> layers{784, 200, 10};    // neurons per layer, input first
    Activation hidden = Activation::Sigmoid;  // activation of the hidden layers
    Activation output = Activation::Sigmoid;  // activation of the output layer
    bool bias = false;                        // add a constant-1 node to every non-output layer
    ErrorRule rule = ErrorRule::Book;         // how errors travel back
    std::uint64_t seed = 1;                   // seed of the initial weights

    int weightLayers() const { return static_cast<int>(layers.size()) - 1; }
    // Empty when valid, else a sentence saying what is wrong: too few layers, a layer of 0 or
    // more than kMaxLayerNeurons, or weights that would not fit in memory (Limits.h).
    std::string validate() const;
    std::string describe() const;  // "784-200-10 sigmoid"
};

// The values of one training step, layer by layer: what the studio draws.
// Index k is the layer (0 = input); weight-layer quantities use the index of W_k.
struct PassValues {
    std::vector<Vector> x;      // x[k], k ≥ 1: net input of layer k (x[0] is empty)
    std::vector<Vector> o;      // o[k]: output of layer k; o[0] = input I
    Vector target;              // T
    std::vector<Vector> e;      // e[k]: error at layer k (e[L] = T − O_L; e[0] unused)
    std::vector<Vector> delta;  // delta[k] = e[k] ∘ f'(o[k]): the term the update multiplies
    std::vector<Matrix> dW;     // dW[k]: the last ΔW applied to W_k (kept only when asked)
    Scalar error = 0;           // Σ (T − O_L)² of this sample

    void resize(const NetworkSpec& spec, bool keepDeltaW);
};

class Network {
  public:
    Network();                           // 784-200-10, seed 1
    explicit Network(NetworkSpec spec);  // throws std::invalid_argument if spec is invalid

    const NetworkSpec& spec() const { return m_spec; }
    int weightLayers() const { return m_spec.weightLayers(); }
    int inputs() const { return m_spec.layers.front(); }
    int outputs() const { return m_spec.layers.back(); }
    Activation activationOf(int layer) const;  // activation of layer ≥ 1

    // W_k (k = 0 … L−1). Shapes are fixed by the spec; setWeights checks them.
    const Matrix& weights(int k) const { return m_w[k]; }
    Matrix& weights(int k) { return m_w[k]; }
    void setWeights(int k, const Matrix& w);  // throws std::invalid_argument on shape mismatch
    const std::vector<Matrix>& allWeights() const { return m_w; }

    // Re-draws every weight from normal(0, 1/√(incoming links)) with the given seed,
    // W_0 first, each matrix column by column. Also stores the seed in the spec.
    void initialise(std::uint64_t seed);

    // The book's query(): forward pass only.
    Vector query(const Eigen::Ref<const Vector>& input) const;
    // Forward pass keeping every layer's x and o (values.o[0] = input).
    void forward(const Eigen::Ref<const Vector>& input, PassValues& values) const;

    // Every value of a training step on this sample, with no weight changed: x and o of each
    // layer, E = T − O, each layer's error and delta (values.dW is left empty). These are the
    // values a Stepper holds after its last phase, bit for bit, since every error is taken
    // before its W_k changes; ΔW_k is then α·delta[k+1]·o[k]ᵀ. For showing a step, not taking it.
    void explain(const Eigen::Ref<const Vector>& input, const Eigen::Ref<const Vector>& target,
                 PassValues& values) const;

    // The book's train(): one sample, forward, errors back, every W_k updated.
    // Returns Σ (T − O)² before the update. Bit-identical to running a Stepper through
    // all phases. Uses an internal workspace: not safe to call from two threads at once.
    Scalar train(const Eigen::Ref<const Vector>& input, const Eigen::Ref<const Vector>& target,
                 Scalar learningRate);

    // The book's backquery(): the input the network "imagines" for a target vector.
    // Each layer: x = f⁻¹(o), o_prev = W_kᵀ·x (bias row dropped), rescaled to 0.01 … 0.99.
    Vector backquery(const Eigen::Ref<const Vector>& target) const;

    // True when every weight is finite.
    bool isFinite() const;
    std::size_t parameterCount() const;

  private:
    NetworkSpec m_spec;
    std::vector<Matrix> m_w;
    PassValues m_work;  // workspace of train()
};

// The book's target vector: 0.01 everywhere and 0.99 at the label.
Vector bookTarget(int label, int outputs);

// The label a network's output answers: the index of the largest value (the first one on
// ties, as numpy.argmax); −1 for an empty vector.
int argmax(const Eigen::Ref<const Vector>& v);

}  // namespace bp
