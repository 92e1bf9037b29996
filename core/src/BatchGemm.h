// BatchGemm.h — the two matrix products of mini-batch training, dispatched by CPU (private).
//
// Eigen's GEMM is a template compiled for one instruction set per translation unit; the
// mini-batch path is GEMM-bound, and AVX2 doubles its speed. BatchGemm.inc is therefore compiled
// twice — once plain (x86-64 baseline), once with -mavx2 and Eigen's namespace renamed so the two
// instantiations cannot be merged by the linker — and the first call picks one for this CPU.
// No FMA in either (-ffp-contract=off), but the blocking differs, so the two may differ in the
// last bits; per-sample training (Kernels.h) is bit-identical everywhere.
//
// All matrices are column-major with leading dimension = their row count unless given.
#pragma once

namespace bp::gemm {

// C (m×n) = A (m×k, leading dimension lda) · B (k×n)
void product(const double* A, long lda, long m, long k, const double* B, long n, double* C);
// C (m×n, leading dimension ldc) += scale · A (m×b) · B (n×b)ᵀ
void addOuter(double* C, long ldc, long m, long n, const double* A, const double* B, long b,
              double scale);
// Which implementation the dispatcher chose: "avx2" or "baseline".
const char* implementation();

}  // namespace bp::gemm
