// Npy.h — NumPy .npy files, so weights move both ways between this program and the book's
// Python code (numpy.save / numpy.load).
//
// Written: format 1.0, dtype '<f8' (little-endian float64), C order, shape (rows, cols) —
// exactly what numpy.save writes for the book's float64 arrays.
// Read: format 1.0, 2.0 and 3.0 headers; dtype '<f8' or '<f4' ('|'/'=' prefixes on a
// little-endian machine too); C or Fortran order; shape (rows, cols) or (n,) (read as n × 1).
//
// One file per weight matrix, named as the book names them:
//   3 layers (one hidden):  wih.npy = W_0 (hidden × input), who.npy = W_1 (output × hidden)
//   other depths:           w0.npy, w1.npy, …  (W_k, rows = next layer, cols = previous layer)
// With bias nodes the bias weights are the last column of each W_k, as the network holds them.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "backprop/Network.h"
#include "backprop/Types.h"

namespace bp {

// Any problem reading or writing a .npy file; what() starts with the file's path.
class NpyError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Writes m as a version 1.0 '<f8' C-order .npy file. Throws NpyError naming the file.
void writeNpy(const std::string& path, const Eigen::Ref<const Matrix>& m);
// Reads a 1-D or 2-D float64/float32 .npy file (any header version, C or Fortran order).
Matrix readNpy(const std::string& path);
// The same from bytes in memory; `name` is used in messages.
Matrix parseNpy(const std::vector<char>& bytes, const std::string& name);

// File names of W_0 … W_{L−1}: {"wih.npy", "who.npy"} for L = 2, else {"w0.npy", …}.
std::vector<std::string> npyNames(int weightLayers);

// Writes every weight matrix of net into dir (created if missing).
void exportNpy(const Network& net, const std::string& dir);
// Writes matrices[k] to paths[k], the whole set or none (each written and fsync'ed before any
// is renamed over its name; see AtomicFile.h). Throws NpyError naming the file that failed.
void writeNpyFiles(const std::vector<std::string>& paths, const std::vector<Matrix>& matrices);
// Reads dir's files into net. Every file is read and its shape checked before any weight
// changes; a missing file or a shape mismatch throws NpyError naming the file and both shapes.
void importNpy(Network& net, const std::string& dir);

}  // namespace bp
