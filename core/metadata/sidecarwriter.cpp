// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata/sidecarwriter.h"

#include <QtConcurrent/QtConcurrentRun>

namespace shoebox {

SidecarWriter::SidecarWriter(QString libraryPath, QObject* parent, QThreadPool* pool)
    : QObject(parent)
    , m_path(std::move(libraryPath))
    , m_pool(pool ? pool : &m_ownPool)
{
    m_ownPool.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcher<SidecarReport>::finished, this, &SidecarWriter::finishRun);
}

SidecarWriter::~SidecarWriter()
{
    waitForDone();
}

void SidecarWriter::schedule(const QVector<qint64>& ids)
{
    for (qint64 id : ids)
        if (!m_pendingSet.contains(id)) {
            m_pendingSet.insert(id);
            m_pending.append(id);
        }
    if (!m_running)
        startNext();
}

void SidecarWriter::startNext()
{
    if (m_pending.isEmpty())
        return;
    const QVector<qint64> ids = std::exchange(m_pending, {});
    m_pendingSet.clear();
    m_running = true;
    m_future = QtConcurrent::run(m_pool, [path = m_path, ids] { return SidecarSync(path).write(ids); });
    m_watcher.setFuture(m_future);
}

void SidecarWriter::finishRun()
{
    // Called by the watcher, or by waitForDone before the watcher's signal arrives: only once per run.
    if (!m_running || !m_future.isFinished())
        return;
    m_running = false;
    const SidecarReport report = m_future.result();
    Q_EMIT written(report);
    startNext();
}

void SidecarWriter::waitForDone()
{
    while (m_running) {
        m_future.waitForFinished();
        finishRun();
    }
}

} // namespace shoebox
