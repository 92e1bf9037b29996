// LatencyProbe.cpp — event-loop lateness probe.
#include "LatencyProbe.h"

#include <algorithm>
#include <cstdio>

namespace bps {

LatencyProbe::LatencyProbe(int intervalMs, QObject* parent)
    : QObject(parent), m_intervalMs(std::max(1, intervalMs)) {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LatencyProbe::tick);
}

void LatencyProbe::start() {
    m_stalls.clear();
    m_maxStallMs = 0;
    m_maxAfterStartMs = 0;
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void LatencyProbe::stop() {
    m_timer.stop();
}

void LatencyProbe::tick() {
    const qint64 now = m_clock.nsecsElapsed();
    const double late = static_cast<double>(now - m_lastNs) / 1e6 - m_intervalMs;
    m_lastNs = now;
    const double stall = std::max(0.0, late);
    m_stalls.push_back(static_cast<float>(stall));
    if (stall > m_maxStallMs) {
        m_maxStallMs = stall;
        m_maxStallAt = static_cast<double>(now) / 1e9;
    }
    if (now >= 1'000'000'000) m_maxAfterStartMs = std::max(m_maxAfterStartMs, stall);
    if (m_verbose && stall > 50) {
        std::fprintf(stderr, "latency probe: %.1f ms stall at %.2f s\n", stall,
                     static_cast<double>(now) / 1e9);
    }
}

double LatencyProbe::percentileStallMs(double p) const {
    if (m_stalls.empty()) return 0;
    std::vector<float> v = m_stalls;
    const auto k =
        static_cast<std::size_t>(std::clamp(p, 0.0, 1.0) * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
}

double LatencyProbe::elapsedSeconds() const {
    return m_clock.isValid() ? static_cast<double>(m_clock.nsecsElapsed()) / 1e9 : 0;
}

QString LatencyProbe::report() const {
    return QStringLiteral(
               "latency probe: max stall %1 ms (at %5 s), after 1 s %6 ms, p99 %2 ms over %3 "
               "ticks (%4 s)")
        .arg(m_maxStallMs, 0, 'f', 1)
        .arg(percentileStallMs(0.99), 0, 'f', 1)
        .arg(ticks())
        .arg(elapsedSeconds(), 0, 'f', 1)
        .arg(m_maxStallAt, 0, 'f', 2)
        .arg(m_maxAfterStartMs, 0, 'f', 1);
}

}  // namespace bps
