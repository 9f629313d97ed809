#pragma once
// Which snapshots to keep: the newest of each of the last N days, weeks and months that have one
// (restic's keep-daily/weekly/monthly), and always the newest snapshot. A pure function; any thread.

#include <QDateTime>
#include <QList>

namespace shoebox {

struct RetentionPolicy {
    int daily = 7;
    int weekly = 4;
    int monthly = 12;

    // For each time (any order), whether to keep it. Days, weeks and months are the local calendar's.
    QList<bool> keep(const QList<QDateTime>& times) const;
};

} // namespace shoebox
