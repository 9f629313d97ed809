#pragma once
// The rule of the optional daily backup: when it is due (a day after the last good one, sooner after
// a failure: retries after 5, 20, 80... minutes, never later than the interval), whether its
// destination can take it (present, writable, not full) and when to tell the user that it cannot
// (once each time it goes missing or full, not at every poll). The clock and the destination's state
// (BackupDestination) are passed in, so tests drive it with a fake clock; the window only polls it and starts the
// engine. A plain value: use it on one thread (the UI thread in the app).

#include "backup/backupdestination.h"
#include "backup/backupio.h"

#include <QDateTime>
#include <QString>

namespace shoebox {

class BackupSchedule {
public:
    enum class Action {
        Wait, // nothing to do now
        Start, // start a backup now
        Notice, // tell the user why it cannot run (destinationState())
    };

    static constexpr qint64 kFirstRetrySecs = 5 * 60;

    explicit BackupSchedule(qint64 intervalSecs = 24 * 3600);

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool enabled() const { return m_enabled; }
    void setLastSuccess(const QDateTime& when) { m_lastSuccess = when; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    bool running() const { return m_running; }
    // When the next run is due; invalid when it is due already.
    QDateTime dueAt() const;

    // What to do at now, given the destination's state (BackupDestination::probe() in the app, a fixed
    // value in tests).
    Action next(const QDateTime& now, DestinationState destination);
    DestinationState destinationState() const { return m_noticed; }
    void started() { m_running = true; }
    // A run ended: None records a success; a cancelled run waits a whole interval; any other failure
    // is retried after a back-off.
    void finished(const QDateTime& now, IoFailure failure, bool cancelled);

private:
    qint64 m_interval;
    bool m_enabled = false;
    bool m_running = false;
    int m_failures = 0;
    QDateTime m_lastSuccess, m_retryAt;
    DestinationState m_noticed = DestinationState::Ready; // the last state the user was told of
};

} // namespace shoebox
