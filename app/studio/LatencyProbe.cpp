// LatencyProbe.cpp — event-loop lateness probe.
#include "LatencyProbe.h"

#include <QEvent>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#ifdef __linux__
#include <unistd.h>
#endif

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
    if (m_verbose && stall > 20) {
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

double LatencyProbe::processAgeSeconds() {
#ifdef __linux__
    // Field 22 of /proc/self/stat: the start time in clock ticks after boot. The command name
    // (field 2) is in parentheses and may hold spaces, so count the fields after its ')'.
    std::ifstream in("/proc/self/stat");
    const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close == std::string::npos) return -1;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 3; i < 22; ++i) fields >> field;  // fields 3 … 21
    unsigned long long startTicks = 0;
    if (!(fields >> startTicks)) return -1;
    timespec now{};
    if (clock_gettime(CLOCK_BOOTTIME, &now) != 0) return -1;
    const double hz = static_cast<double>(sysconf(_SC_CLK_TCK));
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9 -
           static_cast<double>(startTicks) / hz;
#else
    return -1;
#endif
}

void LatencyProbe::watchFirstPaint(QWidget* window) {
    m_painted = window;
    m_firstPaintS = -1;
    window->installEventFilter(this);
}

bool LatencyProbe::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_painted && event->type() == QEvent::Paint && m_firstPaintS < 0) {
        m_painted->removeEventFilter(this);
        // The whole window is painted in this pass and flushed after it: time the next turn.
        QTimer::singleShot(0, this, [this] { m_firstPaintS = processAgeSeconds(); });
    }
    return QObject::eventFilter(watched, event);
}

QString LatencyProbe::report() const {
    const QString paint =
        m_firstPaintS < 0 ? QString()
                          : QStringLiteral("; first frame painted %1 s after the process started")
                                .arg(m_firstPaintS, 0, 'f', 3);
    return QStringLiteral(
               "latency probe: max stall %1 ms (at %5 s), after 1 s %6 ms, p99 %2 ms over %3 "
               "ticks (%4 s)")
               .arg(m_maxStallMs, 0, 'f', 1)
               .arg(percentileStallMs(0.99), 0, 'f', 1)
               .arg(ticks())
               .arg(elapsedSeconds(), 0, 'f', 1)
               .arg(m_maxStallAt, 0, 'f', 2)
               .arg(m_maxAfterStartMs, 0, 'f', 1) +
           paint;
}

}  // namespace bps
