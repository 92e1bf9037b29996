// Kernels.cpp — register-blocked loops over column-major W. See Kernels.h for the contract.
//
// A block of kRows rows of x (or a) stays in registers while the loop walks all columns, so W is
// read once (forward) or read and written once (update, fused) per call. Each x_i accumulates its
// terms for j = 0, 1, 2 … in that order whatever the blocking, which is what keeps the fused
// sweep bit-identical to forward-after-update. Built with -ffp-contract=off (no FMA contraction).
#include "Kernels.h"

#include <algorithm>

namespace bp::kernel {
namespace {

constexpr int kRows = 16;  // rows per register block (8 SSE2 or 4 AVX registers)

// One block of `n` rows starting at r0; templated on the block size so the inner loops unroll.
template <int N>
inline void forwardBlock(const Scalar* W, Eigen::Index ld, Eigen::Index cols, const Scalar* in,
                         bool biasOne, Scalar* x) {
    Scalar acc[N] = {};
    const Eigen::Index n = cols - (biasOne ? 1 : 0);
    for (Eigen::Index j = 0; j < n; ++j) {
        const Scalar* w = W + j * ld;
        const Scalar v = in[j];
        for (int i = 0; i < N; ++i) acc[i] += w[i] * v;  // x_i += W_ij · in_j
    }
    if (biasOne) {
        const Scalar* w = W + n * ld;
        for (int i = 0; i < N; ++i) acc[i] += w[i] * 1.0;
    }
    for (int i = 0; i < N; ++i) x[i] = acc[i];
}

template <int N>
inline void updateForwardBlock(Scalar* W, Eigen::Index ld, Eigen::Index cols, const Scalar* a,
                               const Scalar* b, const Scalar* c, bool biasOne, Scalar* x) {
    Scalar ar[N], acc[N] = {};
    for (int i = 0; i < N; ++i) ar[i] = a[i];
    const Eigen::Index n = cols - (biasOne ? 1 : 0);
    for (Eigen::Index j = 0; j < n; ++j) {
        Scalar* w = W + j * ld;
        const Scalar bj = b[j], cj = c[j];
        for (int i = 0; i < N; ++i) {
            const Scalar updated = w[i] + ar[i] * bj;  // W_ij + a_i·b_j
            w[i] = updated;
            acc[i] += updated * cj;  // x_i += W_ij(new) · c_j
        }
    }
    if (biasOne) {
        Scalar* w = W + n * ld;
        for (int i = 0; i < N; ++i) {
            const Scalar updated = w[i] + ar[i] * 1.0;
            w[i] = updated;
            acc[i] += updated * 1.0;
        }
    }
    for (int i = 0; i < N; ++i) x[i] = acc[i];
}

template <int N>
inline void updateBlock(Scalar* W, Eigen::Index ld, Eigen::Index cols, const Scalar* a,
                        const Scalar* b, bool biasOne) {
    Scalar ar[N];
    for (int i = 0; i < N; ++i) ar[i] = a[i];
    const Eigen::Index n = cols - (biasOne ? 1 : 0);
    for (Eigen::Index j = 0; j < n; ++j) {
        Scalar* w = W + j * ld;
        const Scalar bj = b[j];
        for (int i = 0; i < N; ++i) w[i] = w[i] + ar[i] * bj;
    }
    if (biasOne) {
        Scalar* w = W + n * ld;
        for (int i = 0; i < N; ++i) w[i] = w[i] + ar[i] * 1.0;
    }
}

// Walks the rows in blocks of 16, then 4, then single rows; f is called as f.operator()<N>(r).
template <typename F>
inline void byBlocks(Eigen::Index rows, F f) {
    Eigen::Index r = 0;
    for (; r + kRows <= rows; r += kRows) f.template operator()<kRows>(r);
    for (; r + 4 <= rows; r += 4) f.template operator()<4>(r);
    for (; r < rows; ++r) f.template operator()<1>(r);
}

}  // namespace

void forward(const Matrix& W, const Scalar* in, bool biasOne, Scalar* x) {
    const Eigen::Index ld = W.rows(), cols = W.cols();
    byBlocks(ld, [&]<int N>(Eigen::Index r) {
        forwardBlock<N>(W.data() + r, ld, cols, in, biasOne, x + r);
    });
}

void update(Matrix& W, const Scalar* a, const Scalar* b, bool biasOne) {
    const Eigen::Index ld = W.rows(), cols = W.cols();
    byBlocks(ld, [&]<int N>(Eigen::Index r) {
        updateBlock<N>(W.data() + r, ld, cols, a + r, b, biasOne);
    });
}

void updateForward(Matrix& W, const Scalar* a, const Scalar* b, const Scalar* c, bool biasOne,
                   Scalar* x) {
    const Eigen::Index ld = W.rows(), cols = W.cols();
    byBlocks(ld, [&]<int N>(Eigen::Index r) {
        updateForwardBlock<N>(W.data() + r, ld, cols, a + r, b, c, biasOne, x + r);
    });
}

}  // namespace bp::kernel
