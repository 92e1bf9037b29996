// Random.h — the core's own seeded generator.
//
// Eigen's Random() uses std::rand() and std::normal_distribution differs between standard
// libraries, so the core owns both the bits (xoshiro256** seeded through splitmix64) and the
// normal sampler (Marsaglia's polar method over a logarithm written here with plain IEEE
// arithmetic). The same seed therefore gives bit-identical weights on every platform and
// compiler that implements IEEE-754 double without fused contraction (core is built with
// -ffp-contract=off).
#pragma once

#include <cstdint>

namespace bp {

class Rng {
  public:
    explicit Rng(std::uint64_t seed = 1);

    std::uint64_t nextU64();                    // 64 uniformly random bits
    double uniform();                           // [0, 1), 53 bits
    std::uint64_t below(std::uint64_t n);       // uniform integer in [0, n), unbiased
    double normal(double mean, double stddev);  // Marsaglia polar method

  private:
    std::uint64_t m_s[4];     // xoshiro256** state
    double m_spare = 0.0;     // second value of the last polar pair
    bool m_hasSpare = false;  // whether m_spare is still unused
};

// Natural logarithm from +, -, *, / only (frexp-style range reduction and an atanh series),
// so its result does not depend on the platform's libm. Exposed for the tests.
double portableLog(double x);

}  // namespace bp
