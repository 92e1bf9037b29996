// Progress.cpp — see Progress.h.
#include "Progress.h"

#include <ostream>

namespace bp::cli {

bool ProgressBar::due(std::uint64_t done, std::uint64_t total) {
    if (!m_enabled) return false;
    const bool last = total > 0 && done >= total;
    if ((m_calls++ & 63u) != 0 && !last) return false;
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && !last && now - m_last < std::chrono::milliseconds(100)) return false;
    m_last = now;
    return true;
}

void ProgressBar::draw(std::uint64_t done, std::uint64_t total, const std::string& label,
                       const std::string& detail) {
    if (!m_enabled) return;
    constexpr int kWidth = 30;
    const double f = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
    const int filled = static_cast<int>(f * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(kWidth - filled), '.');
    m_err << "\r\033[K" << label << " [" << bar << "] " << static_cast<int>(f * 100.0) << "%";
    if (!detail.empty()) m_err << "  " << detail;
    m_err.flush();
    m_drawn = true;
}

void ProgressBar::clear() {
    if (!m_enabled || !m_drawn) return;
    m_err << "\r\033[K";
    m_err.flush();
    m_drawn = false;
}

}  // namespace bp::cli
