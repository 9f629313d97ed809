#pragma once
// Whether a backup destination can take a backup now (there, writable, room to start), and the
// sentence that tells the user why not. The one probe that the daily backup and the Back Up dialog
// share. probe() asks the file system (a network share may take seconds to answer): call it off the
// UI thread. Any thread.

#include <QString>

namespace shoebox {

enum class DestinationState {
    Ready,
    Missing, // not there: a drive not plugged in, a share not mounted
    ReadOnly,
    Full, // less free space than a backup needs to start
};

class BackupDestination {
public:
    static constexpr qint64 kMinimumFreeBytes = qint64(64) << 20;

    // The destination's state as the file system tells it. A destination that has held a backup
    // (hasBackedUp) must still be one: an empty mount point with the drive unplugged is "missing",
    // never a new backup on the system disk.
    static DestinationState probe(const QString& destination, bool hasBackedUp, qint64 minimumFree = kMinimumFreeBytes);
    // One sentence naming the destination; empty for Ready.
    static QString message(DestinationState state, const QString& destination);
};

} // namespace shoebox
