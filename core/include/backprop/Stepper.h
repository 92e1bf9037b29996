// Stepper.h — one training step, one phase at a time.
//
// A step over one sample runs these phases, in this order (L weight layers):
//   Forward(0) … Forward(L−1)      x_{k+1} = W_k·o_k, o_{k+1} = f(x_{k+1})
//   OutputError                    e_L = T − o_L
//   for k = L−1 down to 0:
//     BackError(k)  (k ≥ 1 only)   e_k = W_kᵀ·e_{k+1}   (before W_k changes, as the book does)
//     Update(k)                    ΔW_k = α·(e_{k+1}∘f'(o_{k+1}))·o_kᵀ, W_k += ΔW_k
// After each phase every value in values() is readable. Running all phases gives the same
// weights, bit for bit, as Network::train on the same sample (both call the functions in
// Phases.h).
#pragma once

#include <string>
#include <vector>

#include "backprop/Network.h"

namespace bp {

enum class PhaseKind { Forward, OutputError, BackError, Update };

struct Phase {
    PhaseKind kind = PhaseKind::Forward;
    int layer = 0;  // Forward/BackError/Update: the weight layer k; OutputError: L

    bool operator==(const Phase&) const = default;
};

// The ordered list of phases for a network with L weight layers.
std::vector<Phase> phasesOf(int weightLayers);
std::string describePhase(const Phase& p);  // "forward W0", "output error", ... (untranslated id)

class Stepper {
  public:
    explicit Stepper(Network& network);  // the network must outlive the stepper

    // Starts a new sample: resets the phase cursor; nothing is computed yet.
    void setSample(const Eigen::Ref<const Vector>& input, const Eigen::Ref<const Vector>& target);

    bool hasSample() const { return m_hasSample; }
    bool finished() const { return m_next >= m_phases.size(); }  // all phases of this sample done
    bool started() const { return m_next > 0; }
    const Phase& nextPhase() const;  // precondition: !finished()
    const Phase* lastPhase() const;  // nullptr before the first phase
    std::size_t phaseIndex() const { return m_next; }
    const std::vector<Phase>& phases() const { return m_phases; }

    // Runs the next phase with learning rate α. Returns false if there was none.
    bool step(Scalar learningRate);
    // Runs the remaining phases of this sample.
    void finish(Scalar learningRate);

    const PassValues& values() const { return m_values; }
    const Network& network() const { return m_net; }

  private:
    Network& m_net;
    PassValues m_values;
    std::vector<Phase> m_phases;
    std::size_t m_next = 0;
    bool m_hasSample = false;
};

}  // namespace bp
