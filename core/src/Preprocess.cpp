// Preprocess.cpp — MNIST-style preprocessing of a drawn or scanned digit (see Preprocess.h).
#include "backprop/Preprocess.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "backprop/Dataset.h"

namespace bp {
namespace {

std::size_t idx(int x, int y, int width) {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
           static_cast<std::size_t>(x);
}

// Weight of source cell [i, i+1) inside the interval [a, b).
double overlap(int i, double a, double b) {
    return std::max(0.0, std::min(b, i + 1.0) - std::max(a, static_cast<double>(i)));
}

}  // namespace

PixelBox inkBox(const std::vector<std::uint8_t>& img, int width, int height) {
    int x0 = width, y0 = height, x1 = -1, y1 = -1;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            if (img[idx(x, y, width)] > 0) {
                x0 = std::min(x0, x);
                x1 = std::max(x1, x);
                y0 = std::min(y0, y);
                y1 = std::max(y1, y);
            }
    if (x1 < 0) return {};
    return {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

bool centreOfMass(const std::vector<std::uint8_t>& img, int width, int height, double& mx,
                  double& my) {
    double sum = 0, sx = 0, sy = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double p = img[idx(x, y, width)];
            sum += p;
            sx += p * (x + 0.5);  // Σ p·(x + ½)
            sy += p * (y + 0.5);
        }
    if (sum <= 0) return false;
    mx = sx / sum;
    my = sy / sum;
    return true;
}

std::vector<std::uint8_t> resampleArea(const std::vector<std::uint8_t>& src, int sw, int sh, int dw,
                                       int dh) {
    if (sw <= 0 || sh <= 0 || dw <= 0 || dh <= 0 ||
        src.size() != static_cast<std::size_t>(sw) * static_cast<std::size_t>(sh))
        throw std::invalid_argument("resampleArea: sizes do not match the image");
    const double fx = static_cast<double>(sw) / dw, fy = static_cast<double>(sh) / dh;
    std::vector<std::uint8_t> out(static_cast<std::size_t>(dw) * static_cast<std::size_t>(dh));
    for (int y = 0; y < dh; ++y) {
        const double a = y * fy, b = (y + 1) * fy;  // source rows covered: [a, b)
        const int yFirst = static_cast<int>(std::floor(a));
        const int yLast = std::min(sh - 1, static_cast<int>(std::ceil(b)) - 1);
        for (int x = 0; x < dw; ++x) {
            const double l = x * fx, r = (x + 1) * fx;  // source columns covered: [l, r)
            const int xFirst = static_cast<int>(std::floor(l));
            const int xLast = std::min(sw - 1, static_cast<int>(std::ceil(r)) - 1);
            double sum = 0, weight = 0;
            for (int sy = yFirst; sy <= yLast; ++sy) {
                const double wy = overlap(sy, a, b);
                for (int sx = xFirst; sx <= xLast; ++sx) {
                    const double w = wy * overlap(sx, l, r);
                    sum += w * src[idx(sx, sy, sw)];
                    weight += w;
                }
            }
            const double v = weight > 0 ? std::round(sum / weight) : 0.0;
            out[idx(x, y, dw)] = static_cast<std::uint8_t>(std::clamp(v, 0.0, 255.0));
        }
    }
    return out;
}

DigitSteps preprocessDigit(const std::vector<std::uint8_t>& grey, int width, int height,
                           const DigitOptions& options) {
    if (width <= 0 || height <= 0 ||
        grey.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height))
        throw std::invalid_argument("preprocessDigit: the picture has " +
                                    std::to_string(grey.size()) + " bytes, not " +
                                    std::to_string(width) + "×" + std::to_string(height));
    if (options.box <= 0 || options.field < options.box || options.inkThreshold < 0 ||
        options.inkThreshold > 254)
        throw std::invalid_argument("preprocessDigit: need 0 < box ≤ field, threshold 0–254");
    DigitSteps s;
    s.width = width;
    s.height = height;
    s.field = options.field;

    // 1 invert: ink = 255 − grey, faint values are paper
    s.ink.resize(grey.size());
    for (std::size_t i = 0; i < grey.size(); ++i) {
        const int ink = options.invert ? 255 - grey[i] : grey[i];
        s.ink[i] = static_cast<std::uint8_t>(ink <= options.inkThreshold ? 0 : ink);
    }

    const int field = options.field;
    s.centred.assign(static_cast<std::size_t>(field) * static_cast<std::size_t>(field), 0);
    s.input = Vector::Constant(field * field, scaleInput(0));

    // 2 crop to the ink's bounding box
    s.crop = inkBox(s.ink, width, height);
    if (s.crop.empty()) return s;
    s.cropped.resize(static_cast<std::size_t>(s.crop.w) * static_cast<std::size_t>(s.crop.h));
    for (int y = 0; y < s.crop.h; ++y)
        for (int x = 0; x < s.crop.w; ++x)
            s.cropped[idx(x, y, s.crop.w)] = s.ink[idx(s.crop.x + x, s.crop.y + y, width)];

    // 3 fit into box × box keeping the aspect ratio: the longer side becomes box
    const double f = static_cast<double>(options.box) / std::max(s.crop.w, s.crop.h);
    s.fitW = std::clamp(static_cast<int>(std::lround(s.crop.w * f)), 1, options.box);
    s.fitH = std::clamp(static_cast<int>(std::lround(s.crop.h * f)), 1, options.box);
    s.fitted = resampleArea(s.cropped, s.crop.w, s.crop.h, s.fitW, s.fitH);
    const int peak = *std::max_element(s.fitted.begin(), s.fitted.end());
    if (peak > 0 && peak < 255)  // stretch: brightest ink → 255
        for (std::uint8_t& p : s.fitted)
            p = static_cast<std::uint8_t>(std::lround(p * 255.0 / peak));

    // 4 centre by mass: offset = round(field/2 − m), so the mass lands within ½ of the centre
    if (!centreOfMass(s.fitted, s.fitW, s.fitH, s.massX, s.massY)) return s;
    s.offsetX = static_cast<int>(std::lround(field / 2.0 - s.massX));
    s.offsetY = static_cast<int>(std::lround(field / 2.0 - s.massY));
    for (int y = 0; y < s.fitH; ++y)
        for (int x = 0; x < s.fitW; ++x) {
            const int tx = x + s.offsetX, ty = y + s.offsetY;
            if (tx < 0 || ty < 0 || tx >= field || ty >= field) continue;  // ink pushed out
            s.centred[idx(tx, ty, field)] = s.fitted[idx(x, y, s.fitW)];
        }

    // 5 scale like every input of the book: x/255·0.99 + 0.01
    for (int i = 0; i < field * field; ++i)
        s.input[i] = scaleInput(s.centred[static_cast<std::size_t>(i)]);
    return s;
}

}  // namespace bp
