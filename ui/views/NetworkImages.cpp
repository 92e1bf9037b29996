// NetworkImages.cpp — input image and weight heat map of the network view.
#include "views/NetworkImages.h"

#include <algorithm>
#include <cmath>

#include "views/Palette.h"

namespace bps {

void NetworkImages::reset() {
    m_input = QImage();
    m_heatRow = -1;
}

const QImage& NetworkImages::input(const Snapshot& s) {
    if (!m_input.isNull()) return m_input;
    const int w = s.imageWidth, h = s.imageHeight;
    QImage img(w, h, QImage::Format_RGB32);
    const auto& o = s.values.o;
    const bool have = !o.empty() && o[0].size() == w * h;
    for (int y = 0; y < h; ++y) {
        auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
        for (int x = 0; x < w; ++x)
            line[x] = have ? palette::activation(o[0](y * w + x)) : qRgb(235, 235, 235);
    }
    m_input = img;
    return m_input;
}

const QImage& NetworkImages::heat(const Snapshot& s, int j, double* vmax) {
    if (m_heatRow != j) {
        const int w = s.imageWidth, h = s.imageHeight;
        const bp::Matrix& W0 = s.weights[0];
        m_heatMax = 1e-300;
        for (int p = 0; p < w * h; ++p) m_heatMax = std::max(m_heatMax, std::abs(W0(j, p)));
        m_heat = QImage(w, h, QImage::Format_RGB32);
        for (int y = 0; y < h; ++y) {
            auto* line = reinterpret_cast<QRgb*>(m_heat.scanLine(y));
            for (int x = 0; x < w; ++x) line[x] = palette::weight(W0(j, y * w + x) / m_heatMax);
        }
        m_heatRow = j;
    }
    *vmax = m_heatMax;
    return m_heat;
}

}  // namespace bps
