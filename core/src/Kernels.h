// Kernels.h — the three loops the per-sample training spends its time in (private to core).
//
// All three stream a column-major W (rows × cols) column by column, and every
// element is computed in one fixed order, so the fused sweep used by the Trainer gives exactly
// the bits that the separate forward and update give:
//   forward      x_i  = Σ_j W_ij · in_j            (j ascending, starting from 0)
//   update       W_ij ← W_ij + a_i · b_j
//   fused        W_ij ← W_ij + a_i · b_j, then x_i = Σ_j W_ij · c_j with the new W
// `biasOne` appends an input of constant 1 (the bias column, the last column of W).
#pragma once

#include "backprop/Types.h"

namespace bp::kernel {

// x = W · [in; 1?]. W: rows × (in.size() + biasOne).
void forward(const Matrix& W, const Scalar* in, bool biasOne, Scalar* x);
// W += a · [b; 1?]ᵀ. a: rows, b: cols − biasOne.
void update(Matrix& W, const Scalar* a, const Scalar* b, bool biasOne);
// W += a · [b; 1?]ᵀ, then x = W · [c; 1?] with the updated W, in one sweep over W.
void updateForward(Matrix& W, const Scalar* a, const Scalar* b, const Scalar* c, bool biasOne,
                   Scalar* x);

}  // namespace bp::kernel
