// Limits.h — every bound on a number that comes from a user or a file, in one place: the CLI's
// options, the studio's settings and command line, and the model, session, IDX and CSV readers
// check against these, so a value one accepts the others accept too (docs/HARDENING.md).
//
// Memory: a network is refused before anything is allocated when its weights, with one working
// copy (training's ΔW or a snapshot), would not fit in the memory this program may use:
//   needed = 2 × 8 bytes × Σ_k n_{k+1}·(n_k + bias)   ≤   availableMemory()
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bp {

inline constexpr int kMaxLayerNeurons = 1'000'000;  // neurons in one layer (inputs of a sample)
inline constexpr double kMaxLearningRate = 1e6;     // α, above 0
inline constexpr int kMaxEpochs = 1'000'000;        // epochs of one run
inline constexpr int kMaxBatch = 1 << 20;           // samples of a mini-batch
inline constexpr long long kMaxSeed = 1LL << 62;    // seed of the weights and of shuffling
inline constexpr int kMaxErrorWindow = 1'000'000;   // N of the running error (a ring of N doubles)
inline constexpr std::uint64_t kMaxSessionPoints = std::uint64_t{1} << 24;  // curve points a
                                                                            // session holds
inline constexpr std::size_t kMaxModelHeader = std::size_t{64} << 10;       // text header bytes
inline constexpr std::size_t kMaxSessionHeader = std::size_t{1} << 20;      // text header bytes
inline constexpr std::size_t kMaxNpyHeader = std::size_t{1} << 20;          // .npy dict bytes

// Bytes this program may allocate: the physical memory, or the address-space or data-segment
// limit (ulimit -v, -d) when lower. 0 if none can be found (then no network is refused).
std::uint64_t availableMemory();

// Σ_k layers[k+1]·(layers[k] + bias), saturating at 2^64 − 1 instead of overflowing.
std::uint64_t weightCount(const std::vector<int>& layers, bool bias);

// "" when a network of these layers fits in `available` bytes (see above), else a sentence:
// "a 784-1000000-1000000-10 network has 1000794010000 weights and needs 16.0 TB of memory
// (8 bytes a weight, twice); this computer has 25.3 GB". available = 0: always fits.
std::string networkMemoryProblem(const std::vector<int>& layers, bool bias,
                                 std::uint64_t available = availableMemory());

}  // namespace bp
