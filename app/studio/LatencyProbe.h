// LatencyProbe.h — measures how long the GUI thread's event loop stalls. Instrumentation of the
// backprop-studio program (app/studio/), not part of the bp_ui library.
//
// A precise timer fires every intervalMs on the thread the probe lives on; each tick records how
// late it came (gap − interval). The largest lateness is the longest time the event loop could
// not react: the "GUI thread never stalls more than 50 ms" budget. The studio enables it
// with BP_LATENCY_PROBE=1 and prints a one-line report on exit.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <vector>

namespace bps {

class LatencyProbe : public QObject {
    Q_OBJECT
  public:
    explicit LatencyProbe(int intervalMs = 5, QObject* parent = nullptr);

    void start();
    void setVerbose(bool on) { m_verbose = on; }  // print every stall > 50 ms as it happens
    void stop();
    double maxStallMs() const { return m_maxStallMs; }
    // The worst after the first second: the window's first layout and paint left out, so that a
    // load that comes later (a class joining, training) is judged by its own stalls.
    double maxStallAfterStartMs() const { return m_maxAfterStartMs; }
    double percentileStallMs(double p) const;  // p in 0 … 1 over all ticks
    long ticks() const { return static_cast<long>(m_stalls.size()); }
    double elapsedSeconds() const;
    // "latency probe: max stall 32.9 ms (at 0.04 s), after 1 s 12.0 ms, p99 4.1 ms over 2000
    // ticks (10.0 s)".
    QString report() const;

  private:
    void tick();

    int m_intervalMs;              // expected gap between ticks
    QTimer m_timer;                // precise, repeating
    QElapsedTimer m_clock;         // since start()
    qint64 m_lastNs = 0;           // time of the previous tick
    double m_maxStallMs = 0;       // worst lateness seen
    double m_maxStallAt = 0;       // when it happened, seconds after start()
    double m_maxAfterStartMs = 0;  // worst lateness after the first second
    bool m_verbose = false;        // print stalls > 50 ms
    std::vector<float> m_stalls;   // every tick's lateness in ms (for percentiles)
};

}  // namespace bps
