#include "backup/objectverifyqueue.h"

#include <QFile>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <unistd.h>
#include <utility>

namespace shoebox {

namespace {

constexpr size_t kReaders = 4; // re-reads in flight at once

} // namespace

ObjectVerifyQueue::ObjectVerifyQueue(qint64 maxPendingBytes)
    : m_maxPending(maxPendingBytes)
    , m_thread(&ObjectVerifyQueue::work, this)
{
}

ObjectVerifyQueue::~ObjectVerifyQueue()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
    for (const Item& item : m_items)
        ::unlink(item.temp.constData());
}

void ObjectVerifyQueue::push(
    const QByteArray& temp, const QByteArray& object, const QByteArray& hash, qint64 size, const QByteArray& source)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    // One file larger than the bound still goes through, alone.
    m_changed.wait(
        lock, [&] { return m_pendingBytes == 0 || m_pendingBytes + size <= m_maxPending || !m_failure.ok(); });
    if (!m_failure.ok()) {
        ::unlink(temp.constData());
        return;
    }
    m_items.push_back({ temp, object, hash, source, size });
    m_pendingBytes += size;
    m_changed.notify_all();
}

IoResult ObjectVerifyQueue::failure() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_failure;
}

IoResult ObjectVerifyQueue::finish()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_changed.wait(lock, [&] { return (m_items.empty() && !m_busy) || !m_failure.ok(); });
    return m_failure;
}

QList<QByteArray> ObjectVerifyQueue::takeUnproven()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return std::exchange(m_unproven, {});
}

void ObjectVerifyQueue::work()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_stop || (!m_items.empty() && m_failure.ok()); });
        if (m_stop)
            return;
        // Everything copied since the last batch: the first sync commits the journal for all of them,
        // so the others find little left to wait for (one commit per file made it the bottleneck).
        std::vector<Item> batch(m_items.begin(), m_items.end());
        m_items.clear();
        m_busy = true;
        lock.unlock();
        qint64 done = 0;
        const IoResult r = verify(batch);
        for (const Item& item : batch)
            done += item.size;
        lock.lock();
        m_busy = false;
        m_pendingBytes -= done;
        if (!r.ok() && m_failure.ok())
            m_failure = r;
        m_changed.notify_all();
    }
}

IoResult ObjectVerifyQueue::verify(const std::vector<Item>& batch)
{
    IoResult r;
    for (const Item& item : batch)
        if (r.ok())
            r = BackupIo::withRetries([&] { return BackupIo::syncData(item.temp); });
    // Read back a few at a time: the disk answers parallel reads faster than one after another.
    // A transient read error gets the retries the copy got.
    std::vector<IoResult> reads(batch.size());
    if (r.ok()) {
        std::atomic<size_t> next { 0 };
        const auto reader = [&] {
            for (size_t i = next++; i < batch.size(); i = next++)
                reads[i]
                    = BackupIo::withRetries([&] { return BackupIo::rereadFromDisk(batch[i].temp, batch[i].hash); });
        };
        std::vector<std::thread> helpers;
        for (size_t t = 1; t < std::min(batch.size(), kReaders); ++t)
            helpers.emplace_back(reader);
        reader();
        for (std::thread& helper : helpers)
            helper.join();
    }
    for (size_t i = 0; i < batch.size(); ++i) {
        if (r.ok())
            r = place(batch[i], reads[i]);
        if (!r.ok())
            ::unlink(batch[i].temp.constData());
    }
    return r;
}

IoResult ObjectVerifyQueue::place(const Item& item, IoResult read)
{
    // Different bytes are a failure at once, unless the copy was never hashed (then its source is
    // what differs, most likely).
    if (read.failure == IoFailure::Damaged && !item.source.isEmpty()) {
        ::unlink(item.temp.constData());
        std::lock_guard<std::mutex> lock(m_mutex);
        m_unproven.append(item.hash);
        return {};
    }
    IoResult r = read;
    const QByteArray fan = item.object.left(item.object.lastIndexOf('/')); // objects/ab, made under objects/
    if (r.ok() && !BackupIo::makeDirs(fan, &m_madeDirs, fan.left(fan.lastIndexOf('/'))))
        r = BackupIo::fromErrno(errno, QFile::decodeName(item.object));
    if (r.ok() && ::rename(item.temp.constData(), item.object.constData()) != 0)
        r = BackupIo::fromErrno(errno, QFile::decodeName(item.object));
    return r;
}

} // namespace shoebox
