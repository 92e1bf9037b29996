// Kernels.cpp — column-streaming loops over column-major W. See Kernels.h for the contract.
//
// W is walked once, column after column, four columns per pass over x (x stays in L1; W streams
// contiguously from cache or memory, which is what the per-sample update is bound by). Each x_i
// adds its terms for j = 0, 1, 2 … one at a time in that order, in all three kernels, which is
// what keeps the fused sweep bit-identical to forward-after-update. Built with
// -ffp-contract=off (no FMA contraction), so the same bits come out on every x86-64.
#include "Kernels.h"

#include <algorithm>
#include <cstring>

namespace bp::kernel {
namespace {

using Index = Eigen::Index;

// Four doubles as one GCC/Clang vector (two SSE2 registers, or one AVX register); loaded and
// stored with memcpy (unaligned) inside the kernels, never passed to a function, because its
// by-value ABI differs between the AVX2 and the plain clone.
typedef double V4 __attribute__((vector_size(32)));

}  // namespace

// The update is bound by stores: 32-byte AVX stores halve their count. Each kernel is compiled
// twice, for AVX2 and for plain x86-64, and the loader picks one per machine (an ifunc). Both
// perform the same IEEE operations per element (no FMA: -ffp-contract=off), so the bits agree.
// Not under ThreadSanitizer: the ifunc resolver runs while the program is being relocated,
// before the TSan runtime is initialised, and its instrumentation crashes there (SIGSEGV before
// main, found by scripts/sanitize.sh). The plain clone alone computes the same bits.
#if defined(__x86_64__) && defined(__GNUC__) && defined(__linux__) && !defined(__SANITIZE_THREAD__)
#define BP_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define BP_KERNEL
#endif

namespace {

// The value of input j: in[j] for the real inputs, 1 for the bias column (j == n).
inline Scalar inputAt(const Scalar* in, Index n, Index j) {
    return j < n ? in[j] : 1.0;
}

}  // namespace

BP_KERNEL void forward(const Matrix& W, const Scalar* in, bool biasOne, Scalar* x) {
    const Index rows = W.rows(), cols = W.cols(), n = cols - (biasOne ? 1 : 0);
    const Scalar* w = W.data();
    for (Index i = 0; i < rows; ++i) x[i] = 0.0;
    Index j = 0;
    for (; j + 4 <= cols; j += 4) {
        // Four distinct columns and x never overlap: said so, the compiler vectorizes.
        const Scalar* __restrict w0 = w + j * rows;
        const Scalar* __restrict w1 = w0 + rows;
        const Scalar* __restrict w2 = w1 + rows;
        const Scalar* __restrict w3 = w2 + rows;
        Scalar* __restrict xr = x;
        const Scalar v0 = inputAt(in, n, j), v1 = inputAt(in, n, j + 1);
        const Scalar v2 = inputAt(in, n, j + 2), v3 = inputAt(in, n, j + 3);
        for (Index i = 0; i < rows; ++i) {
            Scalar s = xr[i];  // x_i += W_ij · in_j, for j, j+1, j+2, j+3 in turn
            s += w0[i] * v0;
            s += w1[i] * v1;
            s += w2[i] * v2;
            s += w3[i] * v3;
            xr[i] = s;
        }
    }
    for (; j < cols; ++j) {
        const Scalar* w0 = w + j * rows;
        const Scalar v0 = inputAt(in, n, j);
        for (Index i = 0; i < rows; ++i) x[i] += w0[i] * v0;
    }
}

BP_KERNEL void update(Matrix& W, const Scalar* a, const Scalar* b, bool biasOne) {
    const Index rows = W.rows(), cols = W.cols(), n = cols - (biasOne ? 1 : 0);
    Scalar* w = W.data();
    for (Index j = 0; j < cols; ++j) {
        Scalar* __restrict wj = w + j * rows;
        const Scalar* __restrict ar = a;
        const Scalar bj = inputAt(b, n, j);
        for (Index i = 0; i < rows; ++i) wj[i] = wj[i] + ar[i] * bj;  // W_ij += a_i · b_j
    }
}

BP_KERNEL void updateForward(Matrix& W, const Scalar* a, const Scalar* b, const Scalar* c,
                             bool biasOne, Scalar* x) {
    const Index rows = W.rows(), cols = W.cols(), n = cols - (biasOne ? 1 : 0);
    Scalar* w = W.data();
    for (Index i = 0; i < rows; ++i) x[i] = 0.0;
    Index j = 0;
    for (; j + 4 <= cols; j += 4) {
        Scalar* __restrict w0 = w + j * rows;
        Scalar* __restrict w1 = w0 + rows;
        Scalar* __restrict w2 = w1 + rows;
        Scalar* __restrict w3 = w2 + rows;
        Scalar* __restrict xr = x;
        const Scalar* __restrict ar = a;
        const Scalar b0 = inputAt(b, n, j), b1 = inputAt(b, n, j + 1);
        const Scalar b2 = inputAt(b, n, j + 2), b3 = inputAt(b, n, j + 3);
        const Scalar c0 = inputAt(c, n, j), c1 = inputAt(c, n, j + 1);
        const Scalar c2 = inputAt(c, n, j + 2), c3 = inputAt(c, n, j + 3);
        Index i = 0;
        // Four rows at a time in explicit vectors (each lane is the scalar IEEE operation, so
        // the bits are those of the scalar loop below); GCC would not vectorize this one itself.
        for (; i + 4 <= rows; i += 4) {
            V4 ai, u0, u1, u2, u3, sum;
            std::memcpy(&ai, ar + i, sizeof ai);
            std::memcpy(&u0, w0 + i, sizeof u0);
            std::memcpy(&u1, w1 + i, sizeof u1);
            std::memcpy(&u2, w2 + i, sizeof u2);
            std::memcpy(&u3, w3 + i, sizeof u3);
            std::memcpy(&sum, xr + i, sizeof sum);
            u0 = u0 + ai * b0;  // lane by lane the scalar operations of the loop below
            u1 = u1 + ai * b1;
            u2 = u2 + ai * b2;
            u3 = u3 + ai * b3;
            std::memcpy(w0 + i, &u0, sizeof u0);
            std::memcpy(w1 + i, &u1, sizeof u1);
            std::memcpy(w2 + i, &u2, sizeof u2);
            std::memcpy(w3 + i, &u3, sizeof u3);
            sum += u0 * c0;
            sum += u1 * c1;
            sum += u2 * c2;
            sum += u3 * c3;
            std::memcpy(xr + i, &sum, sizeof sum);
        }
        for (; i < rows; ++i) {
            const Scalar ai = ar[i];
            // W_ij ← W_ij + a_i·b_j, then x_i += W_ij · c_j, for j … j+3 in turn
            const Scalar u0 = w0[i] + ai * b0;
            const Scalar u1 = w1[i] + ai * b1;
            const Scalar u2 = w2[i] + ai * b2;
            const Scalar u3 = w3[i] + ai * b3;
            w0[i] = u0;
            w1[i] = u1;
            w2[i] = u2;
            w3[i] = u3;
            Scalar s = xr[i];
            s += u0 * c0;
            s += u1 * c1;
            s += u2 * c2;
            s += u3 * c3;
            xr[i] = s;
        }
    }
    for (; j < cols; ++j) {
        Scalar* w0 = w + j * rows;
        const Scalar b0 = inputAt(b, n, j), c0 = inputAt(c, n, j);
        for (Index i = 0; i < rows; ++i) {
            const Scalar u = w0[i] + a[i] * b0;
            w0[i] = u;
            x[i] += u * c0;
        }
    }
}

}  // namespace bp::kernel

// ---- sweepRows: one range of rows, a row block at a time -------------------------------------
namespace bp::kernel {
namespace {

typedef float F8 __attribute__((vector_size(32)));  // eight floats, as V4 is four doubles

// Columns ahead of the one being swept that the next cache line is fetched for: a row block
// touches one line per column, 1.6 KB apart for 200 rows, a stride the hardware's own
// prefetchers follow only part of the way.
constexpr Index kPrefetchColumns = 16;

// NV vectors V (of S) = one block of rows starting at row i, swept over all columns: the
// block's a and x live in registers, each W element is loaded and stored once.
template <typename S, typename V, int NV, Sweep Mode>
__attribute__((always_inline)) inline void sweepBlock(S* w, Index ld, Index n, bool biasOne,
                                                      Index i, const S* a, const S* b, const S* c,
                                                      S* x) {
    constexpr Index L = sizeof(V) / sizeof(S);
    constexpr bool update = Mode != Sweep::Forward, fwd = Mode != Sweep::Update;
    V ai[NV] = {}, sum[NV] = {};  // sum starts at +0.0, as x_i = 0 in forward()
    if constexpr (update)
        for (int q = 0; q < NV; ++q) std::memcpy(&ai[q], a + i + q * L, sizeof(V));
    S* p = w + i;
    const Index cols = n + (biasOne ? 1 : 0);
    for (Index j = 0; j < cols; ++j, p += ld) {
        __builtin_prefetch(p + kPrefetchColumns * ld, update ? 1 : 0, 3);
        const S bj = j < n ? (update ? b[j] : S(0)) : S(1);  // the bias column's input is 1
        const S cj = j < n ? (fwd ? c[j] : S(0)) : S(1);
        for (int q = 0; q < NV; ++q) {
            V u;
            std::memcpy(&u, p + q * L, sizeof u);
            if constexpr (update) {
                u = u + ai[q] * bj;  // W_ij ← W_ij + a_i · b_j
                std::memcpy(p + q * L, &u, sizeof u);
            }
            if constexpr (fwd) sum[q] += u * cj;  // x_i += W_ij · c_j, j ascending
        }
    }
    if constexpr (fwd)
        for (int q = 0; q < NV; ++q) std::memcpy(x + i + q * L, &sum[q], sizeof(V));
}

// Fewer rows than a vector: the same operations one scalar at a time, all rows in one sweep.
template <typename S, Sweep Mode>
__attribute__((always_inline)) inline void sweepScalars(S* w, Index ld, Index n, bool biasOne,
                                                        Index i0, Index count, const S* a,
                                                        const S* b, const S* c, S* x) {
    constexpr bool update = Mode != Sweep::Forward, fwd = Mode != Sweep::Update;
    S sum[8] = {};
    const Index cols = n + (biasOne ? 1 : 0);
    S* p = w + i0;
    for (Index j = 0; j < cols; ++j, p += ld) {
        const S bj = j < n ? (update ? b[j] : S(0)) : S(1);
        const S cj = j < n ? (fwd ? c[j] : S(0)) : S(1);
        for (Index q = 0; q < count; ++q) {
            S u = p[q];
            if constexpr (update) {
                u = u + a[i0 + q] * bj;
                p[q] = u;
            }
            if constexpr (fwd) sum[q] += u * cj;
        }
    }
    if constexpr (fwd)
        for (Index q = 0; q < count; ++q) x[i0 + q] = sum[q];
}

template <typename S, typename V, Sweep Mode>
__attribute__((always_inline)) inline void sweepRange(S* w, Index ld, Index n, bool biasOne,
                                                      RowRange r, const S* a, const S* b,
                                                      const S* c, S* x) {
    constexpr Index L = sizeof(V) / sizeof(S);
    Index i = r.begin;
    const Index end = r.begin + r.count;
    for (; i + 2 * L <= end; i += 2 * L)
        sweepBlock<S, V, 2, Mode>(w, ld, n, biasOne, i, a, b, c, x);
    for (; i + L <= end; i += L) sweepBlock<S, V, 1, Mode>(w, ld, n, biasOne, i, a, b, c, x);
    while (i < end) {  // at most L − 1 rows, in sweeps of up to 8
        const Index k = std::min<Index>(8, end - i);
        sweepScalars<S, Mode>(w, ld, n, biasOne, i, k, a, b, c, x);
        i += k;
    }
}

template <typename S, typename V>
__attribute__((always_inline)) inline void sweepAny(S* w, Index ld, Index n, bool biasOne,
                                                    RowRange r, Sweep mode, const S* a, const S* b,
                                                    const S* c, S* x) {
    switch (mode) {
        case Sweep::Forward:
            return sweepRange<S, V, Sweep::Forward>(w, ld, n, biasOne, r, a, b, c, x);
        case Sweep::Update:
            return sweepRange<S, V, Sweep::Update>(w, ld, n, biasOne, r, a, b, c, x);
        case Sweep::UpdateForward:
            return sweepRange<S, V, Sweep::UpdateForward>(w, ld, n, biasOne, r, a, b, c, x);
    }
}

}  // namespace

BP_KERNEL void sweepRows(double* w, Index ld, Index n, bool biasOne, RowRange r, Sweep mode,
                         const double* a, const double* b, const double* c, double* x) {
    sweepAny<double, V4>(w, ld, n, biasOne, r, mode, a, b, c, x);
}

BP_KERNEL void sweepRows(float* w, Index ld, Index n, bool biasOne, RowRange r, Sweep mode,
                         const float* a, const float* b, const float* c, float* x) {
    sweepAny<float, F8>(w, ld, n, biasOne, r, mode, a, b, c, x);
}

}  // namespace bp::kernel
