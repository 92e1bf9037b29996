// RunTimeline.h — what the worker tells the views about the run's memory: its checkpoints
// (bp::Timeline, taken every tenth of an epoch and thinned to a memory budget) and the first
// trouble the run's watcher diagnosed (bp::RunWatcher: diverges, stalls, oscillates).
//
// A value made by the worker at each publish where the timeline changed. The checkpoints are
// bp::CheckpointPtr: shared and immutable once taken (Timeline.h), so the GUI thread may read
// them while the worker goes on and thins its own list (it only lets go of its references).
// Nothing here is ever written after it left the worker.
//
// Memory: the worker's bp::Timeline keeps at most max(budget, 2 checkpoints); for 784-200-10
// (158,800 weights, 1.27 MB a checkpoint) and the default 160 MiB budget that is 131
// checkpoints, ≤ 166.6 MB whatever the run's length. A RunTimeline held by the GUI holds the
// same checkpoints (no copy), so the studio's timeline memory is that bound, plus the few
// checkpoints a GUI-side list still holds after the worker thinned them.
#pragma once

#include <QMetaType>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "backprop/Diagnosis.h"
#include "backprop/Timeline.h"

namespace bps {

struct RunTimeline {
    std::vector<bp::CheckpointPtr> checkpoints;  // in order of sample; [0] is the run's start
    std::size_t bytes = 0;                       // memory the worker's timeline holds now
    std::size_t capacity = 0;                    // most checkpoints its budget allows
    std::size_t budget = 0;                      // that budget in bytes
    std::uint64_t liveSample = 0;                // samples the live network has seen
    bp::Diagnosis trouble;                       // first trouble of the run (None: healthy)

    // The checkpoint taken at `sample`, or null (the GUI names checkpoints by their sample).
    bp::CheckpointPtr at(std::uint64_t sample) const {
        for (const auto& c : checkpoints)
            if (c->sample() == sample) return c;
        return nullptr;
    }
    // The latest checkpoint at or before `sample` (the start when none is), null when empty.
    bp::CheckpointPtr atOrBefore(std::uint64_t sample) const {
        bp::CheckpointPtr best = checkpoints.empty() ? nullptr : checkpoints.front();
        for (const auto& c : checkpoints)
            if (c->sample() <= sample) best = c;
        return best;
    }
};

using RunTimelinePtr = std::shared_ptr<const RunTimeline>;

}  // namespace bps

Q_DECLARE_METATYPE(bps::RunTimelinePtr)
