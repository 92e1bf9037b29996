// BatchGemmAvx2.cpp — BatchGemm.inc compiled with -mavx2 (core/CMakeLists.txt). Eigen's
// namespace is renamed in this file only, so its AVX2 template instances have their own names
// and can never replace the baseline ones elsewhere in the program. See BatchGemm.h.
#if defined(__x86_64__) && defined(__AVX2__)
#define Eigen BpEigenAvx2
#define BP_GEMM_NS avx2
#include "BatchGemm.inc"
#undef Eigen
#endif
