// FirstLayerSweep.cpp — W_0's rows split across a ThreadTeam; see FirstLayerSweep.h.
#include "FirstLayerSweep.h"

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "backprop/Trainer.h"

namespace bp {
namespace {

constexpr std::size_t kLine = 64;  // bytes of a cache line

}  // namespace

FirstLayerSweep::FirstLayerSweep(const Network& net, int threads, Precision precision)
    : m_f(net.activationOf(1)),
      m_rows(net.weights(0).rows()),
      m_inputs(net.spec().layers[0]),
      m_bias(net.spec().bias),
      m_float(precision == Precision::Float),
      m_wanted(std::max(1, threads)) {
    const std::size_t size = m_float ? sizeof(float) : sizeof(double);
    const auto perLine = static_cast<Eigen::Index>(kLine / size);
    m_ld = (m_rows + perLine - 1) / perLine * perLine;  // every column starts a line
    const auto elements = static_cast<std::size_t>(m_ld * net.weights(0).cols());
    m_store.assign((elements * size + 2 * kLine) / sizeof(double), 0.0);
    const auto addr = reinterpret_cast<std::uintptr_t>(m_store.data());
    char* aligned = reinterpret_cast<char*>(m_store.data()) + (kLine - addr % kLine) % kLine;
    if (m_float)
        m_w = reinterpret_cast<float*>(aligned);
    else
        m_wd = reinterpret_cast<double*>(aligned);
    if (m_float) {
        m_a.assign(static_cast<std::size_t>(m_rows), 0.0f);
        m_x.assign(static_cast<std::size_t>(m_rows), 0.0f);
        m_b.assign(static_cast<std::size_t>(m_inputs), 0.0f);
        m_c.assign(static_cast<std::size_t>(m_inputs), 0.0f);
    }
    plan(size);
}

// Cuts rows 0 … n_1 − 1 into blocks of one cache line per column (the last one may be shorter;
// the rows past it up to m_ld are padding nobody touches) and deals them out in contiguous
// runs, as evenly as the blocks allow.
void FirstLayerSweep::plan(std::size_t elementSize) {
    const auto perLine = static_cast<Eigen::Index>(kLine / elementSize);
    const Eigen::Index blocks = (m_rows + perLine - 1) / perLine;
    const int members =
        static_cast<int>(std::clamp<Eigen::Index>(blocks, 1, static_cast<Eigen::Index>(m_wanted)));
    if (members > 1) m_team = std::make_unique<ThreadTeam>(members);
    m_ranges.assign(static_cast<std::size_t>(members), {});
    Eigen::Index b = 0;
    for (int m = 0; m < members; ++m) {
        const Eigen::Index upTo = blocks * (m + 1) / members;
        for (; b < upTo; ++b) {
            const Eigen::Index begin = b * perLine;
            m_ranges[static_cast<std::size_t>(m)].push_back(
                {begin, std::min(perLine, m_rows - begin)});
        }
    }
}

void FirstLayerSweep::begin(Network& net) {
    const Matrix& W = net.weights(0);
    for (Eigen::Index j = 0; j < W.cols(); ++j) {
        const double* from = W.data() + j * m_rows;
        if (m_float)
            for (Eigen::Index i = 0; i < m_rows; ++i)
                m_w[j * m_ld + i] = static_cast<float>(from[i]);
        else
            std::copy(from, from + m_rows, m_wd + j * m_ld);
    }
    m_cFrom = nullptr;
}

void FirstLayerSweep::end(Network& net) {
    Matrix& W = net.weights(0);
    for (Eigen::Index j = 0; j < W.cols(); ++j) {
        double* to = W.data() + j * m_rows;
        if (m_float)
            for (Eigen::Index i = 0; i < m_rows; ++i)
                to[i] = static_cast<double>(m_w[j * m_ld + i]);
        else
            std::copy(m_wd + j * m_ld, m_wd + (j + 1) * m_ld - (m_ld - m_rows), to);
    }
}

template <typename S>
void FirstLayerSweep::run(kernel::Sweep mode, const S* w, const S* a, const S* b, const S* c, S* x,
                          PassValues* v) {
    S* wm = const_cast<S*>(w);
    const bool reverse = m_reverse;
    m_reverse = !m_reverse;
    auto job = [&](int member) {
        const auto& ranges = m_ranges[static_cast<std::size_t>(member)];
        const std::size_t n = ranges.size();
        for (std::size_t k = 0; k < n; ++k) {
            const kernel::RowRange r = ranges[reverse ? n - 1 - k : k];
            kernel::sweepRows(wm, m_ld, m_inputs, m_bias, r, mode, a, b, c, x);
            if (!v) continue;
            Vector& x1 = v->x[1];
            Vector& o1 = v->o[1];
            for (Eigen::Index i = r.begin; i < r.begin + r.count; ++i) {
                if constexpr (std::is_same_v<S, float>) x1(i) = static_cast<double>(x[i]);
                o1(i) = activate(m_f, x1(i));  // O_1 = f(X_1), row by row as activate() does
            }
        }
    };
    if (m_team)
        m_team->run(job);
    else
        job(0);
}

void FirstLayerSweep::floatInputs(const Vector* in, const Vector* next) {
    if (in) {  // b: usually the last call's c, already converted
        if (in->data() == m_cFrom)
            m_b.swap(m_c);
        else
            for (Eigen::Index j = 0; j < m_inputs; ++j) m_b[j] = static_cast<float>((*in)(j));
    }
    m_cFrom = nullptr;
    if (next) {
        for (Eigen::Index j = 0; j < m_inputs; ++j) m_c[j] = static_cast<float>((*next)(j));
        m_cFrom = next->data();
    }
}

void FirstLayerSweep::forward(const Vector& in, PassValues& v) {
    if (!m_float)
        return run<double>(kernel::Sweep::Forward, m_wd, nullptr, nullptr, in.data(), v.x[1].data(),
                           &v);
    floatInputs(nullptr, &in);
    run<float>(kernel::Sweep::Forward, m_w, nullptr, nullptr, m_c.data(), m_x.data(), &v);
}

void FirstLayerSweep::update(const Vector& a, const Vector& in) {
    if (!m_float)
        return run<double>(kernel::Sweep::Update, m_wd, a.data(), in.data(), nullptr, nullptr,
                           nullptr);
    for (Eigen::Index i = 0; i < m_rows; ++i) m_a[i] = static_cast<float>(a(i));
    floatInputs(&in, nullptr);
    run<float>(kernel::Sweep::Update, m_w, m_a.data(), m_b.data(), nullptr, nullptr, nullptr);
}

void FirstLayerSweep::updateForward(const Vector& a, const Vector& in, const Vector& next,
                                    PassValues& v) {
    if (!m_float)
        return run<double>(kernel::Sweep::UpdateForward, m_wd, a.data(), in.data(), next.data(),
                           v.x[1].data(), &v);
    for (Eigen::Index i = 0; i < m_rows; ++i) m_a[i] = static_cast<float>(a(i));
    floatInputs(&in, &next);
    run<float>(kernel::Sweep::UpdateForward, m_w, m_a.data(), m_b.data(), m_c.data(), m_x.data(),
               &v);
}

}  // namespace bp
