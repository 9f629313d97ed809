// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Writes .xmp sidecars in the background for the "write sidecars" preference, so that a change of
// marks never waits for the disk. Photos scheduled while a write runs are coalesced into the next
// one (a photo rated five times in a row is written at most twice, never five times). The writing
// itself is SidecarSync on a pool thread with its own catalog connection. Create, schedule and wait
// on one thread (the GUI thread, or the CLI's main thread); the destructor waits for what was
// scheduled, so a CLI command's changes reach the sidecars before it exits.

#include "metadata/sidecarsync.h"

#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QVector>

namespace shoebox {

class SidecarWriter : public QObject {
    Q_OBJECT
public:
    // pool: where the writes run (tests pass a pool they can hold up); default: the writer's own,
    // one thread, so two writes of the same sidecar never race.
    explicit SidecarWriter(QString libraryPath, QObject* parent = nullptr, QThreadPool* pool = nullptr);
    ~SidecarWriter() override;

    void schedule(const QVector<qint64>& ids);
    bool isIdle() const { return !m_running && m_pending.isEmpty(); }
    // Blocks until every scheduled photo is written (without the event loop: the CLI, shutdown).
    void waitForDone();

Q_SIGNALS:
    // One write finished (on the writer's thread): what it wrote, merged and could not write.
    void written(const shoebox::SidecarReport& report);

private:
    void startNext();
    void finishRun();

    QString m_path;
    QThreadPool m_ownPool;
    QThreadPool* m_pool;
    QVector<qint64> m_pending; // in the order first scheduled, each photo once
    QSet<qint64> m_pendingSet;
    bool m_running = false;
    QFuture<SidecarReport> m_future;
    QFutureWatcher<SidecarReport> m_watcher;
};

} // namespace shoebox
