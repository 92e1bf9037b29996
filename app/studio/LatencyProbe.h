// LatencyProbe.h — measures how long the GUI thread's event loop stalls. Instrumentation of the
// backprop-studio program (app/studio/), not part of the bp_ui library.
//
// A precise timer fires every intervalMs on the thread the probe lives on; each tick records how
// late it came (gap − interval). The largest lateness is the longest time the event loop could
// not react: the "GUI thread never stalls more than 50 ms" budget. The studio enables it
// with BP_LATENCY_PROBE=1 and prints a one-line report on exit.
//
// It also times the window's first frame: watchFirstPaint(w) notes when w's first paint event
// has been handled and the frame handed to the window system (the next turn of the event loop),
// in seconds since the process started (the kernel's start time of the process, so loading the
// program and its libraries is counted; 10 ms resolution on Linux).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <vector>

namespace bps {

class LatencyProbe : public QObject {
    Q_OBJECT
  public:
    explicit LatencyProbe(int intervalMs = 5, QObject* parent = nullptr);

    void start();
    void setVerbose(bool on) { m_verbose = on; }  // print every stall > 20 ms as it happens
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

    void watchFirstPaint(QWidget* window);
    double firstPaintSeconds() const { return m_firstPaintS; }  // < 0: not painted yet
    // Seconds since this process started (Linux /proc/self/stat; −1 where unknown).
    static double processAgeSeconds();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void tick();

    int m_intervalMs;              // expected gap between ticks
    QTimer m_timer;                // precise, repeating
    QElapsedTimer m_clock;         // since start()
    qint64 m_lastNs = 0;           // time of the previous tick
    double m_maxStallMs = 0;       // worst lateness seen
    double m_maxStallAt = 0;       // when it happened, seconds after start()
    double m_maxAfterStartMs = 0;  // worst lateness after the first second
    bool m_verbose = false;        // print stalls > 20 ms (issue 10's goal)
    std::vector<float> m_stalls;   // every tick's lateness in ms (for percentiles)
    QWidget* m_painted = nullptr;  // the window whose first frame is timed
    double m_firstPaintS = -1;     // when it was painted, seconds since the process started
};

}  // namespace bps
