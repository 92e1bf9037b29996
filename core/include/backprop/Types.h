// Types.h — the scalar and matrix types every part of the core speaks.
//
// One Scalar for the whole library (double: the book's NumPy code is float64 and the
// reference comparison is held to 1e-9). Matrices are Eigen column-major, as Eigen stores
// them by default; the kernels in Kernels.h rely on that.
#pragma once

#include <Eigen/Core>

namespace bp {

using Scalar = double;
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;  // column-major
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

}  // namespace bp
