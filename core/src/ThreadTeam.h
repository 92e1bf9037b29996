// ThreadTeam.h — a fixed team of threads that run one job together, many times a second
// (private to core).
//
// Per-sample training splits the rows of W_0 across the team: every sample, the caller starts
// one job (each member sweeps its own rows) and waits until all members are done, so a job is
// a few microseconds and there are ~60,000 of them an epoch. A condition variable per job would
// cost two system calls per sample; here a member waiting for the next job, and the caller
// waiting for the members, spin on an atomic for a short while (kSpin) and only then park on
// it (std::atomic::wait, a futex on Linux). Between runs the helpers park, so an idle team
// burns no core; the caller's wake-up costs a system call only when a helper is parked.
//
// Happens-before: what the caller writes before run() is visible to every member's job (the
// generation is published with release, read with acquire), and what the members write in
// their job is visible to the caller when run() returns (each member's count-down is acq_rel).
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

namespace bp {

class ThreadTeam {
  public:
    // members ≥ 1: the caller of run() is member 0, members − 1 threads are started here.
    explicit ThreadTeam(int members);
    ~ThreadTeam();  // stops and joins the helpers
    ThreadTeam(const ThreadTeam&) = delete;
    ThreadTeam& operator=(const ThreadTeam&) = delete;

    int size() const { return m_members; }

    // Calls job(member) for member = 0 … size() − 1, member 0 on this thread, and returns when
    // every call has returned. Not re-entrant; one caller thread at a time. A job must not throw.
    template <typename Job>
    void run(Job& job) {
        runRaw([](void* ctx, int member) { (*static_cast<Job*>(ctx))(member); }, &job);
    }

  private:
    using Fn = void (*)(void*, int);
    void runRaw(Fn fn, void* ctx);
    void helper(int member);
    void finishOne();

    int m_members;
    std::vector<std::thread> m_threads;
    // The job: written by the caller before the generation moves on, read by the members after.
    Fn m_fn = nullptr;
    void* m_ctx = nullptr;
    bool m_stop = false;
    alignas(64) std::atomic<std::uint32_t> m_generation{0};  // +1 per job (and once to stop)
    alignas(64) std::atomic<int> m_pending{0};               // helpers still in the current job
    alignas(64) std::atomic<int> m_parkedHelpers{0};         // helpers parked on m_generation
    std::atomic<bool> m_callerParked{false};                 // the caller parked on m_pending
};

}  // namespace bp
