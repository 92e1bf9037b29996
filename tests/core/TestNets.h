// TestNets.h — small networks and vectors for the core tests: matrices written row by row as
// the book prints them, and the book's three-layer example (header-only).
#pragma once

#include <initializer_list>

#include "backprop/Network.h"

namespace testnets {

// rows × cols, the values given row by row.
inline bp::Matrix mat(int rows, int cols, std::initializer_list<double> rowMajor) {
    bp::Matrix m(rows, cols);
    auto it = rowMajor.begin();
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) m(i, j) = *it++;
    return m;
}

inline bp::Vector vec(std::initializer_list<double> v) {
    bp::Vector out(static_cast<Eigen::Index>(v.size()));
    int i = 0;
    for (double x : v) out(i++) = x;
    return out;
}

// The book's three-layer example (chapter "Multiplying signals: three layers"), input
// (0.9, 0.1, 0.8); `rule` says how its errors travel back.
inline bp::Network bookThreeLayers(bp::ErrorRule rule = bp::ErrorRule::Book) {
    bp::NetworkSpec spec;
    spec.layers = {3, 3, 3};
    spec.rule = rule;
    bp::Network net(spec);
    net.setWeights(0, mat(3, 3, {0.9, 0.3, 0.4, 0.2, 0.8, 0.2, 0.1, 0.5, 0.6}));
    net.setWeights(1, mat(3, 3, {0.3, 0.7, 0.5, 0.6, 0.5, 0.2, 0.8, 0.1, 0.9}));
    return net;
}

}  // namespace testnets
