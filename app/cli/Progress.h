// Progress.h — a one-line progress bar on stderr, drawn only on a terminal and at most
// ~10 times a second, so calling it for every training sample costs a counter check.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace bp::cli {

class ProgressBar {
  public:
    ProgressBar(std::ostream& err, bool enabled) : m_err(err), m_enabled(enabled) {}
    ~ProgressBar() { clear(); }

    // True when a redraw is due: on a terminal, every 64th call at most, 100 ms after the
    // last draw, and always for the last item. Callers build their label only then.
    bool due(std::uint64_t done, std::uint64_t total);
    // "label [#####.....]  42%  detail", unconditionally.
    void draw(std::uint64_t done, std::uint64_t total, const std::string& label,
              const std::string& detail = {});
    // draw() if due().
    void update(std::uint64_t done, std::uint64_t total, const std::string& label,
                const std::string& detail = {}) {
        if (due(done, total)) draw(done, total, label, detail);
    }
    // Erases the bar (before printing a normal line, and at the end).
    void clear();
    bool enabled() const { return m_enabled; }

  private:
    std::ostream& m_err;
    bool m_enabled;                                  // stderr is a terminal and not --quiet
    bool m_drawn = false;                            // a bar is on the screen now
    std::uint32_t m_calls = 0;                       // clock is read every 64th call only
    std::chrono::steady_clock::time_point m_last{};  // time of the last draw
};

}  // namespace bp::cli
