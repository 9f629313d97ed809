#pragma once
// Restores a snapshot: every photo, or those under the given paths, to their original places or
// under another folder, never overwriting a different file (a suffixed name instead: "a (restored).jpg"),
// each copy checked against its content hash; or one album's photos, the album read from the snapshot's
// catalog. Restoring everything also restores the snapshot's
// catalog (tags, people, places, albums, verdicts) as the library, the previous library kept aside,
// with each photo's path pointed at the file restored for it. run() blocks: call it on a worker
// thread (it uses that thread's catalog connection).

#include "backup/backupio.h"

#include <QHash>
#include <QPair>
#include <QStringList>

namespace shoebox {

struct RestoreOptions {
    QString destination; // the backup
    QString snapshotId; // empty: the newest
    QString targetDir; // empty: the photos' original places
    QStringList paths; // tree paths ("Pictures/2024") or original absolute paths; empty: everything
    QString album; // only this album's photos (and its sub-albums'), as the snapshot's catalog has it
    QString libraryPath; // where the catalog goes; empty: files only
    bool catalog = true; // restore the catalog when restoring everything
};

struct RestoreReport {
    IoFailure failure = IoFailure::None;
    QString error;
    QString snapshotId;
    int restored = 0;
    int alreadyThere = 0; // identical file found in place
    int renamed = 0; // restored under a suffixed name beside a different file
    QStringList problems; // "file: reason" for files that could not be restored
    bool catalogRestored = false;
    QString previousLibrary; // where the replaced library was kept
    QString catalogFile; // a restic restore: the snapshot's catalog copy, restored as a file
    bool ok() const { return failure == IoFailure::None && problems.isEmpty(); }
};

class BackupRestorer {
public:
    explicit BackupRestorer(RestoreOptions options);
    RestoreReport run();

private:
    void restoreCatalog(const QString& catalog, const QHash<qint64, QPair<QByteArray, QByteArray>>& placed,
        RestoreReport* report) const;

    RestoreOptions m_options;
};

} // namespace shoebox
