// ThreadTeam.cpp — spin briefly, then park: the team behind the row-split training sweep.
#include "ThreadTeam.h"

#include <chrono>

#include "backprop/Trainer.h"  // availableCores

#if defined(__linux__)
#include <sched.h>
#endif

namespace bp {
namespace {

// How long a waiting thread spins before it parks. A sample's serial part (the small layers)
// takes ~2 µs, so a helper is usually woken while still spinning; when the other side has been
// descheduled (another program, the studio's GUI thread), 50 µs of spinning is all it costs.
constexpr auto kSpin = std::chrono::microseconds(50);

inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

// Spins until ready() or kSpin has passed; true when ready.
template <typename Ready>
bool spinUntil(Ready ready) {
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        for (int i = 0; i < 64; ++i) {
            if (ready()) return true;
            cpuRelax();
        }
        if (std::chrono::steady_clock::now() - start > kSpin) return ready();
    }
}

}  // namespace

int availableCores() {
#if defined(__linux__)
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        const int n = CPU_COUNT(&set);
        if (n > 0) return n;
    }
#endif
    const unsigned n = std::thread::hardware_concurrency();
    return n > 0 ? static_cast<int>(n) : 1;
}

ThreadTeam::ThreadTeam(int members) : m_members(members < 1 ? 1 : members) {
    m_threads.reserve(static_cast<std::size_t>(m_members - 1));
    for (int m = 1; m < m_members; ++m) m_threads.emplace_back([this, m] { helper(m); });
}

ThreadTeam::~ThreadTeam() {
    m_stop = true;
    m_generation.fetch_add(1, std::memory_order_seq_cst);
    m_generation.notify_all();
    for (std::thread& t : m_threads) t.join();
}

void ThreadTeam::runRaw(Fn fn, void* ctx) {
    if (m_members == 1) {
        fn(ctx, 0);
        return;
    }
    m_fn = fn;
    m_ctx = ctx;
    m_pending.store(m_members - 1, std::memory_order_relaxed);
    // seq_cst with the helpers' "parked" count (Dekker): either a parking helper sees the new
    // generation, or this thread sees it parked and wakes it.
    m_generation.fetch_add(1, std::memory_order_seq_cst);
    if (m_parkedHelpers.load(std::memory_order_seq_cst) > 0) m_generation.notify_all();

    fn(ctx, 0);

    if (spinUntil([this] { return m_pending.load(std::memory_order_acquire) == 0; })) return;
    m_callerParked.store(true, std::memory_order_seq_cst);
    for (int left = m_pending.load(std::memory_order_seq_cst); left != 0;
         left = m_pending.load(std::memory_order_seq_cst))
        m_pending.wait(left, std::memory_order_seq_cst);
    m_callerParked.store(false, std::memory_order_relaxed);
}

void ThreadTeam::finishOne() {
    m_pending.fetch_sub(1, std::memory_order_seq_cst);
    if (m_callerParked.load(std::memory_order_seq_cst)) m_pending.notify_one();
}

void ThreadTeam::helper(int member) {
    std::uint32_t seen = 0;
    for (;;) {
        const bool moved =
            spinUntil([&] { return m_generation.load(std::memory_order_acquire) != seen; });
        if (!moved) {
            m_parkedHelpers.fetch_add(1, std::memory_order_seq_cst);
            while (m_generation.load(std::memory_order_seq_cst) == seen)
                m_generation.wait(seen, std::memory_order_seq_cst);
            m_parkedHelpers.fetch_sub(1, std::memory_order_relaxed);
        }
        seen = m_generation.load(std::memory_order_acquire);
        if (m_stop) return;
        m_fn(m_ctx, member);
        finishOne();
    }
}

}  // namespace bp
