#pragma once
// Runs the scan's per-file job for every index in [0, count) on its own std::threads (one per core
// unless told), at most `window` results ahead of the writer, and hands the results to the writer's
// thread as they finish. Plain std::thread and std::mutex rather than QThreadPool: the hand-over of
// each job and each result is then visible to ThreadSanitizer, which cannot see inside Debian's
// uninstrumented QtCore (scripts/test.sh --tsan). Used by Scanner on its thread.

#include "scan/photoprocessor.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace shoebox {

class ScanWorkers {
public:
    using Job = std::function<ProcessedPhoto(size_t index)>;
    ScanWorkers(size_t count, int threads, size_t window, Job job);
    // Stops and joins: jobs running finish, none starts.
    ~ScanWorkers();
    ScanWorkers(const ScanWorkers&) = delete;
    ScanWorkers& operator=(const ScanWorkers&) = delete;

    // The results finished since the last call, waiting up to waitMs for a first one.
    std::vector<ProcessedPhoto> take(int waitMs);
    // No job starts any more; those running finish and are still handed over by take().
    void stop();
    // Every job that started has been taken, and no other will start.
    bool finished() const;
    // Jobs started whose results have not been taken yet.
    size_t waiting() const;

private:
    void work();

    const size_t m_count;
    const size_t m_window;
    const Job m_job;
    mutable std::mutex m_mutex;
    std::condition_variable m_room; // a job may start: the window has room, or the run ends
    std::condition_variable m_ready; // a result waits for take()
    size_t m_next = 0; // jobs started
    size_t m_taken = 0; // results taken
    bool m_stopped = false;
    std::deque<ProcessedPhoto> m_done;
    std::vector<std::thread> m_threads;
};

} // namespace shoebox
