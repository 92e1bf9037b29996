// Augment.cpp — bilinear rotation of byte images and the ±θ augmented data set.
#include "backprop/Augment.h"

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

namespace bp {

std::vector<std::uint8_t> rotateImage(const std::uint8_t* src, int width, int height,
                                      double degrees) {
    if (width <= 0 || height <= 0)
        throw std::invalid_argument("rotateImage: width and height must be positive");
    const double rad = degrees * std::numbers::pi / 180.0;
    const double c = std::cos(rad), s = std::sin(rad);
    const double cx = (width - 1) / 2.0, cy = (height - 1) / 2.0;  // centre of the turn
    // Source pixel value, 0 outside the image.
    auto at = [&](int x, int y) -> double {
        if (x < 0 || y < 0 || x >= width || y >= height) return 0.0;
        return src[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                   static_cast<std::size_t>(x)];
    };
    std::vector<std::uint8_t> out(static_cast<std::size_t>(width) *
                                  static_cast<std::size_t>(height));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double dxo = x - cx, dyo = y - cy;
            // source point: dx = c·dx' − s·dy', dy = s·dx' + c·dy'
            const double sx = cx + c * dxo - s * dyo;
            const double sy = cy + s * dxo + c * dyo;
            const double fx = std::floor(sx), fy = std::floor(sy);
            const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
            const double ax = sx - fx, ay = sy - fy;  // weights of the right / lower pixels
            // bilinear: (1−ay)·((1−ax)·p00 + ax·p10) + ay·((1−ax)·p01 + ax·p11)
            const double v = (1 - ay) * ((1 - ax) * at(x0, y0) + ax * at(x0 + 1, y0)) +
                             ay * ((1 - ax) * at(x0, y0 + 1) + ax * at(x0 + 1, y0 + 1));
            const double r = std::round(v);
            out[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                static_cast<std::size_t>(x)] =
                static_cast<std::uint8_t>(r < 0 ? 0 : (r > 255 ? 255 : r));
        }
    return out;
}

std::vector<std::uint8_t> rotateImage(const std::vector<std::uint8_t>& src, int width, int height,
                                      double degrees) {
    if (width <= 0 || height <= 0 ||
        src.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height))
        throw std::invalid_argument("rotateImage: the image has " + std::to_string(src.size()) +
                                    " bytes, not " + std::to_string(width) + "×" +
                                    std::to_string(height));
    return rotateImage(src.data(), width, height, degrees);
}

Dataset withRotations(const Dataset& d, double degrees) {
    if (!d.isImage())
        throw std::invalid_argument("rotated copies need an image data set (" + d.source + " has " +
                                    std::to_string(d.inputs) +
                                    " inputs of no known width × height)");
    Dataset out;
    out.source = d.source;
    out.inputs = d.inputs;
    out.width = d.width;
    out.height = d.height;
    const std::size_t n = static_cast<std::size_t>(d.inputs);
    out.pixels.reserve(d.rows() * 3 * n);
    out.labels.reserve(d.rows() * 3);
    for (std::size_t i = 0; i < d.rows(); ++i) {
        const std::uint8_t* r = d.row(i);
        out.pixels.insert(out.pixels.end(), r, r + n);  // the original
        for (double deg : {degrees, -degrees}) {        // then +θ, then −θ
            const std::vector<std::uint8_t> turned = rotateImage(r, d.width, d.height, deg);
            out.pixels.insert(out.pixels.end(), turned.begin(), turned.end());
        }
        for (int k = 0; k < 3; ++k) out.labels.push_back(d.labels[i]);
    }
    return out;
}

}  // namespace bp
