#include "scan/scanworkers.h"

#include <algorithm>
#include <chrono>
#include <iterator>

namespace shoebox {

ScanWorkers::ScanWorkers(size_t count, int threads, size_t window, Job job)
    : m_count(count)
    , m_window(std::max<size_t>(1, window))
    , m_job(std::move(job))
{
    const size_t n = std::min(count, size_t(std::max(1, threads)));
    m_threads.reserve(n);
    for (size_t t = 0; t < n; ++t)
        m_threads.emplace_back([this] { work(); });
}

ScanWorkers::~ScanWorkers()
{
    stop();
    for (std::thread& t : m_threads)
        t.join();
}

void ScanWorkers::work()
{
    for (;;) {
        size_t index = 0;
        {
            std::unique_lock lock(m_mutex);
            m_room.wait(lock, [this] { return m_stopped || m_next >= m_count || m_next - m_taken < m_window; });
            if (m_stopped || m_next >= m_count)
                return;
            index = m_next++;
        }
        ProcessedPhoto result = m_job(index);
        {
            const std::lock_guard lock(m_mutex);
            m_done.push_back(std::move(result));
        }
        m_ready.notify_one();
    }
}

std::vector<ProcessedPhoto> ScanWorkers::take(int waitMs)
{
    std::unique_lock lock(m_mutex);
    m_ready.wait_for(lock, std::chrono::milliseconds(waitMs), [this] { return !m_done.empty(); });
    std::vector<ProcessedPhoto> out(std::make_move_iterator(m_done.begin()), std::make_move_iterator(m_done.end()));
    m_done.clear();
    m_taken += out.size();
    lock.unlock();
    m_room.notify_all();
    return out;
}

void ScanWorkers::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_room.notify_all();
}

bool ScanWorkers::finished() const
{
    const std::lock_guard lock(m_mutex);
    return (m_stopped || m_next >= m_count) && m_taken == m_next;
}

size_t ScanWorkers::waiting() const
{
    const std::lock_guard lock(m_mutex);
    return m_next - m_taken;
}

} // namespace shoebox
