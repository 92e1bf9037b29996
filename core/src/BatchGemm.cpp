// BatchGemm.cpp — picks the AVX2 or the baseline products once, by what this CPU supports.
#include "BatchGemm.h"

namespace bp::gemm {

namespace baseline {
void product(const double*, long, long, long, const double*, long, double*);
void addOuter(double*, long, long, long, const double*, const double*, long, double);
}  // namespace baseline
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define BP_HAVE_AVX2_GEMM 1
namespace avx2 {
void product(const double*, long, long, long, const double*, long, double*);
void addOuter(double*, long, long, long, const double*, const double*, long, double);
}  // namespace avx2
#endif

namespace {
bool useAvx2() {
#ifdef BP_HAVE_AVX2_GEMM
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
#else
    return false;
#endif
}
}  // namespace

void product(const double* A, long lda, long m, long k, const double* B, long n, double* C) {
#ifdef BP_HAVE_AVX2_GEMM
    if (useAvx2()) return avx2::product(A, lda, m, k, B, n, C);
#endif
    baseline::product(A, lda, m, k, B, n, C);
}

void addOuter(double* C, long ldc, long m, long n, const double* A, const double* B, long b,
              double scale) {
#ifdef BP_HAVE_AVX2_GEMM
    if (useAvx2()) return avx2::addOuter(C, ldc, m, n, A, B, b, scale);
#endif
    baseline::addOuter(C, ldc, m, n, A, B, b, scale);
}

const char* implementation() {
    return useAvx2() ? "avx2" : "baseline";
}

}  // namespace bp::gemm
