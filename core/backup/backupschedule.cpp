#include "backup/backupschedule.h"

#include <algorithm>

namespace shoebox {

BackupSchedule::BackupSchedule(qint64 intervalSecs)
    : m_interval(intervalSecs)
{
}

QDateTime BackupSchedule::dueAt() const
{
    if (m_retryAt.isValid())
        return m_retryAt;
    return m_lastSuccess.isValid() ? m_lastSuccess.addSecs(m_interval) : QDateTime();
}

BackupSchedule::Action BackupSchedule::next(const QDateTime& now, DestinationState destination)
{
    if (!m_enabled || m_running)
        return Action::Wait;
    const QDateTime due = dueAt();
    // A last backup "in the future" means the clock was set back: better a backup too many than none.
    const bool clockWentBack = m_lastSuccess.isValid() && m_lastSuccess > now;
    if (due.isValid() && now < due && !clockWentBack)
        return Action::Wait;
    if (destination == DestinationState::Ready) {
        m_noticed = DestinationState::Ready;
        return Action::Start;
    }
    if (destination == m_noticed)
        return Action::Wait; // told already
    m_noticed = destination;
    return Action::Notice;
}

void BackupSchedule::finished(const QDateTime& now, IoFailure failure, bool cancelled)
{
    m_running = false;
    if (failure == IoFailure::None && !cancelled) {
        m_lastSuccess = now;
        m_failures = 0;
        m_retryAt = {};
        return;
    }
    if (cancelled) {
        m_retryAt = now.addSecs(m_interval);
        return;
    }
    qint64 pause = kFirstRetrySecs;
    for (int i = 0; i < m_failures && pause < m_interval; ++i)
        pause *= 4;
    ++m_failures;
    m_retryAt = now.addSecs(std::min(pause, m_interval));
}

} // namespace shoebox
