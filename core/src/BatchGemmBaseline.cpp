// BatchGemmBaseline.cpp — BatchGemm.inc for the x86-64 baseline (SSE2). See BatchGemm.h.
#define BP_GEMM_NS baseline
#include "BatchGemm.inc"
