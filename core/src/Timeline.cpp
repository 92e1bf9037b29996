// Timeline.cpp — due checkpoints on a grid of tenths of an epoch, thinned by doubling strides.
#include "backprop/Timeline.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace bp {

std::size_t Checkpoint::bytes() const {
    std::size_t b = sizeof(Checkpoint) + weights.capacity() * sizeof(Matrix) +
                    trainer.window.capacity() * sizeof(double);
    for (const Matrix& w : weights) b += static_cast<std::size_t>(w.size()) * sizeof(Scalar);
    return b;
}

Timeline::Timeline(std::uint64_t samplesPerEpoch, int batch, TimelinePolicy policy)
    : m_policy(policy), m_perEpoch(std::max<std::uint64_t>(1, samplesPerEpoch)) {
    const std::uint64_t b = static_cast<std::uint64_t>(std::max(1, batch));
    const std::uint64_t per = std::max<std::size_t>(1, m_policy.perEpoch);
    const std::uint64_t tenth = std::max<std::uint64_t>(1, m_perEpoch / per);
    m_interval = (tenth + b - 1) / b * b;  // whole batches: a checkpoint falls between two
    m_slotsPerEpoch = (m_perEpoch + m_interval - 1) / m_interval;
}

bool Timeline::onGrid(std::uint64_t sample) const {
    return (sample % m_perEpoch) % m_interval == 0;
}

std::uint64_t Timeline::slot(std::uint64_t sample) const {
    return sample / m_perEpoch * m_slotsPerEpoch + (sample % m_perEpoch) / m_interval;
}

bool Timeline::isDue(std::uint64_t samplesSeen) const {
    return onGrid(samplesSeen);
}

std::uint64_t Timeline::nextDue(std::uint64_t samplesSeen) const {
    const std::uint64_t epochStart = samplesSeen / m_perEpoch * m_perEpoch;
    const std::uint64_t p = samplesSeen - epochStart;
    const std::uint64_t next = (p / m_interval + 1) * m_interval;
    return next >= m_perEpoch ? epochStart + m_perEpoch : epochStart + next;
}

bool Timeline::keeps(std::size_t index) const {
    const std::uint64_t s = m_checkpoints[index]->sample();
    return onGrid(s) && slot(s) % m_stride == 0;
}

void Timeline::thinTo(std::size_t count) {
    count = std::max<std::size_t>(count, 1);
    const std::size_t recent = std::min(m_policy.recent, count - 1);
    while (m_checkpoints.size() > count) {
        const std::size_t n = m_checkpoints.size();
        std::vector<CheckpointPtr> kept;
        kept.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            if (i == 0 || i + recent >= n || keeps(i))
                kept.push_back(std::move(m_checkpoints[i]));
            else
                m_bytes -= m_checkpoints[i]->bytes();
        }
        const bool removed = kept.size() < n;
        m_checkpoints = std::move(kept);
        if (!removed) {
            if (m_stride > (std::uint64_t{1} << 62)) break;  // only the start and recent remain
            m_stride *= 2;
        }
    }
}

CheckpointPtr Timeline::record(const Network& net, const TrainerState& state) {
    auto cp = std::make_shared<const Checkpoint>(Checkpoint{net.allWeights(), state});
    const std::uint64_t s = cp->sample();
    truncateAfter(s);
    if (!m_checkpoints.empty() && m_checkpoints.back()->sample() == s) {  // a rewritten future
        m_bytes -= m_checkpoints.back()->bytes();
        m_checkpoints.pop_back();
    }
    if (m_capacity == 0)
        m_capacity =
            std::max<std::size_t>(2, m_policy.budgetBytes / std::max<std::size_t>(1, cp->bytes()));
    thinTo(m_capacity - 1);
    m_bytes += cp->bytes();
    m_checkpoints.push_back(cp);
    return cp;
}

void Timeline::truncateAfter(std::uint64_t sample) {
    while (!m_checkpoints.empty() && m_checkpoints.back()->sample() > sample) {
        m_bytes -= m_checkpoints.back()->bytes();
        m_checkpoints.pop_back();
    }
}

void Timeline::setBudget(std::size_t bytes) {
    m_policy.budgetBytes = bytes;
    if (m_checkpoints.empty()) {
        m_capacity = 0;
        return;
    }
    m_capacity =
        std::max<std::size_t>(2, bytes / std::max<std::size_t>(1, m_checkpoints.front()->bytes()));
    thinTo(m_capacity);
}

void Timeline::clear() {
    m_checkpoints.clear();
    m_bytes = 0;
    m_stride = 1;
    m_capacity = 0;
}

const Checkpoint* Timeline::atOrBefore(std::uint64_t sample) const {
    const auto it =
        std::upper_bound(m_checkpoints.begin(), m_checkpoints.end(), sample,
                         [](std::uint64_t s, const CheckpointPtr& c) { return s < c->sample(); });
    return it == m_checkpoints.begin() ? nullptr : std::prev(it)->get();
}

const Checkpoint* Timeline::nearest(std::uint64_t sample) const {
    if (m_checkpoints.empty()) return nullptr;
    const auto it =
        std::lower_bound(m_checkpoints.begin(), m_checkpoints.end(), sample,
                         [](const CheckpointPtr& c, std::uint64_t s) { return c->sample() < s; });
    if (it == m_checkpoints.end()) return m_checkpoints.back().get();
    if (it == m_checkpoints.begin()) return it->get();
    const Checkpoint& after = **it;
    const Checkpoint& before = **std::prev(it);
    return after.sample() - sample < sample - before.sample() ? &after : &before;
}

void restore(const Checkpoint& cp, Network& net, Trainer& trainer) {
    if (static_cast<int>(cp.weights.size()) != net.weightLayers())
        throw std::invalid_argument("checkpoint has " + std::to_string(cp.weights.size()) +
                                    " weight layers, the network " +
                                    std::to_string(net.weightLayers()));
    for (int k = 0; k < net.weightLayers(); ++k) {  // every shape checked before any changes
        const Matrix& w = cp.weights[static_cast<std::size_t>(k)];
        if (w.rows() != net.weights(k).rows() || w.cols() != net.weights(k).cols())
            throw std::invalid_argument("checkpoint's W_" + std::to_string(k) + " is " +
                                        std::to_string(w.rows()) + "×" + std::to_string(w.cols()) +
                                        ", the network's " + std::to_string(net.weights(k).rows()) +
                                        "×" + std::to_string(net.weights(k).cols()));
    }
    trainer.restore(cp.trainer);
    for (int k = 0; k < net.weightLayers(); ++k)
        net.weights(k) = cp.weights[static_cast<std::size_t>(k)];
}

}  // namespace bp
