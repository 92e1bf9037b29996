// Kernels.h — the three loops the per-sample training spends its time in (private to core).
//
// All three stream a column-major W (rows × cols) column by column, and every
// element is computed in one fixed order, so the fused sweep used by the Trainer gives exactly
// the bits that the separate forward and update give:
//   forward      x_i  = Σ_j W_ij · in_j            (j ascending, starting from 0)
//   update       W_ij ← W_ij + a_i · b_j
//   fused        W_ij ← W_ij + a_i · b_j, then x_i = Σ_j W_ij · c_j with the new W
// `biasOne` appends an input of constant 1 (the bias column, the last column of W).
//
// sweepRows does the same three operations on a range of W's rows only, walking that range
// row block by row block (8 doubles or 16 floats: one 64-byte cache line of a column) with the
// block's x in registers across all columns. The per-element operations and their order are
// those above, so any split of the rows — one range or one per thread, blocks in either order —
// gives the bits of forward / update / updateForward. This is what lets the Trainer split W_0's
// rows across threads and stay bit-identical to one thread.
#pragma once

#include "backprop/Types.h"

namespace bp::kernel {

// Rows [begin, begin + count) of a matrix.
struct RowRange {
    Eigen::Index begin = 0;
    Eigen::Index count = 0;
};

// Which of the three operations sweepRows performs on its rows.
enum class Sweep { Forward, Update, UpdateForward };

// x = W · [in; 1?]. W: rows × (in.size() + biasOne).
void forward(const Matrix& W, const Scalar* in, bool biasOne, Scalar* x);
// W += a · [b; 1?]ᵀ. a: rows, b: cols − biasOne.
void update(Matrix& W, const Scalar* a, const Scalar* b, bool biasOne);
// W += a · [b; 1?]ᵀ, then x = W · [c; 1?] with the updated W, in one sweep over W.
void updateForward(Matrix& W, const Scalar* a, const Scalar* b, const Scalar* c, bool biasOne,
                   Scalar* x);

// On rows r of a column-major W (leading dimension ld, n inputs + biasOne columns):
//   Forward        x_i = Σ_j W_ij · c_j
//   Update         W_ij ← W_ij + a_i · b_j
//   UpdateForward  both, in one sweep (x from the updated W)
// a and x are indexed by row (only rows r are read or written), b and c by column.
void sweepRows(double* w, Eigen::Index ld, Eigen::Index n, bool biasOne, RowRange r, Sweep mode,
               const double* a, const double* b, const double* c, double* x);
void sweepRows(float* w, Eigen::Index ld, Eigen::Index n, bool biasOne, RowRange r, Sweep mode,
               const float* a, const float* b, const float* c, float* x);

}  // namespace bp::kernel
