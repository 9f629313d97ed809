#pragma once
// A backup run several times a day makes snapshots that retention deletes at once: keep-daily keeps
// the newest of a day, so the previous snapshot of the same day goes as soon as the new one is sealed.
// Instead of hard-linking every file into a new tree and then unlinking every file of the old one, the
// new snapshot takes over the old one's files/ folder and only the names that changed are linked or
// unlinked. The old snapshot is renamed aside first (no longer listed), so no listed snapshot is ever
// without its tree; a run that fails or is killed between that rename and the new seal leaves it set
// aside, and BackupRepository::putBack lists it again, its tree relinked from the objects.
// Used by BackupEngine on its thread.

#include "backup/backupio.h"
#include "backup/backupmanifest.h"
#include "backup/retentionpolicy.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace shoebox {

class BackupRepository;

class SnapshotTreeReuse {
public:
    // The newest sealed snapshot with a tree when retention would delete it once a snapshot made at
    // now is sealed; nullopt otherwise.
    static std::optional<SnapshotInfo> candidate(
        const QList<SnapshotInfo>& sealed, const RetentionPolicy& retention, const QDateTime& now);
    // Sets previous aside and moves its files/ to partial/files, then unlinks the names whose content
    // is not the same in now (before is previous's manifest). The caller links every entry of now
    // (an existing link is left as it is) and deletes *aside once the new snapshot is sealed. On a
    // failure with *aside empty nothing changed (previous is back in its place).
    static IoResult adopt(BackupRepository& repo, const SnapshotInfo& previous, const QList<ManifestEntry>& before,
        const QList<ManifestEntry>& now, const QByteArray& partial, QString* aside);
};

} // namespace shoebox
