// Random.cpp — xoshiro256** bits, splitmix64 seeding, Marsaglia's polar normal sampler.
#include "backprop/Random.h"

#include <cmath>
#include <limits>

namespace bp {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

}  // namespace

Rng::Rng(std::uint64_t seed) {
    std::uint64_t x = seed;
    for (auto& s : m_s) s = splitmix64(x);
}

std::uint64_t Rng::nextU64() {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Rng::uniform() {
    return static_cast<double>(nextU64() >> 11) * 0x1.0p-53;
}

std::uint64_t Rng::below(std::uint64_t n) {
    // Lemire-free rejection: draw until the value falls in the largest multiple of n.
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t v;
    do {
        v = nextU64();
    } while (v >= limit);
    return v % n;
}

double Rng::normal(double mean, double stddev) {
    if (m_hasSpare) {
        m_hasSpare = false;
        return mean + stddev * m_spare;
    }
    double u, v, s;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * portableLog(s) / s);  // sqrt is correctly rounded (IEEE)
    m_spare = v * f;
    m_hasSpare = true;
    return mean + stddev * (u * f);
}

double portableLog(double x) {
    if (!(x > 0.0)) return std::numeric_limits<double>::quiet_NaN();
    if (x == std::numeric_limits<double>::infinity()) return x;
    // x = m · 2^e with m in [√½, √2): frexp and ldexp are exact.
    int e = 0;
    double m = std::frexp(x, &e);  // m in [0.5, 1)
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        --e;
    }
    // ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716: the series s + s³/3 + s⁵/5 + …
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    double term = s, sum = 0.0;
    for (int k = 1; k < 40; k += 2) {
        sum += term / k;
        term *= s2;
        if (term < 1e-20 && term > -1e-20) break;
    }
    const double ln2hi = 6.93147180369123816490e-01;  // ln 2 split so e·ln2hi is exact
    const double ln2lo = 1.90821492927058770002e-10;
    return e * ln2hi + (2.0 * sum + e * ln2lo);
}

}  // namespace bp
