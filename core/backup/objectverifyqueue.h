#pragma once
// The second half of storing an object, run beside the copying: each copied temporary file is
// synced, re-read from the disk and checked against its hash on a thread of its own, and only then
// renamed to its place under objects/, so that the next file is being copied while the last one is
// verified. The backup thread calls push(), failure() and finish(); the queue's own thread does the
// rest, a batch at a time (all that was copied while the last batch was checked; its re-reads a few
// files at once). A file that is not verified never reaches objects/: a killed run leaves it in
// objects/tmp, where the next run deletes it.
// A copy made without hashing (its hash is the catalog's, the source's bytes were not read by the
// backup) names its source: if it reads back different bytes, the source may have changed since the
// scan, so that is no failure: the copy is dropped and listed by takeUnproven() for the engine to
// copy again, hashing as it goes.

#include "backup/backupio.h"

#include <QByteArray>
#include <QList>
#include <QSet>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace shoebox {

class ObjectVerifyQueue {
public:
    // maxPendingBytes bounds what is copied but not yet verified (push() waits beyond it).
    explicit ObjectVerifyQueue(qint64 maxPendingBytes = qint64(256) << 20);
    ~ObjectVerifyQueue(); // stops the thread; unverified temporary files are deleted
    ObjectVerifyQueue(const ObjectVerifyQueue&) = delete;
    ObjectVerifyQueue& operator=(const ObjectVerifyQueue&) = delete;

    // Queues temp (a copy whose bytes hash to hash) to be verified and renamed to object.
    // source: set for a copy whose hash was not computed from the bytes copied (see above).
    void push(const QByteArray& temp, const QByteArray& object, const QByteArray& hash, qint64 size,
        const QByteArray& source = {});
    // The first failure so far (None while all is well); does not wait.
    IoResult failure() const;
    // Waits until every queued file is verified and in place, or the first failure.
    IoResult finish();
    // After finish(): the hashes of the copies with a source that did not read back as their hash,
    // since the last call.
    QList<QByteArray> takeUnproven();

private:
    struct Item {
        QByteArray temp, object, hash, source;
        qint64 size = 0;
    };
    void work();
    IoResult verify(const std::vector<Item>& batch);
    // Renames a copy that read back as its hash into objects/ (read: the re-read's result).
    IoResult place(const Item& item, IoResult read);

    const qint64 m_maxPending;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_items;
    qint64 m_pendingBytes = 0;
    bool m_busy = false;
    bool m_stop = false;
    IoResult m_failure;
    QList<QByteArray> m_unproven; // the worker's only until finish()
    QSet<QByteArray> m_madeDirs; // the worker's only
    std::thread m_thread;
};

} // namespace shoebox
