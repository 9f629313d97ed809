#pragma once
// Runs f(0) ... f(n - 1) on the calling thread and up to threads - 1 more (0: one per core), each
// taking the next index from a shared counter, and returns when every call has returned. Plain
// std::thread start and join rather than QtConcurrent's pool: the hand-over and the join are then
// visible to ThreadSanitizer, which cannot see inside Debian's uninstrumented QtCore (scripts/test.sh
// --tsan), and a call costs one thread start per core, nothing next to the work it is used for
// (comparing candidate pairs, computing keypoints). f must not throw. Header-only.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace shoebox {

template <typename F> void parallelFor(size_t n, F&& f, unsigned threads = 0)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    std::atomic<size_t> next { 0 };
    const auto work = [&] {
        for (size_t i = next.fetch_add(1, std::memory_order_relaxed); i < n;
             i = next.fetch_add(1, std::memory_order_relaxed))
            f(i);
    };
    std::vector<std::thread> helpers;
    const size_t extra = std::min<size_t>(threads - 1, n > 0 ? n - 1 : 0);
    helpers.reserve(extra);
    for (size_t t = 0; t < extra; ++t)
        helpers.emplace_back(work);
    work();
    for (std::thread& t : helpers)
        t.join();
}

} // namespace shoebox
