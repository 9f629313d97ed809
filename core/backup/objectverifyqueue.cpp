#include "backup/objectverifyqueue.h"

#include <QFile>

#include <cerrno>
#include <unistd.h>

namespace shoebox {

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

void ObjectVerifyQueue::push(const QByteArray& temp, const QByteArray& object, const QByteArray& hash, qint64 size)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    // One file larger than the bound still goes through, alone.
    m_changed.wait(
        lock, [&] { return m_pendingBytes == 0 || m_pendingBytes + size <= m_maxPending || !m_failure.ok(); });
    if (!m_failure.ok()) {
        ::unlink(temp.constData());
        return;
    }
    m_items.push_back({ temp, object, hash, size });
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

void ObjectVerifyQueue::work()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_stop || (!m_items.empty() && m_failure.ok()); });
        if (m_stop)
            return;
        const Item item = m_items.front();
        m_items.pop_front();
        m_busy = true;
        lock.unlock();
        const IoResult r = verify(item);
        lock.lock();
        m_busy = false;
        m_pendingBytes -= item.size;
        if (!r.ok() && m_failure.ok())
            m_failure = r;
        m_changed.notify_all();
    }
}

IoResult ObjectVerifyQueue::verify(const Item& item)
{
    // A transient read error gets the retries the copy got; different bytes are a failure at once.
    IoResult r = BackupIo::withRetries([&] { return BackupIo::syncAndReread(item.temp, item.hash); });
    if (r.ok() && !BackupIo::makeDirs(item.object.left(item.object.lastIndexOf('/')), &m_madeDirs))
        r = BackupIo::fromErrno(errno, QFile::decodeName(item.object));
    if (r.ok() && ::rename(item.temp.constData(), item.object.constData()) != 0)
        r = BackupIo::fromErrno(errno, QFile::decodeName(item.object));
    if (!r.ok())
        ::unlink(item.temp.constData());
    return r;
}

} // namespace shoebox
