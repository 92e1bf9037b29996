#include "views/Palette.h"

#include <algorithm>
#include <cmath>

namespace bps::palette {
namespace {

struct Stop {
    double t;
    int r, g, b;
};

template <std::size_t N>
QRgb interpolate(const std::array<Stop, N>& stops, double t) {
    if (!(t > stops.front().t)) return qRgb(stops.front().r, stops.front().g, stops.front().b);
    if (t >= stops.back().t) return qRgb(stops.back().r, stops.back().g, stops.back().b);
    std::size_t i = 1;
    while (stops[i].t < t) ++i;
    const Stop& a = stops[i - 1];
    const Stop& b = stops[i];
    const double f = (t - a.t) / (b.t - a.t);
    auto mix = [f](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * f)); };
    return qRgb(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

// viridis (matplotlib), 11 stops
constexpr std::array<Stop, 11> kViridis{{{0.0, 68, 1, 84},
                                         {0.1, 72, 36, 117},
                                         {0.2, 65, 68, 135},
                                         {0.3, 53, 95, 141},
                                         {0.4, 42, 120, 142},
                                         {0.5, 33, 145, 140},
                                         {0.6, 34, 168, 132},
                                         {0.7, 68, 191, 112},
                                         {0.8, 122, 209, 81},
                                         {0.9, 189, 223, 38},
                                         {1.0, 253, 231, 37}}};
// vermillion – white – blue
constexpr std::array<Stop, 5> kWeight{{{-1.0, 213, 94, 0},
                                       {-0.5, 240, 172, 112},
                                       {0.0, 247, 247, 247},
                                       {0.5, 128, 184, 222},
                                       {1.0, 0, 114, 178}}};
// purple – white – green (PRGn)
constexpr std::array<Stop, 5> kError{{{-1.0, 118, 42, 131},
                                      {-0.5, 194, 165, 207},
                                      {0.0, 247, 247, 247},
                                      {0.5, 166, 219, 160},
                                      {1.0, 27, 120, 55}}};

}  // namespace

QRgb activation(double t) {
    // 256-entry table: this is called for every pixel of the input image every frame.
    static const std::array<QRgb, 256> lut = [] {
        std::array<QRgb, 256> l{};
        for (int i = 0; i < 256; ++i) l[i] = interpolate(kViridis, i / 255.0);
        return l;
    }();
    const double c = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    return lut[static_cast<std::size_t>(std::lround(c * 255.0))];
}

QRgb weight(double t) {
    return interpolate(kWeight, std::isfinite(t) ? t : 0.0);
}
QRgb error(double t) {
    return interpolate(kError, std::isfinite(t) ? t : 0.0);
}

QColor textOn(QRgb bg) {
    const double lum = 0.2126 * qRed(bg) + 0.7152 * qGreen(bg) + 0.0722 * qBlue(bg);
    return lum > 140 ? kInk : QColor(Qt::white);
}

QImage ramp(QRgb (*colour)(double), double lo, double hi, int width) {
    QImage img(std::max(width, 2), 1, QImage::Format_RGB32);
    for (int x = 0; x < img.width(); ++x)
        img.setPixel(x, 0, colour(lo + (hi - lo) * x / (img.width() - 1)));
    return img;
}

}  // namespace bps::palette
