// ControllerFixtures.h — what the tests of the training controller share: the embedded data
// sets, a network spec in one line, and exact (==) comparison of weight matrices.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backprop/DatasetIO.h"
#include "backprop/Network.h"

namespace fixtures {

// resources/data/<name> (mnist_train_100.csv, mnist_test_10.csv, …), shared as the studio holds it.
inline std::shared_ptr<const bp::Dataset> loadData(const char* name) {
    return std::make_shared<const bp::Dataset>(
        bp::loadDataset(std::string(BP_SOURCE_DIR) + "/resources/data/" + name));
}

inline bp::NetworkSpec specOf(std::vector<int> layers, std::uint64_t seed) {
    bp::NetworkSpec s;
    s.layers = std::move(layers);
    s.seed = seed;
    return s;
}

// The same shapes and every element equal.
inline bool sameMatrices(const std::vector<bp::Matrix>& a, const std::vector<bp::Matrix>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].rows() != b[i].rows() || a[i].cols() != b[i].cols() || a[i] != b[i]) return false;
    return true;
}

}  // namespace fixtures
