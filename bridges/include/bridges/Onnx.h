// Onnx.h — the trained network as a standard ONNX model, for other runtimes (ONNX Runtime,
// OpenCV's dnn, Netron to look at it).
//
// The graph (opset 13, IR version 7; every tensor float64, as the network computes):
//   input   "input"   double [N, inputs]: the raw values of a data row, 0–255 — the CSV's
//                     numbers after the label, or an image's bytes —, one row per sample
//   scaling O_0 = input / 255 · 0.99 + 0.01        Div, Mul, Add (the book's scaling, inside the
//                                                  graph, so callers feed pixels as they are)
//   layer k X_{k+1} = O_k · W_kᵀ (+ b_k)           Gemm(transB = 1): W_k as the network holds it,
//                                                  n_{k+1} × n_k; b_k its bias column, if any
//           O_{k+1} = f(X_{k+1})                   Sigmoid, Tanh or Relu
//   output  "output"  double [N, outputs]: the output layer's values; argmax is the label
// The model carries a doc string saying so, and metadata: layers, activations, bias, error rule,
// seed, learning rate and samples seen. Written with ONNX's own protobuf classes (Debian's
// libonnx-dev); bp_bridges keeps them out of core and out of this header.
#pragma once

#include <string>
#include <vector>

#include "backprop/ModelFile.h"
#include "backprop/Network.h"

namespace bp::bridges {

inline constexpr int kOnnxOpset = 13;     // operator set the graph uses
inline constexpr int kOnnxIrVersion = 7;  // IR version of opset 13 (ONNX 1.8)

// The serialized ModelProto.
std::vector<char> encodeOnnx(const Network& net, const TrainingRecord& training = {});
// Writes it atomically (core's AtomicFile). Throws ExportError (Notebook.h) naming the file.
void exportOnnx(const std::string& path, const Network& net, const TrainingRecord& training = {});

}  // namespace bp::bridges
