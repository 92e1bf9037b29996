// Dataset.h — labelled samples as the book feeds them to the network.
//
// Pixels are kept as bytes (0–255), one row per sample, row-major: full MNIST is
// 60,000 × 784 bytes = 47 MB, where doubles would take 376 MB. The book's scaling
// x/255·0.99 + 0.01 is applied when a sample is handed to the network.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/Types.h"

namespace bp {

struct Dataset {
    std::string source;                // file it was read from (for messages and titles)
    int inputs = 0;                    // values per sample (784 for MNIST, 64 for 8×8 digits)
    int width = 0, height = 0;         // image shape if square or known (28×28), else 0
    std::vector<std::uint8_t> pixels;  // rows() × inputs, row-major
    std::vector<std::uint8_t> labels;  // one per sample

    std::size_t rows() const { return labels.size(); }
    bool empty() const { return labels.empty(); }
    const std::uint8_t* row(std::size_t i) const { return pixels.data() + i * inputs; }
    int label(std::size_t i) const { return labels[i]; }
    bool isImage() const { return width > 0 && height > 0 && width * height == inputs; }

    // The book's input scaling into out (size inputs): x/255·0.99 + 0.01.
    void input(std::size_t i, Eigen::Ref<Vector> out) const;
    Vector input(std::size_t i) const;
    // Count of each label value 0 … maxLabel.
    std::vector<std::size_t> labelCounts() const;
    int maxLabel() const;
};

// Scaled value of one byte, x/255·0.99 + 0.01 (a table lookup).
Scalar scaleInput(std::uint8_t x);

// Sets width/height to the integer square root of inputs when it is a perfect square.
void guessImageShape(Dataset& d);

}  // namespace bp
