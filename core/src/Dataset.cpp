// Dataset.cpp — the book's input scaling and a few facts about a loaded data set.
#include "backprop/Dataset.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace bp {
namespace {

// x/255·0.99 + 0.01 for every byte, in the book's order of operations (numpy:
// (inputs / 255.0 * 0.99) + 0.01), so the values match the Python code bit for bit.
std::array<Scalar, 256> makeScaleTable() {
    std::array<Scalar, 256> t{};
    for (int x = 0; x < 256; ++x) t[static_cast<std::size_t>(x)] = x / 255.0 * 0.99 + 0.01;
    return t;
}

const std::array<Scalar, 256> kScale = makeScaleTable();

}  // namespace

Scalar scaleInput(std::uint8_t x) {
    return kScale[x];
}

void Dataset::input(std::size_t i, Eigen::Ref<Vector> out) const {
    assert(i < rows() && out.size() == inputs);
    const std::uint8_t* r = row(i);
    for (int k = 0; k < inputs; ++k) out[k] = kScale[r[k]];  // x/255·0.99 + 0.01
}

Vector Dataset::input(std::size_t i) const {
    Vector v(inputs);
    input(i, v);
    return v;
}

std::vector<std::size_t> Dataset::labelCounts() const {
    std::vector<std::size_t> counts(static_cast<std::size_t>(maxLabel() + 1), 0);
    for (std::uint8_t l : labels) ++counts[l];
    return counts;
}

int Dataset::maxLabel() const {
    if (labels.empty()) return -1;
    return *std::max_element(labels.begin(), labels.end());
}

void guessImageShape(Dataset& d) {
    d.width = d.height = 0;
    if (d.inputs <= 0) return;
    int side = 0;
    while ((side + 1) * (side + 1) <= d.inputs) ++side;
    if (side * side == d.inputs) d.width = d.height = side;
}

}  // namespace bp
