#pragma once
// A backup destination folder and its layout:
//   shoebox-backup.json          marks the folder as a Shoebox backup (format version)
//   objects/ab/ab12...           each distinct file once, named by its content hash, read-only
//   snapshots/<id>/              sealed snapshots: catalog.db, manifest.tsv, files/ (hard links to the
//                                objects under the photos' own paths), seal.json (written last)
//   snapshots/<id>.partial/      a run in progress or killed: never listed, removed by the next run
//   snapshots/<id>.deleting/     a sealed snapshot set aside (being deleted, or its tree taken over by a
//                                same-day run): never listed; put back whole by the next run when its
//                                run did not finish and every object it names is still there
//   damaged.txt                  objects verify found damaged; the next backup repairs them
// One instance per thread that uses it; the run lock (lock()) keeps two processes apart.

#include "backup/backupio.h"
#include "backup/backupmanifest.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace shoebox {

class BackupRepository {
public:
    explicit BackupRepository(QString root);
    ~BackupRepository();
    BackupRepository(const BackupRepository&) = delete;
    BackupRepository& operator=(const BackupRepository&) = delete;

    // Checks the destination: it must exist (a drive not plugged in is an error, never created), be
    // a folder and be either empty or a Shoebox backup. create: set up the layout and check that
    // the destination takes writes.
    IoResult open(bool create);
    // Takes the destination's run lock (released with this object, or by the kernel when killed).
    IoResult lock();
    // Settles what a killed or failed run left: partial snapshots and half-written objects are removed;
    // a snapshot set aside is put back (putBack) or, when it cannot be, removed.
    void removeLeftovers();
    // Puts a snapshot that was set aside (path from setAside) back in its place, its files/ tree
    // relinked from the objects named by its manifest. False, with nothing listed, when its seal or
    // manifest cannot be read, an object is missing, or the tree cannot be made.
    bool putBack(const QString& aside);

    // Whether root holds a Shoebox backup (its marker file), without opening it.
    static bool isBackup(const QString& root);

    QString root() const { return m_root; }
    QString snapshotsDir() const;
    QString snapshotDir(const QString& id) const;
    QString tempDir() const; // objects being written
    QByteArray objectPath(const QByteArray& hash) const;

    // Sealed snapshots, oldest first. A folder whose seal is missing or unreadable is left out.
    QList<SnapshotInfo> snapshots() const;
    std::optional<SnapshotInfo> snapshot(const QString& id) const;
    // The snapshot id names, or the newest when id is empty; nullopt with *error when there is none.
    std::optional<SnapshotInfo> pick(const QString& id, QString* error) const;
    // The snapshot's manifest, checked against the hash in its seal.
    bool manifest(const SnapshotInfo& snapshot, QList<ManifestEntry>* entries, QString* error) const;
    // Reads each snapshot's manifest in turn and hands it to visit; one that cannot be read adds its
    // reason to *problems and is skipped. False when any could not be read. The one loop over
    // snapshots that backup, verify, restore and pruning share.
    using ManifestVisitor = std::function<void(const SnapshotInfo&, const QList<ManifestEntry>&)>;
    bool visitManifests(
        const QList<SnapshotInfo>& snapshots, const ManifestVisitor& visit, QStringList* problems) const;
    // The content hashes every sealed snapshot refers to; false when a manifest cannot be read (then
    // nothing may be pruned).
    bool referencedHashes(QSet<QByteArray>* hashes, QString* error) const;
    // Deletes a snapshot: renamed aside first, so a half-deleted one is never listed.
    IoResult removeSnapshot(const QString& id);
    // The first half of removeSnapshot: renames the snapshot aside (no longer listed, removed by the
    // next run's removeLeftovers if not before); *aside gets the folder's new path.
    IoResult setAside(const QString& id, QString* aside);
    // Deletes objects no snapshot refers to; returns how many.
    int pruneObjects(const QSet<QByteArray>& keep);

    QSet<QByteArray> damaged() const;
    IoResult setDamaged(const QSet<QByteArray>& hashes);

private:
    bool readManifest(
        const QString& dir, const SnapshotInfo& snapshot, QList<ManifestEntry>* entries, QString* error) const;
    bool relinkTree(const QByteArray& files, const QList<ManifestEntry>& entries) const;

    QString m_root;
    int m_lockFd = -1;
};

} // namespace shoebox
